import type { PlaceKind, Point, SearchResult } from '@lokaal/core';

export interface ResultsDetail {
  /** Every result shown now (all pages loaded so far); empty when the list was cleared. */
  items: SearchResult[];
  /** The point searched around, as the API resolved it; `null` without a location. */
  near: Point | null;
  radiusInMetres: number | null;
}

/**
 * The results of a `<lokaal-search>` changed (a new search, another page, or cleared).
 * Bubbles and is composed so that a `<lokaal-map for="…">` elsewhere on the page hears it.
 */
export class LokaalResultsEvent extends Event {
  static readonly type = 'lokaal-results';
  constructor(readonly detail: ResultsDetail) {
    super(LokaalResultsEvent.type, { bubbles: true, composed: true });
  }
}

/** What a `<lokaal-search>` asks the API for. */
export interface SearchQuery {
  q: string;
  /** `lat,lon`, a postcode or a town; `null` when no location was given. */
  near: string | null;
  radiusInMetres: number;
  category: string | null;
  kind: PlaceKind | null;
  inStock: boolean;
  openNow: boolean;
}

/** A `<lokaal-search>` started a search (typed, submitted, a filter changed or a retry). */
export class LokaalSearchEvent extends Event {
  static readonly type = 'lokaal-search';
  constructor(readonly detail: SearchQuery) {
    super(LokaalSearchEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lokaal-results': LokaalResultsEvent;
    'lokaal-search': LokaalSearchEvent;
  }
}
