/**
 * The proof of the private lookup (PRIVACY.md), end to end: the built extension in
 * Chromium visits 100 marketplace product pages, 90 of products that no shop of the
 * instance sells and 10 that shops in the demo town sell. Every request that reaches the
 * API goes through a recording proxy, and every request the browser makes is recorded
 * too. For the 90 nothing is asked; for the 10 only the filter and hash-prefix buckets
 * are asked, never with a GTIN, a page address, a title or a cookie; and the panel still
 * names the right shops.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gs1CheckDigit, type OfferAtPlace, type Page as ApiPage, type SearchResponse } from '@lokaal/core';
import { mightContainGtin, parseFilter } from '@lokaal/filter';
import type { Browser } from 'webextension-polyfill';
import { startServer, type RunningServer } from '../support/server.js';
import {
  STRICT_CSP,
  launchWithExtension,
  panelSnapshot,
  startCountingProxy,
  until,
  type CountingProxy,
  type LoadedExtension,
} from './support.js';

/** In the extension's service worker. */
declare const chrome: Browser;

/** The shopper's location, as the welcome page stores it after geocoding `3811`. */
const LOCATION = { label: '3811', point: { lat: 52.1561, lon: 5.3878 }, source: 'geocode' };
const NEAR = '52.16,5.39';
const RADIUS = 5000;
const SEARCH_WORDS = ['fietsbel', 'koffie', 'boek', 'thee', 'lamp', 'kaas', 'pan', 'sok', 'pen', 'mok'];

interface Product {
  gtin13: string;
  title: string;
  /** The nearest shop that has it in stock, as the API says; null for the unsold. */
  nearestShop: string | null;
}

let server: RunningServer;
let proxy: CountingProxy;
let extension: LoadedExtension;
const products: Product[] = [];
/** Every URL the browser asked for, pages and service worker alike. */
const browserRequests: string[] = [];

function pageFor(index: number, product: Product): { path: string; html: string } {
  const path = `/nl/nl/p/privacytest-${index}/93000000${String(index).padStart(8, '0')}/`;
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    gtin13: product.gtin13,
    offers: { '@type': 'Offer', price: '9.99', priceCurrency: 'EUR' },
  }).replaceAll('<', '\\u003c');
  const title = product.title.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return {
    path,
    html: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title} | bol</title>
<link rel="stylesheet" href="/static/page.css">
<script type="application/ld+json">${jsonLd}</script></head>
<body><main class="product"><section class="gallery"><div class="image"></div></section>
<aside class="buy-column"><h1 data-test="title">${title}</h1>
<div data-test="buy-block"><p class="price">9,99</p><button type="button">In winkelwagen</button></div>
</aside></main></body></html>`,
  };
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

/** Ten products that shops near the shopper have in stock, with their nearest shop. */
async function soldProducts(): Promise<Product[]> {
  const found = new Map<string, Product>();
  for (const word of SEARCH_WORDS) {
    const results = await api<SearchResponse>(
      `/v1/search?q=${word}&near=${NEAR}&radius=${RADIUS}&in_stock=true&limit=20`,
    );
    for (const result of results.items) {
      if (!result.product || found.has(result.product.gtin) || found.size >= 10) continue;
      const offers = await api<ApiPage<OfferAtPlace>>(
        `/v1/products/${result.product.gtin}/offers?near=${NEAR}&radius=${RADIUS}&limit=50`,
      );
      const nearest = offers.items.find(
        (offer) => offer.availability === 'in_stock' || offer.availability === 'limited',
      );
      if (!nearest) continue;
      found.set(result.product.gtin, {
        gtin13: result.product.gtin.slice(1),
        title: result.product.name,
        nearestShop: nearest.place.name,
      });
    }
  }
  assert.equal(found.size, 10, 'the demo town sells ten products near the shopper');
  return [...found.values()];
}

/** Ninety valid EAN-13s that the instance's filter says nobody sells. */
async function unsoldProducts(): Promise<Product[]> {
  const filter = parseFilter(await (await fetch(`${server.baseUrl}/v1/filters/gtin`)).arrayBuffer());
  const unsold: Product[] = [];
  for (let n = 0; unsold.length < 90; n++) {
    const body = `400638${String(100_000 + n).padStart(6, '0')}`;
    const gtin13 = `${body}${gs1CheckDigit(body)}`;
    if (mightContainGtin(filter, `0${gtin13}`)) continue;
    unsold.push({ gtin13, title: `Privacytest artikel ${n}`, nearestShop: null });
  }
  return unsold;
}

before(async () => {
  server = await startServer();
  const sold = await soldProducts();
  const unsold = await unsoldProducts();
  // Every tenth page is one that is sold nearby.
  for (let index = 0; index < 100; index++) {
    products.push(index % 10 === 9 ? sold[Math.floor(index / 10)]! : unsold.pop()!);
  }
  proxy = await startCountingProxy(server.baseUrl);
  extension = await launchWithExtension();
  const pages = new Map(products.map((product, index) => [pageFor(index, product).path, index]));
  await extension.context.route(
    (url) => url.hostname === 'www.bol.com' && pages.has(url.pathname),
    async (route) => {
      const index = pages.get(new URL(route.request().url()).pathname)!;
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP },
        body: pageFor(index, products[index]!).html,
      });
    },
  );
  extension.context.on('request', (request) => browserRequests.push(request.url()));
  const worker = await extension.worker();
  await worker.evaluate((settings) => chrome.storage.local.set(settings), {
    apiBaseUrl: proxy.baseUrl,
    location: LOCATION,
    radiusInMetres: RADIUS,
  });
});

after(async () => {
  await extension?.close();
  await proxy?.close();
  await server?.stop();
});

describe('the private lookup, measured on 100 product pages', { timeout: 300_000 }, () => {
  it('asks nothing for the 90 unsold, only filter and buckets for the 10 sold, and shows the right shops', async () => {
    const tab = await extension.context.newPage();
    for (const [index, product] of products.entries()) {
      const before = proxy.requests.length;
      await tab.goto(`https://www.bol.com${pageFor(index, product).path}`, { waitUntil: 'load' });
      if (product.nearestShop) {
        let seen = '';
        const text = await until(async () => {
          const snapshot = await panelSnapshot(tab);
          seen = snapshot?.text ?? '(no panel)';
          return snapshot?.text.includes(product.nearestShop!) ? snapshot.text : null;
        }, `the panel naming ${product.nearestShop} on page ${index}`).catch((error: Error) => {
          throw new Error(`${error.message}; the page showed: ${seen}`);
        });
        assert.match(text, /^Ook verkrijgbaar in de buurt/);
        const asked = proxy.requests.slice(before).map((request) => request.path.split('?')[0]);
        assert.ok(asked.includes('/v1/offers/by-prefix'), `page ${index} asked for its bucket`);
      }
    }
    // The last page is a sold one whose panel showed: the background has answered every page.
    const paths = proxy.requests.map((request) => request.path);
    const filterRequests = paths.filter((path) => path === '/v1/filters/gtin');
    const bucketRequests = paths.filter((path) => path.startsWith('/v1/offers/by-prefix?'));
    assert.equal(filterRequests.length, 1, 'the filter is downloaded once');
    assert.equal(bucketRequests.length, 10, 'one bucket per sold product, none for the 90 others');
    assert.equal(paths.length, 11, 'nothing else reaches the API');

    for (const request of proxy.requests) {
      for (const product of products) {
        assert.ok(!request.path.includes(product.gtin13), 'no GTIN is sent');
        for (const word of product.title.split(/\s+/).filter((word) => word.length > 3)) {
          assert.ok(!decodeURIComponent(request.path).includes(word), `no title word ("${word}") is sent`);
        }
      }
      assert.ok(!/bol\.com|privacytest/i.test(request.path), 'no page address is sent');
      assert.equal(request.headers.cookie, undefined, 'no cookie');
      assert.equal(request.headers.referer, undefined, 'no referrer');
    }
    for (const path of bucketRequests) {
      const query = new URL(path, 'http://api.invalid').searchParams;
      assert.match(query.get('prefix') ?? '', /^[0-9a-f]{1,6}$/);
      assert.match(query.get('near') ?? '', /^\d+(\.\d{1,2})?,\d+(\.\d{1,2})?$/, 'a point rounded to ~1 km');
    }
    // The browser itself reached no other host than the marketplace pages and the API.
    const proxyOrigin = new URL(proxy.baseUrl).origin;
    const elsewhere = browserRequests.filter(
      (url) => !url.startsWith('https://www.bol.com/') && !url.startsWith(proxyOrigin),
    );
    assert.deepEqual(
      elsewhere.filter((url) => !url.startsWith('chrome-extension://')),
      [],
    );
    await tab.close();
  });
});
