/**
 * The crawlable pages in a real browser, served by `lokaal demo` (next to the demo site and
 * its catch-all route): each page type passes axe with zero violations, runs under its CSP
 * without a violation, needs no script, and fits a phone screen. With scripts, the place
 * page's offers become `<lokaal-stock>` and region pages get `<lokaal-search>`, without a
 * layout shift. Screenshots for review go to `screenshots/`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, SCREENSHOTS, AXE_SOURCE } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;
let browser: Browser;
/** One page of each type, found from the sitemap. */
const pages: Record<string, string> = {};

before(async () => {
  server = await startServer({ command: 'demo' });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const root = await (await fetch(`${server.baseUrl}/sitemap.xml`)).text();
  const parts = root.includes('<sitemapindex')
    ? await Promise.all(
        [...root.matchAll(/<loc>([^<]+)<\/loc>/g)].map(async (match) => (await fetch(match[1]!)).text()),
      )
    : [root];
  const urls = parts.flatMap((xml) =>
    [...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((match) => match[1]!),
  );
  const first = (pattern: RegExp): string => urls.find((url) => pattern.test(new URL(url).pathname))!;
  pages.regions = first(/^\/regio$/);
  pages.region = first(/^\/regio\/GM0307$/);
  pages.category = first(/^\/regio\/GM0307\/[^/]+$/);
  pages.place = first(/^\/plaats\/amf-/);
  pages.product = first(/^\/product\/\d{14}\/GM0307$/);
  pages['place (English)'] = pages.place.replace('/plaats/', '/en/plaats/');
  // A small shop whose range has a category filter: the footer is in view when it upgrades.
  const candidates = await Promise.all(
    urls
      .filter((url) => /^\/plaats\//.test(new URL(url).pathname))
      .map(async (url) => {
        const body = await (await fetch(url)).text();
        const rows = body.split('<ul class="stock-list">')[1]?.split('</ul>')[0]?.split('<li>').length ?? 0;
        return { url, rows: rows - 1, filters: body.split('<select disabled').length - 1 };
      }),
  );
  pages['small place with filters (English)'] = candidates
    .filter((candidate) => candidate.filters === 2 && candidate.rows > 0)
    .sort((a, b) => a.rows - b.rows)[0]!
    .url.replace('/plaats/', '/en/plaats/');
  pages['not found'] = `${server.baseUrl}/plaats/bestaat-niet`;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the crawlable pages in Chromium', () => {
  it('are served in demo mode beside the demo site', async () => {
    const site = await fetch(`${server.baseUrl}/`);
    assert.equal(site.status, 200);
    for (const url of Object.values(pages)) {
      const response = await fetch(url);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, url);
    }
  });

  for (const kind of ['regions', 'region', 'category', 'place', 'product', 'place (English)', 'not found']) {
    it(`${kind}: axe finds no violation, the CSP none, and a phone needs no sideways scrolling`, async () => {
      // Scripts off: the page must be whole without them. axe runs through the DevTools
      // protocol, which neither the CSP nor the switch stops.
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 800 },
      });
      const page = await context.newPage();
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      await page.goto(pages[kind]!);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (${overflow} px too wide)`);
      await page.screenshot({ path: `${SCREENSHOTS}page-${kind.replace(/\W+/g, '-')}.png`, fullPage: true });
      await context.close();

      const axeContext = await browser.newContext({
        bypassCSP: true,
        viewport: { width: 1280, height: 900 },
      });
      const axePage = await axeContext.newPage();
      await axePage.goto(pages[kind]!);
      await axePage.evaluate(AXE_SOURCE);
      const violations = await axePage.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: Document,
              ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map(
          (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
        );
      });
      assert.deepEqual(violations, []);
      await axeContext.close();
      assert.deepEqual(cspViolations, []);
    });
  }
});

/** Every layout shift since the page started, recorded from its first script on. */
const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
`;

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
          ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map(
      (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  });
}

interface HeldBack {
  context: BrowserContext;
  page: Page;
  /** Lets the widget bundle load. */
  release: () => void;
  cspViolations: string[];
}

/**
 * Opens a page with the widget bundle held back until `release()`, so that the server-rendered
 * page can be measured and photographed first; layout shifts and CSP or integrity messages are
 * recorded from the page's first script on.
 */
async function openHeldBack(url: string, viewport: { width: number; height: number }): Promise<HeldBack> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(RECORD_SHIFTS);
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|integrity/i.test(message.text())) cspViolations.push(message.text());
  });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/cdn/*/lokaal.js', async (route) => {
    await released;
    await route.continue();
  });
  // The held-back module keeps `load` and DOMContentLoaded from firing: wait for the styled page.
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () =>
      document.querySelector('footer.site-footer') !== null &&
      getComputedStyle(document.body).maxWidth !== 'none',
  );
  return { context, page, release, cspViolations };
}

/** Two frames after the swap, when everything that was going to shift has: no shift at all, axe clean, no CSP message. */
async function assertSettledWithoutShift({ page, cspViolations }: HeldBack): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const shifts = await page.evaluate(
    () => (window as unknown as { __shifts: Array<{ value: number; hadRecentInput: boolean }> }).__shifts,
  );
  const cumulative = shifts.reduce((sum, shift) => sum + shift.value, 0);
  assert.equal(cumulative, 0, `cumulative layout shift ${cumulative} (${JSON.stringify(shifts)})`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(cspViolations, []);
}

describe('the place page upgraded to <lokaal-stock>', () => {
  const cases = [
    { name: 'desktop', page: 'place', width: 1280, height: 900 },
    { name: 'phone', page: 'place', width: 360, height: 800 },
    { name: 'small-english', page: 'small place with filters (English)', width: 1280, height: 900 },
  ];
  for (const { name, page: pageName, ...viewport } of cases) {
    it(`${name}: becomes the interactive stock list with no layout shift, passes axe, breaks no CSP`, async () => {
      const english = pageName.includes('English');
      const opened = await openHeldBack(pages[pageName]!, viewport);
      const { context, page, release } = opened;
      const region = page.locator('[data-upgrade="lokaal-stock"]');
      const footer = page.locator('footer.site-footer');
      const shot = `${SCREENSHOTS}page-place-upgrade-${name}`;
      // The visitor has scrolled to the offers: the swap happens in view. (A full-page
      // screenshot would resize the viewport, itself a layout shift.)
      await page.evaluate(() => {
        const top = document.querySelector('[data-upgrade]')!.getBoundingClientRect().top;
        window.scrollTo(0, Math.max(0, top - 200));
      });
      const regionBefore = await region.boundingBox();
      const footerBefore = await footer.boundingBox();
      await page.screenshot({ path: `${shot}-before.png` });
      release();

      await page.locator('[data-upgraded]').waitFor({ state: 'attached' });
      const widget = page.locator('lokaal-stock');
      // The widget's own controls, which the server HTML has not: the list is interactive now.
      const search = widget.getByRole('searchbox', {
        name: english ? 'Search the range' : 'Zoek in het assortiment',
      });
      await search.waitFor({ state: 'visible' });
      assert.ok(
        await widget
          .getByRole('combobox', { name: english ? 'Availability' : 'Beschikbaarheid' })
          .isEnabled(),
      );
      if (english) {
        assert.ok(await widget.getByRole('combobox', { name: 'Category' }).isEnabled());
        assert.ok(
          (await footer.isVisible()) && (await footer.boundingBox())!.y < viewport.height,
          'the footer in view',
        );
      }
      assert.equal(
        await page.locator('[data-upgrade] > .stock').isVisible(),
        false,
        'the server list is gone',
      );
      assert.deepEqual(await region.boundingBox(), regionBefore, "the widget takes the server list's box");
      assert.deepEqual(await footer.boundingBox(), footerBefore, 'nothing below moved');
      await page.screenshot({ path: `${shot}-after.png` });

      await assertSettledWithoutShift(opened);

      // And it works: a search for what the shop does not sell empties the list.
      assert.ok((await widget.locator('[part="item"]').count()) > 0);
      await search.fill('xqzwv');
      await page.waitForFunction(() => {
        const root = document.querySelector('lokaal-stock')?.shadowRoot;
        return (
          root?.querySelector('.results')?.getAttribute('aria-busy') === 'false' &&
          root.querySelectorAll('[part="item"]').length === 0
        );
      });
      await context.close();
    });
  }

  it('stays a whole page without scripts: the offers as rows, no empty room for controls', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(pages.place!);
    assert.ok((await page.locator('.stock-list > li').count()) > 0);
    assert.equal(await page.locator('.stock-controls').isVisible(), false);
    assert.equal(await page.locator('lokaal-stock').count(), 0);
    await context.close();
  });
});

describe('region pages upgraded to <lokaal-search>', () => {
  const cases = [
    { name: 'region-desktop', page: 'region', width: 1280, height: 900 },
    { name: 'category-phone', page: 'category', width: 360, height: 800 },
  ];
  for (const { name, page: pageName, ...viewport } of cases) {
    it(`${name}: gets the region's search in reserved room, with no layout shift, axe clean`, async () => {
      const opened = await openHeldBack(pages[pageName]!, viewport);
      const { context, page, release } = opened;
      const places = page.locator('#plekken');
      const placesBefore = await places.boundingBox();
      const region = page.locator('[data-upgrade="lokaal-search"]');
      const regionBefore = await region.boundingBox();
      await page.screenshot({ path: `${SCREENSHOTS}page-search-upgrade-${name}-before.png` });
      release();

      await page.locator('[data-upgrade="lokaal-search"][data-upgraded]').waitFor({ state: 'attached' });
      const widget = page.locator('lokaal-search');
      const search = widget.getByRole('combobox', { name: 'Zoek een product of winkel' });
      await search.waitFor({ state: 'visible' });
      assert.deepEqual(await region.boundingBox(), regionBefore, "the widget takes the reserved room's box");
      assert.deepEqual(await places.boundingBox(), placesBefore, 'the list of places did not move');
      await page.screenshot({ path: `${SCREENSHOTS}page-search-upgrade-${name}-after.png` });
      await assertSettledWithoutShift(opened);

      // It searches the region (and category): the status line answers.
      await search.fill('kaas');
      await search.press('Enter');
      await page.waitForFunction(
        () =>
          (
            document.querySelector('lokaal-search')?.shadowRoot?.querySelector('[part="status"]')
              ?.textContent ?? ''
          ).trim().length > 0,
      );
      await context.close();
    });
  }

  it('leaves no room for it without scripts', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(pages.region!);
    assert.equal(await page.locator('[data-upgrade="lokaal-search"]').isVisible(), false);
    assert.equal(
      await page.locator('[data-upgrade="lokaal-search"]').evaluate((node) => node.clientHeight),
      0,
    );
    await context.close();
  });
});

describe('product pages upgraded to <lokaal-nearby>', () => {
  const cases = [
    { name: 'product-desktop', english: false, width: 1280, height: 900 },
    { name: 'product-english-phone', english: true, width: 360, height: 800 },
  ];
  for (const { name, english, ...viewport } of cases) {
    it(`${name}: the count becomes the live nearby badge, with no layout shift, axe clean`, async () => {
      const url = english ? pages.product!.replace('/product/', '/en/product/') : pages.product!;
      const opened = await openHeldBack(url, viewport);
      const { context, page, release } = opened;
      const list = page.locator('#winkels');
      const listBefore = await list.boundingBox();
      const region = page.locator('[data-upgrade="lokaal-nearby"]');
      const regionBefore = await region.boundingBox();
      await page.screenshot({ path: `${SCREENSHOTS}page-nearby-upgrade-${name}-before.png` });
      release();

      await page.locator('[data-upgrade="lokaal-nearby"][data-upgraded]').waitFor({ state: 'attached' });
      const badge = page.locator('lokaal-nearby').getByRole('button', {
        name: english ? /^Available at \d+ shops? nearby/ : /^Verkrijgbaar bij \d+ winkels? in de buurt/,
      });
      await badge.waitFor({ state: 'visible' });
      assert.deepEqual(await region.boundingBox(), regionBefore, "the badge takes the count's box");
      assert.deepEqual(await list.boundingBox(), listBefore, 'the list of places did not move');
      await assertSettledWithoutShift(opened);

      // It opens the live list of places.
      await badge.click();
      await page.locator('lokaal-nearby').locator('[part="list"]').waitFor({ state: 'visible' });
      await page.screenshot({ path: `${SCREENSHOTS}page-nearby-upgrade-${name}-after.png` });
      await context.close();
    });
  }
});
