// Builds the extension for Chromium and Firefox from one source, then prints the size of
// what pages load: the detector (the manifest's content script, on every product page) is
// the number the budget in DESIGN.md is about; the panel's renderer, injected only where
// there is a panel to show, is printed beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
/** Aim from DESIGN.md: the content script ≤ 10 KB gzip. The build fails above the hard limit. */
const CONTENT_SCRIPT_AIM_BYTES = 10 * 1024;
const CONTENT_SCRIPT_LIMIT_BYTES = 16 * 1024;
/** The renderer also counts on a page with a panel: the build fails when it grows past this. */
const PANEL_SCRIPT_LIMIT_BYTES = 16 * 1024;
const PANEL_SCRIPT_FILE = 'panel.js';

/** The files the manifest injects into marketplace pages (one classic script, no imports). */
function contentScriptFiles(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []))];
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;
// The release builds, then a demo build that also runs on the demo town at localhost:8080.
const builds = [
  { browser: 'chromium', folder: 'chromium', env: {} },
  { browser: 'firefox', folder: 'firefox', env: {} },
  {
    browser: 'chromium',
    folder: 'chromium-demo',
    env: { LOKAAL_DEMO: '1', VITE_LOKAAL_API: 'http://localhost:8080' },
  },
];
for (const { browser, folder, env } of builds) {
  delete process.env.LOKAAL_DEMO;
  delete process.env.VITE_LOKAAL_API;
  Object.assign(process.env, { LOKAAL_BROWSER: browser, ...env });
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const dir = join(root, 'dist', folder);
  const files = contentScriptFiles(dir);
  const size = (names) => {
    let raw = 0;
    let gzip = 0;
    for (const file of names) {
      const bytes = readFileSync(join(dir, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const detector = size(files);
  const panel = size([PANEL_SCRIPT_FILE]);
  const verdict =
    detector.gzip > CONTENT_SCRIPT_LIMIT_BYTES
      ? 'OVER LIMIT'
      : detector.gzip > CONTENT_SCRIPT_AIM_BYTES
        ? 'over the aim'
        : 'ok';
  console.log(
    `extension/dist/${folder}: content script (detector) ${kb(detector.raw)} (${kb(detector.gzip)} gzip, aim ${kb(CONTENT_SCRIPT_AIM_BYTES)}) ${verdict} — ${files.length} file(s); ` +
      `panel renderer, injected only with a panel to show: ${kb(panel.raw)} (${kb(panel.gzip)} gzip)${panel.gzip > PANEL_SCRIPT_LIMIT_BYTES ? ' OVER LIMIT' : ''}`,
  );
  if (detector.gzip > CONTENT_SCRIPT_LIMIT_BYTES || panel.gzip > PANEL_SCRIPT_LIMIT_BYTES) failed = true;
}
if (failed) process.exit(1);
