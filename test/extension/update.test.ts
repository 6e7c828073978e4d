/**
 * The extension updated or removed while a marketplace page shows its panel: the panel of
 * the version that is gone must not stay behind, telling of places for a product the page
 * no longer shows. Chromium installs, updates and removes the built extension here through
 * the DevTools protocol, as the browser does on its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../support/server.js';
import { PAGES, bolUrl, launchManaged, panelSnapshot, until, type ManagedBrowser } from './support.js';

let server: RunningServer;
let chromium: ManagedBrowser;

before(async () => {
  server = await startServer();
  chromium = await launchManaged();
});

after(async () => {
  await chromium?.close();
  await server?.stop();
});

const panels = (page: Page): Promise<number> => page.locator('lokaal-extension-panel').count();

describe(
  'the browser extension, updated or removed while a page shows its panel',
  { timeout: 120_000 },
  () => {
    it('shows one panel, the new version’s, after an update, and none once the extension is removed', async () => {
      const id = await chromium.install();
      const geocoded = (await (await fetch(`${server.baseUrl}/v1/geocode?q=3811`)).json()) as {
        point: { lat: number; lon: number };
      };
      await (
        await chromium.worker(id)
      ).evaluate(
        (settings) =>
          (
            globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
          ).chrome.storage.local.set(settings),
        { apiBaseUrl: server.baseUrl, location: { label: '3811', point: geocoded.point, source: 'geocode' } },
      );
      const page = await chromium.context.newPage();
      await page.goto(bolUrl(PAGES.spa));
      const first = (await until(() => panelSnapshot(page), 'the panel')).text;

      assert.equal(await chromium.install(), id, 'installed again: an update');
      // The new version follows the page: another variant, then a list page.
      await page.click('#variant');
      await until(async () => {
        const text = (await panelSnapshot(page))?.text;
        return text !== undefined && text !== first && (await panels(page)) === 1;
      }, 'one panel, for the variant');
      await page.click('#to-list');
      await until(async () => (await panels(page)) === 0, 'no panel on the list, not even the old version’s');

      await page.click('#to-bell');
      await until(() => panelSnapshot(page), 'the panel on the product again');
      await chromium.uninstall(id);
      // The page goes on changing, as pages do; a removed extension's panel goes with the next change.
      await page.click('#variant');
      await until(async () => (await panels(page)) === 0, 'no panel of a removed extension');
      await page.close();
    });
  },
);
