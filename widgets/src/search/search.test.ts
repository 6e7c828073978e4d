import '@lokaal/core/messages-en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AbortedError, NetworkError, ProblemError, TimeoutError, type SearchParams } from '@lokaal/client';
import { roundPoint, type OfferAtPlace, type SearchResponse, type SearchResult } from '@lokaal/core';
import { HOUR_MS, offerAt, placeSummary } from '../../test-support/offers.js';
import { LokaalPlaceSelectEvent } from '../shared/events.js';
import { routeUrl } from '../shared/safe-url.js';
import { LokaalResultsEvent, LokaalSearchEvent, type LokaalSearch } from './search.js';

// Lit's one-time "dev mode" notice is not ours to print: tests print nothing.
((globalThis as unknown as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set()).add(
  'dev-mode',
);

const NEAR = { lat: 52.156503, lon: 5.38933 };

function searchResult(
  key: string,
  title: string,
  offers: OfferAtPlace[],
  overrides: Partial<SearchResult> = {},
) {
  const prices = offers.map((offer) => offer.price_cents).filter((price): price is number => price !== null);
  const result: SearchResult = {
    key,
    product: { gtin: key, name: title, brand: 'Spaakwerk', category: 'fietsen', image: null },
    title,
    score: 0.9,
    min_price_cents: prices.length > 0 ? Math.min(...prices) : null,
    offers,
    place_count: offers.length,
    ...overrides,
  };
  return result;
}

const vanDalen = placeSummary('amf-rijwielhandel-van-dalen', 'Rijwielhandel Van Dalen');
const eemland = placeSummary('amf-tweewielers-eemland', 'Tweewielers Eemland', {
  open_now: false,
  opens_at: new Date(Date.now() + 14 * HOUR_MS).toISOString(),
  closes_at: null,
});
const deSpaak = placeSummary('amf-fietsenwinkel-de-spaak', 'Fietsenwinkel De Spaak', {
  open_now: null,
  closes_at: null,
});
const keistad = placeSummary('amf-fietshuis-keistad', 'Fietshuis Keistad');

const bell = searchResult('08710856026353', 'Fietsbel aluminium goud', [
  offerAt(vanDalen),
  offerAt(eemland, {
    price_cents: 1199,
    availability: 'on_order',
    quantity: null,
    distance_m: 126,
    stale: true,
  }),
  offerAt(deSpaak, { price_cents: null, availability: 'limited', distance_m: 163, url: null }),
  offerAt(keistad, { distance_m: 292 }),
]);
const chain = searchResult('08710856028128', 'Fietsketting sport', [
  offerAt(vanDalen, { price_cents: 3699 }),
]);
const lamp = searchResult('offer:77', 'Fietslamp voor en achter', [offerAt(keistad, { price_cents: null })], {
  product: null,
  min_price_cents: null,
});

function page(items: SearchResult[], nextCursor: string | null = null): SearchResponse {
  return { items, next_cursor: nextCursor, near: NEAR, radius_m: 5000 };
}

type Answer = (
  params: SearchParams,
  signal: AbortSignal | undefined,
) => SearchResponse | Promise<SearchResponse>;

/** An in-memory stand-in for the API client: records each call and answers like the API would. */
class FakeSearchClient {
  readonly calls: Array<{ params: SearchParams; signal: AbortSignal | undefined }> = [];
  constructor(private readonly answer: Answer = () => page([bell, chain, lamp])) {}

  search = async (params: SearchParams, call: { signal?: AbortSignal } = {}): Promise<SearchResponse> => {
    this.calls.push({ params, signal: call.signal });
    if (call.signal?.aborted) throw new AbortedError();
    const aborted = new Promise<never>((_, reject) =>
      call.signal?.addEventListener('abort', () => reject(new AbortedError()), { once: true }),
    );
    return Promise.race([Promise.resolve(this.answer(params, call.signal)), aborted]);
  };

  get last(): SearchParams | undefined {
    return this.calls.at(-1)?.params;
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const shadow = (el: LokaalSearch) => el.shadowRoot!;
const input = (el: LokaalSearch) => shadow(el).querySelector<HTMLInputElement>('[part="input"]')!;
const statusText = (el: LokaalSearch) => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
const results = (el: LokaalSearch) => [...shadow(el).querySelectorAll<HTMLElement>('[part="result"]')];
const buttonNamed = (el: LokaalSearch, name: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (button) => button.textContent!.trim() === name,
  );

/**
 * Types into the search field as a quick typist does: a burst of keystrokes inside the pause
 * the element waits for. (Real key events on a busy machine can come slower than that pause,
 * which would make the count of requests depend on the machine.)
 */
async function typeQuery(el: LokaalSearch, text: string): Promise<void> {
  const field = input(el);
  field.focus();
  for (let length = 1; length <= text.length; length++) {
    field.value = text.slice(0, length);
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

async function searchFor(el: LokaalSearch, text: string): Promise<void> {
  await typeQuery(el, text);
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => !['idle', 'loading'].includes(state(el)), 'the search did not finish');
}

/** Which designed state the element shows, read from what is on screen. */
function state(el: LokaalSearch): string {
  const root = shadow(el);
  if (root.querySelector('.skeleton') || root.querySelector('[aria-busy="true"]')) return 'loading';
  if (root.querySelector('[part="results"]')) return 'results';
  if (root.querySelector('.message.error')) return 'failed';
  if (root.querySelector('.message')) return 'empty';
  return 'idle';
}

/** A search near postcode 3811 on a fake API. */
function searchFixture(client: FakeSearchClient): Promise<LokaalSearch> {
  return fixture<LokaalSearch>(html`<lokaal-search .client=${client} near="3811"></lokaal-search>`);
}

describe('<lokaal-search>', () => {
  it('is accessible when idle', async () => {
    const el = await searchFixture(new FakeSearchClient());
    await expect(el).to.be.accessible();
  });

  it('starts idle with a hint, asking the API nothing', async () => {
    const client = new FakeSearchClient();
    const el = await searchFixture(client);
    expect(state(el)).to.equal('idle');
    expect(shadow(el).querySelector('.hint')!.textContent).to.contain('Typ wat je zoekt');
    expect(statusText(el)).to.equal('');
    expect(client.calls).to.have.length(0);
    expect(input(el).getAttribute('role')).to.equal('combobox');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('searches once typing pauses, with the location, radius and limit', async () => {
    const client = new FakeSearchClient();
    const el = await searchFixture(client);
    await typeQuery(el, 'fietsbel');
    await waitUntil(() => state(el) === 'results', 'no results shown');
    expect(client.calls).to.have.length(1);
    expect(client.last).to.deep.equal({ q: 'fietsbel', near: '3811', radius: 5000, limit: 10 });
  });

  it('aborts the previous request when the query changes', async () => {
    const first = deferred<SearchResponse>();
    const client = new FakeSearchClient((params) => (params.q === 'fiets' ? first.promise : page([chain])));
    const el = await searchFixture(client);
    await typeQuery(el, 'fiets');
    await waitUntil(() => client.calls.length === 1);
    await sendKeys({ type: 'ketting' });
    await waitUntil(() => client.calls.length === 2);
    expect(client.calls[0]!.signal!.aborted).to.equal(true);
    await waitUntil(() => state(el) === 'results');
    first.resolve(page([bell]));
    await el.updateComplete;
    expect(results(el).map((result) => result.querySelector('.title')!.textContent)).to.deep.equal([
      'Fietsketting sport',
    ]);
  });

  it('shows a skeleton of reserved height while loading, and is accessible', async () => {
    const pending = deferred<SearchResponse>();
    const el = await searchFixture(new FakeSearchClient(() => pending.promise));
    const idleHeight = el.getBoundingClientRect().height;
    const started = oneEvent(el, LokaalSearchEvent.type);
    input(el).value = 'fiets';
    input(el).dispatchEvent(new InputEvent('input'));
    el.submit();
    const event = (await started) as LokaalSearchEvent;
    expect(event.detail).to.deep.equal({
      q: 'fiets',
      near: '3811',
      radiusInMetres: 5000,
      category: null,
      kind: null,
      inStock: false,
      openNow: false,
    });
    await el.updateComplete;
    expect(state(el)).to.equal('loading');
    expect(shadow(el).querySelector('.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
    expect(el.getBoundingClientRect().height).to.equal(idleHeight);
    await expect(el).to.be.accessible();
    pending.resolve(page([bell]));
  });

  it('lists results: price, stock with freshness, up to three places with distance, opening state and route', async () => {
    const el = await searchFixture(new FakeSearchClient());
    await searchFor(el, 'fiets');
    expect(statusText(el)).to.equal('3 resultaten');
    expect(shadow(el).querySelector('[part="status"]')!.getAttribute('role')).to.equal('status');
    const [first, , third] = results(el);
    expect(first!.querySelector('.title')!.textContent).to.equal('Fietsbel aluminium goud');
    expect(first!.querySelector('.price')!.textContent).to.equal('vanaf €\u00a011,49');
    const places = [...first!.querySelectorAll('.place')];
    expect(places).to.have.length(3);
    expect(places[0]!.textContent).to.contain('Rijwielhandel Van Dalen');
    expect(places[0]!.textContent).to.contain('110 m');
    expect(places[0]!.textContent).to.contain('Op voorraad');
    expect(places[0]!.textContent).to.contain('bijgewerkt 2 uur geleden');
    expect(places[0]!.textContent).to.contain('Nu open · open tot');
    expect(places[0]!.textContent).not.to.contain('mogelijk niet actueel');
    expect(places[1]!.textContent).to.contain('Te bestellen');
    expect(places[1]!.textContent).to.contain('mogelijk niet actueel');
    expect(places[1]!.textContent).to.contain('Nu gesloten · opent');
    expect(places[2]!.textContent).to.contain('prijs in de winkel');
    expect(places[2]!.textContent).to.contain('Openingstijden onbekend');
    const route = places[0]!.querySelector<HTMLAnchorElement>('a')!;
    expect(route.getAttribute('href')).to.equal(routeUrl(vanDalen.point));
    expect(route.getAttribute('aria-label')).to.equal('Route naar Rijwielhandel Van Dalen');
    expect(route.getAttribute('rel')).to.contain('noopener');
    expect(third!.querySelector('.price')!.textContent).to.equal('prijs in de winkel');
    await expect(el).to.be.accessible();
  });

  it('fires lokaal-results with the items, the point and the radius', async () => {
    const el = await searchFixture(new FakeSearchClient());
    input(el).focus();
    await sendKeys({ type: 'fiets' });
    const event = (await oneEvent(el, LokaalResultsEvent.type)) as LokaalResultsEvent;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.items.map((item) => item.key)).to.deep.equal([bell.key, chain.key, lamp.key]);
    expect(event.detail.near).to.deep.equal(NEAR);
    expect(event.detail.radiusInMetres).to.equal(5000);
  });

  it('says what to do when nothing is found, and is accessible', async () => {
    const el = await searchFixture(new FakeSearchClient(() => page([])));
    await searchFor(el, 'zeppelin');
    expect(state(el)).to.equal('empty');
    expect(statusText(el)).to.equal('Niets gevonden voor „zeppelin” in de buurt.');
    expect(shadow(el).querySelector('.message')!.textContent).to.contain(
      'Probeer een ander woord of een grotere afstand.',
    );
    await expect(el).to.be.accessible();
  });

  it('suggests turning a filter off when a filtered search finds nothing', async () => {
    const client = new FakeSearchClient(() => page([]));
    const el = await searchFixture(client);
    const openNow = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')][1]!;
    openNow.click();
    await searchFor(el, 'zeppelin');
    expect(client.last!.open_now).to.equal(true);
    expect(shadow(el).querySelector('.message')!.textContent).to.contain('Of zet een filter uit.');
  });

  it('shows the problem and a retry button on an API error, and is accessible', async () => {
    let fail = true;
    const client = new FakeSearchClient(() => {
      if (fail) {
        throw new ProblemError({
          type: 'urn:lokaal:problem:invalid-parameter',
          title: 'Invalid parameter',
          status: 400,
          detail: 'category: "!" is not a category slug',
          parameter: 'category',
        });
      }
      return page([chain]);
    });
    const el = await searchFixture(client);
    await searchFor(el, 'fiets');
    expect(state(el)).to.equal('failed');
    expect(statusText(el)).to.equal('Er ging iets mis bij het ophalen.');
    expect(shadow(el).querySelector('#failure')!.textContent).to.equal(
      'category: "!" is not a category slug',
    );
    await expect(el).to.be.accessible();
    fail = false;
    buttonNamed(el, 'Opnieuw proberen')!.click();
    await waitUntil(() => state(el) === 'results');
    expect(client.calls).to.have.length(2);
  });

  it('marks the location field when the API does not know the location', async () => {
    const client = new FakeSearchClient(() => {
      throw new ProblemError({
        type: 'x',
        title: 'Invalid parameter',
        status: 400,
        detail: 'near',
        parameter: 'near',
      });
    });
    const el = await searchFixture(client);
    await searchFor(el, 'fiets');
    const near = shadow(el).querySelector<HTMLInputElement>('#near')!;
    expect(near.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).querySelector('#failure')!.textContent).to.equal(
      'Deze postcode of plaats kennen we niet. Probeer een andere.',
    );
  });

  it('says it is offline when the API cannot be reached, and is accessible', async () => {
    const el = await searchFixture(
      new FakeSearchClient(() => Promise.reject(new NetworkError('http://api/v1/search'))),
    );
    await searchFor(el, 'fiets');
    expect(statusText(el)).to.equal('Je bent offline.');
    expect(shadow(el).querySelector('#failure')!.textContent).to.equal(
      'Controleer je verbinding en probeer het opnieuw.',
    );
    expect(buttonNamed(el, 'Opnieuw proberen')).not.to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('treats a timeout as offline', async () => {
    const el = await searchFixture(new FakeSearchClient(() => Promise.reject(new TimeoutError(8000))));
    await searchFor(el, 'fiets');
    expect(statusText(el)).to.equal('Je bent offline.');
  });

  it('does not ask the API while the browser is offline, and searches again once online', async () => {
    const client = new FakeSearchClient();
    const el = await searchFixture(client);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await searchFor(el, 'fiets');
      expect(statusText(el)).to.equal('Je bent offline.');
      expect(client.calls).to.have.length(0);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => state(el) === 'results');
    expect(client.calls).to.have.length(1);
  });

  it('loads the next page with "Meer resultaten" and moves focus to the first new result', async () => {
    const client = new FakeSearchClient((params) =>
      params.cursor === 'WzEyNiw3NjQzXQ' ? page([lamp]) : page([bell, chain], 'WzEyNiw3NjQzXQ'),
    );
    const el = await searchFixture(client);
    await searchFor(el, 'fiets');
    expect(statusText(el)).to.equal('2 resultaten');
    const more = buttonNamed(el, 'Meer resultaten')!;
    const changed = oneEvent(el, LokaalResultsEvent.type);
    more.click();
    const event = (await changed) as LokaalResultsEvent;
    expect(event.detail.items).to.have.length(3);
    expect(client.last).to.include({ q: 'fiets', cursor: 'WzEyNiw3NjQzXQ' });
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement === results(el)[2]);
    expect(statusText(el)).to.equal('3 resultaten');
    expect(buttonNamed(el, 'Meer resultaten')).to.equal(undefined);
  });

  it('asks again when it is moved in the page while a search runs', async () => {
    const pending = deferred<SearchResponse>();
    let asked = 0;
    const client = new FakeSearchClient(() => (++asked === 1 ? pending.promise : page([chain])));
    const el = await searchFixture(client);
    input(el).value = 'fiets';
    input(el).dispatchEvent(new InputEvent('input'));
    el.submit();
    await waitUntil(() => client.calls.length === 1);
    const parent = el.parentElement!;
    el.remove();
    expect(client.calls[0]!.signal!.aborted).to.equal(true);
    parent.append(el);
    await waitUntil(() => state(el) === 'results', 'no results after the move');
    expect(client.calls).to.have.length(2);
  });

  it('offers the first five titles as suggestions, used with ArrowDown, ArrowUp and Enter', async () => {
    const titles = [
      'Fietsbel',
      'Fietsbel klassiek',
      'Fietsbel mini',
      'Fietsbel retro',
      'Fietsbel XL',
      'Fietsbelhouder',
    ];
    const client = new FakeSearchClient((params) =>
      page(
        titles
          .filter((title) => title.startsWith(params.q!))
          .map((title) => searchResult(title, title, [offerAt(vanDalen)])),
      ),
    );
    const el = await searchFixture(client);
    await typeQuery(el, 'Fietsbel');
    await waitUntil(() => input(el).getAttribute('aria-expanded') === 'true', 'suggestions did not open');
    const options = () => [...shadow(el).querySelectorAll('[role="option"]')];
    expect(options().map((option) => option.textContent!.trim())).to.deep.equal(titles.slice(0, 5));
    expect(input(el).getAttribute('aria-controls')).to.equal('suggestions');
    expect(shadow(el).getElementById('suggestions')!.getAttribute('role')).to.equal('listbox');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('suggestion-1');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('suggestion-0');
    expect(options()[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.last?.q === 'Fietsbel klassiek');
    await el.updateComplete;
    expect(input(el).value).to.equal('Fietsbel klassiek');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(shadow(el).activeElement).to.equal(input(el));
  });

  it('closes the suggestions with Escape and keeps the text', async () => {
    const el = await searchFixture(new FakeSearchClient());
    await typeQuery(el, 'fiets');
    await waitUntil(() => input(el).getAttribute('aria-expanded') === 'true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input(el).value).to.equal('fiets');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
  });

  it('re-searches when a filter changes and sends category slugs', async () => {
    const client = new FakeSearchClient();
    const el = await searchFixture(client);
    await searchFor(el, 'fiets');
    const radius = shadow(el).querySelector<HTMLSelectElement>('#radius')!;
    expect([...radius.options].map((option) => option.value)).to.deep.equal([
      '1000',
      '2000',
      '5000',
      '10000',
      '25000',
    ]);
    radius.value = '2000';
    radius.dispatchEvent(new Event('change'));
    await waitUntil(() => client.last?.radius === 2000);
    const kind = shadow(el).querySelector<HTMLSelectElement>('#kind')!;
    kind.value = 'market';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => client.last?.kind === 'market');
    const category = shadow(el).querySelector<HTMLInputElement>('#category')!;
    category.value = 'Boeken & Tijdschriften';
    category.dispatchEvent(new Event('change'));
    await waitUntil(() => client.last?.category === 'boeken-en-tijdschriften');
    const inStock = shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    inStock.click();
    await waitUntil(() => client.last?.in_stock === true);
    expect(client.last).to.deep.include({ q: 'fiets', near: '3811', radius: 2000, kind: 'market' });
  });

  it('leaves the page URL alone without sync-url', async () => {
    const before = window.location.href;
    const historyLength = history.length;
    const el = await searchFixture(new FakeSearchClient());
    await searchFor(el, 'fiets');
    expect(window.location.href).to.equal(before);
    expect(history.length).to.equal(historyLength);
  });

  describe('with sync-url', () => {
    let original: string;
    beforeEach(() => {
      original = window.location.href;
    });
    afterEach(() => {
      history.replaceState(null, '', original);
    });

    it('reads the search from the URL on load', async () => {
      history.replaceState(null, '', '?page=7&q=fietsbel&near=3811+AB&radius=2000&kind=shop&in_stock=true');
      const client = new FakeSearchClient();
      const el = await fixture<LokaalSearch>(
        html`<lokaal-search sync-url .client=${client}></lokaal-search>`,
      );
      await waitUntil(() => state(el) === 'results');
      expect(client.last).to.deep.equal({
        q: 'fietsbel',
        near: '3811 AB',
        radius: 2000,
        kind: 'shop',
        in_stock: true,
        limit: 10,
      });
      expect(input(el).value).to.equal('fietsbel');
      expect(shadow(el).querySelector<HTMLInputElement>('#near')!.value).to.equal('3811 AB');
    });

    it('writes a history entry on submit, and the back button brings the previous search back', async () => {
      history.replaceState(null, '', '?page=7');
      const client = new FakeSearchClient();
      const el = await fixture<LokaalSearch>(
        html`<lokaal-search sync-url near="3811" .client=${client}></lokaal-search>`,
      );
      const historyLength = history.length;
      await searchFor(el, 'fiets');
      const url = new URL(window.location.href);
      expect(url.searchParams.get('q')).to.equal('fiets');
      expect(url.searchParams.get('near')).to.equal('3811');
      expect(url.searchParams.get('radius')).to.equal('5000');
      expect(url.searchParams.get('page')).to.equal('7');
      expect(history.length).to.equal(historyLength + 1);

      input(el).select();
      await searchFor(el, 'ketting');
      expect(new URL(window.location.href).searchParams.get('q')).to.equal('ketting');
      const popped = oneEvent(window, 'popstate');
      history.back();
      await popped;
      await waitUntil(() => client.last?.q === 'fiets', 'the back button did not search again');
      await el.updateComplete;
      expect(input(el).value).to.equal('fiets');
    });
  });

  it('asks for the position only after "Gebruik mijn locatie", and rounds it', async () => {
    const geolocation = navigator.geolocation;
    let asked = 0;
    Object.defineProperty(geolocation, 'getCurrentPosition', {
      configurable: true,
      value: (success: PositionCallback) => {
        asked += 1;
        success({ coords: { latitude: 52.158761, longitude: 5.391234 } } as GeolocationPosition);
      },
    });
    try {
      const client = new FakeSearchClient();
      const el = await searchFixture(client);
      await searchFor(el, 'fiets');
      expect(asked).to.equal(0);
      buttonNamed(el, 'Gebruik mijn locatie')!.click();
      const rounded = roundPoint({ lat: 52.158761, lon: 5.391234 });
      await waitUntil(() => client.last?.near === `${rounded.lat},${rounded.lon}`);
      expect(asked).to.equal(1);
      expect(client.last!.near).not.to.contain('52.158761');
      expect(shadow(el).querySelector('#location-note')!.textContent).to.equal(
        'Je locatie is afgerond op ongeveer 1 km.',
      );
    } finally {
      delete (geolocation as unknown as Record<string, unknown>).getCurrentPosition;
    }
  });

  it('says so when the position is not shared', async () => {
    const geolocation = navigator.geolocation;
    Object.defineProperty(geolocation, 'getCurrentPosition', {
      configurable: true,
      value: (_success: PositionCallback, failure: PositionErrorCallback) =>
        failure({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError),
    });
    try {
      const el = await searchFixture(new FakeSearchClient());
      buttonNamed(el, 'Gebruik mijn locatie')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('#location-note')!.textContent).to.equal(
        'Je locatie is niet gedeeld. Vul een postcode of plaats in.',
      );
      await expect(el).to.be.accessible();
    } finally {
      delete (geolocation as unknown as Record<string, unknown>).getCurrentPosition;
    }
  });

  it('fires lokaal-place-select when a place is chosen, and highlights places chosen elsewhere', async () => {
    const el = await searchFixture(new FakeSearchClient());
    await searchFor(el, 'fiets');
    const placeButton = shadow(el).querySelector<HTMLButtonElement>('.place-name')!;
    const selected = oneEvent(el, LokaalPlaceSelectEvent.type);
    placeButton.click();
    const event = (await selected) as LokaalPlaceSelectEvent;
    expect(event.detail).to.deep.equal({
      place: { id: vanDalen.id, name: vanDalen.name, point: vanDalen.point },
      source: 'lokaal-search',
    });

    document.body.dispatchEvent(
      new LokaalPlaceSelectEvent({
        place: { id: keistad.id, name: keistad.name, point: keistad.point },
        source: 'lokaal-map',
      }),
    );
    await el.updateComplete;
    const highlighted = [...shadow(el).querySelectorAll('.place.selected')];
    expect(highlighted.length).to.be.greaterThan(0);
    expect(highlighted.every((place) => place.getAttribute('data-place-id') === keistad.id)).to.equal(true);
    expect(highlighted[0]!.getAttribute('aria-current')).to.equal('true');
  });

  it('renders hostile titles, names and shop URLs as text, never as markup or links', async () => {
    const attack = '<img src=x onerror="window.__lokaalXss=1">';
    const hostile = searchResult('offer:666', attack, [
      offerAt(placeSummary('evil', `${attack} Winkel`), { url: 'javascript:alert(1)', title: attack }),
      offerAt(placeSummary('data', 'Data Winkel'), { url: 'data:text/html,<script>alert(1)</script>' }),
    ]);
    const el = await searchFixture(new FakeSearchClient(() => page([hostile])));
    await searchFor(el, 'fiets');
    const root = shadow(el);
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('.title')!.textContent!.trim()).to.equal(attack);
    expect(root.querySelector('.place-name')!.textContent!.trim()).to.equal(`${attack} Winkel`);
    const hrefs = [...root.querySelectorAll('a')].map((link) => link.getAttribute('href')!);
    expect(hrefs.every((href) => href.startsWith('https://'))).to.equal(true);
    expect((window as unknown as Record<string, unknown>).__lokaalXss).to.equal(undefined);
  });

  it('speaks English with lang="en"', async () => {
    const client = new FakeSearchClient(() => page([bell, chain]));
    const el = await fixture<LokaalSearch>(
      html`<lokaal-search lang="en" near="3811" .client=${client}></lokaal-search>`,
    );
    expect(shadow(el).querySelector('label[for="q"]')!.textContent).to.equal('Search for a product or shop');
    expect(input(el).placeholder).to.equal('For example bicycle bell, cookbook or coffee');
    await searchFor(el, 'bell');
    expect(statusText(el)).to.equal('2 results');
    const first = results(el)[0]!;
    expect(first.querySelector('.price')!.textContent).to.equal('from €11.49');
    expect(first.textContent).to.contain('updated 2 hours ago');
    expect(first.textContent).to.contain('may be out of date');
    expect(buttonNamed(el, 'Use my location')).not.to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('uses the placeholder attribute', async () => {
    const el = await fixture<LokaalSearch>(
      html`<lokaal-search placeholder="Zoek in Leusden" .client=${new FakeSearchClient()}></lokaal-search>`,
    );
    expect(input(el).placeholder).to.equal('Zoek in Leusden');
  });

  it('takes its accent colour from --lokaal-color-accent', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--lokaal-color-accent: rgb(120, 20, 90)">
        <lokaal-search .client=${new FakeSearchClient()}></lokaal-search>
      </div>
    `);
    const el = wrapper.querySelector('lokaal-search')!;
    await el.updateComplete;
    const submit = shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(120, 20, 90)');
    expect(getComputedStyle(input(el)).caretColor).to.equal('rgb(120, 20, 90)');
  });

  it('is accessible in the dark theme', async () => {
    const el = await fixture<LokaalSearch>(
      html`<lokaal-search theme="dark" .client=${new FakeSearchClient()}></lokaal-search>`,
    );
    await searchFor(el, 'fiets');
    expect(getComputedStyle(shadow(el).querySelector('[part="base"]')!).backgroundColor).to.equal(
      'rgb(23, 32, 27)',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<lokaal-search structured-data>', () => {
  const scripts = (): HTMLScriptElement[] => [
    ...document.head.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]'),
  ];

  it('adds nothing to the page without the attribute', async () => {
    const el = await searchFixture(new FakeSearchClient());
    await searchFor(el, 'fiets');
    expect(scripts()).to.have.length(0);
  });

  it('adds the shown results as Products with Offers to the page head, and removes them on disconnect', async () => {
    const el = await fixture<LokaalSearch>(
      html`<lokaal-search
        structured-data
        api="https://api.lokaal.example"
        .client=${new FakeSearchClient()}
        near="3811"
      ></lokaal-search>`,
    );
    await searchFor(el, 'fiets');
    await waitUntil(() => scripts().length === 1, 'no JSON-LD in the head');
    const data = JSON.parse(scripts()[0]!.textContent!) as {
      '@type': string;
      itemListElement: Array<{ position: number; item: Record<string, unknown> }>;
    };
    expect(data['@type']).to.equal('ItemList');
    expect(data.itemListElement.map((entry) => entry.item.name)).to.deep.equal([
      'Fietsbel aluminium goud',
      'Fietsketting sport',
      'Fietslamp voor en achter',
    ]);
    const first = data.itemListElement[0]!.item;
    expect(first).to.deep.include({ '@type': 'Product', gtin14: '08710856026353' });
    const offers = first.offers as Array<Record<string, unknown>>;
    expect(offers).to.have.length(4);
    // The stale offer makes no availability claim; the others say what they are.
    expect(offers[1]).not.to.have.property('availability');
    expect(offers[2]!.availability).to.equal('https://schema.org/LimitedAvailability');
    const place = offers[0]!.availableAtOrFrom as Record<string, unknown>;
    expect(place.name).to.be.a('string');
    expect(String(place.url)).to.match(/^https:\/\/api\.lokaal\.example\/plaats\//);
    el.remove();
    expect(scripts()).to.have.length(0);
  });
});
