/**
 * The published form of a GTIN filter: a 40-byte header and the fingerprints, all little
 * endian. A client checks every length before it trusts a byte.
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 4 | magic `LKGF` (Lokaal GTIN filter) |
 * | 4 | 1 | format version, 1 |
 * | 5 | 1 | fingerprint bits, 16 |
 * | 6 | 1 | hash functions (arity), 3 |
 * | 7 | 1 | bucket bits: how many leading bits of SHA-256 the prefix query takes |
 * | 8 | 4 | entries (distinct GTINs) |
 * | 12 | 4 | seed, high half |
 * | 16 | 4 | seed, low half |
 * | 20 | 4 | segment length (a power of two, at most 2^18) |
 * | 24 | 4 | segment count |
 * | 28 | 4 | array length = (segment count + 2) × segment length, 0 when empty |
 * | 32 | 4 | built at, seconds since 1970 (UTC) |
 * | 36 | 4 | FNV-1a checksum of every other byte |
 * | 40 | 2 × array length | fingerprints |
 */
import { FINGERPRINT_BITS, MAX_SEGMENT_LENGTH, type BinaryFuse16 } from './binary-fuse.js';

export const MAGIC = 'LKGF';
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 40;
const CHECKSUM_OFFSET = 36;

/** A filter with what a client needs next to it. */
export interface GtinFilter extends BinaryFuse16 {
  /** Leading bits of SHA-256 over the GTIN-14 that the prefix query accepts; 0 to 24. */
  readonly bucketBits: number;
  /** When the server built it. */
  readonly builtAt: Date;
}

/** Thrown by {@link parseFilter} for bytes that are not a filter this code can read. */
export class FilterFormatError extends Error {
  override name = 'FilterFormatError';
}

/** FNV-1a over `bytes`, skipping the four checksum bytes. */
function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < bytes.length; index++) {
    if (index >= CHECKSUM_OFFSET && index < CHECKSUM_OFFSET + 4) continue;
    hash = Math.imul(hash ^ bytes[index]!, 0x01000193);
  }
  return hash >>> 0;
}

/** The bytes of a filter, ready to publish. */
export function serializeFilter(filter: GtinFilter): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + 2 * filter.arrayLength);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < 4; index++) bytes[index] = MAGIC.charCodeAt(index);
  view.setUint8(4, FORMAT_VERSION);
  view.setUint8(5, FINGERPRINT_BITS);
  view.setUint8(6, 3);
  view.setUint8(7, filter.bucketBits);
  view.setUint32(8, filter.entries, true);
  view.setUint32(12, filter.seedHigh, true);
  view.setUint32(16, filter.seedLow, true);
  view.setUint32(20, filter.segmentLength, true);
  view.setUint32(24, filter.segmentCount, true);
  view.setUint32(28, filter.arrayLength, true);
  view.setUint32(32, Math.floor(filter.builtAt.getTime() / 1000), true);
  for (let index = 0; index < filter.arrayLength; index++) {
    view.setUint16(HEADER_BYTES + 2 * index, filter.fingerprints[index]!, true);
  }
  view.setUint32(CHECKSUM_OFFSET, checksum(bytes), true);
  return bytes;
}

/**
 * Reads published bytes back into a filter. Throws {@link FilterFormatError}, saying what
 * is wrong, for a wrong magic or version, a truncated or padded body, inconsistent segment
 * numbers or a checksum that does not match.
 */
export function parseFilter(input: ArrayBuffer | Uint8Array): GtinFilter {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length < HEADER_BYTES) {
    throw new FilterFormatError(`a filter has a ${HEADER_BYTES}-byte header; got ${bytes.length} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MAGIC) throw new FilterFormatError(`not a Lokaal GTIN filter (magic "${magic}")`);
  const version = view.getUint8(4);
  if (version !== FORMAT_VERSION) {
    throw new FilterFormatError(`filter format version ${version}; this code reads ${FORMAT_VERSION}`);
  }
  if (view.getUint8(5) !== FINGERPRINT_BITS || view.getUint8(6) !== 3) {
    throw new FilterFormatError(
      `filter with ${view.getUint8(5)}-bit fingerprints and ${view.getUint8(6)} hashes; this code reads 16 and 3`,
    );
  }
  const bucketBits = view.getUint8(7);
  if (bucketBits > 24) throw new FilterFormatError(`bucket bits ${bucketBits} is more than 24`);
  const entries = view.getUint32(8, true);
  const segmentLength = view.getUint32(20, true);
  const segmentCount = view.getUint32(24, true);
  const arrayLength = view.getUint32(28, true);
  const powerOfTwo = segmentLength > 0 && (segmentLength & (segmentLength - 1)) === 0;
  const consistent =
    entries === 0
      ? arrayLength === 0
      : powerOfTwo &&
        segmentLength <= MAX_SEGMENT_LENGTH &&
        segmentCount >= 1 &&
        arrayLength === (segmentCount + 2) * segmentLength &&
        arrayLength >= entries;
  if (!consistent) {
    throw new FilterFormatError(
      `segment numbers (${segmentLength} × ${segmentCount}, ${arrayLength} slots) do not fit ${entries} entries`,
    );
  }
  const expectedBytes = HEADER_BYTES + 2 * arrayLength;
  if (bytes.length !== expectedBytes) {
    throw new FilterFormatError(
      `a filter of ${entries} entries has ${expectedBytes} bytes; got ${bytes.length}${bytes.length < expectedBytes ? ' (truncated)' : ''}`,
    );
  }
  const stored = view.getUint32(CHECKSUM_OFFSET, true);
  if (stored !== checksum(bytes))
    throw new FilterFormatError('checksum does not match: the filter is damaged');
  const fingerprints = new Uint16Array(arrayLength);
  for (let index = 0; index < arrayLength; index++) {
    fingerprints[index] = view.getUint16(HEADER_BYTES + 2 * index, true);
  }
  return {
    entries,
    seedHigh: view.getUint32(12, true),
    seedLow: view.getUint32(16, true),
    segmentLength,
    segmentCount,
    arrayLength,
    fingerprints,
    bucketBits,
    builtAt: new Date(view.getUint32(32, true) * 1000),
  };
}
