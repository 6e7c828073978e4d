/**
 * The shapes a shop's feed is read into. The importer depends on these: a feed file becomes
 * a `ParsedFeed` of valid `FeedRow`s and the `FeedRejection`s of the rows that were not.
 */
import type { Availability } from '@lokaal/core';

export type FeedFormat = 'csv' | 'google-tsv' | 'google-xml' | 'jsonld' | 'lokaal-json';

export interface FeedRow {
  /** 1-based line in the file where the row (or JSON object / XML item) starts. */
  line: number;
  action: 'upsert' | 'remove';
  gtin: string | null; // GTIN-14, check digit verified (parseGtin from @lokaal/core)
  sku: string | null; // the shop's own id; trimmed; ≤ 64 chars
  title: string | null; // ≤ 200 chars, whitespace collapsed
  brand: string | null; // ≤ 100
  category: string | null; // ≤ 100
  image: string | null; // absolute http(s) URL, ≤ 500
  url: string | null; // absolute http(s) URL, ≤ 500
  price_cents: number | null; // integer, 0 ≤ price ≤ 100_000_000 (one million euro)
  availability: Availability | null; // null: the importer derives it from quantity
  quantity: number | null; // integer 0 ≤ q ≤ 1_000_000
  store_code: string | null; // Google feeds
  /**
   * The offer's index terms, when the reader was asked to make them (`FeedSource.indexFor`):
   * as the import makes them for a new offer whose product is new and made from this row.
   */
  terms?: string;
}

export interface FeedRejection {
  line: number;
  field: string; // the column / property name as written in the file, e.g. 'prijs', 'g:price', 'offers.price'
  reason: string; // plain English, says what is wrong and what is expected
  value: string; // the offending value, truncated to 80 characters with '…'
}

export interface ParsedFeed {
  format: FeedFormat;
  /** Data rows read (not counting the header). */
  read: number;
  rows: FeedRow[]; // rows that passed validation
  rejected: FeedRejection[]; // every problem of every rejected row (a rejected row is not in `rows`)
  ignoredColumns: string[]; // columns/properties not understood
}

/** A problem with the whole file: not a feed, undecodable, no header, too many rows, no rows. */
export class FeedFileError extends Error {
  override name = 'FeedFileError';
}

export interface FeedLimits {
  maxRows: number; // default 200_000
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { maxRows: 200_000 };
