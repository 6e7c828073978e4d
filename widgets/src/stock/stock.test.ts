import '@lokaal/core/messages-en';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { NetworkError, ProblemError, type PlaceOffersParams } from '@lokaal/client';
import type { Offer, Page, Place } from '@lokaal/core';
import type { LokaalStock, StockClient } from './stock.js';
import './stock.js';

const XSS = '<img src=x onerror="window.__lokaalXss = true">';

function makeOffer(id: number, overrides: Partial<Offer> = {}): Offer {
  return {
    id: String(id),
    place_id: 'amf-fietsen-bos',
    gtin: null,
    title: `Fietsbel ${id}`,
    price_cents: 1295,
    currency: 'EUR',
    availability: 'in_stock',
    quantity: 4,
    url: `https://fietsenbos.example/p/${id}`,
    updated_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    stale: false,
    ...overrides,
  };
}

interface Call {
  params: PlaceOffersParams;
  signal: AbortSignal | undefined;
}

/**
 * An in-memory API over a list of offers: filters by `q` (substring) and availability,
 * pages with a numeric cursor, and records every call with its signal.
 */
function fakeClient(
  offers: Offer[],
  options: { categories?: string[]; answer?: (call: Call) => Promise<Page<Offer>> | undefined } = {},
): StockClient & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    placeOffers: async (_id, params = {}, call = {}) => {
      const record = { params, signal: call.signal };
      calls.push(record);
      const custom = options.answer?.(record);
      if (custom) return custom;
      const matching = offers.filter(
        (offer) =>
          (!params.q || offer.title.toLowerCase().includes(params.q.toLowerCase())) &&
          (!params.availability || offer.availability === params.availability),
      );
      const start = Number(params.cursor ?? 0);
      const limit = params.limit ?? 20;
      const items = matching.slice(start, start + limit);
      return { items, next_cursor: start + limit < matching.length ? String(start + limit) : null };
    },
    place: async (id) =>
      ({
        id,
        kind: 'shop',
        name: 'Fietsen Bos',
        categories: options.categories ?? ['fietsen'],
      }) as Place,
  };
}

async function loaded(client: StockClient): Promise<LokaalStock> {
  const el = await fixture<LokaalStock>(
    html`<lokaal-stock place-id="amf-fietsen-bos" .client=${client}></lokaal-stock>`,
  );
  await waitUntil(() => {
    const status = text(el, '.status');
    return status !== '' && status !== 'Assortiment laden…';
  }, 'the list did not load');
  return el;
}

function items(el: LokaalStock): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part="item"] .title')].map((node) => node.textContent!.trim());
}

function text(el: Element, selector: string): string {
  return el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<lokaal-stock>', () => {
  it('is accessible with results', async () => {
    const el = await loaded(fakeClient([makeOffer(1), makeOffer(2, { stale: true })]));
    await expect(el).to.be.accessible();
  });

  it('lists prices, availability, quantity, freshness and stale offers', async () => {
    const el = await loaded(
      fakeClient([
        makeOffer(1),
        makeOffer(2, { price_cents: null, availability: 'limited', quantity: 1 }),
        makeOffer(3, { availability: 'out_of_stock', quantity: null, stale: true }),
      ]),
    );
    expect(items(el)).to.deep.equal(['Fietsbel 1', 'Fietsbel 2', 'Fietsbel 3']);
    const [first, second, third] = [...el.shadowRoot!.querySelectorAll('[part="item"]')].map((item) =>
      item.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(first)
      .to.contain('€ 12,95')
      .and.contain('Op voorraad · nog 4')
      .and.contain('bijgewerkt 2 uur geleden');
    expect(second).to.contain('prijs in de winkel').and.contain('Beperkt op voorraad · nog 1');
    expect(third).to.contain('Niet op voorraad').and.contain('mogelijk niet actueel');
    expect(text(el, '.status')).to.equal('3 producten');
    // One category is nothing to choose from.
    expect(el.shadowRoot!.querySelector('#category')).to.equal(null);
  });

  it('shows a skeleton while loading, and it is accessible', async () => {
    const client = fakeClient([], { answer: () => new Promise<Page<Offer>>(() => {}) });
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock place-id="amf-fietsen-bos" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('.bone'), 'no skeleton');
    expect(text(el, '[role="status"]')).to.equal('Assortiment laden…');
    expect(el.shadowRoot!.querySelector('.results')!.getBoundingClientRect().height).to.be.greaterThan(150);
    await expect(el).to.be.accessible();
  });

  it('says when nothing matches', async () => {
    const el = await loaded(fakeClient([]));
    expect(text(el, '[role="status"]')).to.equal('Geen producten gevonden in dit assortiment.');
    expect(el.shadowRoot!.querySelector('[part="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry', async () => {
    let fail = true;
    const client = fakeClient([makeOffer(1)], {
      answer: () =>
        fail
          ? Promise.reject(new ProblemError({ type: 'about:blank', title: 'Oops', status: 503 }))
          : undefined,
    });
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock place-id="amf-fietsen-bos" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error');
    expect(text(el, '[role="alert"]')).to.contain('Er ging iets mis bij het ophalen.');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => items(el).length === 1, 'retry did not load');
  });

  it('says when the visitor is offline', async () => {
    const client = fakeClient([], { answer: () => Promise.reject(new NetworkError('https://api.example')) });
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock place-id="amf-fietsen-bos" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no offline message');
    expect(text(el, '[role="alert"]')).to.contain('Je bent offline.');
    await expect(el).to.be.accessible();
  });

  it('says when the place does not exist', async () => {
    const client = fakeClient([], {
      answer: () =>
        Promise.reject(new ProblemError({ type: 'about:blank', title: 'Not found', status: 404 })),
    });
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock place-id="gone" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no message');
    expect(text(el, '[role="alert"]')).to.equal('Deze plek is niet gevonden.');
  });

  it('searches once typing pauses', async () => {
    const client = fakeClient([makeOffer(1, { title: 'Appelsap' }), makeOffer(2, { title: 'Peren' })]);
    const el = await loaded(client);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    // Five keystrokes in a burst, as a typist makes them within the pause the list waits for.
    for (const typed of ['a', 'ap', 'app', 'appe', 'appel']) {
      input.value = typed;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await waitUntil(() => client.calls.length === 2 && items(el).length === 1, 'the search did not run');
    expect(items(el)).to.deep.equal(['Appelsap']);
    // One request for the list, one for the typed word: none per keystroke.
    expect(client.calls.map((call) => call.params.q ?? '')).to.deep.equal(['', 'appel']);
  });

  it('cancels a request that a newer search replaces', async () => {
    const client = fakeClient([makeOffer(1, { availability: 'on_order' })], {
      answer: (call) => (call.params.availability ? undefined : new Promise<Page<Offer>>(() => {})),
    });
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock place-id="amf-fietsen-bos" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => client.calls.length === 1);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#availability')!;
    select.value = 'on_order';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => items(el).length === 1, 'the filtered list did not load');
    expect(client.calls[0]!.signal!.aborted).to.equal(true);
    expect(client.calls[1]!.params.availability).to.equal('on_order');
  });

  it('filters by availability and by the place’s categories', async () => {
    const client = fakeClient([makeOffer(1), makeOffer(2, { availability: 'limited' })], {
      categories: ['fietsen', 'reparatie', 'Not A Slug!'],
    });
    const el = await loaded(client);
    const category = el.shadowRoot!.querySelector<HTMLSelectElement>('#category')!;
    await waitUntil(() => category.options.length === 3, 'no category options');
    expect([...category.options].map((option) => option.value)).to.deep.equal(['', 'fietsen', 'reparatie']);
    category.value = 'reparatie';
    category.dispatchEvent(new Event('change'));
    await waitUntil(() => client.calls.some((call) => call.params.category === 'reparatie'));
    const availability = el.shadowRoot!.querySelector<HTMLSelectElement>('#availability')!;
    expect([...availability.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Alles',
      'Op voorraad',
      'Beperkt op voorraad',
      'Niet op voorraad',
      'Te bestellen',
    ]);
    availability.value = 'limited';
    availability.dispatchEvent(new Event('change'));
    await waitUntil(() => items(el).length === 1);
    expect(client.calls.at(-1)!.params).to.include({ category: 'reparatie', availability: 'limited' });
  });

  it('appends the next page with "more" and moves focus to it', async () => {
    const client = fakeClient(Array.from({ length: 5 }, (_, index) => makeOffer(index + 1)));
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock place-id="amf-fietsen-bos" limit="2" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => items(el).length === 2);
    const more = (): HTMLButtonElement | null =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.more');
    expect(more()!.textContent!.trim()).to.equal('Meer producten');
    more()!.click();
    await waitUntil(() => items(el).length === 4, 'no second page');
    expect(client.calls[1]!.params).to.include({ cursor: '2', limit: 2 });
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelectorAll('[part="item"]')[2]);
    more()!.click();
    await waitUntil(() => items(el).length === 5, 'no last page');
    expect(more()).to.equal(null);
    expect(text(el, '.status')).to.equal('5 producten');
  });

  it('links each product to the shop’s own page in the full layout, never to javascript:', async () => {
    const el = await loaded(
      fakeClient([makeOffer(1), makeOffer(2, { url: 'javascript:alert(1)' }), makeOffer(3, { url: null })]),
    );
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="item"] a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://fietsenbos.example/p/1']);
    expect(items(el)).to.deep.equal(['Fietsbel 1', 'Fietsbel 2', 'Fietsbel 3']);
  });

  it('shows one line per product in the compact layout', async () => {
    const client = fakeClient([makeOffer(1, { stale: true })]);
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock layout="compact" place-id="amf-fietsen-bos" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => items(el).length === 1);
    const item = el.shadowRoot!.querySelector<HTMLElement>('[part="item"]')!;
    expect(item.querySelector('a')).to.equal(null);
    expect(item.querySelector('.freshness')).to.equal(null);
    expect(item.textContent).to.contain('mogelijk niet actueel');
    const lineHeight = parseFloat(getComputedStyle(item.querySelector('.title')!).lineHeight);
    expect(item.querySelector('.title')!.getBoundingClientRect().height).to.be.at.most(lineHeight * 1.5);
    await expect(el).to.be.accessible();
  });

  it('shows hostile titles as text', async () => {
    const el = await loaded(fakeClient([makeOffer(1, { title: XSS })]));
    expect(items(el)).to.deep.equal([XSS]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __lokaalXss?: boolean }).__lokaalXss).to.equal(undefined);
  });

  it('speaks English with lang="en"', async () => {
    const client = fakeClient([makeOffer(1)]);
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock lang="en" place-id="amf-fietsen-bos" .client=${client}></lokaal-stock>`,
    );
    await waitUntil(() => items(el).length === 1);
    expect(text(el, 'label[for="query"]')).to.equal('Search the range');
    const item = el.shadowRoot!.querySelector('[part="item"]')!.textContent!;
    expect(item).to.contain('€12.95').and.contain('In stock · 4 left').and.contain('updated 2 hours ago');
    expect(text(el, '.status')).to.equal('1 product');
  });

  it('is themed through --lokaal-color-accent', async () => {
    const client = fakeClient(Array.from({ length: 3 }, (_, index) => makeOffer(index + 1)));
    const wrapper = await fixture<HTMLElement>(
      html`<div style="--lokaal-color-accent: rgb(120, 20, 160)">
        <lokaal-stock place-id="amf-fietsen-bos" limit="1" .client=${client}></lokaal-stock>
      </div>`,
    );
    const el = wrapper.querySelector('lokaal-stock')!;
    await waitUntil(() => el.shadowRoot?.querySelector('button.more'));
    const more = el.shadowRoot!.querySelector('button.more')!;
    expect(getComputedStyle(more).backgroundColor).to.equal('rgb(120, 20, 160)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="item"] a')!).color).to.equal(
      'rgb(120, 20, 160)',
    );
  });
});

describe('<lokaal-stock structured-data>', () => {
  const scripts = (): HTMLScriptElement[] => [
    ...document.head.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]'),
  ];

  it('adds the listed offers to the page head, stale never in stock, and removes them on disconnect', async () => {
    const offers = [
      makeOffer(1, { gtin: '08710000000012' }),
      makeOffer(2, { stale: true }),
      makeOffer(3, { availability: 'out_of_stock', title: `Bel ${XSS}` }),
    ];
    const el = await fixture<LokaalStock>(
      html`<lokaal-stock
        structured-data
        api="https://api.lokaal.example"
        place-id="amf-fietsen-bos"
        .client=${fakeClient(offers)}
      ></lokaal-stock>`,
    );
    await waitUntil(() => scripts().length === 1, 'no JSON-LD in the head');
    const data = JSON.parse(scripts()[0]!.textContent!) as {
      '@type': string;
      itemListElement: Array<Record<string, unknown>>;
    };
    expect(data['@type']).to.equal('OfferCatalog');
    const [fresh, stale, gone] = data.itemListElement;
    expect(fresh).to.deep.include({
      price: '12.95',
      priceCurrency: 'EUR',
      availability: 'https://schema.org/InStock',
    });
    expect(fresh!.availableAtOrFrom).to.deep.equal({
      '@id': 'https://api.lokaal.example/plaats/amf-fietsen-bos#plaats',
    });
    expect(fresh!.itemOffered).to.deep.include({
      '@type': 'Product',
      name: 'Fietsbel 1',
      gtin14: '08710000000012',
    });
    expect(stale).not.to.have.property('availability');
    expect(gone!.availability).to.equal('https://schema.org/OutOfStock');
    expect((gone!.itemOffered as { name: string }).name).to.equal(`Bel ${XSS}`);
    el.remove();
    expect(scripts()).to.have.length(0);
  });
});
