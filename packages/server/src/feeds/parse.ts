/**
 * The entry points of feed reading: which format a file is, and what it holds.
 *
 * @example
 * const format = detectFormat({ contentType: 'text/csv', body });
 * const feed = parseFeed(body, format ?? 'csv');
 * // feed.rows: the valid rows; feed.rejected: what is wrong with the others, by line and column
 */
import { parseCsv } from './csv.js';
import { parseGoogleTsv, parseGoogleXml } from './google.js';
import { parseJsonLd } from './jsonld.js';
import { parseLokaalJson } from './lokaal-json.js';
import type { ParseOptions } from './rows.js';
import { DEFAULT_FEED_LIMITS, type FeedFormat, type FeedLimits, type ParsedFeed } from './types.js';

export { detectFormat } from './detect.js';
export { DEFAULT_FEED_LIMITS, FeedFileError } from './types.js';
export type { FeedFormat, FeedLimits, FeedRejection, FeedRow, ParsedFeed } from './types.js';

const PARSERS: Record<FeedFormat, (body: Buffer, options: ParseOptions) => ParsedFeed> = {
  csv: parseCsv,
  'google-tsv': parseGoogleTsv,
  'google-xml': parseGoogleXml,
  jsonld: parseJsonLd,
  'lokaal-json': parseLokaalJson,
};

/**
 * Reads a feed in the given format. Bad rows are reported in `rejected` and never stop the good
 * ones; a problem with the whole file (not this format, undecodable, no header, no rows, more
 * than `maxRows` rows) throws a `FeedFileError` that names it and where.
 */
export function parseFeed(
  body: Buffer,
  format: FeedFormat,
  limits?: Partial<FeedLimits>,
  onRows?: ParseOptions['onRows'],
): ParsedFeed {
  return PARSERS[format](body, {
    maxRows: limits?.maxRows ?? DEFAULT_FEED_LIMITS.maxRows,
    now: new Date(),
    ...(onRows ? { onRows } : {}),
  });
}
