import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  FilterFormatError,
  HEADER_BYTES,
  bucketBitsFor,
  bucketOf,
  buildGtinFilter,
  gtinPrefix,
  mightContainGtin,
  parseFilter,
  prefixHex,
  prefixRange,
  serializeFilter,
} from './index.js';
import { mix64, mixed, mulHigh32 } from './hash.js';

/** A valid-looking GTIN-14 for a number; the check digit does not matter to the filter. */
const gtinOf = (value: number): string => String(value).padStart(14, '0');

const MEMBERS = 1_000_000;
const members = Array.from({ length: MEMBERS }, (_, index) => gtinOf(8_710_000_000_000 + index * 7));
const builtAt = new Date('2026-11-27T10:00:00Z');

describe('64-bit arithmetic in 32-bit halves', () => {
  it('multiplies exactly, as BigInt does', () => {
    for (const [a, b] of [
      [0xffffffff, 0xffffffff],
      [0x12345678, 0x9abcdef0],
      [1, 0xffffffff],
      [0, 123],
    ] as const) {
      assert.equal(mulHigh32(a, b), Number((BigInt(a) * BigInt(b)) >> 32n));
    }
  });

  it('mixes like the MurmurHash3 64-bit finaliser', () => {
    const reference = (key: bigint, seed: bigint): bigint => {
      const mask = (1n << 64n) - 1n;
      let h = (key + seed) & mask;
      h ^= h >> 33n;
      h = (h * 0xff51afd7ed558ccdn) & mask;
      h ^= h >> 33n;
      h = (h * 0xc4ceb9fe1a85ec53n) & mask;
      h ^= h >> 33n;
      return h;
    };
    for (const [key, seed] of [
      [8_712_345_678_906n, 0x9e3779b97f4a7c15n],
      [0xffffffffffffffffn, 1n],
      [0n, 0n],
      [0x00000001ffffffffn, 0x00000000ffffffffn],
    ] as const) {
      mix64(Number(key >> 32n), Number(key & 0xffffffffn), Number(seed >> 32n), Number(seed & 0xffffffffn));
      assert.equal((BigInt(mixed[0]!) << 32n) | BigInt(mixed[1]!), reference(key, seed));
    }
  });
});

describe('binary fuse filter of GTINs', () => {
  const started = performance.now();
  const filter = buildGtinFilter(members, { bucketBits: 14, builtAt });
  const buildMs = performance.now() - started;
  const bytes = serializeFilter(filter);

  it('finds every GTIN it was built from: no false negatives', () => {
    const missed = members.filter((gtin) => !mightContainGtin(filter, gtin));
    assert.deepEqual(missed, []);
  });

  it('answers at most 0.01 % of a million other GTINs wrongly, and says how many', (t) => {
    let falsePositives = 0;
    const trials = 1_000_000;
    for (let index = 0; index < trials; index++) {
      // Numbers the members skip (members are multiples of 7 from their start) and a far range.
      const value = index % 2 === 0 ? 8_710_000_000_000 + index * 7 + 3 : 4_000_000_000_000 + index;
      if (mightContainGtin(filter, gtinOf(value))) falsePositives++;
    }
    const rate = falsePositives / trials;
    t.diagnostic(
      `false positives: ${falsePositives} of ${trials} non-members = ${(rate * 100).toFixed(4)} %`,
    );
    assert.ok(rate <= 0.0001, `${(rate * 100).toFixed(4)} % false positives`);
  });

  it('takes at most 2.5 bytes per GTIN, header included, and says how many', (t) => {
    const perEntry = bytes.length / MEMBERS;
    t.diagnostic(
      `${bytes.length} bytes for ${MEMBERS} GTINs = ${perEntry.toFixed(3)} bytes (${(perEntry * 8).toFixed(1)} bits) per GTIN; built in ${Math.round(buildMs)} ms`,
    );
    assert.ok(perEntry <= 2.5, `${perEntry} bytes per GTIN`);
  });

  it('reads back from its bytes to the same answers', () => {
    const parsed = parseFilter(bytes);
    assert.equal(parsed.entries, MEMBERS);
    assert.equal(parsed.bucketBits, 14);
    assert.equal(parsed.builtAt.toISOString(), builtAt.toISOString());
    assert.deepEqual(parsed.fingerprints, filter.fingerprints);
    assert.deepEqual(serializeFilter(parsed), bytes);
    for (let index = 0; index < MEMBERS; index += 997) assert.ok(mightContainGtin(parsed, members[index]!));
  });

  it('gives the same bytes for the same set, whatever the order', () => {
    const shuffled = members.slice(0, 5000).reverse();
    const a = serializeFilter(buildGtinFilter(members.slice(0, 5000), { bucketBits: 0, builtAt }));
    const b = serializeFilter(buildGtinFilter(shuffled, { bucketBits: 0, builtAt }));
    assert.deepEqual(a, b);
  });
});

describe('parseFilter', () => {
  const bytes = serializeFilter(buildGtinFilter(members.slice(0, 1000), { bucketBits: 4, builtAt }));

  it('rejects a truncated filter and says so', () => {
    assert.throws(() => parseFilter(bytes.subarray(0, bytes.length - 2)), /truncated/);
    assert.throws(() => parseFilter(bytes.subarray(0, 10)), /40-byte header; got 10 bytes/);
  });

  it('rejects trailing bytes', () => {
    const padded = new Uint8Array(bytes.length + 2);
    padded.set(bytes);
    assert.throws(() => parseFilter(padded), FilterFormatError);
  });

  it('rejects a damaged fingerprint through the checksum', () => {
    const damaged = bytes.slice();
    damaged[HEADER_BYTES + 100]! ^= 0x10;
    assert.throws(() => parseFilter(damaged), /checksum does not match/);
  });

  it('rejects other files, other versions and inconsistent segment numbers', () => {
    assert.throws(
      () => parseFilter(new TextEncoder().encode('<!doctype html><html>……………………………………')),
      /not a Lokaal GTIN filter/,
    );
    const newer = bytes.slice();
    newer[4] = 2;
    assert.throws(() => parseFilter(newer), /version 2; this code reads 1/);
    const inconsistent = bytes.slice();
    new DataView(inconsistent.buffer).setUint32(20, 3, true);
    assert.throws(() => parseFilter(inconsistent), /do not fit 1000 entries/);
  });
});

describe('edge cases', () => {
  it('counts duplicates once', () => {
    const gtins = [...members.slice(0, 300), ...members.slice(0, 300), members[0]!];
    const filter = buildGtinFilter(gtins, { bucketBits: 0, builtAt });
    assert.equal(filter.entries, 300);
    for (const gtin of members.slice(0, 300)) assert.ok(mightContainGtin(filter, gtin));
  });

  it('holds the empty set, which contains nothing', () => {
    const filter = parseFilter(serializeFilter(buildGtinFilter([], { bucketBits: 0, builtAt })));
    assert.equal(filter.entries, 0);
    assert.equal(mightContainGtin(filter, members[0]!), false);
  });

  it('builds every small set from 1 to 200 GTINs', () => {
    for (let size = 1; size <= 200; size++) {
      const gtins = members.slice(size * 1000, size * 1000 + size);
      const filter = parseFilter(serializeFilter(buildGtinFilter(gtins, { bucketBits: 0, builtAt })));
      for (const gtin of gtins) assert.ok(mightContainGtin(filter, gtin), `${gtin} in a set of ${size}`);
    }
  });

  it('refuses text that is not a normalised GTIN-14', () => {
    assert.throws(() => buildGtinFilter(['8712345678906'], { bucketBits: 0, builtAt }), /GTIN-14/);
  });
});

describe('buckets', () => {
  it('are the leading bits of SHA-256 over the GTIN-14 text', async () => {
    const gtin = '08712345678906';
    const expected = createHash('sha256').update(gtin).digest().readUInt32BE(0);
    assert.equal(await bucketOf(gtin), expected);
    assert.equal(await gtinPrefix(gtin, 8), (expected >>> 24).toString(16).padStart(2, '0'));
  });

  it('write a prefix of any bit count as hex and read it back as a range', () => {
    assert.equal(prefixHex(0xabcdef12, 0), '');
    assert.equal(prefixHex(0xabcdef12, 6), 'a8');
    assert.equal(prefixHex(0xabcdef12, 12), 'abc');
    assert.deepEqual(prefixRange('a8', 6), { first: 0xa8000000, last: 0xabffffff });
    assert.deepEqual(prefixRange('', 0), { first: 0, last: 0xffffffff });
    assert.equal(prefixRange('a9', 6), null, 'low bits beyond the prefix must be zero');
    assert.equal(prefixRange('abc', 6), null, 'more digits than the bits need');
    assert.equal(prefixRange('AB', 8), null, 'lower-case hex only');
  });

  it('are sized so that every bucket holds at least 50 GTINs', () => {
    const values = Uint32Array.from({ length: 100_000 }, (_, index) =>
      createHash('sha256').update(members[index]!).digest().readUInt32BE(0),
    );
    const bits = bucketBitsFor(values);
    assert.ok(bits >= 9 && bits <= 10, `${bits} bits`);
    const counts = new Map<number, number>();
    for (const value of values)
      counts.set(value >>> (32 - bits), (counts.get(value >>> (32 - bits)) ?? 0) + 1);
    assert.equal(counts.size, 2 ** bits);
    assert.ok(Math.min(...counts.values()) >= 50);
    assert.equal(bucketBitsFor(values.subarray(0, 99)), 0);
  });
});
