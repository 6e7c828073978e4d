/**
 * The messages between the parts of the extension, typed on both ends. The scripts the
 * background puts into pages run inside pages the extension does not control, so the
 * background treats what they send or answer as hostile: `parseContentRequest`,
 * `parseJsonLdTexts` and `parseIdentity` check every field, re-validate the GTIN and bound
 * every size before anything is used.
 */
import { parseGtin, type Availability, type Locale } from '@lokaal/core';
import type { IdentitySource, ProductIdentity } from '../adapters/types.js';
import { MAX_JSON_LD_CHARS, MAX_JSON_LD_SCRIPTS, MAX_JSON_LD_TOTAL_CHARS } from '../detect/limits.js';

/** Longest title and brand the background accepts from a page. */
export const MAX_TITLE_LENGTH = 300;
export const MAX_BRAND_LENGTH = 100;

/** From a script in a page to the background. */
export type ContentRequest =
  /**
   * The reader's report that the page's title or JSON-LD changed while its address did
   * not (a variant switched in place): the background reads the page again.
   */
  | { readonly type: 'changed' }
  /** The shopper asked to search nearby for a product without GTIN. */
  | { readonly type: 'search-similar'; readonly title: string; readonly brand?: string }
  /** The shopper does not want the panel on this site any more. */
  | { readonly type: 'dismiss-site' };

/** From the extension's own pages (popup, options, welcome) to the background. */
export type PageRequest =
  | { readonly type: 'tab-state'; readonly tabId: number }
  /** A postcode or town to a point, through the configured API. */
  | { readonly type: 'geocode'; readonly query: string };

/** The answer to `geocode`: `null` when the API does not know the place or cannot be reached. */
export type GeocodeAnswer = { readonly name: string; readonly point: { lat: number; lon: number } } | null;

/** Everything the panel says, already in the shopper's language. */
export interface PanelLabels {
  readonly title: string;
  readonly similarTitle: string;
  readonly similarHint: string;
  readonly similarLabel: string;
  readonly searchNearby: string;
  readonly expand: string;
  readonly collapse: string;
  readonly close: string;
  readonly dismiss: string;
  readonly none: string;
}

/** One place in the panel, formatted by the background; the panel only renders text. */
export interface PanelItem {
  readonly placeId: string;
  readonly name: string;
  /** The offer's title (shown for similar products). */
  readonly title: string;
  readonly distance: string | null;
  readonly price: string;
  readonly availability: Availability;
  readonly availabilityText: string;
  readonly freshness: string;
  readonly stale: string | null;
  readonly openState: 'open' | 'closed' | 'unknown';
  readonly openingText: string;
  readonly route: string;
  readonly routeUrl: string;
  readonly routeLabel: string;
  readonly shopUrl: string | null;
  readonly shopLabel: string;
}

export interface PanelView {
  readonly lang: Locale;
  readonly labels: PanelLabels;
  /** `exact` for a GTIN match, `similar` for a text search on title and brand. */
  readonly match: 'exact' | 'similar';
  readonly items: readonly PanelItem[];
}

/** What a request from a page is answered with: `null` means stay silent. */
export type ContentAnswer = { readonly view: PanelView | null };

/** What the popup shows for a tab. */
export interface TabState {
  readonly hasLocation: boolean;
  readonly view: PanelView | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collapses white space and cuts to a maximum length. */
function boundedText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
  return text.length > 0 ? text : null;
}

/**
 * The text of a page's JSON-LD scripts, from the reader's answer or report: strings only,
 * bounded in number and size, or `null`.
 */
export function parseJsonLdTexts(texts: unknown): string[] | null {
  if (!Array.isArray(texts) || texts.length > MAX_JSON_LD_SCRIPTS) return null;
  let total = 0;
  for (const text of texts as unknown[]) {
    if (typeof text !== 'string' || text.length > MAX_JSON_LD_CHARS) return null;
    total += text.length;
  }
  return total > MAX_JSON_LD_TOTAL_CHARS ? null : (texts as string[]);
}

/** What the reader returned (`PageReading`), checked as hostile, or `null`. */
export function parsePageReading(
  value: unknown,
): { href: URL; texts: string[]; token: string; renderer: boolean; showing: boolean } | null {
  if (!isRecord(value) || typeof value.href !== 'string' || value.href.length > 4096) return null;
  if (typeof value.token !== 'string' || !/^\d{1,24}$/.test(value.token)) return null;
  const texts = parseJsonLdTexts(value.texts);
  if (!texts) return null;
  try {
    return {
      href: new URL(value.href),
      texts,
      token: value.token,
      renderer: value.renderer === true,
      showing: value.showing === true,
    };
  } catch {
    return null;
  }
}

/** A request from a script in a page, checked field by field, or `null` when it is not one. */
export function parseContentRequest(value: unknown): ContentRequest | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'search-similar': {
      const title = boundedText(value.title, MAX_TITLE_LENGTH);
      if (!title) return null;
      const brand = value.brand === undefined ? null : boundedText(value.brand, MAX_BRAND_LENGTH);
      return brand ? { type: 'search-similar', title, brand } : { type: 'search-similar', title };
    }
    case 'changed':
    case 'dismiss-site':
      return { type: value.type };
    default:
      return null;
  }
}

const IDENTITY_SOURCES: readonly string[] = ['json-ld', 'microdata', 'meta', 'spec-table'];

/**
 * What `detect.js` read in a page, checked as hostile as any message: the GTIN is
 * validated again, title and brand bounded, the marketplace id kept only when it is short
 * text. `null` when it is no identity.
 */
export function parseIdentity(value: unknown): ProductIdentity | null {
  if (!isRecord(value)) return null;
  const title = value.title === undefined ? null : boundedText(value.title, MAX_TITLE_LENGTH);
  const brand = value.brand === undefined ? null : boundedText(value.brand, MAX_BRAND_LENGTH);
  // A marketplace id is kept whole or not at all: a shortened id names another product.
  const id = isRecord(value.marketplaceId) ? value.marketplaceId : null;
  const idText = (text: unknown, max: number) =>
    typeof text === 'string' && /^[\w.-]+$/.test(text) && text.length <= max ? text : null;
  const scheme = id ? idText(id.scheme, 20) : null;
  const idValue = id ? idText(id.value, 40) : null;
  const described = {
    ...(brand ? { brand } : {}),
    ...(scheme && idValue ? { marketplaceId: { scheme, value: idValue } } : {}),
  };
  if (value.kind === 'gtin') {
    if (typeof value.gtin !== 'string' || value.gtin.length > 20) return null;
    const parsed = parseGtin(value.gtin);
    if (!parsed.ok || typeof value.source !== 'string' || !IDENTITY_SOURCES.includes(value.source))
      return null;
    return {
      kind: 'gtin',
      gtin: parsed.gtin14,
      source: value.source as IdentitySource,
      ...(title ? { title } : {}),
      ...described,
    };
  }
  if (value.kind === 'similar' && title) return { kind: 'similar', title, ...described };
  return null;
}

export function parsePageRequest(value: unknown): PageRequest | null {
  if (!isRecord(value)) return null;
  if (value.type === 'tab-state') {
    return typeof value.tabId === 'number' && Number.isInteger(value.tabId) && value.tabId >= 0
      ? { type: 'tab-state', tabId: value.tabId }
      : null;
  }
  if (value.type === 'geocode') {
    const query = boundedText(value.query, 100);
    return query ? { type: 'geocode', query } : null;
  }
  return null;
}
