/**
 * The store interface behind the API. SQLite is the embedded default; a national
 * instance puts another engine behind the same interface and the same contract tests.
 */
import type {
  Availability,
  BBox,
  GeocodeResult,
  OfferAtPlace,
  Offer,
  Page,
  Place,
  PlaceKind,
  PlaceNear,
  Point,
  Product,
  Region,
  SearchResult,
} from '@lokaal/core';
import type { DataSet } from '../dataset.js';

export interface Area {
  center: Point;
  radiusInMetres: number;
  /** Only places of this region (a widget set up with `region`), within the circle that covers it. */
  regionId?: string;
}

export interface SearchQuery {
  text: string;
  area: Area | null;
  category: string | null;
  kind: PlaceKind | null;
  inStockOnly: boolean;
  openNowOnly: boolean;
  limit: number;
  cursor: string | null;
  now: Date;
}

export interface PlacesQuery {
  area: Area | null;
  bbox: BBox | null;
  text: string;
  category: string | null;
  kind: PlaceKind | null;
  openNowOnly: boolean;
  limit: number;
  cursor: string | null;
  now: Date;
}

export interface PlaceOffersQuery {
  text: string;
  now: Date;
  category: string | null;
  availability: Availability | null;
  limit: number;
  cursor: string | null;
}

export interface ProductOffersQuery {
  gtin: string;
  area: Area | null;
  inStockOnly: boolean;
  limit: number;
  cursor: string | null;
  now: Date;
}

export interface Counts {
  places: number;
  products: number;
  offers: number;
  regions: number;
}

export interface Store {
  counts(): Counts;
  replaceAll(data: DataSet): void;
  search(query: SearchQuery): Page<SearchResult>;
  places(query: PlacesQuery): Page<PlaceNear>;
  place(id: string, now: Date): Place | null;
  placeOffers(placeId: string, query: PlaceOffersQuery): Page<Offer> | null;
  product(gtin: string): Product | null;
  productOffers(query: ProductOffersQuery): Page<OfferAtPlace>;
  regions(): Region[];
  region(id: string): Region | null;
  geocode(text: string): GeocodeResult | null;
  close(): void;
}

/** Thrown for a cursor that this store did not issue; the API answers 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not valid: start again without a cursor');
  }
}
