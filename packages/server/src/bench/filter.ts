/**
 * The GTIN filter at national scale: build time and size for 1 M GTINs (the issue's
 * yardstick), its false-positive rate over 1 M other GTINs, and what the server adds to
 * each build (SHA-256 buckets, bucket sizing, compression).
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { gs1CheckDigit } from '@lokaal/core';
import { bucketBitsFor, buildGtinFilter, mightContainGtin, serializeFilter } from '@lokaal/filter';
import { bucketOfSync } from '../store/filter.js';

export interface FilterBenchResult {
  gtins: number;
  buildMs: number;
  bucketMs: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
  bucketBits: number;
  falsePositives: number;
  trials: number;
  queryNs: number;
}

function gtin(n: number): string {
  const body = `087${String(1_000_000_000 + n).slice(-10)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export function benchFilter(count = 1_000_000): FilterBenchResult {
  // Every other number is a member, so that the non-members are GTINs of the same shape.
  const members = Array.from({ length: count }, (_, index) => gtin(2 * index));
  let started = performance.now();
  const buckets = Uint32Array.from(members, bucketOfSync);
  const bucketBits = bucketBitsFor(buckets);
  const bucketMs = performance.now() - started;
  started = performance.now();
  const filter = buildGtinFilter(members, { bucketBits, builtAt: new Date() });
  const bytes = serializeFilter(filter);
  const buildMs = performance.now() - started;
  const trials = 1_000_000;
  let falsePositives = 0;
  started = performance.now();
  for (let index = 0; index < trials; index++)
    if (mightContainGtin(filter, gtin(2 * index + 1))) falsePositives++;
  const queryNs = ((performance.now() - started) * 1e6) / trials;
  return {
    gtins: count,
    buildMs,
    bucketMs,
    bytes: bytes.length,
    brotliBytes: brotliCompressSync(bytes).length,
    gzipBytes: gzipSync(bytes).length,
    bucketBits,
    falsePositives,
    trials,
    queryNs,
  };
}

export function printFilterBench(result: FilterBenchResult): void {
  const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(2)} MB`;
  console.log(
    `\nGTIN filter (binary fuse, 16-bit fingerprints) for ${result.gtins.toLocaleString('en')} GTINs:\n`,
  );
  console.log(
    `  build            ${Math.round(result.buildMs)} ms (+ ${Math.round(result.bucketMs)} ms SHA-256 buckets)`,
  );
  console.log(
    `  size             ${mb(result.bytes)} = ${(result.bytes / result.gtins).toFixed(3)} bytes per GTIN (must be ≤ 2.5)`,
  );
  console.log(`  sent             ${mb(result.brotliBytes)} brotli, ${mb(result.gzipBytes)} gzip`);
  console.log(
    `  false positives  ${result.falsePositives} of ${result.trials.toLocaleString('en')} = ${((100 * result.falsePositives) / result.trials).toFixed(4)} % (must be ≤ 0.01 %)`,
  );
  console.log(
    `  query            ${Math.round(result.queryNs)} ns per GTIN (includes the GTIN's check digit)`,
  );
  console.log(`  bucket bits      ${result.bucketBits} (every bucket ≥ 50 GTINs)`);
}
