/**
 * Reads for the crawlable pages: a place with its offers, one product in one region,
 * the places of a region (optionally of one category) and the lists a sitemap needs.
 * Built on the SQLite store's own reads where they fit (`place`, `placeOffers`, `product`,
 * `region`); the rest are small queries of their own, so the store's hot paths stay as
 * they are.
 */
import {
  distanceInMetres,
  type Offer,
  type OfferAtPlace,
  type Page,
  type Place,
  type Product,
  type Region,
} from '@lokaal/core';
import type { PlaceKind } from '@lokaal/core';
import { openingState } from '../hours.js';
import { decodeCursor, encodeCursor, isAfter, type CursorKey } from './cursor.js';
import type { SqliteStore } from './sqlite.js';
import { fold } from './text.js';

export interface PlacePageData {
  place: Place;
  offers: Page<Offer>;
  /** Products of the listed offers, by GTIN, for names and brands. */
  products: Map<string, Product>;
  /** Newest `updated_at` of the place's offers, or of the place itself. */
  lastModified: string;
  /** The place's regions this instance knows, in the place's order. */
  regions: Region[];
}

export interface ProductPageData {
  product: Product;
  region: Region;
  offers: Page<OfferAtPlace>;
  /** How many places in the region offer it. */
  placeCount: number;
  lastModified: string;
}

export interface PlaceListItem {
  id: string;
  kind: PlaceKind;
  name: string;
  categories: string[];
  street: string;
  housenumber: string;
  postcode: string;
  town: string;
}

export interface RegionPageData {
  region: Region;
  places: Page<PlaceListItem>;
  placeCount: number;
  /** Categories of the region's places with how many places each, most first. */
  categories: Array<{ category: string; count: number }>;
}

export interface SitemapEntries {
  places: Array<{ id: string; lastModified: string }>;
  products: Array<{ gtin: string; regionId: string; lastModified: string }>;
  regions: Array<{ id: string; categories: string[]; lastModified: string | null }>;
}

interface PlaceListRow extends PlaceListItem {
  rid: number;
  region_ids: string;
  categoriesJson: string;
  updated_at: string;
}

interface ProductOfferRow {
  id: number;
  gtin: string;
  title: string;
  price_cents: number | null;
  availability: Offer['availability'];
  quantity: number | null;
  url: string | null;
  updated_at: string;
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
  region_ids: string;
}

interface RegionListing {
  region: Region;
  places: Array<{ item: PlaceListItem; sortKey: CursorKey }>;
  categories: Array<{ category: string; count: number }>;
}

/** How long a region's listing is kept when nothing was written. */
const REGION_TTL_MS = 60_000;
/** How long the sitemap's lists are kept before being read again. */
const SITEMAP_TTL_MS = 5 * 60_000;

export class PageReads {
  private readonly statements;
  private sitemapCache: { at: number; changes: number; entries: SitemapEntries } | null = null;
  private readonly regionCache = new Map<string, { at: number; changes: number; listing: RegionListing }>();

  constructor(private readonly store: SqliteStore) {
    const db = store.db;
    this.statements = {
      placeFreshness: db.prepare<[string], { newest: string | null }>(
        'SELECT max(o.updated_at) AS newest FROM offers AS o JOIN places AS p ON p.rid = o.place_rid WHERE p.id = ?',
      ),
      offerCountOfPlace: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM offers AS o JOIN places AS p ON p.rid = o.place_rid WHERE p.id = ?',
      ),
      productsByGtins: db.prepare<[string], Product>(
        'SELECT gtin, name, brand, category, image FROM products WHERE gtin IN (SELECT value FROM json_each(?))',
      ),
      offersOfGtin: db.prepare<[string], ProductOfferRow>(`SELECT
          o.id, o.gtin, o.title, o.price_cents, o.availability, o.quantity, o.url, o.updated_at,
          p.id AS place_id, p.kind AS place_kind, p.name AS place_name, p.street, p.housenumber, p.postcode,
          p.town, p.lat, p.lon, p.opening_hours, p.region_ids
        FROM offers AS o JOIN places AS p ON p.rid = o.place_rid
        WHERE o.gtin = ?`),
      placesInBox: db.prepare<[number, number, number, number], PlaceListRow>(`SELECT
          p.rid, p.id, p.kind, p.name, p.categories AS categoriesJson, p.street, p.housenumber, p.postcode,
          p.town, p.region_ids, p.updated_at
        FROM place_geo AS g JOIN places AS p ON p.rid = g.rid
        WHERE g.min_lat <= ? AND g.max_lat >= ? AND g.min_lon <= ? AND g.max_lon >= ?`),
      allPlaces: db.prepare<
        [],
        { id: string; region_ids: string; categories: string; updated_at: string; newest: string | null }
      >(
        `SELECT p.id, p.region_ids, p.categories, p.updated_at,
           (SELECT max(o.updated_at) FROM offers AS o WHERE o.place_rid = p.rid) AS newest
         FROM places AS p ORDER BY p.id`,
      ),
      // Every write of this process goes through this connection: its change counter tells
      // when the cached lists are out of date.
      changes: db.prepare<[], { n: number }>('SELECT total_changes() AS n'),
      productRegions: db.prepare<[], { gtin: string; region_ids: string; newest: string }>(
        `SELECT o.gtin, p.region_ids, max(o.updated_at) AS newest
         FROM offers AS o JOIN places AS p ON p.rid = o.place_rid
         WHERE o.gtin IS NOT NULL GROUP BY o.gtin, p.region_ids`,
      ),
    };
  }

  /** A place and one page of its offers (title order), or `null` for an unknown place. */
  placePage(id: string, options: { now: Date; limit: number; cursor: string | null }): PlacePageData | null {
    const place = this.store.place(id, options.now);
    if (!place) return null;
    const offers = this.store.placeOffers(id, {
      text: '',
      category: null,
      availability: null,
      limit: options.limit,
      cursor: options.cursor,
      now: options.now,
    })!;
    const gtins = [...new Set(offers.items.map((offer) => offer.gtin).filter((gtin) => gtin !== null))];
    const products = new Map(
      gtins.length === 0
        ? []
        : this.statements.productsByGtins
            .all(JSON.stringify(gtins))
            .map((product) => [product.gtin, product]),
    );
    const newest = this.statements.placeFreshness.get(id)?.newest ?? null;
    return {
      place,
      offers,
      products,
      lastModified: newest && newest > place.updated_at ? newest : place.updated_at,
      regions: place.region_ids
        .map((regionId) => this.store.region(regionId))
        .filter((region) => region !== null),
    };
  }

  offerCount(placeId: string): number {
    return this.statements.offerCountOfPlace.get(placeId)?.n ?? 0;
  }

  /**
   * One product in one region: the region's places that offer it, nearest to the region's
   * centre first. `null` when the product or region is unknown or no place there offers it.
   */
  productPage(
    gtin: string,
    regionId: string,
    options: { now: Date; limit: number; cursor: string | null },
  ): ProductPageData | null {
    const region = this.store.region(regionId);
    const product = region ? this.store.product(gtin) : null;
    if (!region || !product) return null;
    const cursor = decodeCursor(options.cursor);
    const staleBefore = this.store.staleBefore(options.now);
    const rows = this.statements.offersOfGtin
      .all(gtin)
      .filter((row) => (JSON.parse(row.region_ids) as string[]).includes(regionId))
      .map((row) => {
        const distance = Math.round(distanceInMetres(region.center, row));
        return { row, distance, sortKey: [distance, row.id] as CursorKey };
      });
    if (rows.length === 0) return null;
    rows.sort((a, b) => (isAfter(a.sortKey, b.sortKey) ? 1 : -1));
    let lastModified = rows[0]!.row.updated_at;
    for (const { row } of rows) if (row.updated_at > lastModified) lastModified = row.updated_at;
    const after = rows.filter((entry) => isAfter(entry.sortKey, cursor));
    const page = after.slice(0, options.limit);
    const last = page.at(-1);
    return {
      product,
      region,
      placeCount: new Set(rows.map((entry) => entry.row.place_id)).size,
      lastModified,
      offers: {
        items: page.map(({ row, distance }) => ({
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
          distance_m: distance,
          place: {
            id: row.place_id,
            kind: row.place_kind,
            name: row.place_name,
            address: {
              street: row.street,
              housenumber: row.housenumber,
              postcode: row.postcode,
              town: row.town,
            },
            point: { lat: row.lat, lon: row.lon },
            ...openingState(row.opening_hours, options.now),
          },
        })),
        next_cursor: last && after.length > page.length ? encodeCursor(last.sortKey) : null,
      },
    };
  }

  /** The places of a region (those that list it among their regions), by name, optionally of one category. */
  regionPage(
    regionId: string,
    options: { category: string | null; limit: number; cursor: string | null },
  ): RegionPageData | null {
    const listing = this.regionListing(regionId);
    if (!listing) return null;
    const cursor = decodeCursor(options.cursor);
    const matching = options.category
      ? listing.places.filter((entry) => entry.item.categories.includes(options.category!))
      : listing.places;
    if (options.category && matching.length === 0) return null;
    // Sorted by name already: the page starts after the cursor.
    let start = 0;
    while (start < matching.length && !isAfter(matching[start]!.sortKey, cursor)) start++;
    const page = matching.slice(start, start + options.limit);
    const last = page.at(-1);
    return {
      region: listing.region,
      placeCount: matching.length,
      categories: listing.categories,
      places: {
        items: page.map((entry) => entry.item),
        next_cursor: last && start + page.length < matching.length ? encodeCursor(last.sortKey) : null,
      },
    };
  }

  /**
   * A region's places by name with its categories, kept until this process writes or a
   * minute passes: a region page reads all its places (hundreds in a city) to count and
   * sort them, and crawlers ask for every category page of the same region.
   */
  private regionListing(regionId: string): RegionListing | null {
    const changes = this.statements.changes.get()!.n;
    const nowMs = Date.now();
    const cached = this.regionCache.get(regionId);
    if (cached && cached.changes === changes && nowMs - cached.at < REGION_TTL_MS) return cached.listing;
    const region = this.store.region(regionId);
    if (!region) return null;
    const [west, south, east, north] = region.bbox;
    // The box narrows the read through the R*Tree; membership is the place's own list.
    const places = this.statements.placesInBox
      .all(north, south, east, west)
      .filter((row) => (JSON.parse(row.region_ids) as string[]).includes(regionId))
      .map((row) => {
        const item: PlaceListItem = {
          id: row.id,
          kind: row.kind,
          name: row.name,
          categories: JSON.parse(row.categoriesJson) as string[],
          street: row.street,
          housenumber: row.housenumber,
          postcode: row.postcode,
          town: row.town,
        };
        return { item, sortKey: [fold(row.name), row.id] as CursorKey };
      })
      .sort((a, b) => (isAfter(a.sortKey, b.sortKey) ? 1 : -1));
    const counts = new Map<string, number>();
    for (const { item } of places)
      for (const category of item.categories) counts.set(category, (counts.get(category) ?? 0) + 1);
    const listing: RegionListing = {
      region,
      places,
      categories: [...counts.entries()]
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    };
    if (this.regionCache.size > 1000) this.regionCache.clear();
    this.regionCache.set(regionId, { at: nowMs, changes, listing });
    return listing;
  }

  regions(): Region[] {
    return this.store.regions();
  }

  /**
   * Everything the sitemap lists, with `lastmod` from offer freshness. Kept until this
   * process writes or five minutes pass (another process may write): at national scale it
   * is a pass over all offers.
   */
  sitemapEntries(nowMs = Date.now()): SitemapEntries {
    const changes = this.statements.changes.get()!.n;
    const cached = this.sitemapCache;
    if (cached && cached.changes === changes && nowMs - cached.at < SITEMAP_TTL_MS) return cached.entries;
    const known = new Set(this.store.regions().map((region) => region.id));
    const regionInfo = new Map<string, { categories: Set<string>; lastModified: string | null }>();
    for (const id of known) regionInfo.set(id, { categories: new Set(), lastModified: null });
    const places = this.statements.allPlaces.all().map((row) => {
      const lastModified = row.newest && row.newest > row.updated_at ? row.newest : row.updated_at;
      for (const regionId of JSON.parse(row.region_ids) as string[]) {
        const info = regionInfo.get(regionId);
        if (!info) continue;
        for (const category of JSON.parse(row.categories) as string[]) info.categories.add(category);
        if (info.lastModified === null || lastModified > info.lastModified) info.lastModified = lastModified;
      }
      return { id: row.id, lastModified };
    });
    const productRegions = new Map<string, { gtin: string; regionId: string; lastModified: string }>();
    for (const row of this.statements.productRegions.all()) {
      for (const regionId of JSON.parse(row.region_ids) as string[]) {
        if (!known.has(regionId)) continue;
        const key = `${row.gtin}/${regionId}`;
        const entry = productRegions.get(key);
        if (!entry) productRegions.set(key, { gtin: row.gtin, regionId, lastModified: row.newest });
        else if (row.newest > entry.lastModified) entry.lastModified = row.newest;
      }
    }
    const entries: SitemapEntries = {
      places,
      products: [...productRegions.values()].sort(
        (a, b) => a.regionId.localeCompare(b.regionId) || a.gtin.localeCompare(b.gtin),
      ),
      regions: [...regionInfo.entries()].map(([id, info]) => ({
        id,
        categories: [...info.categories].sort(),
        lastModified: info.lastModified,
      })),
    };
    this.sitemapCache = { at: nowMs, changes, entries };
    return entries;
  }
}
