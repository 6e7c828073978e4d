import type { MarketplaceId, ProductIdentity } from '../adapters/types.js';
import type { JsonLdFacts } from './json-ld.js';
import { metaTags, readMeta } from './meta.js';
import { readMicrodata } from './microdata.js';
import { readSpecTable, type SpecTableOptions } from './spec-table.js';
import { cleanText } from './text.js';

export interface ExtractOptions {
  /** The marketplace's own id of the product, when the URL or page shows one. */
  readonly marketplaceId?: MarketplaceId | null;
  /** Where the marketplace prints its specification rows. */
  readonly specTable?: SpecTableOptions;
  /** The marketplace's product title element, tried before `og:title` and `h1`. */
  readonly titleSelector?: string;
  /** The marketplace's brand element, tried after the structured sources. */
  readonly brandSelector?: string;
  /**
   * Whether only pages with schema.org product data (JSON-LD, microdata, Open Graph product
   * tags) count. Marketplace adapters know from the URL that the page is a product page;
   * the generic adapter does not, and must not turn every article into a product.
   */
  readonly requireProductData?: boolean;
}

function textAt(document: Document, selector: string | undefined): string | undefined {
  return selector ? cleanText(document.querySelector(selector)?.textContent) : undefined;
}

/**
 * The identity of the product a page shows, best source first: GTIN from JSON-LD, then
 * microdata, then meta tags, then the specification table; failing those a `similar`
 * identity from title, brand and the marketplace's own id. Every GTIN is check-digit
 * validated and returned as GTIN-14. Reads only what each step needs, and only with
 * `textContent` and `getAttribute`. What the JSON-LD says comes read already (`jsonLd`):
 * in a page, the background reads it (see background/index.ts); elsewhere `readIdentity`
 * (page.ts) reads it in line.
 */
export function extractIdentity(
  document: Document,
  jsonLd: JsonLdFacts,
  options: ExtractOptions = {},
): ProductIdentity | null {
  const microdata = jsonLd.gtin ? null : readMicrodata(document);
  // The head's meta tags are read only when a step needs them: most product pages name
  // their GTIN and title in JSON-LD, and a page without a panel should cost little.
  let tags: Map<string, string> | undefined;
  const headTags = () => (tags ??= metaTags(document));
  const meta = jsonLd.gtin || microdata?.gtin ? null : readMeta(headTags());
  const hasProductData = jsonLd.hasProduct || microdata?.hasProduct || meta?.hasProduct;
  if (options.requireProductData && !hasProductData) return null;
  const spec =
    jsonLd.gtin || microdata?.gtin || meta?.gtin ? null : readSpecTable(document, options.specTable);

  const found: { gtin: string; source: 'json-ld' | 'microdata' | 'meta' | 'spec-table' } | null = jsonLd.gtin
    ? { gtin: jsonLd.gtin, source: 'json-ld' }
    : microdata?.gtin
      ? { gtin: microdata.gtin, source: 'microdata' }
      : meta?.gtin
        ? { gtin: meta.gtin, source: 'meta' }
        : spec?.gtin
          ? { gtin: spec.gtin, source: 'spec-table' }
          : null;
  const title =
    jsonLd.title ??
    microdata?.title ??
    textAt(document, options.titleSelector) ??
    meta?.title ??
    cleanText(headTags().get('og:title')) ??
    textAt(document, 'h1') ??
    cleanText(document.title);
  const brand =
    jsonLd.brand ?? microdata?.brand ?? meta?.brand ?? spec?.brand ?? textAt(document, options.brandSelector);
  const marketplaceId = options.marketplaceId ?? undefined;
  const described = {
    ...(brand === undefined ? {} : { brand }),
    ...(marketplaceId === undefined ? {} : { marketplaceId }),
  };
  if (found) {
    return { kind: 'gtin', ...found, ...(title === undefined ? {} : { title }), ...described };
  }
  return title === undefined ? null : { kind: 'similar', title, ...described };
}
