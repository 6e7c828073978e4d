import { cleanText, gtinFromValue } from './text.js';
import { MAX_ATTRIBUTE_ELEMENTS } from './limits.js';

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
const GTIN_SELECTOR = GTIN_KEYS.map((key) => `meta[property="${key}"], meta[name="${key}"]`).join(', ');
const PRODUCT_TYPES = /^(?:product|product\.item|product\.group|og:product|books?\.book|book)$/i;

function content(document: Document, key: string): string | null {
  return (
    document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null
  );
}

/** Reads the GTIN (best key first), title and brand from meta tags. */
export function readMeta(document: Document): MetaFacts {
  const found = document.querySelectorAll(GTIN_SELECTOR);
  const byKey = new Map<string, string>();
  for (let index = 0; index < found.length && index < MAX_ATTRIBUTE_ELEMENTS; index++) {
    const meta = found[index];
    const key = (meta?.getAttribute('property') ?? meta?.getAttribute('name') ?? '').toLowerCase();
    const value = meta?.getAttribute('content');
    if (value && !byKey.has(key)) byKey.set(key, value);
  }
  let gtin: string | null = null;
  for (const key of GTIN_KEYS) {
    const value = byKey.get(key);
    if (value !== undefined && (gtin = gtinFromValue(cleanText(value)))) break;
  }
  const type = content(document, 'og:type');
  const title = cleanText(content(document, 'og:title'));
  const brand = cleanText(content(document, 'product:brand') ?? content(document, 'og:brand'));
  return {
    hasProduct: gtin !== null || (type !== null && PRODUCT_TYPES.test(type.trim())),
    ...(gtin ? { gtin } : {}),
    ...(title === undefined ? {} : { title }),
    ...(brand === undefined ? {} : { brand }),
  };
}
