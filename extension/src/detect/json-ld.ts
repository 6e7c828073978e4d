import { cleanText, gtinFromValue } from './text.js';
import { jsonLdTexts } from './json-ld-texts.js';
import { MAX_JSON_LD_ARRAY, MAX_JSON_LD_DEPTH, MAX_JSON_LD_NODES } from './limits.js';

/** What the page's JSON-LD says about its product. */
export interface JsonLdFacts {
  /** The page publishes a schema.org product (or something wrapping one). */
  readonly hasProduct: boolean;
  /** GTIN-14 of the product the page is about, when valid. */
  readonly gtin?: string;
  readonly title?: string;
  readonly brand?: string;
}

/** A node of the JSON-LD that is a product or carries a GTIN. */
interface Candidate {
  readonly isProduct: boolean;
  /** Raw GTIN values, best key first. */
  readonly gtinValues: readonly unknown[];
  readonly title?: string;
  readonly brand?: string;
  /** Values that may also appear in the page URL of a variant. */
  readonly ids: readonly string[];
  readonly url?: string;
}

const PRODUCT_TYPES = new Set([
  'Product',
  'ProductGroup',
  'ProductModel',
  'IndividualProduct',
  'SomeProducts',
  'Book',
  'Vehicle',
  'Car',
]);
/** GTIN keys, best first. */
const GTIN_KEYS = ['gtin13', 'gtin', 'gtin14', 'gtin12', 'gtin8', 'isbn'] as const;
/** Keys that lead from a node to the product it is about, or to its variants. */
const CHILD_KEYS = ['@graph', 'mainEntity', 'hasVariant', 'itemOffered', 'object', 'offers', 'workExample'];
const SCHEMA_PREFIX = /^(?:https?:\/\/schema\.org\/|schema:)/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `https://schema.org/gtin13` and `schema:gtin13` are the same key as `gtin13`. */
function property(node: JsonObject, key: string): unknown {
  return (
    node[key] ??
    node[`https://schema.org/${key}`] ??
    node[`http://schema.org/${key}`] ??
    node[`schema:${key}`]
  );
}

function asList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.slice(0, MAX_JSON_LD_ARRAY) : [value];
}

function typesOf(node: JsonObject): string[] {
  return asList(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(SCHEMA_PREFIX, ''));
}

function textOf(value: unknown): string | undefined {
  const first = asList(value)[0];
  if (typeof first === 'string') return cleanText(first);
  if (isObject(first)) return textOf(first['@value'] ?? property(first, 'name'));
  return undefined;
}

function gtinValuesOf(node: JsonObject): unknown[] {
  const values: unknown[] = [];
  for (const key of GTIN_KEYS) values.push(...asList(property(node, key)).slice(0, 4));
  // `identifier: { "@type": "PropertyValue", "propertyID": "EAN", "value": "…" }`
  for (const identifier of asList(property(node, 'identifier')).slice(0, 8)) {
    if (!isObject(identifier)) continue;
    const scheme = property(identifier, 'propertyID');
    if (typeof scheme === 'string' && /^(?:ean|gtin(?:8|12|13|14)?|isbn|upc)$/i.test(scheme.trim())) {
      values.push(property(identifier, 'value'));
    }
  }
  return values;
}

function idsOf(node: JsonObject): string[] {
  const ids: string[] = [];
  for (const key of ['sku', 'productID', 'mpn', ...GTIN_KEYS]) {
    for (const value of asList(property(node, key)).slice(0, 4)) {
      if ((typeof value === 'string' || typeof value === 'number') && String(value).length >= 3) {
        ids.push(String(value).trim().slice(0, 80));
      }
    }
  }
  return ids;
}

/** Every product-like node of one parsed JSON-LD document, in document order. */
function collect(root: unknown, candidates: Candidate[], budget: { nodes: number }): void {
  const visit = (value: unknown, depth: number, inherited: { title?: string; brand?: string }): void => {
    if (depth > MAX_JSON_LD_DEPTH || budget.nodes <= 0) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_JSON_LD_ARRAY)) visit(item, depth + 1, inherited);
      return;
    }
    if (!isObject(value)) return;
    budget.nodes -= 1;
    const isProduct = typesOf(value).some((type) => PRODUCT_TYPES.has(type));
    const gtinValues = gtinValuesOf(value);
    const own = {
      title: textOf(property(value, 'name')) ?? inherited.title,
      brand: textOf(property(value, 'brand')) ?? textOf(property(value, 'manufacturer')) ?? inherited.brand,
    };
    if (isProduct || gtinValues.length > 0) {
      const url = property(value, 'url') ?? value['@id'];
      candidates.push({
        isProduct,
        gtinValues,
        ids: idsOf(value),
        ...(own.title === undefined ? {} : { title: own.title }),
        ...(own.brand === undefined ? {} : { brand: own.brand }),
        ...(typeof url === 'string' ? { url } : {}),
      });
    }
    // Only a product passes its name on (to its variants and offers); an Offer's or a
    // WebPage's name is not the product's.
    const passOn = isProduct ? own : inherited;
    for (const key of CHILD_KEYS) {
      const child = property(value, key);
      if (child !== undefined) visit(child, depth + 1, passOn);
    }
  };
  visit(root, 0, {});
}

/**
 * How surely a candidate is the variant the URL shows: 2 when its own URL is the page's,
 * 1 when its SKU, product id or GTIN appears in the URL's query or path, else 0.
 */
function urlScore(candidate: Candidate, pageUrl: URL): number {
  if (candidate.url !== undefined) {
    try {
      const own = new URL(candidate.url, pageUrl);
      if (own.host === pageUrl.host && own.pathname === pageUrl.pathname && own.search === pageUrl.search) {
        return own.search === '' ? 1 : 2;
      }
    } catch {
      // Not a URL: no evidence either way.
    }
  }
  if (candidate.ids.length === 0) return 0;
  const tokens = new Set<string>();
  let count = 0;
  for (const value of pageUrl.searchParams.values()) {
    if (++count > 16) break;
    tokens.add(value);
  }
  for (const segment of pageUrl.pathname.split('/').slice(-3)) tokens.add(segment);
  return candidate.ids.some((id) => tokens.has(id)) ? 1 : 0;
}

function firstGtin(candidate: Candidate): string | null {
  for (const value of candidate.gtinValues) {
    const gtin = gtinFromValue(value);
    if (gtin) return gtin;
  }
  return null;
}

/**
 * Reads the product of the page from its JSON-LD: `Product`, `@graph`, `ProductGroup`
 * with `hasVariant`, an `Offer` (`itemOffered`) or `BuyAction` (`object`) wrapping the
 * product. When the URL names one variant (its URL, SKU or GTIN), that variant's GTIN is
 * used or none at all: a sibling's GTIN would be an exact match for another product.
 * Otherwise the first valid GTIN wins. Malformed JSON is skipped; bounded by `limits.ts`.
 *
 * @example
 * readJsonLd(document, new URL(location.href)).gtin // '08712345678906'
 */
export function readJsonLd(document: Document, pageUrl: URL): JsonLdFacts {
  return readJsonLdTexts(jsonLdTexts(document), pageUrl);
}

/**
 * `readJsonLd` on the scripts' text (`jsonLdTexts`): what the background does with the
 * text the reader in a page returns. Every text is parsed here; malformed JSON is skipped.
 */
export function readJsonLdTexts(texts: readonly string[], pageUrl: URL): JsonLdFacts {
  const candidates: Candidate[] = [];
  const budget = { nodes: MAX_JSON_LD_NODES };
  for (const text of texts) {
    if (budget.nodes <= 0) break;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue; // Broken JSON-LD is common; the other scripts and sources still count.
    }
    collect(parsed, candidates, budget);
  }
  if (candidates.length === 0) return { hasProduct: false };

  const withGtin = candidates.filter((candidate) => candidate.gtinValues.length > 0);
  let chosen: Candidate | undefined;
  let gtin: string | null = null;
  let bestScore = 0;
  for (const candidate of withGtin) {
    const score = urlScore(candidate, pageUrl);
    if (score > bestScore) [chosen, bestScore] = [candidate, score];
  }
  if (chosen) {
    gtin = firstGtin(chosen);
  } else {
    for (const candidate of withGtin) {
      gtin = firstGtin(candidate);
      if (gtin) {
        chosen = candidate;
        break;
      }
    }
  }
  const described = chosen ?? candidates.find((candidate) => candidate.isProduct) ?? candidates[0];
  return {
    hasProduct: true,
    ...(gtin ? { gtin } : {}),
    ...(described?.title === undefined ? {} : { title: described.title }),
    ...(described?.brand === undefined ? {} : { brand: described.brand }),
  };
}
