import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLokaalJson } from './lokaal-json.js';
import { FeedFileError, type ParsedFeed } from './types.js';

const OPTIONS = { maxRows: 200_000, now: new Date('2026-11-27T10:00:00Z') };
const example = (file: string) => readFileSync(new URL(`../../examples/feeds/${file}`, import.meta.url));
const lokaal = (document: unknown, options = OPTIONS): ParsedFeed =>
  parseLokaalJson(Buffer.from(JSON.stringify(document, null, 2)), options);

describe('Lokaal JSON', () => {
  it('reads the example file with offers and removals', () => {
    const feed = parseLokaalJson(example('lokaal.json'), OPTIONS);
    assert.equal(feed.format, 'lokaal-json');
    assert.equal(feed.read, 6);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(feed.ignoredColumns, []);
    assert.deepEqual(feed.rows[0], {
      line: 3,
      action: 'upsert',
      gtin: '08717025600512',
      sku: 'DM-0512',
      title: 'Legpuzzel Nederland in kaart, 1000 stukjes',
      brand: 'Puzzelaar',
      category: 'Puzzels',
      image: 'https://speelgoed-draaimolen.example/img/dm-0512.jpg',
      url: 'https://speelgoed-draaimolen.example/puzzels/nederland-in-kaart',
      price_cents: 1795,
      availability: 'in_stock',
      quantity: 6,
      store_code: null,
    });
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.action, row.gtin, row.sku, row.price_cents]),
      [
        [3, 'upsert', '08717025600512', 'DM-0512', 1795],
        [15, 'upsert', '08717025600529', null, 650],
        [23, 'upsert', '08717025600536', null, 1495],
        [31, 'upsert', null, 'DM-HOUT-01', 2995],
        [40, 'remove', '08717025600550', null, null],
        [40, 'remove', null, 'DM-OUD-77', null],
      ],
    );
  });

  it('reads a top-level array of offers, with prices as numbers, strings or cents', () => {
    const feed = lokaal([
      { sku: 'A', price: 12.95 },
      { sku: 'B', price: '12,95' },
      { sku: 'C', price: '€ 1.234,56' },
      { sku: 'D', price_cents: 1295 },
      { sku: 'E', price: null, quantity: 3 },
    ]);
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.sku, row.price_cents]),
      [
        [2, 'A', 1295],
        [6, 'B', 1295],
        [10, 'C', 123_456],
        [14, 'D', 1295],
        [18, 'E', null],
      ],
    );
  });

  it('turns a remove entry that is a valid GTIN into a GTIN, anything else into a SKU', () => {
    const feed = lokaal({
      remove: ['8712345678906', '8712345678907', 'ART-12', 8712345678906, { sku: 'ART-13' }, ''],
    });
    assert.deepEqual(
      feed.rows.map((row) => [row.action, row.gtin, row.sku]),
      [
        ['remove', '08712345678906', null],
        ['remove', null, '8712345678907'],
        ['remove', null, 'ART-12'],
        ['remove', null, 'ART-13'],
      ],
    );
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field]),
      [[6, 'remove']],
    );
    assert.match(feed.rejected[0]?.reason ?? '', /duplicate: the same GTIN is already on line 3/);
  });

  it('rejects values of the wrong type and bad values, by property name', () => {
    const feed = lokaal({
      offers: [
        {
          gtin: '8712345678906',
          title: ['Zeep'],
          price: -1,
          quantity: 1.5,
          availability: 'misschien',
          kleur: 'rood',
        },
        { sku: 'B', image: '/img/b.jpg', price_cents: 12.5 },
        'geen object',
        { sku: 'C', title: 'Goed' },
      ],
    });
    assert.deepEqual(
      feed.rows.map((row) => row.sku),
      ['C'],
    );
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field, problem.value]),
      [
        [3, 'title', '["Zeep"]'],
        [3, 'price', '-1'],
        [3, 'quantity', '1.5'],
        [3, 'availability', 'misschien'],
        [13, 'image', '/img/b.jpg'],
        [13, 'price_cents', '12.5'],
        [18, 'offers', 'geen object'],
      ],
    );
    assert.deepEqual(feed.ignoredColumns, ['kleur']);
  });

  it('refuses what is not a Lokaal feed', () => {
    assert.throws(() => lokaal({ products: [] }), /line 1: this JSON is not a Lokaal feed/);
    assert.throws(() => lokaal('offers'), /not a Lokaal feed/);
    assert.throws(() => lokaal({ offers: {} }), /line 2: "offers" must be a list/);
    assert.throws(() => lokaal({ offers: [], remove: [] }), /no offers and nothing to remove/);
  });

  it('refuses invalid JSON with line and column, and JSON that is not UTF-8', () => {
    assert.throws(
      () => parseLokaalJson(Buffer.from('{\n  "offers": [\n    { "sku": "A", }\n  ]\n}'), OPTIONS),
      (error: unknown) =>
        error instanceof FeedFileError &&
        error.message === 'line 3, column 19: the JSON is not valid: property name expected',
    );
    const latin1 = Buffer.from([
      ...Buffer.from('{"offers":[{"sku":"A","title":"Cr'),
      0xe8,
      ...Buffer.from('me"}]}'),
    ]);
    assert.throws(() => parseLokaalJson(latin1, OPTIONS), /line 1: the file is not valid UTF-8/);
  });

  it('refuses more offers than the limit', () => {
    assert.throws(
      () => lokaal({ offers: [{ sku: 'A' }, { sku: 'B' }], remove: ['C'] }, { ...OPTIONS, maxRows: 2 }),
      /more than 2 rows, the limit/,
    );
  });
});
