/**
 * The shared vocabulary of Lokaal: what the open API returns and what widgets,
 * extension and server agree on. The server's JSON Schemas are the contract
 * (`/v1/openapi.json`); a compile-time check in the server keeps these types equal
 * to them.
 */

/** A point in WGS84 degrees. */
export interface Point {
  lat: number;
  lon: number;
}

/** [west, south, east, north] in WGS84 degrees. */
export type BBox = [number, number, number, number];

export const PLACE_KINDS = ['shop', 'horeca', 'culture', 'service', 'market'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const AVAILABILITIES = ['in_stock', 'limited', 'out_of_stock', 'on_order'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export interface Address {
  street: string;
  housenumber: string;
  postcode: string;
  town: string;
}

/** Whether a place is open, evaluated in the region's time zone at response time. */
export interface OpeningState {
  /** `true` open, `false` closed, `null` when the hours are unknown (never shown as closed). */
  open_now: boolean | null;
  /** ISO 8601 instant of the next opening, when closed and known. */
  opens_at: string | null;
  /** ISO 8601 instant of the next closing, when open and known. */
  closes_at: string | null;
}

/** Anything people can visit: a shop, horeca, a cultural venue, a service or a market. */
export interface Place extends OpeningState {
  id: string;
  kind: PlaceKind;
  name: string;
  categories: string[];
  address: Address;
  point: Point;
  /** OSM `opening_hours` syntax, or `null` when unknown. */
  opening_hours: string | null;
  phone: string | null;
  website: string | null;
  image: string | null;
  description: string | null;
  region_ids: string[];
  updated_at: string;
}

/** A place in a list near a point carries its distance. */
export interface PlaceNear extends Place {
  distance_m: number | null;
}

export interface Product {
  /** GTIN-14, check digit verified. */
  gtin: string;
  name: string;
  brand: string | null;
  category: string | null;
  image: string | null;
}

export interface Offer {
  id: string;
  place_id: string;
  /** `null` for local items without a GTIN (bread from the baker, a repair). */
  gtin: string | null;
  title: string;
  /** Price in euro cents, `null` when the shop does not publish it. */
  price_cents: number | null;
  currency: 'EUR';
  availability: Availability;
  quantity: number | null;
  url: string | null;
  updated_at: string;
  /** No feed confirmed this offer lately (14 days by default): show it as possibly out of date. */
  stale: boolean;
}

/** An offer together with where it is, as used in "available nearby" lists. */
export interface OfferAtPlace extends Offer {
  place: PlaceSummary;
  distance_m: number | null;
}

/** The short form of a place carried inside search results and offers. */
export interface PlaceSummary extends OpeningState {
  id: string;
  kind: PlaceKind;
  name: string;
  address: Address;
  point: Point;
}

export type RegionKind = 'municipality' | 'town' | 'district';

export interface Region {
  id: string;
  kind: RegionKind;
  name: string;
  center: Point;
  bbox: BBox;
}

/** One search hit: a product (or a local item without GTIN) and where to get it nearby. */
export interface SearchResult {
  /** Stable key of the hit: the GTIN-14, or `offer:{id}` for an item without GTIN. */
  key: string;
  product: Product | null;
  title: string;
  score: number;
  /** Lowest price over the listed offers, in euro cents. */
  min_price_cents: number | null;
  offers: OfferAtPlace[];
  /** How many places offer it within the search area, listed or not. */
  place_count: number;
}

/** Every list in the API has this shape. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. */
  next_cursor: string | null;
}

export interface SearchResponse extends Page<SearchResult> {
  /** The point searched around, when a location was given (a postcode resolves to its centre). */
  near: Point | null;
  radius_m: number | null;
}

export interface GeocodeResult {
  query: string;
  kind: 'postcode' | 'town' | 'region';
  name: string;
  point: Point;
}

export interface Health {
  status: 'ok';
  version: string;
  places: number;
  products: number;
  offers: number;
}

/** RFC 9457 problem details, as every error of the API is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request parameter that was wrong, when one was. */
  parameter?: string;
  instance?: string;
}

/** A request to join, as a shop or its coordinator sends it (`POST /v1/places`). */
export interface RegistrationRequest {
  name: string;
  kind: PlaceKind;
  categories?: string[];
  address: Address;
  point?: Point;
  /** Chamber of Commerce (KvK) number, eight digits. */
  kvk?: string;
  contact: { name?: string; email: string; phone?: string };
  website?: string;
  opening_hours?: string;
}

/** What a shop may change of its own place with its key. */
export interface PlaceEdit {
  opening_hours?: string | null;
  phone?: string | null;
  website?: string | null;
  description?: string | null;
  image?: string | null;
}

/** One row of a feed that was not imported, and why. */
export interface FeedError {
  line: number;
  field: string;
  reason: string;
  /** The offending value, truncated. */
  value: string;
}

/** The answer to every feed import. */
export interface ImportReport {
  place_id: string;
  mode: 'snapshot' | 'delta';
  format: string;
  /** `applied`, or `held_back` when a snapshot would remove more than half of the offers. */
  result: 'applied' | 'held_back';
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Rows of a multi-store feed that belong to other stores. */
  skipped: number;
  rejected: number;
  /** Every rejected row with line, field, reason and value; the first 1,000. */
  errors: FeedError[];
  message: string;
  finished_at: string;
}
