import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gs1CheckDigit, type Product } from '@lokaal/core';
import type { DataSet, PlaceRecord } from '../dataset.js';
import { SqliteStore } from './sqlite.js';
import { MIGRATIONS } from './schema.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const CENTER = { lat: 52.1561, lon: 5.3878 };

function gtin(n: number): string {
  const body = `871000${String(n).padStart(6, '0')}`;
  return `0${body}${gs1CheckDigit(body)}`;
}

function place(id: string, lat: number, lon: number, overrides: Partial<PlaceRecord> = {}): PlaceRecord {
  return {
    id,
    kind: 'shop',
    name: `Winkel ${id}`,
    categories: ['fietsen'],
    address: { street: 'Langestraat', housenumber: '1', postcode: '3811 AB', town: 'Amersfoort' },
    point: { lat, lon },
    opening_hours: 'Mo-Sa 09:00-18:00',
    phone: null,
    website: null,
    image: null,
    description: null,
    region_ids: ['GM0307'],
    updated_at: NOW.toISOString(),
    ...overrides,
  };
}

function dataSet(): DataSet {
  const products: Product[] = [
    { gtin: gtin(1), name: 'Fietsbel klassiek', brand: 'Belle', category: 'fietsen', image: null },
    { gtin: gtin(2), name: 'Fietslamp LED', brand: 'Licht', category: 'fietsen', image: null },
    { gtin: gtin(3), name: 'Crème brûlée schaaltjes', brand: 'Keuken', category: 'keuken', image: null },
  ];
  const places = [
    place('near', 52.1562, 5.388),
    place('middle', 52.16, 5.39),
    place('far', 52.2, 5.45),
    place('closed', 52.1565, 5.3875, {
      opening_hours: 'Su 10:00-11:00',
      kind: 'horeca',
      categories: ['cafe'],
    }),
  ];
  return {
    regions: [
      {
        id: 'GM0307',
        kind: 'municipality',
        name: 'Amersfoort',
        center: CENTER,
        bbox: [5.3, 52.1, 5.5, 52.2],
      },
    ],
    places,
    products,
    offers: [
      ...places.map((p, index) => ({
        place_id: p.id,
        gtin: gtin(1),
        title: 'Fietsbel klassiek',
        price_cents: 700 + index * 100,
        availability: index === 1 ? ('out_of_stock' as const) : ('in_stock' as const),
        quantity: 3,
        url: null,
        updated_at: NOW.toISOString(),
      })),
      {
        place_id: 'far',
        gtin: gtin(2),
        title: 'Fietslamp LED',
        price_cents: 1500,
        availability: 'in_stock',
        quantity: 1,
        url: null,
        updated_at: NOW.toISOString(),
      },
      {
        place_id: 'near',
        gtin: gtin(3),
        title: 'Crème brûlée schaaltjes',
        price_cents: 999,
        availability: 'limited',
        quantity: 1,
        url: null,
        updated_at: NOW.toISOString(),
      },
      {
        place_id: 'near',
        gtin: null,
        sku: 'repair-1',
        title: 'Binnenband vervangen',
        price_cents: 1250,
        availability: 'in_stock',
        quantity: null,
        url: null,
        updated_at: NOW.toISOString(),
      },
    ],
  };
}

let dir: string;
let store: SqliteStore;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'lokaal-store-'));
  store = new SqliteStore(join(dir, 'test.sqlite'));
  store.replaceAll(dataSet());
});

after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const searchQuery = (text: string): Parameters<SqliteStore['search']>[0] => ({
  text,
  area: { center: CENTER, radiusInMetres: 5000 },
  category: null,
  kind: null,
  inStockOnly: false,
  openNowOnly: false,
  limit: 20,
  cursor: null,
  now: NOW,
});

const search = (text: string, extra: Partial<Parameters<SqliteStore['search']>[0]> = {}) =>
  store.search({ ...searchQuery(text), ...extra });

describe('SqliteStore', () => {
  it('uses WAL, durable commits and the latest schema', () => {
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(store.db.pragma('synchronous', { simple: true }), 2);
    assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  });

  it('finds by prefix with diacritics folded, and items without GTIN by their own title', () => {
    assert.deepEqual(
      search('fiets')
        .items.map((item) => item.title)
        .sort(),
      ['Fietsbel klassiek'],
    );
    assert.equal(search('creme brulee').items[0]?.title, 'Crème brûlée schaaltjes');
    const repair = search('binnenband').items[0]!;
    assert.equal(repair.product, null);
    assert.match(repair.key, /^offer:/);
  });

  it('lists the nearest offering places first and leaves out those beyond the radius', () => {
    const bell = search('fietsbel').items[0]!;
    assert.deepEqual(
      bell.offers.map((offer) => offer.place.id),
      ['near', 'closed', 'middle'],
    );
    assert.equal(bell.place_count, 3);
    assert.equal(bell.min_price_cents, 700);
    assert.equal(search('fietslamp').items.length, 0, 'the far shop is 7 km away');
    assert.equal(search('fietslamp', { area: { center: CENTER, radiusInMetres: 10_000 } }).items.length, 1);
  });

  it('filters on stock, kind and opening', () => {
    const inStock = search('fietsbel', { inStockOnly: true }).items[0]!;
    assert.ok(!inStock.offers.some((offer) => offer.place.id === 'middle'));
    const open = search('fietsbel', { openNowOnly: true }).items[0]!;
    assert.ok(!open.offers.some((offer) => offer.place.id === 'closed'));
    const horeca = search('fietsbel', { kind: 'horeca' }).items[0]!;
    assert.deepEqual(
      horeca.offers.map((offer) => offer.place.id),
      ['closed'],
    );
  });

  it('keeps cursor pages correct when a place is added before the cursor', () => {
    const query = {
      area: { center: CENTER, radiusInMetres: 20_000 },
      bbox: null,
      text: '',
      category: null,
      kind: null,
      openNowOnly: false,
      limit: 2,
      now: NOW,
    };
    const first = store.places({ ...query, cursor: null });
    assert.deepEqual(
      first.items.map((p) => p.id),
      ['near', 'closed'],
    );
    // A new shop opens right next to the user, between two page requests.
    const rid = Number(
      store.db
        .prepare(
          `INSERT INTO places (id, kind, name, categories, street, housenumber, postcode, town, lat, lon, region_ids, updated_at)
           VALUES ('newcomer', 'shop', 'Nieuw', '[]', 'Hof', '1', '3811 CJ', 'Amersfoort', 52.1561, 5.3878, '[]', '')`,
        )
        .run().lastInsertRowid,
    );
    store.db.prepare('INSERT INTO place_geo VALUES (?, 52.1561, 52.1561, 5.3878, 5.3878)').run(rid);
    const second = store.places({ ...query, cursor: first.next_cursor });
    assert.deepEqual(
      second.items.map((p) => p.id),
      ['middle', 'far'],
      'no repeat, no skip of what was there',
    );
    assert.equal(second.next_cursor, null);
  });

  it('rejects a forged cursor', () => {
    assert.throws(() => search('fiets', { cursor: 'bm9wZQ' }), /cursor/);
  });

  it('geocodes postcodes in any spelling and towns without case', () => {
    assert.equal(store.geocode('3811ab')?.name, '3811 AB');
    assert.equal(store.geocode('3811')?.kind, 'postcode');
    assert.equal(store.geocode('AMERSFOORT')?.kind, 'town');
    assert.equal(store.geocode('Atlantis'), null);
  });

  it('finds offers by the shop name and by category, and narrows by further words', () => {
    assert.equal(search('winkel near').items[0]?.title, 'Fietsbel klassiek');
    assert.equal(search('', { category: 'fietsen' }).items[0]?.title, 'Fietsbel klassiek');
    assert.equal(search('fiets klassiek').items.length, 1);
    assert.equal(search('fiets keuken').items.length, 0);
  });

  it("finds every offer of a place by its name and its categories, in an area and in the place's own stock", () => {
    const titles = (items: Array<{ title: string }>) => items.map((item) => item.title).sort();
    const ofNear = ['Binnenband vervangen', 'Crème brûlée schaaltjes', 'Fietsbel klassiek'];
    assert.deepEqual(titles(search('winkel near').items), ofNear);
    // `keuken` is the product's category; `fietsen` is the place's.
    assert.ok(titles(search('', { category: 'fietsen' }).items).includes('Crème brûlée schaaltjes'));
    const stock = (text: string) =>
      titles(
        store.placeOffers('near', {
          text,
          now: NOW,
          category: null,
          availability: null,
          limit: 10,
          cursor: null,
        })!.items,
      );
    assert.deepEqual(stock('winkel'), ofNear);
    assert.deepEqual(stock('near creme'), ['Crème brûlée schaaltjes']);
  });

  it('never takes a word of a title for a filter', () => {
    const data = dataSet();
    data.offers.push({
      place_id: 'middle',
      gtin: null,
      title: 'Instock kshop cfietsen',
      price_cents: 100,
      availability: 'out_of_stock',
      quantity: 0,
      url: null,
      updated_at: NOW.toISOString(),
    });
    const dir = mkdtempSync(join(tmpdir(), 'lokaal-store-'));
    const tricked = new SqliteStore(join(dir, 'tags.sqlite'));
    try {
      tricked.replaceAll(data);
      const query = { ...searchQuery('instock'), inStockOnly: true };
      assert.equal(tricked.search(query).items.length, 0);
      assert.equal(tricked.search(searchQuery('instock')).items.length, 1);
    } finally {
      tricked.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rebuilds the offer index of a database from before the terms index when it opens it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lokaal-store-'));
    const path = join(dir, 'old.sqlite');
    try {
      const old = new SqliteStore(path);
      old.replaceAll(dataSet());
      old.db.exec(`DROP TABLE offer_fts; DROP TABLE pending_tasks; DROP TABLE gtin_buckets;
        CREATE VIRTUAL TABLE offer_fts USING fts5 (text, tags, content = '', contentless_delete = 1);`);
      old.db.pragma('user_version = 2');
      old.close();
      const upgraded = new SqliteStore(path);
      assert.equal(upgraded.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
      assert.equal(upgraded.search(searchQuery('fietsbel')).items[0]?.place_count, 3);
      assert.deepEqual(upgraded.db.prepare('SELECT name FROM pending_tasks').all(), []);
      upgraded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces everything in one transaction, so a bad data set changes nothing', () => {
    const before = store.counts();
    const broken = dataSet();
    broken.offers.push({ ...broken.offers[0]!, place_id: 'no-such-place' });
    assert.throws(() => store.replaceAll(broken), /unknown place/);
    assert.deepEqual(store.counts(), before);
  });
});
