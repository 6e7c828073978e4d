/**
 * The background's rules, without a browser: what it accepts from the scripts it puts
 * into pages (which may be compromised), and how it asks the API (cache, rate limit, silence on failure).
 * The API is a small in-memory fake of the client, as the house style asks.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemError } from '@lokaal/client';
import { nlExtension, type OfferAtPlace, type SearchResponse } from '@lokaal/core';
import { enExtension } from '@lokaal/core/messages-en';
import { buildGtinFilter, gtinPrefix, serializeFilter } from '@lokaal/filter';
import { FILTER_MAX_AGE_IN_MS } from '../../extension/src/background/filter.js';
import { Lookup, CACHE_TTL_IN_MS, type LookupClient } from '../../extension/src/background/lookup.js';
import { nearestPerPlace, panelView } from '../../extension/src/background/view.js';
import { readJsonLdTexts } from '../../extension/src/detect/json-ld.js';
import {
  MAX_JSON_LD_CHARS,
  MAX_JSON_LD_SCRIPTS,
  MAX_JSON_LD_TOTAL_CHARS,
} from '../../extension/src/detect/limits.js';
import {
  parseContentRequest,
  parseIdentity,
  parseJsonLdTexts,
  parsePageReading,
  parsePageRequest,
} from '../../extension/src/lib/messages.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../extension/src/lib/settings.js';

const UNSOLD = '04006381333931';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  location: { label: '3811', point: { lat: 52.1565, lon: 5.3893 }, source: 'geocode' },
};

function offer(placeId: string, distance: number, extra: Partial<OfferAtPlace> = {}): OfferAtPlace {
  return {
    id: `${placeId}-${distance}`,
    place_id: placeId,
    gtin: '08710856026353',
    title: 'Fietsbel aluminium goud',
    price_cents: 1199,
    currency: 'EUR',
    availability: 'in_stock',
    quantity: null,
    url: 'https://shop.example/fietsbel',
    updated_at: '2026-11-26T10:00:00Z',
    stale: false,
    distance_m: distance,
    place: {
      id: placeId,
      kind: 'shop',
      name: `Winkel ${placeId}`,
      address: { street: 'Langestraat', housenumber: '1', postcode: '3811 AA', town: 'Amersfoort' },
      point: { lat: 52.156, lon: 5.389 },
      open_now: true,
      opens_at: null,
      closes_at: '2026-11-26T17:00:00Z',
    },
    ...extra,
  };
}

const SOLD = ['08710856026353', '09789026337376'];
const FILTER = serializeFilter(buildGtinFilter(SOLD, { bucketBits: 4, builtAt: new Date() }));

/**
 * A fake API that answers from a list and counts what it was asked: a real filter of the
 * GTINs in `SOLD`, and a bucket answer that holds the offers for every GTIN asked about.
 */
function fakeApi(offers: OfferAtPlace[], fail?: () => Error) {
  const calls: string[] = [];
  const client: LookupClient = {
    gtinFilter: async (call) => {
      calls.push(`filter:${call?.ifNoneMatch ?? ''}`);
      if (fail) throw fail();
      if (call?.ifNoneMatch === '"v1"') return { modified: false, etag: '"v1"' };
      return { modified: true, etag: '"v1"', bytes: FILTER.slice().buffer };
    },
    offersByPrefix: async (params) => {
      calls.push(`bucket:${params.prefix}/${params.bits} near ${params.near}`);
      if (fail) throw fail();
      const items = await Promise.all(
        SOLD.map(async (gtin) => ({ gtin, prefix: await gtinPrefix(gtin, params.bits ?? 0) })),
      );
      return {
        prefix: params.prefix,
        bits: params.bits ?? 0,
        near: { lat: 52.16, lon: 5.39 },
        radius_m: 5000,
        gtins_in_bucket: 50,
        items: items
          .filter((item) => item.prefix === params.prefix)
          .map((item) => ({
            gtin: item.gtin,
            offers: offers.map((entry) => ({ ...entry, gtin: item.gtin })),
          })),
      };
    },
    search: async (params) => {
      calls.push(`search:${params.q}`);
      if (fail) throw fail();
      return {
        items: [
          { key: 'k', product: null, title: 'x', score: 1, min_price_cents: null, offers, place_count: 1 },
        ],
        next_cursor: null,
        near: null,
        radius_m: null,
      } satisfies SearchResponse;
    },
    geocode: async (q) => ({ query: q, kind: 'postcode', name: q, point: { lat: 52, lon: 5 } }),
  };
  return { client, calls };
}

describe('what scripts in a page send or answer', () => {
  it('takes the identity that detect.js read only with a valid GTIN, normalised to GTIN-14', () => {
    assert.deepEqual(
      parseIdentity({
        kind: 'gtin',
        gtin: '8710856026353',
        source: 'spec-table',
        title: ' Fietsbel\n goud ',
      }),
      { kind: 'gtin', gtin: '08710856026353', source: 'spec-table', title: 'Fietsbel goud' },
    );
    assert.deepEqual(
      parseIdentity({
        kind: 'gtin',
        gtin: '978-90-263-3737-6',
        source: 'meta',
        marketplaceId: { scheme: 'bol', value: '9200000091093424' },
      }),
      {
        kind: 'gtin',
        gtin: '09789026337376',
        source: 'meta',
        marketplaceId: { scheme: 'bol', value: '9200000091093424' },
      },
    );
    assert.deepEqual(parseIdentity({ kind: 'similar', title: 'Fietsbel', brand: 'Gazelle' }), {
      kind: 'similar',
      title: 'Fietsbel',
      brand: 'Gazelle',
    });
  });

  it('refuses a wrong check digit, an unknown source, oversized or non-string values', () => {
    const refused = [
      { kind: 'gtin', gtin: '8710856026354', source: 'json-ld' },
      { kind: 'gtin', gtin: '8'.repeat(5000), source: 'json-ld' },
      { kind: 'gtin', gtin: 8710856026353, source: 'json-ld' },
      { kind: 'gtin', gtin: '8710856026353', source: 'url' },
      { kind: 'gtin', gtin: '8710856026353' },
      { kind: 'similar', title: '   ' },
      { kind: 'similar', title: 42 },
      { kind: 'fetch', url: 'https://evil.example' },
      'gtin',
      null,
    ];
    for (const value of refused)
      assert.equal(parseIdentity(value), null, JSON.stringify(value)?.slice(0, 80));
    // Title and brand are bounded; a marketplace id that is not short text is left out.
    const long = parseIdentity({
      kind: 'similar',
      title: 'a'.repeat(10_000),
      brand: { toString: () => 'x' },
      marketplaceId: { scheme: 'asin', value: 'B'.repeat(500) },
    });
    assert.deepEqual(long, { kind: 'similar', title: 'a'.repeat(300) });
  });

  it('accepts only the reader’s report, a search the shopper asked for, and a dismissal', () => {
    assert.deepEqual(parseContentRequest({ type: 'dismiss-site', site: 'evil.example' }), {
      type: 'dismiss-site',
    });
    // The report only says that the page changed: the background reads the page itself.
    assert.deepEqual(parseContentRequest({ type: 'changed', texts: ['{}'] }), { type: 'changed' });
    for (const request of [
      { type: 'lookup', gtin: '8710856026353' },
      { type: 'clear' },
      { type: 'fetch', url: 'https://evil.example' },
      'json-ld',
      null,
    ]) {
      assert.equal(parseContentRequest(request), null, JSON.stringify(request));
    }
  });

  it('bounds the title and brand of a similar-products search and collapses white space', () => {
    const request = parseContentRequest({
      type: 'search-similar',
      title: `  a\n\n${'b'.repeat(10_000)}`,
      brand: 42,
    });
    assert.equal(request?.type, 'search-similar');
    assert.ok(
      request?.type === 'search-similar' && request.title.length === 300 && request.title.startsWith('a b'),
    );
    assert.ok(request?.type === 'search-similar' && request.brand === undefined);
    assert.equal(parseContentRequest({ type: 'search-similar', title: '   ' }), null);
  });

  it('takes the reader’s answer only with its JSON-LD as strings, bounded in number and size', () => {
    const product = JSON.stringify({ '@type': 'Product', name: 'Fietsbel', gtin13: '8710856026353' });
    const href = 'https://www.bol.com/nl/nl/p/fietsbel/9200000091093424/';
    const reading = (change: Record<string, unknown>) =>
      parsePageReading({ href, texts: [product], token: '12345', renderer: true, showing: 'yes', ...change });
    assert.deepEqual(reading({ texts: [product, '{'] }), {
      href: new URL(href),
      texts: [product, '{'],
      token: '12345',
      renderer: true,
      showing: false,
    });
    const refused = [
      product,
      [product, 7],
      [{ toString: () => product }],
      Array.from({ length: MAX_JSON_LD_SCRIPTS + 1 }, () => '{}'),
      ['x'.repeat(MAX_JSON_LD_CHARS + 1)],
      ['x'.repeat(MAX_JSON_LD_TOTAL_CHARS / 2 + 1), 'x'.repeat(MAX_JSON_LD_TOTAL_CHARS / 2)],
    ];
    for (const texts of refused) {
      assert.equal(parseJsonLdTexts(texts), null);
      assert.equal(reading({ texts }), null);
    }
    for (const change of [
      { href: 'not a url' },
      { href: 7 },
      { token: 'x;y' },
      { token: 12345 },
      { href: `${href}${'x'.repeat(5000)}` },
    ]) {
      assert.equal(reading(change), null, JSON.stringify(change).slice(0, 60));
    }
    // What the texts say is read in the background, against the page's address.
    const url = new URL(href);
    assert.deepEqual(readJsonLdTexts([product, '{'], url), {
      hasProduct: true,
      gtin: '08710856026353',
      title: 'Fietsbel',
    });
    assert.deepEqual(readJsonLdTexts([product.replace('026353', '026354')], url), {
      hasProduct: true,
      title: 'Fietsbel',
    });
  });

  it('lets extension pages ask for a tab and a geocode, nothing else', () => {
    assert.deepEqual(parsePageRequest({ type: 'tab-state', tabId: 3 }), { type: 'tab-state', tabId: 3 });
    assert.equal(parsePageRequest({ type: 'tab-state', tabId: -1 }), null);
    assert.deepEqual(parsePageRequest({ type: 'geocode', query: ' 3811 ' }), {
      type: 'geocode',
      query: '3811',
    });
    assert.equal(parsePageRequest({ type: 'lookup', gtin: '8710856026353' }), null);
  });
});

describe('stored settings', () => {
  it('fall back to the defaults for missing or damaged values', () => {
    const settings = parseSettings({
      location: { label: 'x', point: { lat: 200, lon: 5 }, source: 'geocode' },
      radiusInMetres: -5,
      locale: 'fr',
      apiBaseUrl: 'javascript:alert(1)',
      dismissedSites: 'www.bol.com',
    });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
  });

  it('keep valid values', () => {
    const settings = parseSettings({
      ...SETTINGS,
      radiusInMetres: 10_000,
      locale: 'en',
      apiBaseUrl: 'https://api.regio.example/',
    });
    assert.equal(settings.radiusInMetres, 10_000);
    assert.equal(settings.locale, 'en');
    assert.equal(settings.apiBaseUrl, 'https://api.regio.example');
    assert.deepEqual(settings.location, SETTINGS.location);
  });
});

describe('looking up places', () => {
  it('asks nothing before a location is chosen', async () => {
    const api = fakeApi([offer('a', 100)]);
    const lookup = new Lookup(() => api.client);
    assert.equal(await lookup.product('08710856026353', DEFAULT_SETTINGS), null);
    assert.deepEqual(api.calls, []);
  });

  it('keeps the nearest offer per place, leaves out what is out of stock, and caches the answer', async () => {
    let now = 0;
    const api = fakeApi([
      offer('b', 300),
      offer('a', 100),
      offer('a', 150),
      offer('c', 50, { availability: 'out_of_stock' }),
    ]);
    const lookup = new Lookup(
      () => api.client,
      () => now,
    );
    const places = await lookup.product('08710856026353', SETTINGS);
    assert.deepEqual(
      places?.map((place) => place.place.id),
      ['a', 'b'],
    );
    await lookup.product('08710856026353', SETTINGS);
    assert.equal(api.calls.length, 2, 'the filter, then one bucket');
    now += CACHE_TTL_IN_MS + 1;
    await lookup.product('08710856026353', SETTINGS);
    assert.equal(api.calls.length, 3, 'the filter is kept; the bucket is asked again');
  });

  it('asks nothing but the filter for a product no shop sells, and never sends the GTIN', async () => {
    const api = fakeApi([offer('a', 100)]);
    const lookup = new Lookup(() => api.client);
    assert.deepEqual(await lookup.product(UNSOLD, SETTINGS), []);
    assert.deepEqual(api.calls, ['filter:']);
    await lookup.product(SOLD[0]!, SETTINGS);
    assert.equal(api.calls.length, 2);
    assert.match(
      api.calls[1]!,
      /^bucket:[0-9a-f]\/4 near 52\.16,5\.39$/,
      'a prefix and a point rounded to 2 decimals',
    );
    assert.ok(!api.calls.some((call) => SOLD.some((gtin) => call.includes(gtin.slice(1)))));
  });

  it('keeps the filter in extension storage and revalidates it once a day', async () => {
    let now = 0;
    const values = new Map<string, unknown>();
    const storage = {
      get: async (key: string) => values.get(key),
      set: async (key: string, value: unknown) => void values.set(key, value),
    };
    const api = fakeApi([offer('a', 100)]);
    await new Lookup(
      () => api.client,
      () => now,
      storage,
    ).product(UNSOLD, SETTINGS);
    assert.equal(values.size, 1);
    // A new service-worker life reads the stored copy instead of downloading it.
    await new Lookup(
      () => api.client,
      () => now,
      storage,
    ).product(UNSOLD, SETTINGS);
    assert.deepEqual(api.calls, ['filter:']);
    now += FILTER_MAX_AGE_IN_MS + 1;
    await new Lookup(
      () => api.client,
      () => now,
      storage,
    ).product(UNSOLD, SETTINGS);
    assert.deepEqual(api.calls, ['filter:', 'filter:"v1"'], 'a conditional request');
  });

  it('is silent when the API fails, and waits for Retry-After on a 429', async () => {
    let now = 0;
    const api = fakeApi(
      [],
      () => new ProblemError({ type: 'about:blank', title: 'Too Many Requests', status: 429 }, 30),
    );
    const lookup = new Lookup(
      () => api.client,
      () => now,
    );
    assert.equal(await lookup.product('08710856026353', SETTINGS), null);
    assert.equal(await lookup.product('09789026337376', SETTINGS), null);
    assert.equal(api.calls.length, 1, 'no call while the API asked to wait');
    now += 31_000;
    await lookup.product('09789026337376', SETTINGS);
    assert.equal(api.calls.length, 2);
  });

  it('searches similar products by brand and the title’s first words', async () => {
    const api = fakeApi([offer('a', 100)]);
    const lookup = new Lookup(() => api.client);
    const places = await lookup.similar('Fietsbel klassiek zwart met extra lange naam', 'Trapvast', SETTINGS);
    assert.equal(places?.length, 1);
    assert.deepEqual(api.calls, ['search:Trapvast Fietsbel klassiek zwart met extra']);
  });
});

describe('the panel’s text', () => {
  it('is formatted in the shopper’s language, with only http(s) shop links', () => {
    const places = nearestPerPlace([offer('a', 120, { url: 'javascript:alert(1)' }), offer('b', 1500)]);
    const dutch = panelView(places, 'exact', 'nl', new Date('2026-11-26T12:00:00Z'));
    assert.equal(dutch.labels.title, 'Ook verkrijgbaar in de buurt');
    assert.equal(dutch.items[0]!.distance, '120 m');
    assert.equal(dutch.items[0]!.price, '€\u00a011,99');
    assert.equal(dutch.items[0]!.shopUrl, null);
    assert.match(dutch.items[0]!.routeUrl, /^https:\/\/www\.openstreetmap\.org\//);
    assert.equal(dutch.items[1]!.distance, '1,5 km');
    const english = panelView(places, 'similar', 'en');
    assert.equal(english.labels.similarTitle, 'Similar products nearby');
  });
});

describe('the extension’s strings', () => {
  it('exist in Dutch and English with the same keys', () => {
    assert.deepEqual(Object.keys(nlExtension).sort(), Object.keys(enExtension).sort());
    assert.equal(nlExtension.extWelcomeTitle, 'Welkom bij Lokaal');
    assert.equal(enExtension.extWelcomeTitle, 'Welcome to Lokaal');
  });
});
