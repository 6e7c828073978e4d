import type { JsonLdFacts } from '../detect/json-ld.js';
import type { Adapter, ProductIdentity } from './types.js';
import { amazon } from './amazon.js';
import { bol } from './bol.js';
import { coolblue } from './coolblue.js';
import { generic } from './generic.js';
import { mediamarkt } from './mediamarkt.js';

export type { Adapter, MarketplaceId, MountPoint, ProductIdentity } from './types.js';

/** Every adapter, the marketplaces first and the generic schema.org adapter last. */
export const adapters: readonly Adapter[] = [bol, amazon, coolblue, mediamarkt, generic];

/**
 * The first adapter that sees a product page in the URL; the generic adapter takes any
 * other http(s) URL.
 *
 * @example
 * findAdapter(new URL('https://www.bol.com/nl/nl/p/x/9200000091093424/'))?.id // 'bol'
 */
export function findAdapter(url: URL): Adapter | undefined {
  return adapters.find((adapter) => adapter.isProductUrl(url));
}

/**
 * The product the page shows and the adapter that read it, or null, given what the page's
 * JSON-LD says. It reads a bounded part of the page once and never throws, whatever the
 * page holds. For `npm run detect` and the tests; in a page, `detect.js` does the same with
 * the adapter the background chose for the page's address.
 *
 * @example
 * const found = detectProduct(document, new URL(location.href), facts);
 * if (found?.identity.kind === 'gtin') lookUp(found.identity.gtin);
 */
export function detectProduct(
  document: Document,
  url: URL,
  jsonLd: JsonLdFacts,
): { adapter: Adapter; identity: ProductIdentity } | null {
  const adapter = findAdapter(url);
  if (!adapter) return null;
  try {
    const identity = adapter.extract(document, url, jsonLd);
    return identity ? { adapter, identity } : null;
  } catch {
    // A page we cannot read is a page without a panel, never an error on the shopper's page.
    return null;
  }
}
