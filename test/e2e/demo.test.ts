/**
 * End to end: the demo town site served by `lokaal demo`, with the CDN bundle exactly as a
 * webmaster includes it, in Debian's Chromium driven by Playwright, against the real
 * server and the demo data. Every page of the site, the builder and the docs: site.test.ts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

const RELEASE = fileURLToPath(new URL('../../dist/cdn/latest/', import.meta.url));

let server: RunningServer;
let browser: Browser;

interface Watched {
  page: Page;
  errors: string[];
  violations: () => Promise<string[]>;
}

/** A page that records script errors and CSP violations. */
async function watchedPage(width = 1280): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
      ),
    );
  });
  return {
    page,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

before(async () => {
  server = await startServer({ command: 'demo' });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the demo town site', () => {
  it('serves the page under a strict CSP', async () => {
    const response = await fetch(`${server.baseUrl}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  it('lets a shopper type a search and see results, on the map too, with no CSP violation', async () => {
    const { page, errors, violations } = await watchedPage();
    await page.goto(`${server.baseUrl}/`);
    const input = page.locator('lokaal-search input[role="combobox"]');
    await input.click();
    await input.pressSequentially('fietsbel', { delay: 40 });
    await input.press('Enter');
    const results = page.locator('lokaal-search [part~="result"]');
    await results.first().waitFor({ timeout: 10_000 });
    assert.ok((await results.count()) > 0);
    assert.match((await results.first().innerText()).toLowerCase(), /fietsbel/);
    const mapPlaces = page.locator('lokaal-map [part~="list"] button');
    await mapPlaces.first().waitFor({ state: 'attached', timeout: 10_000 });
    assert.ok((await mapPlaces.count()) > 0, 'the linked map lists the places of the results');
    await page
      .locator('lokaal-map .leaflet-marker-icon')
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 });
    // Open a shop from the map's list of places: the map shows its card in a popup.
    await page.locator('lokaal-map button', { hasText: 'Toon winkels' }).click();
    const firstPlace = mapPlaces.first();
    const placeName = (await firstPlace.locator('.place-name').innerText()).trim();
    await firstPlace.click();
    const popup = page.locator('lokaal-map .leaflet-popup-content');
    await popup.waitFor({ timeout: 10_000 });
    assert.ok((await popup.innerText()).includes(placeName), `the popup shows ${placeName}`);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the shop card and its stock on the shop page, and the nearby badge on the product page', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${server.baseUrl}/winkel/?id=amf-rijwielhandel-van-dalen`);
    await page.locator('lokaal-shop-card [part~="header"]').waitFor({ timeout: 10_000 });
    assert.match(
      await page.locator('lokaal-shop-card [part~="header"]').innerText(),
      /Rijwielhandel Van Dalen/,
    );
    await page.locator('lokaal-stock [part~="item"]').first().waitFor({ timeout: 10_000 });
    await page.goto(`${server.baseUrl}/product/`);
    await page.locator('lokaal-nearby [part~="badge"]').waitFor({ timeout: 10_000 });
    assert.match(
      await page.locator('lokaal-nearby [part~="badge"]').innerText(),
      /Verkrijgbaar bij \d+ winkel/,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('keeps working and says so when the API is down', async () => {
    const { page, errors } = await watchedPage();
    await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.baseUrl}/`);
    const input = page.locator('lokaal-search input[role="combobox"]');
    await input.fill('fietsbel');
    await input.press('Enter');
    await page
      .locator('lokaal-search [part~="status"]')
      .filter({ hasText: /offline|mis|opnieuw/i })
      .first()
      .waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, [], 'nothing is thrown into the host page');
    await page.close();
  });

  it('shows a clear state, and throws nothing into the page, when the API answers garbage', async () => {
    const { page, errors } = await watchedPage();
    await page.route('**/v1/search**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<html>proxy error</html>' }),
    );
    await page.goto(`${server.baseUrl}/`);
    const input = page.locator('lokaal-search input[role="combobox"]');
    await input.fill('fietsbel');
    await input.press('Enter');
    await page
      .locator('lokaal-search [part~="status"]')
      .filter({ hasText: /mis|opnieuw/i })
      .first()
      .waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('keeps its layout on a page with aggressive global CSS', async () => {
    const { page, errors } = await watchedPage();
    const hostile = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Hostile</title>
      <link rel="stylesheet" href="/hostile.css">
      <script type="module" src="/cdn/latest/lokaal.js"></script></head>
      <body><lokaal-search id="s" near="3811"></lokaal-search></body></html>`;
    const css = `* { font-size: 40px !important; line-height: 0 !important; letter-spacing: 1em; text-transform: uppercase;
      box-sizing: content-box; color: yellow; } input, button { display: none !important; } div { float: right; }`;
    await page.route(`${server.baseUrl}/hostile.html`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: hostile }),
    );
    await page.route(`${server.baseUrl}/hostile.css`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/css', body: css }),
    );
    await page.goto(`${server.baseUrl}/hostile.html`);
    const input = page.locator('lokaal-search input[role="combobox"]');
    await input.waitFor({ timeout: 10_000 });
    assert.ok(await input.isVisible(), 'the page cannot hide our input');
    await input.fill('fietsbel');
    await input.press('Enter');
    const result = page.locator('lokaal-search [part~="result"]').first();
    await result.waitFor({ timeout: 10_000 });
    const box = await result.boundingBox();
    assert.ok(box && box.height > 20 && box.height < 2000, `a result keeps a sane height (${box?.height})`);
    const textTransform = await result.evaluate((element) => getComputedStyle(element).textTransform);
    assert.equal(textTransform, 'none', 'inherited text styles of the page are reset');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('writes nothing to storage and sets no cookie', async () => {
    const { page } = await watchedPage();
    await page.goto(`${server.baseUrl}/?q=fietsbel`);
    await page.locator('lokaal-search [part~="result"]').first().waitFor({ timeout: 10_000 });
    await page.goto(`${server.baseUrl}/product/`);
    await page.locator('lokaal-nearby [part~="badge"]').click();
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
    }));
    assert.deepEqual(stored, { local: 0, session: 0, cookie: '' });
    assert.deepEqual((await page.context().cookies()).length, 0);
    await page.close();
  });

  it('runs the release file with its published integrity hash, and refuses a tampered one', async () => {
    const release = JSON.parse(readFileSync(join(RELEASE, 'integrity.json'), 'utf8')) as {
      version: string;
      files: Record<string, string>;
    };
    const page = (
      hash: string,
    ) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>SRI</title>
      <script type="module" src="/cdn/${release.version}/lokaal.js" integrity="${hash}" crossorigin="anonymous"></script></head>
      <body><button id="own">Gemeente</button><lokaal-search near="3811"></lokaal-search>
      <script>document.getElementById('own').addEventListener('click', (e) => { e.target.textContent = 'werkt'; });</script>
      </body></html>`;
    const hash = release.files['lokaal.js']!;
    for (const tampered of [false, true]) {
      const { page: tab, errors } = await watchedPage();
      const console: string[] = [];
      tab.on('console', (message) => console.push(message.text()));
      await tab.route(`${server.baseUrl}/sri.html`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: page(hash) }),
      );
      if (tampered) {
        await tab.route(`${server.baseUrl}/cdn/${release.version}/lokaal.js`, async (route) => {
          const original = await route.fetch();
          await route.fulfill({
            response: original,
            body: `${await original.text()}\nconsole.log('tampered');`,
          });
        });
      }
      await tab.goto(`${server.baseUrl}/sri.html`);
      await tab.waitForLoadState('networkidle');
      const defined = await tab.evaluate(() => customElements.get('lokaal-search') !== undefined);
      assert.equal(defined, !tampered, tampered ? 'a tampered file never runs' : 'the published file runs');
      await tab.locator('#own').click();
      assert.equal(
        await tab.locator('#own').innerText(),
        'werkt',
        "the host page's own script keeps working",
      );
      if (tampered)
        assert.ok(
          console.some((text) => /integrity/i.test(text)),
          console.join('\n'),
        );
      assert.deepEqual(errors, []);
      await tab.close();
    }
  });

  it('survives the bundle included twice', async () => {
    const { page, errors } = await watchedPage();
    const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Twice</title>
      <script type="module" src="/cdn/latest/lokaal.js"></script>
      <script type="module" src="/cdn/latest/lokaal.js?again"></script></head>
      <body><lokaal-search id="s" near="3811"></lokaal-search></body></html>`;
    await page.route(`${server.baseUrl}/twice.html`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: html }),
    );
    await page.goto(`${server.baseUrl}/twice.html`);
    await page.locator('lokaal-search input[role="combobox"]').waitFor({ timeout: 10_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
