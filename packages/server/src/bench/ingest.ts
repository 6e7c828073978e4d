/**
 * Feed ingest throughput: a 100,000-row CSV snapshot and a 10,000-row CSV delta, read
 * and applied to one shop of the demo town, as `lokaal import` does it: a large file is
 * parsed in a worker while the rows already checked are written (feeds/source.ts), so the
 * time counted is the whole import, from the file's bytes to the committed transaction.
 * The parse alone, in one thread, is printed beside it for finding where the time goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gs1CheckDigit } from '@lokaal/core';
import { generateDemoTown } from '../demo/town.js';
import { parseFeed } from '../feeds/parse.js';
import { readFeed } from '../feeds/source.js';
import { SqliteStore } from '../store/sqlite.js';
import { ShopWrites } from '../store/writes.js';

function ean(n: number): string {
  const body = `87${String(1_000_000_000 + n).slice(-10)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

function csvFeed(rows: number, offset: number, priceShift: number): Buffer {
  const lines = ['ean;naam;merk;prijs;voorraad'];
  for (let i = 0; i < rows; i++) {
    const n = offset + i;
    lines.push(
      `${ean(n)};"Artikel ${n} fietsbel";Merk ${n % 50};${(5 + (n % 90) + priceShift).toFixed(2).replace('.', ',')};${n % 12}`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}

export interface IngestResult {
  name: string;
  rows: number;
  /** One entry per run, in seconds: the whole import, and the parse alone. */
  seconds: number[];
  parseSeconds: number[];
}

/** Each scenario runs this often, on as many shops; the median run is reported. */
const RUNS = 3;

export function benchIngest(): IngestResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'lokaal-ingest-'));
  const store = new SqliteStore(join(dir, 'ingest.sqlite'));
  try {
    const town = generateDemoTown({ now: new Date('2026-11-01T12:00:00Z') });
    store.replaceAll(town);
    const writes = new ShopWrites(store);
    const shops = town.places.filter((place) => place.kind === 'shop').slice(0, RUNS);
    const results: IngestResult[] = [];
    const run = (name: string, feed: (run: number) => Buffer, mode: 'snapshot' | 'delta'): void => {
      const result: IngestResult = { name, rows: 0, seconds: [], parseSeconds: [] };
      shops.forEach((shop, index) => {
        const body = feed(index);
        let started = performance.now();
        result.rows = parseFeed(body, 'csv', { maxRows: 200_000 }).rows.length;
        result.parseSeconds.push((performance.now() - started) / 1000);
        started = performance.now();
        const report = writes.importOffers(shop.id, readFeed(body, 'csv', { maxRows: 200_000 }), {
          mode,
          confirmShrink: true,
          now: new Date(),
        });
        result.seconds.push((performance.now() - started) / 1000);
        if (report.result !== 'applied' || report.rejected > 0)
          throw new Error(`ingest bench: ${report.message}`);
      });
      results.push(result);
    };
    // Each shop's products are new to the instance the first time, as a new shop's are.
    run('CSV snapshot, 100,000 new offers', (shop) => csvFeed(100_000, shop * 100_000, 0), 'snapshot');
    run('CSV snapshot again, unchanged', (shop) => csvFeed(100_000, shop * 100_000, 0), 'snapshot');
    run('CSV delta, 10,000 price changes', (shop) => csvFeed(10_000, shop * 100_000, 1), 'delta');
    return results;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Offers per second of each run, slowest first. */
function rates(result: IngestResult): number[] {
  return result.seconds.map((seconds) => result.rows / seconds).sort((a, b) => a - b);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export function printIngest(results: IngestResult[]): void {
  console.log(
    `\nFeed ingest (read and apply, one transaction, fully indexed; median of ${RUNS} runs on ${RUNS} shops):\n`,
  );
  console.log(
    `${'feed'.padEnd(36)}${'rows'.padStart(9)}${'import'.padStart(10)}${'offers/s'.padStart(11)}${'range'.padStart(20)}${'parse alone'.padStart(13)}`,
  );
  for (const result of results) {
    const all = rates(result);
    const format = (rate: number) => Math.round(rate).toLocaleString('en');
    console.log(
      `${result.name.padEnd(36)}${String(result.rows).padStart(9)}${`${median(result.seconds).toFixed(2)} s`.padStart(10)}${format(median(all)).padStart(11)}${`${format(all[0]!)}–${format(all.at(-1)!)}`.padStart(20)}${`${median(result.parseSeconds).toFixed(2)} s`.padStart(13)}`,
    );
  }
  const slowest = Math.min(...results.map((result) => median(rates(result))));
  console.log(
    `budget: ingest ≥ 20,000 offers/s: ${slowest >= 20_000 ? 'met' : 'NOT met'} (slowest scenario, median: ${Math.round(slowest).toLocaleString('en')}/s)`,
  );
}
