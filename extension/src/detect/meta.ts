import { cleanText, gtinFromValue } from './text.js';
import { MAX_META_TAGS } from './limits.js';

/** What the page's `<meta>` tags (Open Graph and product tags) say about its product. */
export interface MetaFacts {
  readonly hasProduct: boolean;
  readonly gtin?: string;
  readonly title?: string;
  readonly brand?: string;
}

/** Meta keys that carry a GTIN, best first. */
const GTIN_KEYS = [
  'product:ean',
  'og:ean',
  'product:gtin13',
  'product:gtin',
  'og:gtin',
  'product:upc',
  'og:upc',
  'product:isbn',
  'books:isbn',
  'book:isbn',
  'og:isbn',
  'product:gtin14',
  'product:gtin8',
];
const PRODUCT_TYPES = /^(?:product|product\.item|product\.group|og:product|books?\.book|book)$/i;

/**
 * The head's meta tags by `property` or `name` (lower case), first one of each key.
 * One pass over the head only: meta tags in the body are not read.
 */
export function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  const found = document.head?.getElementsByTagName('meta');
  for (let index = 0; found && index < found.length && index < MAX_META_TAGS; index++) {
    const meta = found[index]!;
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name'))?.toLowerCase();
    const value = meta.getAttribute('content');
    if (key && value !== null && !tags.has(key)) tags.set(key, value);
  }
  return tags;
}

/** Reads the GTIN (best key first), title and brand from meta tags. */
export function readMeta(tags: Map<string, string>): MetaFacts {
  let gtin: string | null = null;
  for (const key of GTIN_KEYS) {
    const value = tags.get(key);
    if (value !== undefined && (gtin = gtinFromValue(cleanText(value)))) break;
  }
  const type = tags.get('og:type');
  const title = cleanText(tags.get('og:title'));
  const brand = cleanText(tags.get('product:brand') ?? tags.get('og:brand'));
  return {
    hasProduct: gtin !== null || (type !== undefined && PRODUCT_TYPES.test(type.trim())),
    ...(gtin ? { gtin } : {}),
    ...(title === undefined ? {} : { title }),
    ...(brand === undefined ? {} : { brand }),
  };
}
