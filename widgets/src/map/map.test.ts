import '@lokaal/core/messages-en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NetworkError, ProblemError, type PlacesParams } from '@lokaal/client';
import type { BBox, Page, PlaceNear, PlaceSummary, Region } from '@lokaal/core';
import { LokaalPlaceSelectEvent } from '../shared/events.js';
import type { LokaalMap, MapClient } from './map.js';
import './map.js';

const XSS = '<img src=x onerror="window.__lokaalXss = true">';
const AMERSFOORT: BBox = [5.305, 52.134, 5.462, 52.219];

function makePlace(index: number, overrides: Partial<PlaceSummary> = {}): PlaceSummary {
  return {
    id: `place-${index}`,
    kind: 'shop',
    name: `Winkel ${index}`,
    address: { street: 'Langestraat', housenumber: String(index), postcode: '3811 AB', town: 'Amersfoort' },
    // Spread over the town, a few hundred metres apart.
    point: { lat: 52.15 + (index % 7) * 0.008, lon: 5.36 + Math.floor(index / 7) * 0.012 },
    open_now: true,
    opens_at: null,
    closes_at: null,
    ...overrides,
  };
}

interface FakeOptions {
  region?: Region;
  answer?: () => Promise<Page<PlaceNear>> | undefined;
}

/** An in-memory API over a list of places, paging with a numeric cursor; records the calls. */
function fakeClient(
  places: PlaceSummary[],
  options: FakeOptions = {},
): MapClient & { calls: PlacesParams[]; regionCalls: string[] } {
  const calls: PlacesParams[] = [];
  const regionCalls: string[] = [];
  return {
    calls,
    regionCalls,
    region: async (id) => {
      regionCalls.push(id);
      if (!options.region) throw new ProblemError({ type: 'about:blank', title: 'Not found', status: 404 });
      return options.region;
    },
    places: async (params) => {
      calls.push(params);
      const custom = options.answer?.();
      if (custom) return custom;
      const start = Number(params.cursor ?? 0);
      const limit = params.limit ?? 20;
      const items = places
        .slice(start, start + limit)
        .map((place) => ({ ...place, distance_m: null }) as PlaceNear);
      return { items, next_cursor: start + limit < places.length ? String(start + limit) : null };
    },
  };
}

async function mapWith(places: PlaceSummary[], client = fakeClient(places)): Promise<LokaalMap> {
  const el = await fixture<LokaalMap>(
    html`<lokaal-map tiles="none" bbox=${AMERSFOORT.join(',')} .client=${client}></lokaal-map>`,
  );
  await waitUntil(() => markerCount(el) + clusterCount(el) > 0, 'no markers appeared', { timeout: 5000 });
  return el;
}

function markerCount(el: LokaalMap): number {
  return el.shadowRoot!.querySelectorAll('.lokaal-marker').length;
}

function clusterCount(el: LokaalMap): number {
  return el.shadowRoot!.querySelectorAll('.lokaal-cluster').length;
}

function listNames(el: LokaalMap): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part="list"] .place-name')].map((node) => node.textContent!);
}

function text(el: Element, selector: string): string {
  return el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Stands in for the `lokaal-results` event of a `<lokaal-search>`. */
class ResultsEvent extends Event {
  constructor(readonly detail: unknown) {
    super('lokaal-results', { bubbles: true, composed: true });
  }
}

function resultsWith(places: PlaceSummary[]): ResultsEvent {
  return new ResultsEvent({
    items: places.map((place, index) => ({
      key: `offer:${index}`,
      product: null,
      title: `Product ${index}`,
      score: 1,
      min_price_cents: 100,
      place_count: 1,
      offers: [{ id: String(index), place, distance_m: 100 }],
    })),
    near: { lat: 52.156, lon: 5.387 },
    radiusInMetres: 5000,
  });
}

describe('<lokaal-map>', () => {
  it('is accessible', async () => {
    const el = await mapWith([makePlace(1), makePlace(2), makePlace(3)]);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme on a light page, its attribution links included', async () => {
    const el = await mapWith([makePlace(1), makePlace(2), makePlace(3)]);
    el.theme = 'dark';
    await el.updateComplete;
    const attribution = el.shadowRoot!.querySelector('.leaflet-control-attribution a');
    expect(attribution, 'an attribution link').to.not.equal(null);
    expect(getComputedStyle(attribution!).textDecorationLine).to.equal('underline');
    await expect(el).to.be.accessible();
  });

  it('puts a marker on the map for every place, with an accessible name', async () => {
    const el = await mapWith([makePlace(1), makePlace(2), makePlace(3)]);
    await waitUntil(() => markerCount(el) === 3, 'not every place has a marker');
    const labels = [...el.shadowRoot!.querySelectorAll('.lokaal-marker')].map((marker) => [
      marker.getAttribute('aria-label'),
      marker.getAttribute('role'),
      marker.getAttribute('tabindex'),
    ]);
    expect(labels.sort()).to.deep.equal([
      ['Winkel 1', 'button', '0'],
      ['Winkel 2', 'button', '0'],
      ['Winkel 3', 'button', '0'],
    ]);
    expect(text(el, '.status')).to.equal('3 plekken');
    const map = el.shadowRoot!.querySelector<HTMLElement>('[part="map"]')!;
    expect(map.getAttribute('aria-label')).to.equal('Kaart met winkels');
    expect(map.tabIndex).to.equal(0);
    expect(map.getBoundingClientRect().height).to.equal(400);
  });

  it('adopts Leaflet’s stylesheet into its shadow root and draws its own marker icon', async () => {
    const el = await mapWith([makePlace(1)]);
    const pane = el.shadowRoot!.querySelector('.leaflet-pane')!;
    expect(getComputedStyle(pane).position).to.equal('absolute');
    const marker = el.shadowRoot!.querySelector('.lokaal-marker')!;
    expect(marker.querySelector('svg')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('lists the same places for keyboard and screen-reader users', async () => {
    const el = await mapWith([makePlace(1), makePlace(2)]);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('Toon winkels');
    expect(list.hidden).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Verberg winkels');
    expect(list.hidden).to.equal(false);
    expect(listNames(el)).to.deep.equal(['Winkel 1', 'Winkel 2']);
    expect(text(el, '[part="list"] .place-detail')).to.match(/^Langestraat 1 · Amersfoort · Nu open/);
    await expect(el).to.be.accessible();
  });

  it('selects a place from the list with the keyboard: event, popup and current entry', async () => {
    const el = await mapWith([makePlace(1), makePlace(2)]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const second = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.place')[1]!;
    expect(el.shadowRoot!.activeElement).to.equal(second);
    const selected = oneEvent(el, 'lokaal-place-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail.source).to.equal('lokaal-map');
    expect(event.detail.place).to.deep.equal({ id: 'place-2', name: 'Winkel 2', point: makePlace(2).point });
    expect(event.composed).to.equal(true);
    await waitUntil(() => text(el, '.lokaal-popup-name') === 'Winkel 2', 'no popup for the place');
    expect(text(el, '.lokaal-popup-address')).to.equal('Langestraat 2, 3811 AB Amersfoort');
    expect(text(el, '.lokaal-popup-state')).to.equal('Nu open');
    const route = el.shadowRoot!.querySelector<HTMLAnchorElement>('.lokaal-popup-route')!;
    expect(route.textContent).to.equal('Route naar Winkel 2');
    expect(route.getAttribute('href')).to.contain('openstreetmap.org/directions');
    await el.updateComplete;
    expect(second.getAttribute('aria-current')).to.equal('true');
  });

  it('fires lokaal-place-select when a marker is activated', async () => {
    const el = await mapWith([makePlace(1)]);
    const marker = el.shadowRoot!.querySelector<HTMLElement>('.lokaal-marker')!;
    const selected = oneEvent(el, 'lokaal-place-select');
    marker.click();
    const event = await selected;
    expect(event.detail.place.id).to.equal('place-1');
    await waitUntil(() => text(el, '.lokaal-popup-name') === 'Winkel 1', 'no popup');
  });

  it('opens a marker with the keyboard, moves focus into its popup, and Escape brings it back', async () => {
    const el = await mapWith([makePlace(1)]);
    const marker = el.shadowRoot!.querySelector<HTMLElement>('.lokaal-marker')!;
    marker.focus();
    const selected = oneEvent(el, 'lokaal-place-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.place.id).to.equal('place-1');
    await waitUntil(
      () => el.shadowRoot!.activeElement?.classList.contains('lokaal-popup-route'),
      'focus not in popup',
    );
    const close = el.shadowRoot!.querySelector('.leaflet-popup-close-button')!;
    expect(close.getAttribute('aria-label')).to.equal('Sluiten');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.shadowRoot!.querySelector('.lokaal-popup'), 'the popup stayed open');
    expect(el.shadowRoot!.activeElement).to.equal(marker);
  });

  it('pans to a place another element selects, and opens it', async () => {
    const places = [makePlace(1), makePlace(2), makePlace(3)];
    const el = await mapWith(places);
    document.body.dispatchEvent(
      new LokaalPlaceSelectEvent({
        place: { id: 'place-3', name: 'Winkel 3', point: places[2]!.point },
        source: 'test',
      }),
    );
    await waitUntil(() => text(el, '.lokaal-popup-name') === 'Winkel 3', 'did not open the place');
  });

  it('loads a region’s places by its box, page by page, up to a cap', async () => {
    const places = Array.from({ length: 620 }, (_, index) => makePlace(index));
    const client = fakeClient(places, {
      region: {
        id: 'GM0307',
        kind: 'municipality',
        name: 'Amersfoort',
        center: { lat: 52.156, lon: 5.387 },
        bbox: AMERSFOORT,
      },
    });
    const el = await fixture<LokaalMap>(
      html`<lokaal-map tiles="none" region="GM0307" .client=${client}></lokaal-map>`,
    );
    await waitUntil(() => text(el, '.status').startsWith('500'), 'the region did not load', {
      timeout: 5000,
    });
    expect(client.regionCalls).to.deep.equal(['GM0307']);
    expect(client.calls).to.have.length(5);
    expect(client.calls.every((call) => call.bbox?.join() === AMERSFOORT.join())).to.equal(true);
    expect(text(el, '.status')).to.equal('500 plekken De eerste 500 plekken worden getoond.');
    expect(el.shadowRoot!.querySelectorAll('[part="list"] li')).to.have.length(500);
  });

  it('clusters crowded places, and a cluster zooms in when chosen', async () => {
    const crowd = Array.from({ length: 25 }, (_, index) =>
      makePlace(index, { point: { lat: 52.156 + index * 0.00005, lon: 5.387 + index * 0.00005 } }),
    );
    const far = makePlace(99, { point: { lat: 52.09, lon: 5.45 } });
    const el = await mapWith([...crowd, far]);
    await waitUntil(() => clusterCount(el) === 1, 'no cluster formed');
    const cluster = el.shadowRoot!.querySelector<HTMLElement>('.lokaal-cluster')!;
    expect(cluster.textContent!.trim()).to.equal('25');
    expect(cluster.getAttribute('aria-label')).to.equal('25 plekken, kies om in te zoomen');
    expect(cluster.getAttribute('role')).to.equal('button');
    expect(markerCount(el)).to.equal(1);
    cluster.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[data-count="25"]'), 'the map did not zoom in');
    // What replaces the cluster still accounts for every place in the crowd.
    const counts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-count]')].map((node) =>
      Number(node.dataset.count),
    );
    const crowdMarkers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.lokaal-marker')].filter(
      (marker) => marker.dataset.placeId !== 'place-99',
    );
    expect(counts.length + crowdMarkers.length).to.be.greaterThan(1);
    expect(counts.reduce((sum, count) => sum + count, 0) + crowdMarkers.length).to.equal(25);
  });

  it('shows the places of the search it is linked to with for=', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <div id="zoek"></div>
        <div id="andere"></div>
        <lokaal-map tiles="none" for="zoek" .client=${fakeClient([])}></lokaal-map>
      </div>`,
    );
    const el = wrapper.querySelector('lokaal-map')!;
    await el.updateComplete;
    const other = resultsWith([makePlace(7)]);
    wrapper.querySelector('#andere')!.dispatchEvent(other);
    await el.updateComplete;
    expect(listNames(el)).to.deep.equal([]);
    wrapper.querySelector('#zoek')!.dispatchEvent(resultsWith([makePlace(1), makePlace(2), makePlace(1)]));
    await waitUntil(() => markerCount(el) === 2, 'the results did not reach the map', { timeout: 5000 });
    expect(listNames(el)).to.deep.equal(['Winkel 1', 'Winkel 2']);
    expect(text(el, '.status')).to.equal('2 plekken');
    await expect(el).to.be.accessible();
  });

  it('says so while loading, and that is accessible', async () => {
    const client = fakeClient([], { answer: () => new Promise<Page<PlaceNear>>(() => {}) });
    const el = await fixture<LokaalMap>(
      html`<lokaal-map tiles="none" bbox=${AMERSFOORT.join(',')} .client=${client}></lokaal-map>`,
    );
    await waitUntil(() => client.calls.length === 1);
    await el.updateComplete;
    expect(text(el, '.status')).to.equal('Kaart laden…');
    await expect(el).to.be.accessible();
  });

  it('says when there are no places', async () => {
    const el = await fixture<LokaalMap>(
      html`<lokaal-map tiles="none" bbox=${AMERSFOORT.join(',')} .client=${fakeClient([])}></lokaal-map>`,
    );
    await waitUntil(() => text(el, '.status') === 'Geen plekken op deze kaart.', 'no empty message');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry', async () => {
    let fail = true;
    const client = fakeClient([makePlace(1)], {
      answer: () =>
        fail
          ? Promise.reject(new ProblemError({ type: 'about:blank', title: 'Oops', status: 500 }))
          : undefined,
    });
    const el = await fixture<LokaalMap>(
      html`<lokaal-map tiles="none" bbox=${AMERSFOORT.join(',')} .client=${client}></lokaal-map>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error');
    expect(text(el, '[role="alert"]')).to.contain('Er ging iets mis bij het ophalen.');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => markerCount(el) === 1, 'retry did not load the places', { timeout: 5000 });
  });

  it('says when the visitor is offline', async () => {
    const client = fakeClient([], { answer: () => Promise.reject(new NetworkError('https://api.example')) });
    const el = await fixture<LokaalMap>(
      html`<lokaal-map tiles="none" bbox=${AMERSFOORT.join(',')} .client=${client}></lokaal-map>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no offline message');
    expect(text(el, '[role="alert"]')).to.contain('Je bent offline.');
    await expect(el).to.be.accessible();
  });

  it('shows hostile names as text, in the list, the marker and the popup', async () => {
    const el = await mapWith([makePlace(1, { name: XSS })]);
    const marker = el.shadowRoot!.querySelector<HTMLElement>('.lokaal-marker')!;
    expect(marker.getAttribute('aria-label')).to.equal(XSS);
    expect(listNames(el)).to.deep.equal([XSS]);
    marker.click();
    await waitUntil(() => text(el, '.lokaal-popup-name') === XSS, 'no popup');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __lokaalXss?: boolean }).__lokaalXss).to.equal(undefined);
  });

  it('speaks English with lang="en"', async () => {
    const client = fakeClient([makePlace(1)]);
    const el = await fixture<LokaalMap>(
      html`<lokaal-map lang="en" tiles="none" bbox=${AMERSFOORT.join(',')} .client=${client}></lokaal-map>`,
    );
    await waitUntil(() => markerCount(el) === 1, 'no marker', { timeout: 5000 });
    expect(text(el, 'button.toggle')).to.equal('Show shops');
    expect(text(el, '.status')).to.equal('1 place');
    expect(el.shadowRoot!.querySelector('[part="map"]')!.getAttribute('aria-label')).to.equal('Map of shops');
    expect(el.shadowRoot!.querySelector('.leaflet-control-zoom-in')!.getAttribute('title')).to.equal(
      'Zoom in',
    );
  });

  it('starts again when the page moves it (disconnected and connected)', async () => {
    const el = await mapWith([makePlace(1), makePlace(2)]);
    const parent = el.parentElement!;
    el.remove();
    expect(markerCount(el)).to.equal(0);
    parent.append(el);
    await waitUntil(() => markerCount(el) === 2, 'no markers after reconnecting', { timeout: 5000 });
    expect(el.shadowRoot!.querySelectorAll('.leaflet-map-pane')).to.have.length(1);
  });

  it('takes its height from the height attribute', async () => {
    const el = await fixture<LokaalMap>(
      html`<lokaal-map tiles="none" height="250px" .client=${fakeClient([])}></lokaal-map>`,
    );
    expect(el.shadowRoot!.querySelector('[part="map"]')!.getBoundingClientRect().height).to.equal(250);
    el.height = 'url(javascript:alert(1))';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="map"]')!.getBoundingClientRect().height).to.equal(400);
  });

  it('is themed through --lokaal-color-accent', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="--lokaal-color-accent: rgb(120, 20, 160)">
        <lokaal-map
          tiles="none"
          bbox=${AMERSFOORT.join(',')}
          .client=${fakeClient([makePlace(1)])}
        ></lokaal-map>
      </div>`,
    );
    const el = wrapper.querySelector('lokaal-map')!;
    await waitUntil(() => markerCount(el) === 1, 'no marker', { timeout: 5000 });
    expect(getComputedStyle(el.shadowRoot!.querySelector('button.toggle')!).color).to.equal(
      'rgb(120, 20, 160)',
    );
    const pin = el.shadowRoot!.querySelector('.lokaal-pin-body')!;
    expect(getComputedStyle(pin).fill).to.equal('rgb(120, 20, 160)');
  });
});
