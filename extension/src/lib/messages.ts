/**
 * The messages between the parts of the extension, typed on both ends. Content scripts
 * run inside pages the extension does not control, so the background treats what they
 * send as hostile: `parseContentRequest` checks every field, re-validates the GTIN and
 * bounds every size before anything is used.
 */
import { parseGtin, type Availability, type Locale } from '@lokaal/core';
import type { JsonLdFacts } from '../detect/json-ld.js';
import { MAX_JSON_LD_CHARS, MAX_JSON_LD_SCRIPTS, MAX_JSON_LD_TOTAL_CHARS } from '../detect/limits.js';

/** Longest title and brand the background accepts from a page. */
export const MAX_TITLE_LENGTH = 300;
export const MAX_BRAND_LENGTH = 100;

/** From a content script to the background. */
export type ContentRequest =
  /**
   * The text of the page's JSON-LD scripts (`jsonLdTexts`): what does it say, and when it
   * names a GTIN, are there places nearby? Sizes as `jsonLdTexts` bounds them.
   */
  | { readonly type: 'json-ld'; readonly texts: readonly string[]; readonly needsRenderer: boolean }
  /**
   * The page shows a product with this GTIN: are there places nearby? With
   * `needsRenderer`, the page has no panel code yet: inject it if there is a panel to show.
   */
  | { readonly type: 'lookup'; readonly gtin: string; readonly needsRenderer: boolean }
  /** The page shows a product without GTIN: may a "search nearby" button be shown here? */
  | { readonly type: 'similar-status'; readonly needsRenderer: boolean }
  /** The shopper asked to search nearby for a product without GTIN. */
  | { readonly type: 'search-similar'; readonly title: string; readonly brand?: string }
  /** The shopper does not want the panel on this site any more. */
  | { readonly type: 'dismiss-site' }
  /** The page no longer shows a product. */
  | { readonly type: 'clear' };

/** From the background to a content script. */
export type ContentNotice = { readonly type: 'refresh' };

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

/** One place in the panel, formatted by the background; the content script only renders text. */
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

/**
 * What a content request is answered with: `null` means stay silent. A `json-ld` request
 * also gets what the JSON-LD says; when that includes a GTIN, `view` is the answer for it.
 */
export type ContentAnswer = { readonly view: PanelView | null; readonly jsonLd?: JsonLdFacts };

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

/** A content script's request, checked field by field, or `null` when it is not one. */
export function parseContentRequest(value: unknown): ContentRequest | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'json-ld': {
      const { texts } = value;
      if (!Array.isArray(texts) || texts.length > MAX_JSON_LD_SCRIPTS) return null;
      let total = 0;
      for (const text of texts as unknown[]) {
        if (typeof text !== 'string' || text.length > MAX_JSON_LD_CHARS) return null;
        total += text.length;
      }
      if (total > MAX_JSON_LD_TOTAL_CHARS) return null;
      return { type: 'json-ld', texts: texts as string[], needsRenderer: value.needsRenderer === true };
    }
    case 'lookup': {
      if (typeof value.gtin !== 'string' || value.gtin.length > 20) return null;
      const parsed = parseGtin(value.gtin);
      return parsed.ok
        ? { type: 'lookup', gtin: parsed.gtin14, needsRenderer: value.needsRenderer === true }
        : null;
    }
    case 'search-similar': {
      const title = boundedText(value.title, MAX_TITLE_LENGTH);
      if (!title) return null;
      const brand = value.brand === undefined ? null : boundedText(value.brand, MAX_BRAND_LENGTH);
      return brand ? { type: 'search-similar', title, brand } : { type: 'search-similar', title };
    }
    case 'similar-status':
      return { type: 'similar-status', needsRenderer: value.needsRenderer === true };
    case 'dismiss-site':
    case 'clear':
      return { type: value.type };
    default:
      return null;
  }
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
