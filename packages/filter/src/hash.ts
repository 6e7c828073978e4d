/**
 * 64-bit hashing with 32-bit halves, so that the filter needs no BigInt and gives the same
 * bits in Node and in every browser: `Math.imul` and `>>>` are exact integer operations.
 * A 64-bit value is a pair `[high, low]` of unsigned 32-bit numbers.
 */

/** High 32 bits of the 64-bit product of two unsigned 32-bit numbers. */
export function mulHigh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const middle = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (p11 + (p01 >>> 16) + (p10 >>> 16) + (middle >>> 16)) >>> 0;
}

/** Scratch output of {@link mix64}: `[high, low]`. Reused so that hashing allocates nothing. */
export const mixed = new Uint32Array(2);

/**
 * The 64-bit finaliser of MurmurHash3 (a bijection) applied to `key + seed`, written to
 * {@link mixed}. Distinct keys therefore always give distinct hashes for one seed.
 */
export function mix64(keyHigh: number, keyLow: number, seedHigh: number, seedLow: number): void {
  let low = (keyLow + seedLow) >>> 0;
  let high = (keyHigh + seedHigh + (low < keyLow >>> 0 ? 1 : 0)) >>> 0;
  // h ^= h >>> 33
  low = (low ^ (high >>> 1)) >>> 0;
  // h *= 0xff51afd7ed558ccd
  let productHigh =
    (mulHigh32(low, 0xed558ccd) + Math.imul(high, 0xed558ccd) + Math.imul(low, 0xff51afd7)) >>> 0;
  low = Math.imul(low, 0xed558ccd) >>> 0;
  high = productHigh;
  low = (low ^ (high >>> 1)) >>> 0;
  // h *= 0xc4ceb9fe1a85ec53
  productHigh = (mulHigh32(low, 0x1a85ec53) + Math.imul(high, 0x1a85ec53) + Math.imul(low, 0xc4ceb9fe)) >>> 0;
  low = Math.imul(low, 0x1a85ec53) >>> 0;
  high = productHigh;
  low = (low ^ (high >>> 1)) >>> 0;
  mixed[0] = high;
  mixed[1] = low;
}

const TWO_TO_32 = 4_294_967_296;

/**
 * The filter key of a normalised GTIN-14: its 14 digits read as one integer (below 10^14,
 * so below 2^47 and exact as a JavaScript number), split into `[high, low]` halves. Reading
 * the number, not hashing the text, makes the key injective: two GTINs never share a key.
 */
export function gtinKey(gtin14: string): [number, number] {
  const value = gtinValue(gtin14);
  return [Math.floor(value / TWO_TO_32), value >>> 0];
}

/** The 14 digits of a normalised GTIN-14 as one number; throws for anything else. */
export function gtinValue(gtin14: string): number {
  let value = gtin14.length === 14 ? 0 : -1;
  for (let index = 0; index < 14 && value >= 0; index++) {
    const digit = gtin14.charCodeAt(index) - 48;
    value = digit >= 0 && digit <= 9 ? value * 10 + digit : -1;
  }
  if (value < 0) throw new TypeError(`not a normalised GTIN-14: "${String(gtin14).slice(0, 20)}"`);
  return value;
}
