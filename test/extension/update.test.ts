/**
 * The extension updated or removed while a marketplace page shows its panel: the panel of
 * the version that is gone must not stay behind, telling of places for a product the page
 * no longer shows, nor take away the new version's. Chromium installs, updates and removes
 * the built extension here through the DevTools protocol, as the browser does on its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../support/server.js';
import {
  PAGES,
  bolUrl,
  chooseLocation,
  clickInPanel,
  launchManaged,
  panelSnapshot,
  until,
  type ManagedBrowser,
} from './support.js';

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

const PANEL = 'lokaal-extension-panel';
const panels = (page: Page): Promise<number> => page.locator(PANEL).count();
/** Marks the panel in the page as the version before the update (the page can see the host). */
const markOld = (page: Page): Promise<void> =>
  page.evaluate((tag) => document.querySelector(tag)!.setAttribute('data-old', ''), PANEL);

describe(
  'the browser extension, updated or removed while a page shows its panel',
  { timeout: 120_000 },
  () => {
    it('shows one panel, the new version’s, after an update, and none once the extension is removed', async () => {
      const id = await chromium.install();
      await chooseLocation(await chromium.worker(id), server.baseUrl, server.baseUrl);
      const page = await chromium.context.newPage();
      await page.goto(bolUrl(PAGES.spa));
      const first = (await until(() => panelSnapshot(page), 'the panel')).text;

      // Updated with the page left alone: the new version's panel takes the old one's place.
      await markOld(page);
      assert.equal(await chromium.install(), id, 'installed again: an update');
      await until(
        async () => (await panels(page)) === 1 && (await page.locator(`${PANEL}[data-old]`).count()) === 0,
        'the new version’s panel in place of the old one',
      );

      // A panel the shopper closed leaves its renderer behind in the old version's world; after
      // the next update that one must not take away the newer version's panel.
      await clickInPanel(page, '×');
      await until(async () => (await panels(page)) === 0, 'the panel closed');
      await chromium.install();
      await until(async () => (await panels(page)) === 1, 'the newer version’s panel');
      await page.evaluate(() => document.body.append(document.createElement('div')));
      // The old world looks at a change 400 ms after it; well past that, the panel is still there.
      await page.waitForTimeout(1500);
      assert.equal(await panels(page), 1, 'the newer version’s panel stays');

      // The new version follows the page: another variant, then a list page.
      await page.click('#variant');
      await until(async () => {
        const text = (await panelSnapshot(page))?.text;
        return text !== undefined && text !== first && (await panels(page)) === 1;
      }, 'one panel, for the variant');
      await page.click('#to-list');
      await until(async () => (await panels(page)) === 0, 'no panel on the list');

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
