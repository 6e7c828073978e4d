/**
 * End to end, the webmaster's five minutes: every page of the demo town site, the snippet
 * builder and the documentation, in Debian's Chromium against the real `lokaal demo`.
 * Each page: zero axe violations, no request to any host but the API (map tiles are
 * refused and counted apart), no script error or CSP violation, no sideways scrolling at
 * 360 px, and a screenshot at 360 and 1280 px in `screenshots/` for review. Then the
 * snippet copied from the builder, pasted into a blank page on another origin under a
 * strict CSP, renders and searches; and every documentation example renders.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, SCREENSHOTS, AXE_SOURCE } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const RELEASE = fileURLToPath(new URL('../../dist/cdn/latest/', import.meta.url));
/** The map's tile servers: the widgets may call them, the tests never load them. */
const TILE_HOSTS = /^https:\/\/(service\.pdok\.nl|tile\.openstreetmap\.org)\//;

interface Release {
  version: string;
  files: Record<string, string>;
}
const release = JSON.parse(readFileSync(`${RELEASE}integrity.json`, 'utf8')) as Release;
const manifest = JSON.parse(readFileSync(`${RELEASE}custom-elements.json`, 'utf8')) as {
  modules: { declarations?: { tagName?: string }[] }[];
};
const TAGS = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []));

const GUIDES = [
  'html',
  'wordpress',
  'drupal',
  'csp',
  'thema',
  'eigen-instantie',
  'privacy',
  'toegankelijkheid',
];
const PAGES = [
  '/',
  '/?lang=en',
  '/winkels/',
  '/winkel/?id=amf-rijwielhandel-van-dalen',
  '/product/',
  '/marktplaats/',
  '/bouwer/',
  '/docs/',
  ...TAGS.map((tag) => `/docs/${tag}/`),
  ...GUIDES.map((guide) => `/docs/gidsen/${guide}/`),
  ...GUIDES.map((guide) => `/docs/gidsen/${guide}/?lang=en`),
  '/winkels/?lang=en',
  '/bouwer/?lang=en',
  '/docs/lokaal-search/?lang=en',
];

let server: RunningServer;
let browser: Browser;

interface Watched {
  page: Page;
  errors: string[];
  /** Every URL the page asked for, tiles apart. */
  requests: string[];
  tiles: string[];
  violations: () => Promise<string[]>;
}

async function watchedPage(context: Browser | BrowserContext, width: number): Promise<Watched> {
  const page = await context.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const tiles: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (TILE_HOSTS.test(url)) tiles.push(url);
    else requests.push(url);
  });
  await page.route(TILE_HOSTS, (route) => route.abort('blockedbyclient'));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  return {
    page,
    errors,
    requests,
    tiles,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

/** Waits until every Lokaal element on the page has rendered its own wrapper. */
async function elementsRendered(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('*')]
        .filter((element) => element.localName.startsWith('lokaal-'))
        .every((element) => element.shadowRoot?.querySelector('[part~="base"]')),
    undefined,
    { timeout: 15_000 },
  );
}

/** axe-core on WCAG 2.1 A and AA, inside the elements' shadow roots too. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
    );
  });
}

const fileName = (path: string): string =>
  path
    .replace(/^\/$/, 'home')
    .replace(/^\/\?/, 'home-')
    .replace(/[^a-z0-9-]+/gi, '-')
    .replace(/^-|-$/g, '');

before(async () => {
  server = await startServer({ command: 'demo' });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every page of the demo site', () => {
  for (const path of PAGES) {
    it(`${path}: no axe violation, only API requests, no error, finished at 360 and 1280 px`, async () => {
      const origin = new URL(server.baseUrl).origin;
      for (const width of [1280, 360]) {
        const { page, errors, requests, violations } = await watchedPage(browser, width);
        const response = await page.goto(`${server.baseUrl}${path}`);
        assert.equal(response?.status(), 200);
        await elementsRendered(page);
        const foreign = requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'));
        assert.deepEqual(foreign, [], 'no request to any host but the API');
        if (width === 1280) assert.deepEqual(await axeViolations(page), []);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px too wide)`);
        await page.screenshot({ path: `${SCREENSHOTS}site-${fileName(path)}-${width}.png`, fullPage: true });
        assert.deepEqual(await violations(), []);
        assert.deepEqual(errors, []);
        await page.close();
      }
    });
  }
});

describe('the town site', () => {
  it('lists the shops by category and opens a shop page with its card and stock', async () => {
    const { page, errors } = await watchedPage(browser, 1280);
    await page.goto(`${server.baseUrl}/winkels/`);
    const shops = page.locator('.shop-list a');
    await shops.first().waitFor({ timeout: 10_000 });
    assert.ok((await shops.count()) >= 50, `many shops listed (${await shops.count()})`);
    assert.ok((await page.locator('.directory-group h2').count()) >= 10, 'grouped by category');
    const name = (
      await page.locator('.shop-list a', { hasText: 'Kaaswinkel Het Kaasmes' }).innerText()
    ).trim();
    await page.locator('.shop-list a', { hasText: name }).click();
    await page.waitForURL(/\/winkel\/\?id=/);
    await page.locator('lokaal-shop-card [part~="header"]').waitFor({ timeout: 10_000 });
    assert.match(await page.locator('lokaal-shop-card [part~="header"]').innerText(), new RegExp(name));
    assert.equal((await page.locator('h1').innerText()).trim(), name);
    await page.locator('lokaal-stock [part~="item"]').first().waitFor({ timeout: 10_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('switches page and elements to English, and keeps English on its own links', async () => {
    const { page, errors } = await watchedPage(browser, 1280);
    await page.goto(`${server.baseUrl}/?lang=en`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal((await page.locator('h1').innerText()).trim(), 'Find it in town, today');
    // The page sets the language on its elements after they are defined: wait until the
    // search's field has it (a page that never switches times out here).
    const field = page.locator('lokaal-search input[role="combobox"]');
    await field.waitFor({ state: 'attached' });
    await page.waitForFunction(
      () =>
        !/Bijvoorbeeld/.test(
          document
            .querySelector('lokaal-search')
            ?.shadowRoot?.querySelector<HTMLInputElement>('input[role="combobox"]')?.placeholder ??
            'Bijvoorbeeld',
        ),
      undefined,
      { timeout: 10_000 },
    );
    const placeholder = await field.getAttribute('placeholder');
    assert.match(placeholder ?? '', /^[A-Z][a-z]/);
    assert.doesNotMatch(placeholder ?? '', /Bijvoorbeeld/);
    assert.match((await page.locator('nav a', { hasText: 'Shops' }).getAttribute('href')) ?? '', /lang=en/);
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL((url) => !url.search.includes('lang=en'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('sends a page folder without its slash to the folder, and never to another host', async () => {
    const folder = await fetch(`${server.baseUrl}/docs/gidsen/csp?lang=en`, { redirect: 'manual' });
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.get('location'), '/docs/gidsen/csp/?lang=en');
    for (const path of ['//evil.example', '/%2Fevil.example', '/%5Cevil.example']) {
      const response = await fetch(`${server.baseUrl}${path}`, { redirect: 'manual' });
      assert.notEqual(response.status, 301, path);
    }
  });

  it('carries the GTIN of a product demo shops sell on the mock marketplace page', async () => {
    const response = await fetch(`${server.baseUrl}/marktplaats/`);
    const html = await response.text();
    const data = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as {
      '@type': string;
      gtin13: string;
    };
    assert.equal(data['@type'], 'Product');
    const offers = (await (
      await fetch(`${server.baseUrl}/v1/products/${data.gtin13}/offers?near=3811`)
    ).json()) as { items: unknown[] };
    assert.ok(offers.items.length >= 2, 'demo shops sell it');
    assert.match(html, /Nagebootste marktplaats/);
  });
});

describe('the snippet builder', () => {
  let pasted: Server | null = null;
  after(() => new Promise<void>((resolve) => (pasted ? pasted.close(() => resolve()) : resolve())));

  it('gives a snippet that works pasted into a blank page on another site under a strict CSP', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await watchedPage(context, 1280);
    await page.goto(`${server.baseUrl}/bouwer/`);
    await page.locator('#element-lokaal-search').check();
    await page.locator('#veld-region').selectOption('amersfoort-binnenstad');
    await page.locator('#veld-lang').selectOption('nl');
    await page.locator('[data-css="--lokaal-color-accent"]').fill('#8f2d56');
    await page.locator('[data-css="--lokaal-radius"]').fill('2');
    await page.locator('.preview lokaal-search').waitFor({ state: 'attached' });
    await page.waitForFunction(() => document.getElementById('snippet-css')?.textContent?.includes('2px'));

    await page.getByRole('button', { name: 'Kopieer HTML' }).click();
    await page.locator('#kopieer-status', { hasText: 'gekopieerd' }).waitFor();
    const html = await page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole('button', { name: 'Kopieer CSS' }).click();
    const css = await page.evaluate(() => navigator.clipboard.readText());
    assert.deepEqual(errors, []);
    await context.close();

    assert.ok(
      html.includes(
        `src="${server.baseUrl}/cdn/${release.version}/lokaal.js" integrity="${release.files['lokaal.js']}" crossorigin="anonymous"`,
      ),
      html,
    );
    assert.match(html, /<lokaal-search api="http:\/\/127\.0\.0\.1:\d+" region="amersfoort-binnenstad"/);
    assert.match(css, /--lokaal-color-accent: #8f2d56;/);
    assert.match(css, /--lokaal-radius: 2px;/);

    // A municipality's page on its own origin, with the policy the CSP guide gives.
    const api = new URL(server.baseUrl).origin;
    const policy = [
      "default-src 'none'",
      `script-src 'self' ${api}`,
      `connect-src 'self' ${api}`,
      `img-src 'self' data: https://service.pdok.nl`,
      "style-src 'self'",
      "base-uri 'none'",
    ].join('; ');
    pasted = createServer((request, response) => {
      if (request.url === '/huisstijl.css') {
        response.writeHead(200, { 'content-type': 'text/css' }).end(css);
        return;
      }
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': policy,
      }).end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente</title>
          <link rel="stylesheet" href="/huisstijl.css"></head>
          <body><main><h1>Winkelen in de stad</h1>\n${html}\n</main></body></html>`);
    });
    await new Promise<void>((resolve) => pasted!.listen(0, '127.0.0.1', resolve));
    const pageOrigin = `http://127.0.0.1:${(pasted.address() as AddressInfo).port}`;

    const municipality = await watchedPage(browser, 1280);
    await municipality.page.goto(`${pageOrigin}/`);
    const input = municipality.page.locator('lokaal-search input[role="combobox"]');
    await input.fill('fietsbel');
    await input.press('Enter');
    const results = municipality.page.locator('lokaal-search [part~="result"]');
    await results.first().waitFor({ timeout: 10_000 });
    assert.match((await results.first().innerText()).toLowerCase(), /fietsbel/);
    const accent = await municipality.page
      .locator('lokaal-search [part~="form"] button[type="submit"]')
      .first()
      .evaluate((button) => getComputedStyle(button).backgroundColor);
    assert.equal(accent, 'rgb(143, 45, 86)', 'the chosen colour reaches the element');
    await municipality.page.screenshot({ path: `${SCREENSHOTS}snippet-pasted-1280.png`, fullPage: true });
    const foreign = municipality.requests.filter((url) => ![api, pageOrigin].includes(new URL(url).origin));
    assert.deepEqual(foreign, []);
    assert.deepEqual(await municipality.violations(), []);
    assert.deepEqual(municipality.errors, []);
    await municipality.page.close();
  });

  it('offers every element of the manifest, and a shop picked on the map', async () => {
    const { page, errors } = await watchedPage(browser, 1280);
    await page.goto(`${server.baseUrl}/bouwer/?element=lokaal-shop-card`);
    await page.locator('input[name="element"]').first().waitFor();
    const offered = await page
      .locator('input[name="element"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    assert.deepEqual(offered.sort(), [...TAGS].sort());
    assert.ok(await page.locator('#element-lokaal-shop-card').isChecked());
    await page.locator('#kaart-kiezer summary').click();
    const place = page.locator('#punt-kaart [part~="list"] button').first();
    await page.locator('#punt-kaart button', { hasText: /Toon winkels/ }).click();
    await place.waitFor({ timeout: 10_000 });
    const name = (await place.locator('.place-name').innerText()).trim();
    await place.click();
    await page.waitForFunction((shop) => {
      const preview = document.querySelector('.preview lokaal-shop-card');
      return preview?.shadowRoot?.querySelector('[part~="header"]')?.textContent?.includes(shop);
    }, name);
    assert.match((await page.locator('#snippet-html').innerText()) ?? '', /place-id="[a-z0-9-]+"/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the documentation', () => {
  for (const tag of TAGS) {
    it(`renders every example on the page of <${tag}>`, async () => {
      const { page, errors } = await watchedPage(browser, 1280);
      await page.goto(`${server.baseUrl}/docs/${tag}/`);
      await elementsRendered(page);
      const examples = page.locator('.example-live > *');
      assert.ok((await examples.count()) >= 3, 'a main, a theming and a parts example at least');
      for (const example of await examples.all()) {
        assert.equal(await example.evaluate((element) => element.localName), tag);
        const box = await example.evaluate((element) => {
          const base = element.shadowRoot?.querySelector('[part~="base"]');
          const rect = base?.getBoundingClientRect();
          return rect ? { width: rect.width, height: rect.height } : null;
        });
        assert.ok(box && box.width > 0 && box.height > 0, `${tag} example is drawn (${JSON.stringify(box)})`);
      }
      // No example is left in an error state.
      const failed = await page.evaluate(
        () =>
          [...document.querySelectorAll('.example-live > *')].filter((element) =>
            /mislukt|niet laden|could not|failed/i.test(element.shadowRoot?.textContent ?? ''),
          ).length,
      );
      assert.equal(failed, 0);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('lists in its tables what the manifest declares', async () => {
    const response = await fetch(`${server.baseUrl}/docs/lokaal-search/`);
    const html = await response.text();
    for (const text of ['sync-url', 'lokaal-results', '--lokaal-radius', 'results-min-height', 'part']) {
      assert.ok(html.includes(text), `mentions ${text}`);
    }
    assert.doesNotMatch(html, /DEFAULT_RADIUS_IN_METRES/, 'constants are shown as their values');
  });
});
