/**
 * End to end: the built extension (extension/dist/chromium) in Debian's Chromium, on
 * marketplace pages served from fixtures under www.bol.com with a strict CSP and hostile
 * CSS, against the real Lokaal server with the demo town. Each test says what a shopper
 * notices. A screenshot of the panel goes to `screenshots/` for review.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OfferAtPlace, Page as ApiPage } from '@lokaal/core';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { startServer, type RunningServer } from '../support/server.js';
import {
  PAGES,
  SCREENSHOTS,
  bolUrl,
  clickInPanel,
  extensionWorlds,
  inExtensionWorld,
  stopWorker,
  launchWithExtension,
  panelSnapshot,
  panelStyle,
  startCountingProxy,
  until,
  type CountingProxy,
  type LoadedExtension,
} from './support.js';

const STOCKED_GTIN = '08710856026353'; // Fietsbel aluminium goud, sold by several demo shops
const VARIANT_GTIN = '08729720015362'; // Fietsbel kinder zilver
const UNKNOWN_GTIN = '04006381333931'; // a valid EAN-13 that no demo shop sells

/** In the extension's service worker, where the tests read storage, tabs and the badge. */
declare const chrome: Browser;

let server: RunningServer;
let proxy: CountingProxy;
let extension: LoadedExtension;
let near = '';

/**
 * Distinct place names that have the product in stock nearby, nearest first, as many as
 * the private lookup lists (10), measured from the point the extension sends.
 */
async function expectedPlaces(gtin: string, radius = 5000): Promise<string[]> {
  const answer = await fetch(
    `${server.baseUrl}/v1/products/${gtin}/offers?near=${near}&radius=${radius}&limit=50`,
  );
  const page = (await answer.json()) as ApiPage<OfferAtPlace>;
  const names: string[] = [];
  for (const offer of page.items) {
    const current = offer.availability === 'in_stock' || offer.availability === 'limited';
    if (current && !names.includes(offer.place.name)) names.push(offer.place.name);
  }
  return names.slice(0, 10);
}

async function inWorker<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T> {
  const worker = await extension.worker();
  const evaluate = worker.evaluate.bind(worker) as (fn: (arg: A) => Promise<T> | T, arg: A) => Promise<T>;
  return evaluate(fn, arg);
}

const storage = (): Promise<Record<string, unknown>> =>
  inWorker(() => chrome.storage.local.get(null) as Promise<Record<string, unknown>>, null);

const setStorage = (values: Record<string, unknown>): Promise<void> =>
  inWorker((items) => chrome.storage.local.set(items), values);

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  return until(
    () =>
      inWorker(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url),
    `the tab of ${url}`,
  );
}

const badge = async (page: Page): Promise<string> =>
  inWorker((tabId) => chrome.action.getBadgeText({ tabId }), await tabIdOf(page));

async function openProduct(path: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { value: number; hadRecentInput: boolean }
      >) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(bolUrl(path), { waitUntil: 'load' });
  return page;
}

const panelText = async (page: Page): Promise<string> =>
  (await until(() => panelSnapshot(page), 'the panel')).text;

const requestsFor = (fragment: string) => proxy.requests.filter((request) => request.path.includes(fragment));

before(async () => {
  server = await startServer();
  proxy = await startCountingProxy(server.baseUrl);
  extension = await launchWithExtension();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await extension?.close();
  await proxy?.close();
  await server?.stop();
});

describe('the browser extension in Chromium', { timeout: 180_000 }, () => {
  let product: Page;

  it('opens a welcome page on first run and looks nothing up before a location is chosen', async () => {
    const welcome = await until(
      () => extension.context.pages().find((page) => page.url().endsWith('/src/ui/welcome.html')),
      'the welcome page',
    );
    await welcome.waitForSelector('h1');
    assert.equal(await welcome.textContent('h1'), 'Welkom bij Lokaal');

    await setStorage({ apiBaseUrl: proxy.baseUrl });
    product = await openProduct(PAGES.product);
    assert.equal(await product.locator('lokaal-extension-panel').count(), 0);
    assert.equal(proxy.requests.length, 0, 'no request before a location is chosen');
    assert.equal(
      await extensionWorlds(product, extension.extensionId),
      0,
      'no code of the extension ran in the page',
    );

    // The shopper chooses a postcode; the page that is already open then shows the panel.
    await welcome.fill('#location', '3811');
    await welcome.click('button[type=submit]');
    await welcome.waitForSelector('.done');
    const settings = await storage();
    const location = settings.location as { label: string; point: { lat: number; lon: number } };
    assert.equal(location.label, '3811');
    // The extension sends the point rounded to about 1 km, never finer.
    near = `${Number(location.point.lat.toFixed(2))},${Number(location.point.lon.toFixed(2))}`;
    assert.equal(requestsFor('/v1/geocode').length, 1);
    await until(() => panelSnapshot(product), 'the panel on the open product page');
    assert.equal(await extensionWorlds(product, extension.extensionId), 1, 'the extension runs there now');
  });

  it('shows the nearest places with distance, price, stock, freshness, opening state and a route', async () => {
    const expected = await expectedPlaces(STOCKED_GTIN);
    assert.ok(expected.length >= 2, 'the demo town sells the product in several shops');
    const text = await until(async () => {
      const current = await panelText(product);
      return current.includes(expected[0]!) && current;
    }, 'the nearest place in the panel');
    assert.match(text, /^Ook verkrijgbaar in de buurt/);
    for (const name of expected.slice(0, 3)) assert.ok(text.includes(name), `${name} is listed`);
    assert.match(text, /€\s?\d+,\d\d/);
    assert.match(text, /\d+ (m|km)/);
    assert.match(text, /bijgewerkt/);
    assert.match(text, /Nu open|Nu gesloten|Openingstijden onbekend/);
    assert.match(text, /Route/);
    const lookups = proxy.requests.filter((request) => !request.path.startsWith('/v1/geocode'));
    assert.ok(lookups.length > 0);
    for (const request of lookups) {
      assert.match(request.path, /^\/v1\/(filters\/gtin|offers\/by-prefix\?)/, 'only the filter and buckets');
      assert.ok(!request.path.includes('8710856026353'), 'the GTIN is never sent');
    }
    assert.ok(
      !proxy.requests.some((request) => /bol\.com|fietsbel-aluminium/.test(request.path)),
      'no page URL is sent',
    );

    // The badge counts the places nearby.
    assert.equal(
      await until(async () => (await badge(product)) || null, 'the badge'),
      String(expected.length),
    );
    // Mounted once, complete: nothing on the page moved.
    const shifts = await product.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
    assert.equal(
      shifts.reduce((sum, value) => sum + value, 0),
      0,
    );
    await product
      .locator('lokaal-extension-panel')
      .screenshot({ path: join(SCREENSHOTS, 'extension-panel.png') });
  });

  it('cannot be hidden or restyled by the page’s CSS, nor read by the page’s scripts', async () => {
    const box = await product.locator('lokaal-extension-panel').boundingBox();
    assert.ok(
      box && box.height > 80 && box.width > 200,
      'the panel is visible despite display:none !important',
    );
    assert.equal(await panelStyle(product, 'H2', 'text-transform'), 'none');
    assert.equal(await panelStyle(product, 'H2', 'letter-spacing'), 'normal');
    assert.equal((await panelSnapshot(product))?.mode, 'closed');
    const seenByPage = await product.evaluate(() => {
      const host = document.querySelector('lokaal-extension-panel');
      return { shadowRoot: host?.shadowRoot ?? null, html: host?.innerHTML, text: document.body.innerText };
    });
    assert.equal(seenByPage.shadowRoot, null);
    assert.equal(seenByPage.html, '');
    assert.ok(!seenByPage.text.includes('Ook verkrijgbaar'));
  });

  it('collapses and expands the list on request', async () => {
    const first = (await expectedPlaces(STOCKED_GTIN))[0]!;
    await clickInPanel(product, 'Ook verkrijgbaar in de buurt');
    await until(async () => !(await panelText(product)).includes(first), 'the list to collapse');
    await clickInPanel(product, 'Ook verkrijgbaar in de buurt');
    await until(async () => (await panelText(product)).includes(first), 'the list to expand');
  });

  it('stays hidden on the page once the shopper hid it, also when the page tidies its address', async () => {
    const page = await openProduct(PAGES.product);
    await until(() => panelSnapshot(page), 'the panel');
    await clickInPanel(page, '×'); // "Verberg voor deze pagina"
    await until(async () => (await panelSnapshot(page)) === null, 'the panel to go');
    // The browser reports the new address; the extension reads the page again.
    await page.evaluate(() => history.replaceState(null, '', `${location.pathname}?bltgh=x`));
    await page.waitForTimeout(1500);
    assert.equal(await panelSnapshot(page), null);
    assert.notEqual(await badge(page), '', 'the badge still counts the places');
    await page.close();
  });

  it('floats, collapsed, in a corner where it would push visible content down, and opens on request', async () => {
    const expected = await expectedPlaces(STOCKED_GTIN);
    const page = await openProduct(PAGES.crowded);
    await until(async () => (await badge(page)) === String(expected.length), 'the badge');
    const collapsed = await until(() => panelSnapshot(page), 'the floating panel');
    assert.ok(!collapsed.text.includes(expected[0]!), 'collapsed: the list waits for a click');
    const box = await page.locator('lokaal-extension-panel').boundingBox();
    assert.ok(box && box.y + box.height <= 900 && box.y > 450, 'in the bottom part of the window');
    const delivery = await page.locator('.delivery').boundingBox();
    await clickInPanel(page, 'Ook verkrijgbaar in de buurt');
    const opened = await until(async () => {
      const text = (await panelSnapshot(page))?.text ?? '';
      return text.includes(expected[0]!) && text;
    }, 'the list after a click');
    assert.match(opened, /Route/);
    assert.deepEqual(await page.locator('.delivery').boundingBox(), delivery, 'the page did not move');
    await page.screenshot({ path: join(SCREENSHOTS, 'extension-panel-floating.png') });
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
    assert.deepEqual(shifts, []);
    await page.close();
  });

  it('stays silent for a product that no shop nearby sells', async () => {
    const before = proxy.requests.length;
    const page = await openProduct(PAGES.unknown);
    // The filter already holds the answer. A product page opened after it shows its panel
    // once the background has answered both; the unknown one stays as it was.
    const witness = await openProduct(PAGES.product);
    await until(() => panelSnapshot(witness), 'the panel of a product that is sold nearby');
    assert.equal(await badge(page), '');
    assert.equal(await page.locator('lokaal-extension-panel').count(), 0);
    assert.ok(
      proxy.requests.slice(before).every((request) => request.path.startsWith('/v1/offers/by-prefix?')),
      'the unknown product caused no request: the filter said no',
    );
    assert.ok(!proxy.requests.some((request) => request.path.includes(UNKNOWN_GTIN.slice(1))));
    await witness.close();
    await page.close();
  });

  it('runs nothing on a marketplace page that is not a product page', async () => {
    // The list page's JSON-LD describes a product that is sold nearby.
    const page = await openProduct(PAGES.list);
    const witness = await openProduct(PAGES.product);
    await until(() => panelSnapshot(witness), 'the panel of a product page opened after it');
    assert.equal(await page.locator('lokaal-extension-panel').count(), 0);
    assert.equal(await badge(page), '');
    assert.equal(await extensionWorlds(page, extension.extensionId), 0, 'no code of the extension ran there');
    await witness.close();
    await page.close();
  });

  it('offers only a button for a product without GTIN, and searches similar products after the click', async () => {
    const before = proxy.requests.length;
    const page = await openProduct(PAGES.similar);
    const text = await panelText(page);
    assert.match(text, /Vergelijkbare producten in de buurt/);
    assert.match(text, /Zoek in de buurt/);
    assert.equal(proxy.requests.length, before, 'nothing is asked before the shopper clicks');
    await clickInPanel(page, 'Zoek in de buurt');
    const results = await until(async () => {
      const current = await panelText(page);
      return current.includes('vergelijkbaar product') && current;
    }, 'similar products');
    assert.ok(requestsFor('/v1/search').length >= 1);
    assert.match(results, /Fietsbel/);
    await page.close();
  });

  it('follows single-page navigation to another variant', async () => {
    const page = await openProduct(PAGES.spa);
    const first = await expectedPlaces(STOCKED_GTIN);
    const variant = await expectedPlaces(VARIANT_GTIN);
    const onlyVariant = variant.find((name) => !first.slice(0, 5).includes(name));
    assert.ok(onlyVariant, 'the variant is sold by a shop that does not sell the first product');
    await until(async () => (await panelText(page)).includes(first[0]!), 'the first product’s places');
    await page.click('#variant');
    await until(async () => (await panelText(page)).includes(onlyVariant), 'the variant’s places');
    await until(async () => (await badge(page)) === String(variant.length), 'the badge for the variant');
    await page.close();
  });

  it('follows a variant switched in place, under the same address', async () => {
    const page = await openProduct(PAGES.spa);
    const first = await expectedPlaces(STOCKED_GTIN);
    const variant = await expectedPlaces(VARIANT_GTIN);
    const onlyVariant = variant.find((name) => !first.slice(0, 5).includes(name))!;
    await until(async () => (await panelText(page)).includes(first[0]!), 'the first product’s places');
    const address = page.url();
    await page.click('#variant-in-place');
    await until(async () => (await panelText(page)).includes(onlyVariant), 'the variant’s places');
    assert.equal(page.url(), address);
    assert.equal(await page.locator('lokaal-extension-panel').count(), 1, 'one panel, replaced');
    await page.close();
  });

  it('takes the panel away when a single-page app leaves the product, also after the background slept', async () => {
    const gone = (page: Page, when: string) =>
      until(async () => (await page.locator('lokaal-extension-panel').count()) === 0, `no panel ${when}`);
    const page = await openProduct(PAGES.spa);
    await until(() => panelSnapshot(page), 'the panel');
    await page.click('#to-list');
    await gone(page, 'on the list');
    await page.click('#to-bell');
    await until(() => panelSnapshot(page), 'the panel on the product again');
    // The browser stops an idle background, which then knows nothing of the tab.
    await stopWorker(page);
    await page.click('#to-list');
    await gone(page, 'on the list, after the background slept');
    await until(async () => (await badge(page)) === '', 'no count on the badge');
    assert.equal(
      await inExtensionWorld(page, extension.extensionId, 'globalThis.lokaalWatch.stopped'),
      true,
      'the page is no longer watched',
    );
    await page.close();
  });

  it('takes away similar products searched for after the background slept, when the page leaves the product', async () => {
    const page = await openProduct(PAGES.similar);
    await until(() => panelSnapshot(page), 'the panel with its button');
    await stopWorker(page);
    await clickInPanel(page, 'Zoek in de buurt');
    await until(async () => (await panelText(page)).includes('vergelijkbaar product'), 'similar products');
    // The page's own script moves to a list, as a single-page app does.
    await page.evaluate(() => {
      history.pushState({}, '', '/nl/nl/l/fietsbellen/12345/');
      document.title = 'Fietsbellen | bol';
    });
    await until(async () => (await page.locator('lokaal-extension-panel').count()) === 0, 'no panel');
    await until(async () => (await badge(page)) === '', 'no count on the badge');
    await page.close();
  });

  it('lists the tab’s places in the popup, where location and radius can be changed', async () => {
    const expected = await expectedPlaces(STOCKED_GTIN);
    const tabId = await tabIdOf(product);
    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/src/ui/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.places li');
    assert.equal(await popup.locator('.places li').count(), Math.min(expected.length, 10));
    assert.ok((await popup.textContent('.places'))!.includes(expected[0]!));

    const nearer = await expectedPlaces(STOCKED_GTIN, 1000);
    await popup.selectOption('#radius', '1000');
    await popup.click('button[type=submit]');
    await popup.waitForSelector('text=Opgeslagen.');
    assert.equal((await storage()).radiusInMetres, 1000);
    await until(async () => (await badge(product)) === String(nearer.length || ''), 'the badge for 1 km');
    await setStorage({ radiusInMetres: 5000 });
    await popup.close();
  });

  it('saves the options: language and marketplaces', async () => {
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/src/ui/options.html`);
    await options.waitForSelector('#locale');
    await options.selectOption('#locale', 'en');
    await options.click('button[type=submit]');
    await options.waitForSelector('text=Saved.');
    assert.equal((await storage()).locale, 'en');
    await until(
      async () => (await panelText(product)).startsWith('Also available nearby'),
      'the panel in English',
    );

    await options.uncheck('input[name=marketplace-bol]');
    await options.click('button[type=submit]');
    await until(
      async () => (await storage()).disabledMarketplaces?.toString() === 'bol',
      'bol.com switched off',
    );
    await until(async () => (await panelSnapshot(product)) === null, 'the panel to go');

    await options.check('input[name=marketplace-bol]');
    await options.selectOption('#locale', 'nl');
    await options.click('button[type=submit]');
    await until(
      async () => (await panelText(product)).startsWith('Ook verkrijgbaar'),
      'the panel back in Dutch',
    );
    await options.close();
  });

  it('can be dismissed for a whole site, and shown there again from the options', async () => {
    await clickInPanel(product, 'Niet meer tonen op deze site');
    await until(async () => (await panelSnapshot(product)) === null, 'the panel to go');
    // The panel goes at once; the background writes the setting a moment later.
    await until(
      async () => (await storage()).dismissedSites?.toString() === 'www.bol.com',
      'www.bol.com among the dismissed sites',
    );
    await until(async () => (await badge(product)) === '', 'the badge cleared');

    await product.reload({ waitUntil: 'load' });
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/src/ui/options.html`);
    assert.equal(await product.locator('lokaal-extension-panel').count(), 0);
    await options.click('text=Weer tonen op www.bol.com');
    await until(() => panelSnapshot(product), 'the panel back on the reloaded page');
    await options.close();
  });

  it('shows the panel on a page that rewrites its address and title while the places are looked up', async () => {
    // A slow API, and a radius whose answer is not cached yet (and no other page that asks
    // for it): the page rewrites its address and title (same product) while the background
    // waits for the places.
    await product.close();
    proxy.delayMs = 1500;
    await setStorage({ radiusInMetres: 4000 });
    try {
      const page = await openProduct(PAGES.tidy);
      const expected = await expectedPlaces(STOCKED_GTIN, 4000);
      await until(async () => (await panelText(page)).includes(expected[0]!), 'the panel');
      await until(async () => (await badge(page)) === String(expected.length), 'the badge');
      assert.equal(await page.locator('lokaal-extension-panel').count(), 1);
      await page.close();
    } finally {
      proxy.delayMs = 0;
      await setStorage({ radiusInMetres: 5000 });
    }
  });
});
