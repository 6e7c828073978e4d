/**
 * The contract every marketplace adapter fulfils. One file per marketplace sits next to
 * this one; `index.ts` lists them. Adapters only read the page: they never write to it
 * and never make a request.
 */

import type { JsonLdFacts } from '../detect/json-ld.js';
import type { MountCandidate } from '../detect/mount.js';

/** Where the identity was found, best first. */
export type IdentitySource = 'json-ld' | 'microdata' | 'meta' | 'spec-table';

/** A marketplace's own product id, a weaker identity than a GTIN. */
export interface MarketplaceId {
  /** e.g. `asin`, `bol`, `coolblue`, `mediamarkt`. */
  readonly scheme: string;
  readonly value: string;
}

/**
 * What a product page is about.
 * - `gtin`: an exact identity; `gtin` is the check-digit-validated GTIN-14.
 * - `similar`: no valid GTIN on the page; title and brand can drive a text search whose
 *   answers are shown as "similar products", never as an exact match.
 */
export type ProductIdentity =
  | {
      readonly kind: 'gtin';
      readonly gtin: string;
      readonly source: IdentitySource;
      readonly title?: string;
      readonly brand?: string;
      readonly marketplaceId?: MarketplaceId;
    }
  | {
      readonly kind: 'similar';
      readonly title: string;
      readonly brand?: string;
      readonly marketplaceId?: MarketplaceId;
    };

/** Where the panel goes, relative to an element of the page. */
export interface MountPoint {
  readonly element: Element;
  readonly position: 'beforebegin' | 'afterbegin' | 'beforeend' | 'afterend';
}

export interface Adapter {
  /** Stable id, used in options ("which marketplaces are enabled"). */
  readonly id: string;
  /** Name shown to the shopper, e.g. `bol.com`. */
  readonly name: string;
  /** Match patterns for the manifest, e.g. `https://www.bol.com/*`. */
  readonly matches: readonly string[];
  /** Example URLs, checked by tests against `isProductUrl`. */
  readonly exampleUrls: { readonly product: readonly string[]; readonly notProduct: readonly string[] };
  /** Pure: is this URL a product page of this marketplace? */
  isProductUrl(url: URL): boolean;
  /**
   * The product identity of the page, or null when the page shows no product; `jsonLd` is
   * what the page's JSON-LD says (`readJsonLd`, or the background's reading of its text).
   */
  extract(document: Document, url: URL, jsonLd: JsonLdFacts): ProductIdentity | null;
  /**
   * Where to mount the panel, near the price/buy block: the first of these present on the
   * page (`findMountPoint`, which adds the fallbacks and keeps the panel out of controls).
   * Data, not code, so the background can hand it to the panel's renderer in the page.
   */
  readonly mounts: readonly MountCandidate[];
}
