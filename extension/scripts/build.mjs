// Builds the extension for Chromium and Firefox from one source, then prints the size of
// what pages load. Every product page runs the reader (detect/read-page.ts, a function
// the background sends as source text): that is the number the budget in DESIGN.md is
// about. A page whose JSON-LD names no GTIN also loads `detect.js`, and a page with a
// panel `panel.js`; both are printed beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, minify, transformWithOxc } from 'vite';

const root = new URL('..', import.meta.url).pathname;
/** Aim from DESIGN.md: what every product page loads ≤ 10 KB gzip. */
const EVERY_PAGE_AIM_BYTES = 10 * 1024;
/** The build fails when a script for pages grows past this. */
const PAGE_SCRIPT_LIMIT_BYTES = 16 * 1024;
const PAGE_SCRIPTS = ['detect.js', 'panel.js'];

/** The reader as the browser receives it: the function's minified source text. */
async function readerSource() {
  const file = join(root, 'src/detect/read-page.ts');
  const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
  return Buffer.from((await minify('read-page.js', code, { compress: true, mangle: true })).code);
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
    env: { VITE_LOKAAL_DEMO: '1', VITE_LOKAAL_API: 'http://localhost:8080' },
  },
];
for (const { browser, folder, env } of builds) {
  delete process.env.VITE_LOKAAL_DEMO;
  delete process.env.VITE_LOKAAL_API;
  Object.assign(process.env, { LOKAAL_BROWSER: browser, ...env });
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const dir = join(root, 'dist', folder);
  const sizes = [['reader (every product page)', await readerSource()]];
  for (const file of PAGE_SCRIPTS) sizes.push([file, readFileSync(join(dir, file))]);
  const report = sizes.map(([name, bytes]) => {
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const over = gzip > PAGE_SCRIPT_LIMIT_BYTES;
    if (over) failed = true;
    const aim =
      name === sizes[0][0]
        ? `, aim ${kb(EVERY_PAGE_AIM_BYTES)}${gzip > EVERY_PAGE_AIM_BYTES ? ' OVER' : ' ok'}`
        : '';
    return `${name} ${kb(bytes.length)} (${kb(gzip)} gzip${aim})${over ? ' OVER LIMIT' : ''}`;
  });
  console.log(`extension/dist/${folder}: ${report.join('; ')}`);
}
if (failed) process.exit(1);
