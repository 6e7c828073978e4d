/**
 * Buckets for the k-anonymous prefix query: a GTIN's bucket is the leading bits of
 * SHA-256 over its normalised GTIN-14 text (14 ASCII digits). The client sends only those
 * bits; the server answers for every GTIN that shares them.
 */

/** The fewest GTINs a bucket should hold, so that a prefix points at none of them in particular. */
export const MIN_BUCKET_SIZE = 50;
/** More bits than this are never needed: 2^24 buckets of 50 are 800 million GTINs. */
export const MAX_BUCKET_BITS = 24;

interface Digest {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

/** The first 32 bits of SHA-256 over `gtin14`, as an unsigned number (Web Crypto: Node ≥ 20 and browsers). */
export async function bucketOf(gtin14: string): Promise<number> {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: Digest } }).crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto (crypto.subtle) is not available here');
  if (!/^\d{14}$/.test(gtin14)) throw new TypeError(`not a normalised GTIN-14: "${gtin14.slice(0, 20)}"`);
  const ascii = Uint8Array.from(gtin14, (digit) => digit.charCodeAt(0));
  const digest = await subtle.digest('SHA-256', ascii);
  return new DataView(digest).getUint32(0, false);
}

/**
 * The query form of a bucket: its leading `bits` bits in hexadecimal, as many digits as
 * `bits` needs (`ceil(bits / 4)`), the unused low bits of the last digit zero. Zero bits
 * give the empty string: one bucket for the whole instance.
 */
export function prefixHex(bucket: number, bits: number): string {
  if (!Number.isInteger(bits) || bits < 0 || bits > MAX_BUCKET_BITS)
    throw new RangeError(`bits ${bits} outside 0..24`);
  if (bits === 0) return '';
  const digits = Math.ceil(bits / 4);
  const kept = bucket >>> (32 - bits);
  return (kept << (digits * 4 - bits)).toString(16).padStart(digits, '0');
}

/** The prefix a client sends for `gtin14` when the server advertises `bits`. */
export async function gtinPrefix(gtin14: string, bits: number): Promise<string> {
  return prefixHex(await bucketOf(gtin14), bits);
}

/**
 * The inclusive range of 32-bit bucket values a prefix covers, or `null` when the text is
 * not the prefix of exactly `bits` bits (wrong length, not hexadecimal, low bits set).
 */
export function prefixRange(prefix: string, bits: number): { first: number; last: number } | null {
  if (!Number.isInteger(bits) || bits < 0 || bits > MAX_BUCKET_BITS) return null;
  if (prefix.length !== Math.ceil(bits / 4) || !/^[0-9a-f]*$/.test(prefix)) return null;
  if (bits === 0) return { first: 0, last: 0xffffffff };
  const value = parseInt(prefix, 16);
  const spare = prefix.length * 4 - bits;
  if ((value & ((1 << spare) - 1)) !== 0) return null;
  const first = ((value >>> spare) << (32 - bits)) >>> 0;
  return { first, last: (first + 2 ** (32 - bits) - 1) >>> 0 };
}

/**
 * How many bucket bits an instance can offer: the most for which every one of the
 * `2^bits` buckets still holds at least {@link MIN_BUCKET_SIZE} of `buckets` (the 32-bit
 * bucket values of every GTIN in the filter). Below 100 GTINs that is 0: one bucket.
 */
export function bucketBitsFor(buckets: Uint32Array): number {
  const upper = Math.min(
    MAX_BUCKET_BITS,
    Math.max(0, Math.floor(Math.log2(buckets.length / MIN_BUCKET_SIZE))),
  );
  for (let bits = upper; bits > 0; bits--) {
    const counts = new Uint32Array(2 ** bits);
    for (const bucket of buckets) counts[bucket >>> (32 - bits)]! += 1;
    if (counts.every((count) => count >= MIN_BUCKET_SIZE)) return bits;
  }
  return 0;
}
