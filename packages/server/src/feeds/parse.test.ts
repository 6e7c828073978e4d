import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gs1CheckDigit } from '@lokaal/core';
import { detectFormat, FeedFileError, parseFeed, type FeedFormat } from './parse.js';

const example = (file: string) => readFileSync(new URL(`../../examples/feeds/${file}`, import.meta.url));

describe('parseFeed', () => {
  const examples: Array<[string, FeedFormat, number]> = [
    ['voorraad.csv', 'csv', 11],
    ['stock-en.csv', 'csv', 7],
    ['kassa-cp1252.csv', 'csv', 7],
    ['delta.csv', 'csv', 6],
    ['google-local-inventory.txt', 'google-tsv', 7],
    ['google-local-inventory.xml', 'google-xml', 7],
    ['schema-org.jsonld', 'jsonld', 6],
    ['lokaal.json', 'lokaal-json', 6],
  ];
  for (const [file, format, rows] of examples) {
    it(`reads ${file} as ${format}, every row valid`, () => {
      const body = example(file);
      const detected = detectFormat({ filename: file, body });
      assert.equal(detected, format);
      const feed = parseFeed(body, format);
      assert.equal(feed.format, format);
      assert.equal(feed.read, rows);
      assert.equal(feed.rows.length, rows);
      assert.deepEqual(feed.rejected, []);
      for (const row of feed.rows) {
        assert.ok(row.gtin !== null || row.sku !== null);
        assert.ok(row.gtin === null || /^\d{14}$/.test(row.gtin));
        assert.ok(row.price_cents === null || Number.isInteger(row.price_cents));
      }
    });
  }

  it('has a default limit of 200 000 rows, and takes a smaller one', () => {
    const lines = ['ean'];
    for (let i = 0; i < 200_001; i++) {
      const code = `87${String(i).padStart(10, '0')}`;
      lines.push(`${code}${gs1CheckDigit(code)}`);
    }
    const body = Buffer.from(lines.join('\n'));
    assert.throws(
      () => parseFeed(body, 'csv'),
      (error: unknown) =>
        error instanceof FeedFileError &&
        error.name === 'FeedFileError' &&
        error.message ===
          'line 200002: the file has more than 200000 rows, the limit per file; split it into smaller files',
    );
    const small = Buffer.from(lines.slice(0, 200_001).join('\n'));
    assert.equal(parseFeed(small, 'csv').rows.length, 200_000);
    assert.throws(
      () => parseFeed(Buffer.from(lines.slice(0, 12).join('\n')), 'csv', { maxRows: 10 }),
      /more than 10 rows/,
    );
  });

  it('throws FeedFileError for a file that is not the format it was said to be', () => {
    const csv = example('voorraad.csv');
    for (const format of ['google-xml', 'jsonld', 'lokaal-json'] as const) {
      assert.throws(() => parseFeed(csv, format), FeedFileError, format);
    }
    assert.throws(() => parseFeed(example('lokaal.json'), 'csv'), FeedFileError);
  });
});
