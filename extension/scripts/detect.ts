/**
 * Maintainers' check: which product does a saved page show?
 *
 *   npm run detect -- page.html --url https://www.bol.com/nl/nl/p/…/9200000091093424/
 *
 * Prints the adapter, the identity and the mount point as JSON. Exit status: 0 when a
 * product was detected, 1 when the page shows none, 2 when the command was used wrongly
 * (no file, unreadable file, no or bad URL).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { findAdapter } from '../src/adapters/index.js';
import { readProduct } from '../src/detect/page.js';
import { cssPath } from '../src/detect/css-path.js';
import { findMountPoint } from '../src/detect/mount.js';

const USAGE = 'usage: npm run detect -- <page.html> --url <https://… the URL the page was saved from>';

function fail(message: string): never {
  console.error(`detect: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseArgs<{ options: { url: { type: 'string' } }; allowPositionals: true }>>;
try {
  parsed = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  fail((error as Error).message);
}
const [file, ...extra] = parsed.positionals;
if (!file) fail('no page given');
if (extra.length > 0) fail(`one page at a time, not also ${extra.join(', ')}`);
if (!parsed.values.url) fail('no --url given: adapters decide by the URL');

let url: URL;
try {
  url = new URL(parsed.values.url);
} catch {
  fail(`not a URL: ${parsed.values.url}`);
}
if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`not an http(s) URL: ${url.href}`);

let html: string;
try {
  // npm runs scripts in the repository root; INIT_CWD is where the maintainer typed it.
  html = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8');
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
}

const { document } = parseHTML(html) as unknown as { document: Document };
const adapter = findAdapter(url);
const found = readProduct(document, url);
const mounts = (found?.adapter ?? adapter)?.mounts;
const mount = mounts ? findMountPoint(document, mounts) : null;
const report = {
  url: url.href,
  adapter: adapter ? { id: adapter.id, name: adapter.name } : null,
  identity: found?.identity ?? null,
  mount: mount ? { path: cssPath(mount.element), position: mount.position } : null,
};
console.log(JSON.stringify(report, null, 2));
if (!found) console.error('detect: no product found on this page');
process.exit(found ? 0 : 1);
