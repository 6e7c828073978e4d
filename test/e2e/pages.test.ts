/**
 * The crawlable pages in a real browser, served by `lokaal demo` (next to the demo site and
 * its catch-all route): each page type passes axe with zero violations, runs under its CSP
 * without a violation, needs no script, and fits a phone screen. Screenshots for review go
 * to `screenshots/`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
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
