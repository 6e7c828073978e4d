/**
 * The pages the extension reads: product pages of the marketplaces it has host
 * permission for, and nothing else. The manifest declares no content script; the
 * background injects the reader into a tab when the browser reports such a page loaded
 * or its address changed (background/pages.ts), so the extension runs no code at all on
 * the marketplaces' other pages, nor anywhere before the shopper has chosen a location.
 */
import { adapters, type Adapter } from '../adapters/index.js';

/** Set by `vite.config.ts` at build time, so a release build holds no local origin at all. */
declare const __LOKAAL_DEMO__: boolean | undefined;

/** In the build, the constant; under Node (tests, the manifest), the environment. */
const demo =
  typeof __LOKAAL_DEMO__ === 'boolean'
    ? __LOKAAL_DEMO__
    : (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
        .VITE_LOKAAL_DEMO === '1';

/**
 * The demo build (`VITE_LOKAAL_DEMO=1`, written to `dist/chromium-demo`) also reads pages
 * on this computer, so that the demo town's mock marketplace page can be tried; the release
 * builds never match a local origin.
 */
export const DEMO_ORIGINS: readonly string[] = demo ? ['http://localhost/*', 'http://127.0.0.1/*'] : [];

/** Match patterns of the marketplaces (and, in the demo build, the local origins). */
export const PAGE_PATTERNS: readonly string[] = [
  ...new Set([...adapters.flatMap((adapter) => adapter.matches), ...DEMO_ORIGINS]),
];

/**
 * Whether a URL matches a match pattern such as `https://www.bol.com/*` or
 * `http://localhost/*` (any port, as in the browser's own matching).
 */
export function matchesPattern(url: URL, pattern: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  if (scheme === '*' ? !['http:', 'https:'].includes(url.protocol) : url.protocol !== `${scheme}:`)
    return false;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    if (url.hostname !== domain && !url.hostname.endsWith(`.${domain}`)) return false;
  } else if (host !== '*' && url.hostname !== host) return false;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return glob.test(`${url.pathname}${url.search}`);
}

/**
 * The adapter that reads this page, or `undefined` when the extension leaves it alone:
 * on a marketplace, its own adapter on its product pages only; on another origin the
 * extension may read (the demo town), the generic schema.org adapter.
 */
export function pageAdapter(url: URL): Adapter | undefined {
  if (!PAGE_PATTERNS.some((pattern) => matchesPattern(url, pattern))) return undefined;
  const marketplace = adapters.find((adapter) =>
    adapter.matches.some((pattern) => matchesPattern(url, pattern)),
  );
  if (marketplace) return marketplace.isProductUrl(url) ? marketplace : undefined;
  return adapters.find((adapter) => adapter.id === 'generic' && adapter.isProductUrl(url));
}
