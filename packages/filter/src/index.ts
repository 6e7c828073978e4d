/**
 * `@lokaal/filter`: the set-membership filter of every GTIN on offer in a Lokaal instance,
 * shared by the server (which builds it) and the extension and widgets (which query it).
 * No DOM, no Node-only API, no BigInt.
 *
 * @example
 * ```ts
 * const filter = parseFilter(await (await fetch('/v1/filters/gtin')).arrayBuffer());
 * if (mightContainGtin(filter, '08712345678906')) {
 *   const prefix = await gtinPrefix('08712345678906', filter.bucketBits);
 *   // GET /v1/offers/by-prefix?prefix=…&bits=…&near=3811
 * }
 * ```
 */
import { build, contains } from './binary-fuse.js';
import { gtinKey, gtinValue } from './hash.js';
import type { GtinFilter } from './format.js';

export { FINGERPRINT_BITS, layoutFor, type BinaryFuse16 } from './binary-fuse.js';
export { FilterFormatError, HEADER_BYTES, parseFilter, serializeFilter, type GtinFilter } from './format.js';
export { gtinKey, gtinValue } from './hash.js';
export {
  MAX_BUCKET_BITS,
  MIN_BUCKET_SIZE,
  bucketBitsFor,
  bucketOf,
  gtinPrefix,
  prefixHex,
  prefixRange,
} from './bucket.js';

/** Builds the filter of normalised GTIN-14s; duplicates count once. */
export function buildGtinFilter(
  gtins: Iterable<string>,
  options: { bucketBits: number; builtAt: Date },
): GtinFilter {
  const list = Array.isArray(gtins) ? (gtins as string[]) : [...gtins];
  const highs = new Uint32Array(list.length);
  const lows = new Uint32Array(list.length);
  for (let index = 0; index < list.length; index++) {
    const value = gtinValue(list[index]!);
    highs[index] = Math.floor(value / 4_294_967_296);
    lows[index] = value >>> 0;
  }
  return { ...build(highs, lows), bucketBits: options.bucketBits, builtAt: options.builtAt };
}

/** False: no place in the instance offers this GTIN. True: probably one does (0.0015 % false positives). */
export function mightContainGtin(filter: GtinFilter, gtin14: string): boolean {
  const [high, low] = gtinKey(gtin14);
  return contains(filter, high, low);
}
