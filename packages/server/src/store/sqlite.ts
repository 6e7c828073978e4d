/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with durable
 * commits. Text search is FTS5 with diacritics folded and prefix indexes; places are in
 * an R*Tree; geo cells in the full-text documents keep area searches bounded.
 */
import Database from 'better-sqlite3';
import { bboxAround, distanceInMetres } from '@lokaal/core';
import type {
  Availability,
  GeocodeResult,
  Offer,
  OfferAtPlace,
  OpeningState,
  Page,
  Place,
  PlaceKind,
  PlaceNear,
  PlaceSummary,
  Point,
  Product,
  Region,
  RegionKind,
  SearchResult,
} from '@lokaal/core';
import { normalisePostcode } from '@lokaal/core';
import type { DataSet, PlaceRecord } from '../dataset.js';
import { openingState } from '../hours.js';
import { COARSE, FINE, cellRings, cellToken, coarseCellId } from './cells.js';
import { decodeCursor, encodeCursor, isAfter, type CursorKey } from './cursor.js';
import { migrate } from './schema.js';
import type {
  Area,
  Counts,
  PlaceOffersQuery,
  PlacesQuery,
  ProductOffersQuery,
  SearchQuery,
  Store,
} from './store.js';
import {
  IN_STOCK_TERM,
  anyTerm,
  eitherOf,
  cellTerm,
  cellTermOf,
  fusedTerm,
  isAvailable,
  offerPlaceTerms,
  offerTerms,
  placeTerm,
  quoted,
  tagTerm,
  type PlaceTerms,
} from './terms.js';
import { anyOf, fold, prefixQuery, searchTokens, tagToken } from './text.js';

/** Most offers a search considers before ranking; bounds the work of common words. */
const SEARCH_CANDIDATES = 600;
/** Offers listed with each search hit; `place_count` tells how many there are in all. */
const OFFERS_PER_RESULT = 5;
/** Fine cells up to this radius, coarse cells beyond. */
const FINE_CELLS_UP_TO_M = 10_000;

const AVAILABILITY_WEIGHT: Record<Availability, number> = {
  in_stock: 1,
  limited: 0.8,
  on_order: 0.3,
  out_of_stock: 0,
};

interface PlaceRow {
  rid: number;
  id: string;
  kind: PlaceKind;
  name: string;
  categories: string;
  street: string;
  housenumber: string;
  postcode: string;
  town: string;
  lat: number;
  lon: number;
  opening_hours: string | null;
  phone: string | null;
  website: string | null;
  image: string | null;
  description: string | null;
  region_ids: string;
  updated_at: string;
}

interface OfferRow {
  id: number;
  place_rid: number;
  gtin: string | null;
  sku: string;
  title: string;
  price_cents: number | null;
  availability: Availability;
  quantity: number | null;
  url: string | null;
  updated_at: string;
}

interface OfferPlaceRow extends OfferRow {
  place_id: string;
  place_kind: PlaceKind;
  place_name: string;
  street: string;
  housenumber: string;
  postcode: string;
  town: string;
  lat: number;
  lon: number;
  opening_hours: string | null;
  product_name: string | null;
  brand: string | null;
  category: string | null;
  image: string | null;
}

/** What ranking needs of a search candidate; the rest is read only for the offers shown. */
interface CandidateRow {
  id: number;
  place_rid: number;
  gtin: string | null;
  title: string;
  availability: Availability;
  price_cents: number | null;
  updated_at: string;
}

/** Where a place is and when it opens: kept in memory, as search needs it for every candidate. */
interface PlaceLocation {
  rid: number;
  lat: number;
  lon: number;
  opening_hours: string | null;
  /** JSON array of region ids. */
  region_ids: string;
  name: string;
  /** JSON array of category ids. */
  categories: string;
}

/** What an area search matches of a place itself: its name's words and its categories. */
interface PlaceKeys {
  /** The place's term, `·pl{rid}`, which every offer of the place carries. */
  term: string;
  words: readonly string[];
  categoryTags: readonly string[];
}

/** Whether the place lies in the area's region, when the area names one. */
function inRegion(area: Area | null, regionIds: string): boolean {
  return !area?.regionId || (JSON.parse(regionIds) as string[]).includes(area.regionId);
}

interface RegionRow {
  id: string;
  kind: RegionKind;
  name: string;
  center_lat: number;
  center_lon: number;
  west: number;
  south: number;
  east: number;
  north: number;
}

const OFFER_PLACE_COLUMNS = `
  o.id, o.place_rid, o.gtin, o.sku, o.title, o.price_cents, o.availability, o.quantity, o.url, o.updated_at,
  p.id AS place_id, p.kind AS place_kind, p.name AS place_name, p.street, p.housenumber, p.postcode, p.town,
  p.lat, p.lon, p.opening_hours,
  pr.name AS product_name, pr.brand, pr.category, pr.image`;

function toRegion(row: RegionRow): Region {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    center: { lat: row.center_lat, lon: row.center_lon },
    bbox: [row.west, row.south, row.east, row.north],
  };
}

function toPlaceRecord(row: PlaceRow): PlaceRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    categories: JSON.parse(row.categories) as string[],
    address: { street: row.street, housenumber: row.housenumber, postcode: row.postcode, town: row.town },
    point: { lat: row.lat, lon: row.lon },
    opening_hours: row.opening_hours,
    phone: row.phone,
    website: row.website,
    image: row.image,
    description: row.description,
    region_ids: JSON.parse(row.region_ids) as string[],
    updated_at: row.updated_at,
  };
}

function toOffer(row: OfferRow & { place_id: string }, staleBefore: string): Offer {
  return {
    id: String(row.id),
    place_id: row.place_id,
    gtin: row.gtin,
    title: row.title,
    price_cents: row.price_cents,
    currency: 'EUR',
    availability: row.availability,
    quantity: row.quantity,
    url: row.url,
    updated_at: row.updated_at,
    stale: row.updated_at < staleBefore,
  };
}

/** Rounds to whole metres: more precision than that is noise and makes cursors fragile. */
function roundMetres(metres: number): number {
  return Math.round(metres);
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** The database file, as opened (`:memory:` for a database in memory). */
  readonly path: string;
  private readonly statements;

  /** Offers no feed confirmed for this long are stale: shown as such and ranked lower. */
  readonly staleAfterDays: number;

  constructor(path: string, options: { readonly?: boolean; staleAfterDays?: number } = {}) {
    this.staleAfterDays = options.staleAfterDays ?? 14;
    this.path = path;
    this.db = new Database(path, { readonly: options.readonly ?? false });
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // FULL makes every committed transaction durable across power loss, not just crashes.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
      this.runPendingTasks();
    }
    this.db.pragma('busy_timeout = 5000');
    // Reads are most of the work: map the file and keep a generous page cache.
    this.db.pragma('mmap_size = 1073741824');
    this.db.pragma('cache_size = -131072');
    this.statements = {
      dataVersion: this.db.prepare<[], number>('PRAGMA data_version').pluck(),
      counts: this.db.prepare<[], Counts>(`SELECT
        (SELECT count(*) FROM places) AS places,
        (SELECT count(*) FROM products) AS products,
        (SELECT count(*) FROM offers) AS offers,
        (SELECT count(*) FROM regions) AS regions`),
      placeById: this.db.prepare<[string], PlaceRow>('SELECT * FROM places WHERE id = ?'),
      product: this.db.prepare<[string], Product>(
        'SELECT gtin, name, brand, category, image FROM products WHERE gtin = ?',
      ),
      regions: this.db.prepare<[], RegionRow>('SELECT * FROM regions ORDER BY kind, name'),
      region: this.db.prepare<[string], RegionRow>('SELECT * FROM regions WHERE id = ?'),
      gazetteer: this.db.prepare<
        [string],
        { key: string; kind: GeocodeResult['kind']; name: string; lat: number; lon: number }
      >('SELECT * FROM gazetteer WHERE key = ?'),
      offerCandidates: this.db.prepare<[string, number], { id: number }>(
        'SELECT rowid AS id FROM offer_fts WHERE offer_fts MATCH ? LIMIT ?',
      ),
      offerIdsMatching: this.db.prepare<[string], { id: number }>(
        'SELECT rowid AS id FROM offer_fts WHERE offer_fts MATCH ?',
      ),
      placeIdsMatching: this.db.prepare<[string], { rid: number }>(
        'SELECT rowid AS rid FROM place_fts WHERE place_fts MATCH ?',
      ),
      candidatesByIds: this.db.prepare<[string], CandidateRow>(`SELECT
          o.id, o.place_rid, o.gtin, o.title, o.availability, o.price_cents, o.updated_at
        FROM offers AS o WHERE o.id IN (SELECT value FROM json_each(?))`),
      placeLocations: this.db.prepare<[], PlaceLocation>(
        'SELECT rid, lat, lon, opening_hours, region_ids, name, categories FROM places',
      ),
      offersByIds: this.db.prepare<[string], OfferPlaceRow>(`SELECT ${OFFER_PLACE_COLUMNS}
        FROM json_each(?) AS j
        JOIN offers AS o ON o.id = j.value
        JOIN places AS p ON p.rid = o.place_rid
        LEFT JOIN products AS pr ON pr.gtin = o.gtin`),
      offersOfGtinInCells: this.db.prepare<[string, string], OfferPlaceRow>(`SELECT ${OFFER_PLACE_COLUMNS}
        FROM offers AS o
        JOIN places AS p ON p.rid = o.place_rid
        LEFT JOIN products AS pr ON pr.gtin = o.gtin
        WHERE o.gtin = ? AND o.cell IN (SELECT value FROM json_each(?))`),
      offersOfGtin: this.db.prepare<[string], OfferPlaceRow>(`SELECT ${OFFER_PLACE_COLUMNS}
        FROM offers AS o
        JOIN places AS p ON p.rid = o.place_rid
        LEFT JOIN products AS pr ON pr.gtin = o.gtin
        WHERE o.gtin = ?`),
      placesInBox: this.db.prepare<[number, number, number, number], PlaceRow>(`SELECT p.*
        FROM place_geo AS g JOIN places AS p ON p.rid = g.rid
        WHERE g.min_lat <= ? AND g.max_lat >= ? AND g.min_lon <= ? AND g.max_lon >= ?`),
    };
  }

  private locationCache: Map<number, PlaceLocation> | null = null;
  private placesByCell: Map<string, PlaceKeys[]> | null = null;
  private placesReadAt: number | null = null;

  /**
   * Every place's location and hours, read once and kept until places change: here
   * (`placesChanged`) or through another connection, such as `lokaal places approve`.
   */
  private placeLocations(): Map<number, PlaceLocation> {
    this.checkPlaces();
    this.locationCache ??= new Map(this.statements.placeLocations.all().map((row) => [row.rid, row]));
    return this.locationCache;
  }

  /** Forgets what was read of places when another connection has written since. */
  private checkPlaces(): void {
    const version = this.statements.dataVersion.get()!;
    if (version !== this.placesReadAt) this.placesChanged();
    this.placesReadAt = version;
  }

  /** The places of a cell (fine or coarse) with what a search matches of them. */
  private placesInCell(token: string): readonly PlaceKeys[] {
    if (this.placesByCell === null) {
      const byCell = new Map<string, PlaceKeys[]>();
      for (const place of this.placeLocations().values()) {
        const keys: PlaceKeys = {
          term: placeTerm(place.rid),
          words: searchTokens(place.name, 40),
          categoryTags: (JSON.parse(place.categories) as string[]).map((category) => tagTerm('c', category)),
        };
        for (const level of [FINE, COARSE]) {
          const cell = cellToken(level, place);
          let list = byCell.get(cell);
          if (list === undefined) byCell.set(cell, (list = []));
          list.push(keys);
        }
      }
      this.placesByCell = byCell;
    }
    return this.placesByCell.get(token) ?? [];
  }

  /** Call after any write to places. */
  placesChanged(): void {
    this.locationCache = null;
    this.placesByCell = null;
  }

  /** Inserts a place with its spatial and text index entries; returns its row id. Call inside a transaction. */
  insertPlace(place: PlaceRecord): number {
    const rid = Number(
      this.db
        .prepare(
          `INSERT INTO places
          (id, kind, name, categories, street, housenumber, postcode, town, lat, lon, opening_hours, phone, website,
           image, description, region_ids, updated_at)
          VALUES (@id, @kind, @name, @categories, @street, @housenumber, @postcode, @town, @lat, @lon, @opening_hours,
           @phone, @website, @image, @description, @region_ids, @updated_at)`,
        )
        .run({
          id: place.id,
          kind: place.kind,
          name: place.name,
          categories: JSON.stringify(place.categories),
          ...place.address,
          lat: place.point.lat,
          lon: place.point.lon,
          opening_hours: place.opening_hours,
          phone: place.phone,
          website: place.website,
          image: place.image,
          description: place.description,
          region_ids: JSON.stringify(place.region_ids),
          updated_at: place.updated_at,
        }).lastInsertRowid,
    );
    this.db
      .prepare('INSERT INTO place_geo VALUES (?, ?, ?, ?, ?)')
      .run(rid, place.point.lat, place.point.lat, place.point.lon, place.point.lon);
    this.db
      .prepare('INSERT INTO place_fts (rowid, text, tags) VALUES (?, ?, ?)')
      .run(rid, placeText(place), placeTags(rid, place));
    this.placesChanged();
    return rid;
  }

  /**
   * Work a migration left to code, done in one transaction with the removal of its
   * marker: a process killed halfway leaves the marker, and the next start does it again.
   */
  private runPendingTasks(): void {
    const pending = this.db.prepare<[], string>('SELECT name FROM pending_tasks').pluck().all();
    if (!pending.includes('reindex-offers')) return;
    this.db.transaction(() => {
      this.reindexOffers();
      this.db.prepare("DELETE FROM pending_tasks WHERE name = 'reindex-offers'").run();
    })();
  }

  /** Rebuilds the terms of every offer, in batches so that memory stays flat at any size. */
  private reindexOffers(): void {
    const places = new Map<number, PlaceTerms>();
    for (const row of this.db.prepare<[], PlaceRow>('SELECT * FROM places').all()) {
      const place = toPlaceRecord(row);
      places.set(row.rid, offerPlaceTerms(row.rid, place));
    }
    const batch = this.db.prepare<
      [number],
      {
        id: number;
        place_rid: number;
        title: string;
        availability: Availability;
        gtin: string | null;
        name: string | null;
        brand: string | null;
        category: string | null;
        image: string | null;
      }
    >(`SELECT o.id, o.place_rid, o.title, o.availability, p.gtin, p.name, p.brand, p.category, p.image
       FROM offers AS o LEFT JOIN products AS p ON p.gtin = o.gtin WHERE o.id > ? ORDER BY o.id LIMIT 20000`);
    const insert = this.db.prepare('INSERT INTO offer_fts (rowid, terms) VALUES (?, ?)');
    this.db.prepare("INSERT INTO offer_fts (offer_fts) VALUES ('delete-all')").run();
    for (let after = 0, rows = batch.all(after); rows.length > 0; rows = batch.all(after)) {
      for (const row of rows) {
        const placeTerms = places.get(row.place_rid)!;
        const product =
          row.gtin === null
            ? null
            : { gtin: row.gtin, name: row.name!, brand: row.brand, category: row.category, image: row.image };
        insert.run(row.id, offerTerms(row, product, placeTerms));
        after = row.id;
      }
    }
  }

  /** The stored record of a place with its row id, for writes. */
  placeRecord(id: string): { rid: number; place: PlaceRecord } | null {
    const row = this.statements.placeById.get(id);
    return row ? { rid: row.rid, place: toPlaceRecord(row) } : null;
  }

  /** ISO instant before which an offer's `updated_at` makes it stale. */
  staleBefore(now: Date): string {
    return new Date(now.getTime() - this.staleAfterDays * 86_400_000).toISOString();
  }

  counts(): Counts {
    return this.statements.counts.get()!;
  }

  /** Replaces every place, product, offer and region in one transaction: all or nothing. */
  replaceAll(data: DataSet): void {
    const db = this.db;
    const insertRegion = db.prepare(
      'INSERT INTO regions VALUES (@id, @kind, @name, @center_lat, @center_lon, @west, @south, @east, @north)',
    );
    const insertProduct = db.prepare(
      'INSERT INTO products (gtin, name, brand, category, image) VALUES (@gtin, @name, @brand, @category, @image)',
    );
    const insertOffer = db.prepare(`INSERT INTO offers
      (place_rid, gtin, sku, title, price_cents, availability, quantity, url, updated_at, cell)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertOfferTerms = db.prepare('INSERT INTO offer_fts (rowid, terms) VALUES (?, ?)');

    db.transaction(() => {
      db.exec(`DELETE FROM offers; DELETE FROM products; DELETE FROM places; DELETE FROM place_geo;
        DELETE FROM regions; DELETE FROM gazetteer;
        INSERT INTO offer_fts (offer_fts) VALUES ('delete-all');
        INSERT INTO place_fts (place_fts) VALUES ('delete-all');`);
      for (const region of data.regions) {
        insertRegion.run({
          id: region.id,
          kind: region.kind,
          name: region.name,
          center_lat: region.center.lat,
          center_lon: region.center.lon,
          west: region.bbox[0],
          south: region.bbox[1],
          east: region.bbox[2],
          north: region.bbox[3],
        });
      }
      const places = new Map<string, { rid: number; place: PlaceRecord; terms: PlaceTerms }>();
      for (const place of data.places) {
        const rid = this.insertPlace(place);
        places.set(place.id, { rid, place, terms: offerPlaceTerms(rid, place) });
      }
      const products = new Map<string, Product>();
      for (const product of data.products) {
        insertProduct.run(product);
        products.set(product.gtin, product);
      }
      for (const offer of data.offers) {
        const entry = places.get(offer.place_id);
        if (!entry) throw new Error(`offer for unknown place ${offer.place_id}`);
        const product = offer.gtin === null ? null : (products.get(offer.gtin) ?? null);
        if (offer.gtin !== null && product === null)
          throw new Error(`offer for unknown product ${offer.gtin}`);
        const id = Number(
          insertOffer.run(
            entry.rid,
            offer.gtin,
            offer.gtin ?? offer.sku ?? offer.title,
            offer.title,
            offer.price_cents,
            offer.availability,
            offer.quantity,
            offer.url,
            offer.updated_at,
            coarseCellId(entry.place.point),
          ).lastInsertRowid,
        );
        insertOfferTerms.run(id, offerTerms(offer, product, entry.terms));
      }
      this.rebuildGazetteer();
    })();
    this.placesChanged();
  }

  /** Postcodes, towns and regions to points, from the instance's own places and regions. */
  private rebuildGazetteer(): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO gazetteer VALUES (?, ?, ?, ?, ?)');
    this.db.exec('DELETE FROM gazetteer');
    const groups = this.db
      .prepare<[], { postcode: string; town: string; lat: number; lon: number }>(
        'SELECT postcode, town, lat, lon FROM places',
      )
      .all();
    const sums = new Map<
      string,
      { kind: GeocodeResult['kind']; name: string; lat: number; lon: number; n: number }
    >();
    const add = (key: string, kind: GeocodeResult['kind'], name: string, point: Point): void => {
      const sum = sums.get(key) ?? { kind, name, lat: 0, lon: 0, n: 0 };
      sum.lat += point.lat;
      sum.lon += point.lon;
      sum.n += 1;
      sums.set(key, sum);
    };
    for (const row of groups) {
      const postcode = normalisePostcode(row.postcode);
      if (postcode) {
        add(`pc:${postcode}`, 'postcode', postcode, row);
        if (postcode.length > 4) add(`pc:${postcode.slice(0, 4)}`, 'postcode', postcode.slice(0, 4), row);
      }
      add(`town:${fold(row.town)}`, 'town', row.town, row);
    }
    for (const [key, sum] of sums) {
      insert.run(key, sum.kind, sum.name, sum.lat / sum.n, sum.lon / sum.n);
    }
    for (const region of this.regions()) {
      const key = `town:${fold(region.name)}`;
      if (!sums.has(key)) insert.run(key, 'region', region.name, region.center.lat, region.center.lon);
    }
  }

  search(query: SearchQuery): Page<SearchResult> {
    const cursor = decodeCursor(query.cursor);
    this.checkPlaces();
    const words = searchTokens(query.text);
    const categoryTag = query.category ? tagTerm('c', query.category) : null;
    // The longest word is the most selective; fused with each cell name it finds the
    // documents of one area directly (see cells.ts). The other words narrow it down.
    const anchor = words.reduce<string | null>(
      (longest, word) => (longest && longest.length >= word.length ? longest : word),
      null,
    );
    const filters: string[] = [];
    if (!query.area) for (const word of words) filters.push(quoted(word, true));
    if (categoryTag && (anchor || !query.area)) filters.push(quoted(categoryTag));
    if (query.kind) filters.push(quoted(tagTerm('k', query.kind)));
    if (query.inStockOnly) filters.push(quoted(IN_STOCK_TERM));
    if (!anchor && !categoryTag && filters.length === 0) return { items: [], next_cursor: null };
    // In an area every word is looked up fused with the ring's cells, the anchor first.
    const others = words.filter((word) => word !== anchor);

    const candidateIds: number[] = [];
    if (query.area) {
      const { center, radiusInMetres } = query.area;
      const level = radiusInMetres <= FINE_CELLS_UP_TO_M ? FINE : COARSE;
      for (const ring of cellRings(level, center, bboxAround(center, radiusInMetres))) {
        const cells = ring.tokens.map(cellTermOf);
        // A place's own words and categories are not fused into its offers' terms: the offers
        // of the ring's places that match them are found through their place's term.
        const places = ring.tokens.flatMap((token) => this.placesInCell(token));
        const ofPlaces = (matches: (place: PlaceKeys) => boolean): string[] =>
          places.filter(matches).map((place) => quoted(place.term));
        const area = anchor
          ? [anchor, ...others].map((word) =>
              eitherOf([
                ...cells.map((cell) => quoted(fusedTerm(cell, word), true)),
                ...ofPlaces((place) => place.words.some((own) => own.startsWith(word))),
              ]),
            )
          : categoryTag
            ? [
                eitherOf([
                  ...cells.map((cell) => quoted(fusedTerm(cell, categoryTag))),
                  ...ofPlaces((place) => place.categoryTags.includes(categoryTag)),
                ]),
              ]
            : [anyTerm(cells)];
        const expression = [...area, ...filters].join(' AND ');
        for (const row of this.statements.offerCandidates.all(
          expression,
          SEARCH_CANDIDATES - candidateIds.length,
        )) {
          candidateIds.push(row.id);
        }
        if (candidateIds.length >= SEARCH_CANDIDATES) break;
      }
    } else {
      for (const row of this.statements.offerCandidates.all(filters.join(' AND '), SEARCH_CANDIDATES)) {
        candidateIds.push(row.id);
      }
    }
    if (candidateIds.length === 0) return { items: [], next_cursor: null };

    const openStates = new Map<number, OpeningState>();
    const stateOf = (place: { rid: number; opening_hours: string | null }): OpeningState => {
      let state = openStates.get(place.rid);
      if (!state) {
        state = openingState(place.opening_hours, query.now);
        openStates.set(place.rid, state);
      }
      return state;
    };

    interface Candidate extends CandidateRow {
      distance: number | null;
    }
    interface Group {
      key: string;
      rows: Candidate[];
      relevance: number;
    }
    const groups = new Map<string, Group>();
    const locations = this.placeLocations();
    for (const row of this.statements.candidatesByIds.all(JSON.stringify(candidateIds))) {
      const place = locations.get(row.place_rid)!;
      const distance = query.area ? distanceInMetres(query.area.center, place) : null;
      if (distance !== null && query.area && distance > query.area.radiusInMetres) continue;
      if (!inRegion(query.area, place.region_ids)) continue;
      if (query.openNowOnly && stateOf(place).open_now !== true) continue;
      const key = row.gtin ?? `offer:${row.id}`;
      let group = groups.get(key);
      if (!group) {
        // One product has one title nearly everywhere: score it once per group.
        group = { key, rows: [], relevance: textRelevance(words, row.title) };
        groups.set(key, group);
      }
      group.rows.push({ ...row, distance });
    }
    let maxRelevance = 1e-9;
    for (const group of groups.values()) maxRelevance = Math.max(maxRelevance, group.relevance);
    const staleBefore = this.staleBefore(query.now);
    // Stock nobody confirmed lately is worth a quarter of fresh stock.
    const rank = (entry: Candidate): number =>
      (query.area && entry.distance !== null ? 0.3 * (1 - entry.distance / query.area.radiusInMetres) : 0) +
      0.1 * AVAILABILITY_WEIGHT[entry.availability] * (entry.updated_at < staleBefore ? 0.25 : 1);
    const ranked = [...groups.values()].map((group) => {
      let best = group.rows[0]!;
      for (const entry of group.rows) if (rank(entry) > rank(best)) best = entry;
      const score = Math.round((0.6 * (group.relevance / maxRelevance) + rank(best)) * 10_000) / 10_000;
      const sortKey: CursorKey = [-score, group.key];
      return { group, score, sortKey };
    });
    ranked.sort((a, b) => (isAfter(a.sortKey, b.sortKey) ? 1 : -1));
    const after = ranked.filter((entry) => isAfter(entry.sortKey, cursor));
    const page = after.slice(0, query.limit);

    // Only the offers shown are read in full.
    const listedByGroup = page.map(({ group }) =>
      [...group.rows]
        .sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0) || (a.price_cents ?? 0) - (b.price_cents ?? 0))
        .slice(0, OFFERS_PER_RESULT),
    );
    const full = new Map(
      this.statements.offersByIds
        .all(JSON.stringify(listedByGroup.flat().map((entry) => entry.id)))
        .map((row) => [row.id, row]),
    );
    const items = page.map(({ group, score }, index): SearchResult => {
      const listed = listedByGroup[index]!.map((entry) => ({ entry, row: full.get(entry.id)! }));
      const first = listed[0]!.row;
      const product: Product | null =
        first.gtin === null
          ? null
          : {
              gtin: first.gtin,
              name: first.product_name ?? first.title,
              brand: first.brand,
              category: first.category,
              image: first.image,
            };
      let minPrice: number | null = null;
      for (const entry of group.rows) {
        if (entry.price_cents !== null && (minPrice === null || entry.price_cents < minPrice))
          minPrice = entry.price_cents;
      }
      return {
        key: group.key,
        product,
        title: product?.name ?? first.title,
        score,
        min_price_cents: minPrice,
        offers: listed.map(({ entry, row }) =>
          this.offerAtPlace(
            row,
            entry.distance,
            stateOf({ rid: row.place_rid, opening_hours: row.opening_hours }),
            staleBefore,
          ),
        ),
        place_count: new Set(group.rows.map((entry) => entry.place_rid)).size,
      };
    });
    const last = page.at(-1);
    return {
      items,
      next_cursor: last && after.length > page.length ? encodeCursor(last.sortKey) : null,
    };
  }

  private offerAtPlace(
    row: OfferPlaceRow,
    distance: number | null,
    state: OpeningState,
    staleBefore: string,
  ): OfferAtPlace {
    const place: PlaceSummary = {
      id: row.place_id,
      kind: row.place_kind,
      name: row.place_name,
      address: { street: row.street, housenumber: row.housenumber, postcode: row.postcode, town: row.town },
      point: { lat: row.lat, lon: row.lon },
      ...state,
    };
    return {
      ...toOffer(row, staleBefore),
      place,
      distance_m: distance === null ? null : roundMetres(distance),
    };
  }

  places(query: PlacesQuery): Page<PlaceNear> {
    const cursor = decodeCursor(query.cursor);
    const words = searchTokens(query.text);
    const tagConditions: string[] = [];
    const text = prefixQuery(words);
    if (text) tagConditions.push(text);
    if (query.category) tagConditions.push(anyOf([tagToken('c', query.category)], 'tags'));
    const matchingRids =
      tagConditions.length > 0
        ? new Set(this.statements.placeIdsMatching.all(tagConditions.join(' AND ')).map((row) => row.rid))
        : null;
    const keep = (row: PlaceRow): boolean =>
      (matchingRids === null || matchingRids.has(row.rid)) &&
      (query.kind === null || row.kind === query.kind) &&
      inRegion(query.area, row.region_ids);
    const withState = (row: PlaceRow, distance: number | null): PlaceNear => ({
      ...toPlaceRecord(row),
      ...openingState(row.opening_hours, query.now),
      distance_m: distance === null ? null : roundMetres(distance),
    });

    let candidates: Array<{ row: PlaceRow; distance: number | null; sortKey: CursorKey }>;
    if (query.area) {
      const { center, radiusInMetres } = query.area;
      const [west, south, east, north] = bboxAround(center, radiusInMetres);
      candidates = this.statements.placesInBox
        .all(north, south, east, west)
        .filter(keep)
        .map((row) => {
          const distance = roundMetres(distanceInMetres(center, row));
          return { row, distance, sortKey: [distance, row.id] as CursorKey };
        })
        .filter((entry) => entry.distance <= radiusInMetres);
    } else {
      const rows = query.bbox
        ? this.statements.placesInBox.all(query.bbox[3], query.bbox[1], query.bbox[2], query.bbox[0])
        : this.db.prepare<[], PlaceRow>('SELECT * FROM places').all();
      candidates = rows
        .filter(keep)
        .map((row) => ({ row, distance: null, sortKey: [fold(row.name), row.id] }));
    }
    candidates.sort((a, b) => (isAfter(a.sortKey, b.sortKey) ? 1 : -1));
    const items: PlaceNear[] = [];
    let lastKey: CursorKey | null = null;
    let more = false;
    for (const entry of candidates) {
      if (!isAfter(entry.sortKey, cursor)) continue;
      const place = withState(entry.row, entry.distance);
      if (query.openNowOnly && place.open_now !== true) continue;
      if (items.length === query.limit) {
        more = true;
        break;
      }
      items.push(place);
      lastKey = entry.sortKey;
    }
    return { items, next_cursor: more && lastKey ? encodeCursor(lastKey) : null };
  }

  place(id: string, now: Date): Place | null {
    const row = this.statements.placeById.get(id);
    return row ? { ...toPlaceRecord(row), ...openingState(row.opening_hours, now) } : null;
  }

  placeOffers(placeId: string, query: PlaceOffersQuery): Page<Offer> | null {
    const place = this.statements.placeById.get(placeId);
    if (!place) return null;
    const cursor = decodeCursor(query.cursor);
    const conditions = ['o.place_rid = @rid'];
    const parameters: Record<string, unknown> = { rid: place.rid, limit: query.limit + 1 };
    // A word of the place's own name matches every offer of the place.
    const own = searchTokens(place.name, 40);
    const words = searchTokens(query.text).filter((word) => !own.some((name) => name.startsWith(word)));
    if (words.length > 0) {
      // The offers' words are fused with the place's fine cell: only that cell's terms are read.
      const cell = cellTerm(FINE, { lat: place.lat, lon: place.lon });
      const expression = [
        ...words.map((word) => quoted(fusedTerm(cell, word), true)),
        quoted(placeTerm(place.rid)),
      ].join(' AND ');
      const ids = this.statements.offerIdsMatching.all(expression).map((row) => row.id);
      conditions.push('o.id IN (SELECT value FROM json_each(@ids))');
      parameters.ids = JSON.stringify(ids);
    }
    if (query.category) {
      conditions.push('pr.category = @category');
      parameters.category = query.category;
    }
    if (query.availability) {
      conditions.push('o.availability = @availability');
      parameters.availability = query.availability;
    }
    if (cursor) {
      conditions.push('(o.title, o.id) > (@afterTitle, @afterId)');
      parameters.afterTitle = String(cursor[0]);
      parameters.afterId = Number(cursor[1]);
    }
    const rows = this.db
      .prepare<[Record<string, unknown>], OfferRow>(
        `SELECT o.* FROM offers AS o LEFT JOIN products AS pr ON pr.gtin = o.gtin
         WHERE ${conditions.join(' AND ')} ORDER BY o.title, o.id LIMIT @limit`,
      )
      .all(parameters);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toOffer({ ...row, place_id: place.id }, this.staleBefore(query.now))),
      next_cursor: last && rows.length > query.limit ? encodeCursor([last.title, last.id]) : null,
    };
  }

  product(gtin: string): Product | null {
    return this.statements.product.get(gtin) ?? null;
  }

  productOffers(query: ProductOffersQuery): Page<OfferAtPlace> {
    const cursor = decodeCursor(query.cursor);
    let rows: Array<{ row: OfferPlaceRow; distance: number | null; sortKey: CursorKey }>;
    if (query.area) {
      const { center, radiusInMetres } = query.area;
      const cells = cellRings(COARSE, center, bboxAround(center, radiusInMetres)).flatMap((ring) => ring.ids);
      rows = this.statements.offersOfGtinInCells
        .all(query.gtin, JSON.stringify(cells))
        .map((row) => {
          const distance = roundMetres(distanceInMetres(center, row));
          return { row, distance, sortKey: [distance, row.id] as CursorKey };
        })
        .filter(
          (entry) =>
            entry.distance <= radiusInMetres &&
            inRegion(query.area, this.placeLocations().get(entry.row.place_rid)!.region_ids),
        );
    } else {
      rows = this.statements.offersOfGtin.all(query.gtin).map((row) => ({
        row,
        distance: null,
        sortKey: [row.price_cents ?? Number.MAX_SAFE_INTEGER, row.id],
      }));
    }
    if (query.inStockOnly) rows = rows.filter((entry) => isAvailable(entry.row.availability));
    rows.sort((a, b) => (isAfter(a.sortKey, b.sortKey) ? 1 : -1));
    const after = rows.filter((entry) => isAfter(entry.sortKey, cursor));
    const page = after.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((entry) =>
        this.offerAtPlace(
          entry.row,
          entry.distance,
          openingState(entry.row.opening_hours, query.now),
          this.staleBefore(query.now),
        ),
      ),
      next_cursor: last && after.length > page.length ? encodeCursor(last.sortKey) : null,
    };
  }

  regions(): Region[] {
    return this.statements.regions.all().map(toRegion);
  }

  region(id: string): Region | null {
    const row = this.statements.region.get(id);
    return row ? toRegion(row) : null;
  }

  geocode(text: string): GeocodeResult | null {
    const postcode = normalisePostcode(text);
    const keys = postcode
      ? [`pc:${postcode}`, ...(postcode.length > 4 ? [`pc:${postcode.slice(0, 4)}`] : [])]
      : [`town:${fold(text.trim()).replace(/\s+/g, ' ')}`];
    for (const key of keys) {
      const row = this.statements.gazetteer.get(key);
      if (row) return { query: text, kind: row.kind, name: row.name, point: { lat: row.lat, lon: row.lon } };
    }
    return null;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * How well an offer's title answers the words typed, from 0 to 1: a whole word in the
 * title counts fully, the start of a word most of it, a word found only elsewhere (brand,
 * category, the shop's name) a little; shorter titles are more specific. Computed here
 * rather than with FTS5's bm25, which would cost a score per matching document.
 */
export function textRelevance(words: string[], title: string): number {
  if (words.length === 0) return 1;
  const titleWords = searchTokens(title, 40);
  let sum = 0;
  for (const word of words) {
    if (titleWords.includes(word)) sum += 1;
    else if (titleWords.some((titleWord) => titleWord.startsWith(word))) sum += 0.75;
    else sum += 0.25;
  }
  return sum / words.length / (1 + 0.03 * titleWords.length);
}

/** Tags of a place: its cells, its own id, its kind and categories. */
export function placeTags(rid: number, place: PlaceRecord): string {
  return [
    cellToken(FINE, place.point),
    cellToken(COARSE, place.point),
    `pl${rid}`,
    tagToken('k', place.kind),
    ...place.categories.map((category) => tagToken('c', category)),
  ].join(' ');
}

function placeText(place: PlaceRecord): string {
  return [
    place.name,
    place.categories.join(' ').replaceAll('-', ' '),
    place.address.street,
    place.address.town,
  ].join(' ');
}
