import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gs1CheckDigit } from '@lokaal/core';
import type { DataSet, PlaceRecord } from '../dataset.js';
import { parseFeed } from '../feeds/parse.js';
import { parsedSource, withTerms, type FeedSource } from '../feeds/source.js';
import { FeedFileError, type FeedRow } from '../feeds/types.js';
import { SqliteStore } from './sqlite.js';
import { ShopWrites } from './writes.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'lokaal-writes-'));

function gtin(n: number): string {
  const body = `871000${String(n).padStart(6, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

const shop: PlaceRecord = {
  id: 'fietsenmaker',
  kind: 'shop',
  name: 'De Fietsenmaker',
  categories: ['fietsen'],
  address: { street: 'Langestraat', housenumber: '1', postcode: '3811 AB', town: 'Amersfoort' },
  point: { lat: 52.1561, lon: 5.3878 },
  opening_hours: 'Mo-Sa 09:00-18:00',
  phone: null,
  website: null,
  image: null,
  description: null,
  region_ids: ['GM0307'],
  updated_at: NOW.toISOString(),
};

function town(): DataSet {
  return {
    regions: [
      {
        id: 'GM0307',
        kind: 'municipality',
        name: 'Amersfoort',
        center: shop.point,
        bbox: [5.3, 52.1, 5.5, 52.2],
      },
    ],
    places: [shop],
    products: [],
    offers: [],
  };
}

let store: SqliteStore;
let writes: ShopWrites;
let file = 0;
beforeEach(() => {
  store?.close();
  store = new SqliteStore(join(dir, `writes-${(file += 1)}.sqlite`));
  store.replaceAll(town());
  writes = new ShopWrites(store);
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function importCsv(text: string, mode: 'snapshot' | 'delta' = 'snapshot', storeCode?: string) {
  const feed = parsedSource(parseFeed(Buffer.from(text), 'csv'));
  return writes.importOffers(shop.id, feed, {
    mode,
    confirmShrink: true,
    now: NOW,
    ...(storeCode ? { storeCode } : {}),
  });
}

/** The offers' keys and titles, and what the offer index finds for a word. */
const offers = () =>
  store.db.prepare('SELECT sku, title FROM offers ORDER BY sku').all() as Array<{
    sku: string;
    title: string;
  }>;
const found = (word: string) =>
  (
    store.db
      .prepare(
        'SELECT o.sku FROM offer_fts JOIN offers AS o ON o.id = offer_fts.rowid WHERE offer_fts MATCH ?',
      )
      .all(`"${word}"`) as Array<{ sku: string }>
  )
    .map((row) => row.sku)
    .sort();

describe('importing a feed of several stores', () => {
  const feed = (codes: string[]) =>
    [
      'store_code;ean;naam;prijs;voorraad',
      ...codes.map((code, index) => `${code};${gtin(index + 1)};Fietsbel ${index + 1};9,95;3`),
    ].join('\n');

  it('takes the rows of its own store and of none, in file order, and skips the others', () => {
    // Another store's row comes first, before the feed has shown that it has several stores.
    const report = importCsv(feed(['elders', 'fietsenmaker', '', 'elders', 'fietsenmaker']));
    assert.equal(report.result, 'applied');
    assert.equal(report.imported, 3);
    assert.equal(report.skipped, 2);
    assert.deepEqual(
      offers().map((offer) => offer.title),
      ['Fietsbel 2', 'Fietsbel 3', 'Fietsbel 5'],
    );
  });

  it('takes every row of a feed with one store code, whichever it is', () => {
    const report = importCsv(feed(['filiaal-7', 'filiaal-7', '']));
    assert.equal(report.imported, 3);
    assert.equal(report.skipped, 0);
  });

  it('takes the rows of the store code it is given', () => {
    const report = importCsv(feed(['filiaal-7', 'elders', 'filiaal-7']), 'snapshot', 'filiaal-7');
    assert.equal(report.imported, 2);
    assert.equal(report.skipped, 1);
  });
});

describe('an import read while it is written', () => {
  it('rolls back the rows it wrote when the file turns out unreadable, and throws the file error', () => {
    importCsv(`ean;naam;prijs;voorraad\n${gtin(1)};Fietsbel;9,95;3`);
    const before = offers();
    const rows: FeedRow[] = parseFeed(
      Buffer.from(`ean;naam;prijs;voorraad\n${gtin(2)};Fietslamp;19,95;3\n${gtin(3)};Bel;4,95;1`),
      'csv',
    ).rows;
    function* failing(): Generator<FeedRow> {
      yield* rows;
      throw new FeedFileError('line 4: a quoted field (starting with ") is not closed');
    }
    const feed: FeedSource = {
      rows: failing(),
      summary: () => assert.fail('the summary of a file that failed is never asked for'),
    };
    assert.throws(
      () => writes.importOffers(shop.id, feed, { mode: 'delta', confirmShrink: false, now: NOW }),
      /line 4: a quoted field/,
    );
    assert.deepEqual(offers(), before);
    assert.deepEqual(found('fietslamp'), []);
    assert.equal(
      writes.feedStatus(shop.id)?.result,
      'applied',
      'the last status is that of the import before',
    );
  });

  it('keeps the offer index right when old offers change and go while new ones come', () => {
    importCsv(
      [
        'sku;naam;prijs;voorraad',
        'a;Fietsbel klassiek;9,95;3',
        'b;Fietslamp LED;19,95;3',
        'c;Kettingslot;24,95;2',
      ].join('\n'),
    );
    // New offers between renamed ones; one old offer removed by leaving it out.
    const report = importCsv(
      [
        'sku;naam;prijs;voorraad',
        'n1;Zadeldek;7,50;4',
        'a;Fietsbel retro;9,95;3',
        'n2;Bidonhouder;5,00;4',
        'c;Kettingslot;24,95;2',
        'n3;Spatbord;12,00;1',
      ].join('\n'),
    );
    assert.equal(report.result, 'applied');
    assert.deepEqual([report.imported, report.updated, report.unchanged, report.removed], [3, 1, 1, 1]);
    assert.deepEqual(found('retro'), ['a']);
    assert.deepEqual(found('klassiek'), []);
    assert.deepEqual(found('fietslamp'), []);
    assert.deepEqual(found('kettingslot'), ['c']);
    assert.deepEqual(found('bidonhouder'), ['n2']);
    assert.deepEqual(found('spatbord'), ['n3']);
    assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
    store.db.exec("INSERT INTO offer_fts (offer_fts, rank) VALUES ('integrity-check', 0)");
  });
});

describe('index terms made while the feed is read', () => {
  it('index every new offer exactly as the import would make its terms itself', () => {
    const known = gtin(90);
    const inShop = `0${(() => {
      const body = '200000012345';
      return `${body}${gs1CheckDigit(body)}`;
    })()}`;
    // The import asks for the terms once 500 rows have shown that the feed is mostly new offers.
    const text = [
      'ean;sku;naam;merk;categorie;prijs;voorraad;beschikbaarheid',
      ...Array.from({ length: 500 }, (_, i) => `${gtin(100 + i)};;Fietsbel ${i};;;9,95;3;`),
      `${gtin(1)};;Fietsbel klassiek;Crane;fietsbellen;9,95;3;`,
      `${known};;Fietsbel (andere naam);;;12,95;1;`,
      `${inShop.slice(1)};;Kaas per kilo;Boerderij;;14,95;;`,
      ';eigen-1;Crème fraîche-bel;;;4,95;0;',
      `${gtin(2)};;<b>Bel</b> & co;Merk;bel-accessoires;3,50;2;`,
      `${gtin(3)};;Lamp;;;19,95;;uitverkocht`,
    ].join('\n');
    const vocabulary = (target: SqliteStore) => {
      target.db.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, 'offer_fts', 'instance')",
      );
      const rows = target.db
        .prepare(
          'SELECT o.sku, v.term FROM temp.vocabulary AS v JOIN offers AS o ON o.id = v.doc ORDER BY o.sku, v.term',
        )
        .all() as Array<{ sku: string; term: string }>;
      return rows.map((row) => `${row.sku} ${row.term}`);
    };
    const seeded = (): DataSet => ({
      ...town(),
      products: [
        {
          gtin: known.padStart(14, '0'),
          name: 'Fietsbel Deluxe',
          brand: 'Crane',
          category: null,
          image: null,
        },
      ],
    });
    const importInto = (target: SqliteStore, withReaderTerms: boolean) => {
      target.replaceAll(seeded());
      const parsed = parsedSource(parseFeed(Buffer.from(text), 'csv'));
      // As the worker of a large feed does it (feeds/read-worker.ts).
      const feed: FeedSource = withReaderTerms
        ? {
            ...parsed,
            indexFor: (placeTerms) => [...parsed.rows].forEach((row) => withTerms(row, placeTerms)),
          }
        : parsed;
      const report = new ShopWrites(target).importOffers(shop.id, feed, {
        mode: 'snapshot',
        confirmShrink: true,
        now: NOW,
      });
      assert.equal(report.imported, 506, JSON.stringify(report.errors));
      return [...parsed.rows].filter((row) => row.terms !== undefined).length;
    };
    assert.equal(importInto(store, true), 506, 'the reader made terms for every row with a title');
    const other = new SqliteStore(join(dir, `writes-${(file += 1)}.sqlite`));
    try {
      assert.equal(importInto(other, false), 0);
      const expected = vocabulary(other);
      assert.ok(
        expected.some((entry) => entry.endsWith(' deluxe')),
        'the known product keeps its own name',
      );
      assert.ok(expected.some((entry) => entry === 'eigen-1 creme'));
      assert.deepEqual(vocabulary(store), expected);
    } finally {
      other.close();
    }
  });
});
