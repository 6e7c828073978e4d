/**
 * Feed ingest throughput: a 100,000-row CSV snapshot and a 10,000-row CSV delta, parsed
 * and applied to one shop of the demo town, as `lokaal import` does it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gs1CheckDigit } from '@lokaal/core';
import { generateDemoTown } from '../demo/town.js';
import { parseFeed } from '../feeds/parse.js';
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
  parseSeconds: number;
  applySeconds: number;
}

export function benchIngest(): IngestResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'lokaal-ingest-'));
  const store = new SqliteStore(join(dir, 'ingest.sqlite'));
  try {
    const town = generateDemoTown({ now: new Date('2026-11-01T12:00:00Z') });
    store.replaceAll(town);
    const writes = new ShopWrites(store);
    const placeId = town.places.find((place) => place.kind === 'shop')!.id;
    const results: IngestResult[] = [];
    const run = (name: string, body: Buffer, mode: 'snapshot' | 'delta'): void => {
      let started = performance.now();
      const parsed = parseFeed(body, 'csv', { maxRows: 200_000 });
      const parseSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      const report = writes.importOffers(placeId, parsed.rows, {
        mode,
        format: parsed.format,
        read: parsed.read,
        rejected: parsed.rejected,
        confirmShrink: true,
        now: new Date(),
      });
      const applySeconds = (performance.now() - started) / 1000;
      if (report.result !== 'applied' || report.rejected > 0)
        throw new Error(`ingest bench: ${report.message}`);
      results.push({ name, rows: parsed.rows.length, parseSeconds, applySeconds });
    };
    run('CSV snapshot, 100,000 new offers', csvFeed(100_000, 0, 0), 'snapshot');
    run('CSV snapshot again, unchanged', csvFeed(100_000, 0, 0), 'snapshot');
    run('CSV delta, 10,000 price changes', csvFeed(10_000, 0, 1), 'delta');
    return results;
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printIngest(results: IngestResult[]): void {
  console.log('\nFeed ingest (parse + apply, one transaction, fully indexed):\n');
  console.log(
    `${'feed'.padEnd(36)}${'rows'.padStart(9)}${'parse'.padStart(10)}${'apply'.padStart(10)}${'offers/s'.padStart(11)}`,
  );
  for (const result of results) {
    const total = result.parseSeconds + result.applySeconds;
    console.log(
      `${result.name.padEnd(36)}${String(result.rows).padStart(9)}${`${result.parseSeconds.toFixed(2)} s`.padStart(10)}${`${result.applySeconds.toFixed(2)} s`.padStart(10)}${Math.round(
        result.rows / total,
      )
        .toLocaleString('en')
        .padStart(11)}`,
    );
  }
  const slowest = Math.min(
    ...results.map((result) => result.rows / (result.parseSeconds + result.applySeconds)),
  );
  console.log(
    `budget: ingest ≥ 20,000 offers/s: ${slowest >= 20_000 ? 'met' : 'NOT met'} (slowest ${Math.round(slowest).toLocaleString('en')}/s)`,
  );
}
