/**
 * Detection in one go, JSON-LD included, for what runs outside a page: the maintainers'
 * `npm run detect` and the tests. In a page the work is split: the reader (read-page.ts)
 * takes the JSON-LD text and the background reads what it says (background/index.ts).
 */
import { detectProduct, type Adapter, type ProductIdentity } from '../adapters/index.js';
import { extractIdentity, type ExtractOptions } from './identity.js';
import { readJsonLd } from './json-ld.js';

/** `extractIdentity` with the page's JSON-LD read here. */
export function readIdentity(
  document: Document,
  url: URL,
  options: ExtractOptions = {},
): ProductIdentity | null {
  return extractIdentity(document, readJsonLd(document, url), options);
}

/** An adapter's `extract` with the page's JSON-LD read here. */
export function readWith(adapter: Adapter, document: Document, url: URL): ProductIdentity | null {
  return adapter.extract(document, url, readJsonLd(document, url));
}

/** `detectProduct` with the page's JSON-LD read here; never throws, whatever the page holds. */
export function readProduct(
  document: Document,
  url: URL,
): { adapter: Adapter; identity: ProductIdentity } | null {
  let jsonLd;
  try {
    jsonLd = readJsonLd(document, url);
  } catch {
    return null;
  }
  return detectProduct(document, url, jsonLd);
}
