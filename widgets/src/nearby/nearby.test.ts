import '@lokaal/core/messages-en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { AbortedError, NetworkError, ProblemError, type ProductOffersParams } from '@lokaal/client';
import type { OfferAtPlace, Page } from '@lokaal/core';
import { HOUR_MS, offerAt, placeSummary } from '../../test-support/offers.js';
import { LokaalPlaceSelectEvent } from '../shared/events.js';
import { routeUrl } from '../shared/safe-url.js';
import type { LokaalNearby } from './nearby.js';
import './nearby.js';

// Lit's one-time "dev mode" notice is not ours to print: tests print nothing.
((globalThis as unknown as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set()).add(
  'dev-mode',
);

const GTIN = '08710856026353';

const vanDalen = placeSummary('amf-rijwielhandel-van-dalen', 'Rijwielhandel Van Dalen');
const eemland = placeSummary('amf-tweewielers-eemland', 'Tweewielers Eemland', {
  open_now: false,
  opens_at: new Date(Date.now() + 14 * HOUR_MS).toISOString(),
  closes_at: null,
});
const keistad = placeSummary('amf-fietshuis-keistad', 'Fietshuis Keistad');
const hessenweg = placeSummary('leu-rijwielhandel-hessenweg', 'Rijwielhandel Hessenweg');

const threePlaces: Page<OfferAtPlace> = {
  items: [
    offerAt(vanDalen),
    offerAt(eemland, {
      price_cents: 1199,
      availability: 'on_order',
      quantity: null,
      distance_m: 126,
      stale: true,
    }),
    offerAt(keistad, { price_cents: null, availability: 'limited', distance_m: 1292, url: null }),
    offerAt(hessenweg, { availability: 'out_of_stock', distance_m: 4100 }),
  ],
  next_cursor: null,
};

type Answer = (gtin: string, params: ProductOffersParams) => Page<OfferAtPlace> | Promise<Page<OfferAtPlace>>;

/** An in-memory stand-in for the API client: records each call and answers like the API would. */
class FakeNearbyClient {
  readonly calls: Array<{ gtin: string; params: ProductOffersParams; signal: AbortSignal | undefined }> = [];
  constructor(private readonly answer: Answer = () => threePlaces) {}

  productOffers = async (
    gtin: string,
    params: ProductOffersParams = {},
    call: { signal?: AbortSignal } = {},
  ): Promise<Page<OfferAtPlace>> => {
    this.calls.push({ gtin, params, signal: call.signal });
    if (call.signal?.aborted) throw new AbortedError();
    return this.answer(gtin, params);
  };
}

const shadow = (el: LokaalNearby) => el.shadowRoot!;
const badge = (el: LokaalNearby) => shadow(el).querySelector<HTMLButtonElement>('[part="badge"]');
const list = (el: LokaalNearby) => shadow(el).querySelector<HTMLElement>('[part="list"]');
const items = (el: LokaalNearby) => [...shadow(el).querySelectorAll<HTMLElement>('[part="item"]')];

async function loaded(el: LokaalNearby, client: FakeNearbyClient): Promise<void> {
  await waitUntil(() => client.calls.length > 0, 'the API was not asked');
  await el.updateComplete;
  await el.updateComplete;
}

function isSilent(el: LokaalNearby): boolean {
  return (
    shadow(el).textContent!.trim() === '' &&
    el.getBoundingClientRect().height === 0 &&
    el.matches(':state(silent)')
  );
}

describe('<lokaal-nearby>', () => {
  it('is accessible', async () => {
    const client = new FakeNearbyClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await loaded(el, client);
    await expect(el).to.be.accessible();
  });

  it('says at how many places nearby the product is available, leaving out-of-stock offers out', async () => {
    const client = new FakeNearbyClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null, 'no badge');
    expect(badge(el)!.textContent!.trim()).to.equal('Verkrijgbaar bij 3 winkels in de buurt');
    expect(badge(el)!.getAttribute('aria-expanded')).to.equal('false');
    expect(list(el)!.hidden).to.equal(true);
    expect(client.calls).to.have.length(1);
    expect(client.calls[0]!.gtin).to.equal(GTIN);
    expect(client.calls[0]!.params).to.deep.equal({ near: '3811', radius: 5000, limit: 5 });
  });

  it('counts places, not offers', async () => {
    const client = new FakeNearbyClient(() => ({
      items: [offerAt(vanDalen), offerAt(vanDalen, { id: 'second', price_cents: 999 })],
      next_cursor: null,
    }));
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null);
    expect(badge(el)!.textContent!.trim()).to.equal('Verkrijgbaar bij 1 winkel in de buurt');
  });

  it('opens the list with place, distance, price, stock, freshness, opening state and route, and is accessible', async () => {
    const client = new FakeNearbyClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null);
    badge(el)!.click();
    await el.updateComplete;
    expect(badge(el)!.getAttribute('aria-expanded')).to.equal('true');
    expect(badge(el)!.getAttribute('aria-controls')).to.equal(list(el)!.id);
    expect(list(el)!.hidden).to.equal(false);
    const [first, second, third] = items(el);
    expect(items(el)).to.have.length(3);
    expect(first!.textContent).to.contain('Rijwielhandel Van Dalen');
    expect(first!.textContent).to.contain('110 m');
    expect(first!.textContent).to.contain('€\u00a011,49');
    expect(first!.textContent).to.contain('Op voorraad');
    expect(first!.textContent).to.contain('bijgewerkt 2 uur geleden');
    expect(first!.textContent).to.contain('Nu open · open tot');
    expect(second!.textContent).to.contain('Te bestellen');
    expect(second!.textContent).to.contain('mogelijk niet actueel');
    expect(second!.textContent).to.contain('Nu gesloten · opent');
    expect(third!.textContent).to.contain('1,3 km');
    expect(third!.textContent).to.contain('prijs in de winkel');
    const route = first!.querySelector('a')!;
    expect(route.getAttribute('href')).to.equal(routeUrl(vanDalen.point));
    expect(route.getAttribute('aria-label')).to.equal('Route naar Rijwielhandel Van Dalen');
    await expect(el).to.be.accessible();

    list(el)!.querySelector('button')!.focus();
    list(el)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(badge(el)!.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).activeElement).to.equal(badge(el));
  });

  it('fires lokaal-place-select when a place is chosen', async () => {
    const client = new FakeNearbyClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null);
    badge(el)!.click();
    await el.updateComplete;
    const selected = oneEvent(el, LokaalPlaceSelectEvent.type);
    items(el)[1]!.querySelector('button')!.click();
    const event = (await selected) as LokaalPlaceSelectEvent;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      place: { id: eemland.id, name: eemland.name, point: eemland.point },
      source: 'lokaal-nearby',
    });
  });

  it('shows nothing and takes no space while loading', async () => {
    const client = new FakeNearbyClient(() => new Promise(() => {}));
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await loaded(el, client);
    expect(isSilent(el)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows nothing when no place nearby has it', async () => {
    const client = new FakeNearbyClient(() => ({ items: [], next_cursor: null }));
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await loaded(el, client);
    expect(isSilent(el)).to.equal(true);
  });

  it('says "not found nearby" with show-empty, and is accessible', async () => {
    const client = new FakeNearbyClient(() => ({
      items: [offerAt(vanDalen, { availability: 'out_of_stock' })],
      next_cursor: null,
    }));
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} near="3811" show-empty .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => shadow(el).textContent!.trim() !== '');
    expect(shadow(el).textContent!.trim()).to.equal('Niet gevonden bij winkels in de buurt');
    expect(el.matches(':state(silent)')).to.equal(false);
    expect(badge(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('stays silent on an error, and says so with show-empty', async () => {
    const problem = () =>
      Promise.reject(new ProblemError({ type: 'about:blank', title: 'Internal Server Error', status: 500 }));
    const quiet = new FakeNearbyClient(problem);
    const silent = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} .client=${quiet}></lokaal-nearby>`,
    );
    await loaded(silent, quiet);
    expect(isSilent(silent)).to.equal(true);

    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} show-empty .client=${new FakeNearbyClient(problem)}></lokaal-nearby>`,
    );
    await waitUntil(() => shadow(el).textContent!.trim() !== '');
    expect(shadow(el).textContent!.trim()).to.equal('Er ging iets mis bij het ophalen.');
    await expect(el).to.be.accessible();
  });

  it('stays silent offline, and says so with show-empty', async () => {
    const offline = () => Promise.reject(new NetworkError('http://api/v1/products'));
    const quiet = new FakeNearbyClient(offline);
    const silent = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} .client=${quiet}></lokaal-nearby>`,
    );
    await loaded(silent, quiet);
    expect(isSilent(silent)).to.equal(true);

    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} show-empty .client=${new FakeNearbyClient(offline)}></lokaal-nearby>`,
    );
    await waitUntil(() => shadow(el).textContent!.trim() !== '');
    expect(shadow(el).textContent!.trim()).to.equal('Je bent offline.');
  });

  it('accepts any GTIN form and asks for its GTIN-14', async () => {
    const client = new FakeNearbyClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby
        gtin="978-90-263-3737-6"
        near="52.1565,5.3893"
        radius="2000"
        limit="3"
        .client=${client}
      ></lokaal-nearby>`,
    );
    await loaded(el, client);
    expect(client.calls[0]!.gtin).to.equal('09789026337376');
    expect(client.calls[0]!.params).to.deep.equal({ near: '52.1565,5.3893', radius: 2000, limit: 3 });
  });

  it('renders nothing for an invalid GTIN, asks nothing, and warns once', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const client = new FakeNearbyClient();
      const el = await fixture<LokaalNearby>(
        html`<lokaal-nearby gtin="8712345678907" near="3811" show-empty .client=${client}></lokaal-nearby>`,
      );
      el.near = '3812';
      await el.updateComplete;
      expect(isSilent(el)).to.equal(true);
      expect(client.calls).to.have.length(0);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('8712345678907');
    } finally {
      console.warn = warn;
    }
  });

  it('asks again when the GTIN changes, aborting the earlier request', async () => {
    const client = new FakeNearbyClient((gtin) => (gtin === GTIN ? new Promise(() => {}) : threePlaces));
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} .client=${client}></lokaal-nearby>`,
    );
    await loaded(el, client);
    el.gtin = '9789026337376';
    await waitUntil(() => badge(el) !== null);
    expect(client.calls[0]!.signal!.aborted).to.equal(true);
    expect(client.calls[1]!.gtin).to.equal('09789026337376');
  });

  it('asks again when it is moved in the page while loading', async () => {
    let asked = 0;
    const client = new FakeNearbyClient(() =>
      ++asked === 1 ? new Promise<Page<OfferAtPlace>>(() => {}) : threePlaces,
    );
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} .client=${client}></lokaal-nearby>`,
    );
    await loaded(el, client);
    const parent = el.parentElement!;
    el.remove();
    expect(client.calls[0]!.signal!.aborted).to.equal(true);
    parent.append(el);
    await waitUntil(() => badge(el) !== null, 'no badge after the move');
    expect(client.calls).to.have.length(2);
  });

  it('renders hostile names and shop URLs as text, never as markup or links', async () => {
    const attack = '<img src=x onerror="window.__lokaalXss=1">';
    const client = new FakeNearbyClient(() => ({
      items: [
        offerAt(placeSummary('evil', attack), { url: 'javascript:alert(1)' }),
        offerAt(placeSummary('data', 'Data Winkel'), { url: 'data:text/html,<script>alert(1)</script>' }),
      ],
      next_cursor: null,
    }));
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby gtin=${GTIN} .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null);
    badge(el)!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(items(el)[0]!.querySelector('button')!.textContent!.trim()).to.equal(attack);
    const hrefs = [...shadow(el).querySelectorAll('a')].map((link) => link.getAttribute('href')!);
    expect(hrefs).to.have.length(2);
    expect(hrefs.every((href) => href.startsWith('https://www.openstreetmap.org/'))).to.equal(true);
    expect((window as unknown as Record<string, unknown>).__lokaalXss).to.equal(undefined);
  });

  it('speaks English with lang="en"', async () => {
    const client = new FakeNearbyClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby lang="en" gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null);
    expect(badge(el)!.textContent!.trim()).to.equal('Available at 3 shops nearby');
    badge(el)!.click();
    await el.updateComplete;
    expect(items(el)[0]!.textContent).to.contain('€11.49');
    expect(items(el)[0]!.textContent).to.contain('updated 2 hours ago');
    expect(items(el)[1]!.textContent).to.contain('may be out of date');
    await expect(el).to.be.accessible();
  });

  it('takes its badge colour from --lokaal-color-accent', async () => {
    const client = new FakeNearbyClient();
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--lokaal-color-accent: rgb(120, 20, 90)">
        <lokaal-nearby gtin=${GTIN} .client=${client}></lokaal-nearby>
      </div>
    `);
    const el = wrapper.querySelector('lokaal-nearby')!;
    await waitUntil(() => badge(el) !== null);
    expect(getComputedStyle(badge(el)!).backgroundColor).to.equal('rgb(120, 20, 90)');
  });
});
