/**
 * The extension's demo build on the demo town's mock marketplace page, as a webmaster
 * trying Lokaal would load it; and the release builds, which never run on a local origin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'webextension-polyfill';
import { startServer, type RunningServer } from '../support/server.js';
import { launchWithExtension, panelSnapshot, until, type LoadedExtension } from './support.js';

/** In the extension's service worker. */
declare const chrome: Browser;

const DIST = fileURLToPath(new URL('../../extension/dist/', import.meta.url));
const manifestOf = (build: string): { host_permissions: string[]; content_scripts?: unknown } =>
  JSON.parse(readFileSync(`${DIST}${build}/manifest.json`, 'utf8'));

/** The background's code, where the patterns of the pages it reads are compiled in. */
const backgroundOf = (build: string): string =>
  readdirSync(`${DIST}${build}/assets`)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(`${DIST}${build}/assets/${file}`, 'utf8'))
    .join('\n');

let server: RunningServer;
let extension: LoadedExtension;

before(async () => {
  server = await startServer({ command: 'demo' });
  extension = await launchWithExtension(`${DIST}chromium-demo/`);
  const worker = await extension.worker();
  await worker.evaluate((settings) => chrome.storage.local.set(settings), {
    apiBaseUrl: server.baseUrl,
    location: { label: '3811', point: { lat: 52.1561, lon: 5.3878 }, source: 'geocode' },
  });
});

after(async () => {
  await extension?.close();
  await server?.stop();
});

describe('the extension’s demo build', { timeout: 120_000 }, () => {
  it('shows the shops of the demo town on its mock marketplace page', async () => {
    const page = await extension.context.newPage();
    await page.goto(`${server.baseUrl}/marktplaats/`);
    const snapshot = await until(() => panelSnapshot(page), 'the panel on the mock marketplace page');
    assert.match(snapshot.text, /^Ook verkrijgbaar in de buurt/);
    await page.close();
  });

  it('is the only build that runs on a local address', () => {
    const local = /^https?:\/\/(localhost|127\.0\.0\.1)\b/;
    for (const build of ['chromium', 'firefox']) {
      const manifest = manifestOf(build);
      assert.deepEqual(
        manifest.host_permissions.filter((pattern) => local.test(pattern)),
        [],
        `${build} has no local origin`,
      );
      // Pages are read by the background, which no manifest entry can widen.
      assert.equal(manifest.content_scripts, undefined, `${build} declares no content script`);
      assert.doesNotMatch(
        backgroundOf(build),
        /localhost\/\*|127\.0\.0\.1\/\*/,
        `${build} reads no local page`,
      );
    }
    assert.ok(manifestOf('chromium-demo').host_permissions.includes('http://localhost/*'));
    assert.match(backgroundOf('chromium-demo'), /http:\/\/localhost\/\*/);
  });
});
