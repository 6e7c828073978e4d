/**
 * The store side of the private lookup: which GTINs go into the published filter, the
 * bucket of each, and the GTINs of one bucket. The filter and the bucket table are built
 * from the same snapshot, so a GTIN the filter says is on offer is in its bucket too.
 */
import { createHash, hash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bboxAround, distanceInMetres, type OfferAtPlace, type OpeningState } from '@lokaal/core';
import type { Availability, PlaceKind } from '@lokaal/core';
import { bucketBitsFor, buildGtinFilter, serializeFilter } from '@lokaal/filter';
import { openingState } from '../hours.js';
import { COARSE, cellRings } from './cells.js';
import type { SqliteStore } from './sqlite.js';
import type { Area } from './store.js';

interface BucketOfferRow {
  id: number;
  gtin: string;
  place_rid: number;
  title: string;
  price_cents: number | null;
  availability: Availability;
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
}

/**
 * An offer is current, and its GTIN in the filter, when it is in stock or in limited
 * stock: what "available nearby in store" promises. Out of stock and on order are not.
 */
export const CURRENT_AVAILABILITIES = ['in_stock', 'limited'] as const;

/** A built filter, ready to send. */
export interface PublishedFilter {
  bytes: Buffer;
  /** Precompressed once per build; `null` when compression would not make it smaller. */
  gzip: Buffer | null;
  brotli: Buffer | null;
  etag: string;
  entries: number;
  bucketBits: number;
  builtAt: Date;
  buildMs: number;
}

/** The SHA-256 bucket of a GTIN-14, as the filter package computes it in the browser. */
export function bucketOfSync(gtin14: string): number {
  // The one-shot hash is several times faster than createHash for short inputs.
  return parseInt(hash('sha256', gtin14, 'hex').slice(0, 8), 16);
}

export class GtinFilterStore {
  private readonly statements;

  constructor(private readonly store: SqliteStore) {
    const db = store.db;
    this.statements = {
      currentGtins: db
        .prepare<[], string>(
          `SELECT DISTINCT gtin FROM offers
           WHERE gtin IS NOT NULL AND availability IN (${CURRENT_AVAILABILITIES.map((a) => `'${a}'`).join(', ')})`,
        )
        .pluck(),
      buckets: db.prepare<[], { gtin: string; bucket: number }>('SELECT gtin, bucket FROM gtin_buckets'),
      insertBucket: db.prepare<[string, number]>('INSERT INTO gtin_buckets (gtin, bucket) VALUES (?, ?)'),
      deleteBucket: db.prepare<[string]>('DELETE FROM gtin_buckets WHERE gtin = ?'),
      gtinsInRange: db
        .prepare<[number, number, number], string>(
          'SELECT gtin FROM gtin_buckets WHERE bucket BETWEEN ? AND ? ORDER BY gtin LIMIT ?',
        )
        .pluck(),
      bucketCounts: db
        .prepare<[number], number>('SELECT count(*) FROM gtin_buckets GROUP BY bucket >> ?')
        .pluck(),
      offersOfGtinsInCells: db.prepare<[string, string], BucketOfferRow>(`SELECT
          o.id, o.gtin, o.place_rid, o.title, o.price_cents, o.availability, o.quantity, o.url, o.updated_at,
          p.id AS place_id, p.kind AS place_kind, p.name AS place_name, p.street, p.housenumber, p.postcode,
          p.town, p.lat, p.lon, p.opening_hours
        FROM offers AS o JOIN places AS p ON p.rid = o.place_rid
        WHERE o.gtin IN (SELECT value FROM json_each(?)) AND o.cell IN (SELECT value FROM json_each(?))
          AND o.availability IN (${CURRENT_AVAILABILITIES.map((a) => `'${a}'`).join(', ')})`),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      totalChanges: db.prepare<[], number>('SELECT total_changes()').pluck(),
    };
  }

  /**
   * Changes whenever anything was written to the database, by this connection
   * (`total_changes`) or by another process such as `lokaal import` (`data_version`).
   */
  changeMark(): { dataVersion: number; totalChanges: number } {
    return {
      dataVersion: this.statements.dataVersion.get()!,
      totalChanges: this.statements.totalChanges.get()!,
    };
  }

  /** Builds the filter of every GTIN with a current offer and brings the bucket table to the same set. */
  build(now: Date): PublishedFilter {
    const started = performance.now();
    const gtins = this.statements.currentGtins.all();
    const buckets = this.syncBuckets(gtins);
    const bucketBits = bucketBitsFor(buckets);
    const builtAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const bytes = Buffer.from(serializeFilter(buildGtinFilter(gtins, { bucketBits, builtAt })).buffer);
    const gzip = gzipSync(bytes, { level: 9 });
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
    return {
      bytes,
      gzip: gzip.length < bytes.length ? gzip : null,
      brotli: brotli.length < bytes.length ? brotli : null,
      // Weak: the identity, gzip and brotli bodies are one filter and share one tag.
      etag: `W/"gtin-${digest}"`,
      entries: gtins.length,
      bucketBits,
      builtAt,
      buildMs: Math.round(performance.now() - started),
    };
  }

  /** Inserts the buckets of new GTINs, deletes those of GTINs no longer on offer; returns the bucket of each of `gtins`. */
  private syncBuckets(gtins: string[]): Uint32Array {
    const known = new Map(this.statements.buckets.all().map((row) => [row.gtin, row.bucket]));
    const result = new Uint32Array(gtins.length);
    const current = new Set<string>();
    const added: Array<[string, number]> = [];
    gtins.forEach((gtin, index) => {
      current.add(gtin);
      let bucket = known.get(gtin);
      if (bucket === undefined) {
        bucket = bucketOfSync(gtin);
        added.push([gtin, bucket]);
      }
      result[index] = bucket;
    });
    const removed = [...known.keys()].filter((gtin) => !current.has(gtin));
    if (!this.store.db.readonly && (added.length > 0 || removed.length > 0)) {
      this.store.db.transaction(() => {
        for (const gtin of removed) this.statements.deleteBucket.run(gtin);
        for (const [gtin, bucket] of added) this.statements.insertBucket.run(gtin, bucket);
      })();
    }
    return result;
  }

  /** The GTINs of a bucket range, at most `max` of them (in GTIN order). */
  gtinsInBucket(range: { first: number; last: number }, max: number): string[] {
    return this.statements.gtinsInRange.all(range.first, range.last, max);
  }

  /** GTINs in the smallest of the `2^bits` buckets, as the last build left them. */
  smallestBucket(bits: number): number {
    const counts = this.statements.bucketCounts.all(32 - bits);
    if (counts.length < 2 ** bits) return 0;
    return counts.reduce((smallest, count) => Math.min(smallest, count), Number.POSITIVE_INFINITY);
  }

  /**
   * The current offers within `area` of each of `gtins`, nearest first, at most `perGtin`
   * each, in one indexed read over (GTIN, cell); GTINs with none are left out. Opening
   * hours are evaluated once per place.
   */
  nearbyOffers(gtins: string[], area: Area, perGtin: number, now: Date): Map<string, OfferAtPlace[]> {
    const cells = cellRings(COARSE, area.center, bboxAround(area.center, area.radiusInMetres)).flatMap(
      (ring) => ring.ids,
    );
    const byGtin = new Map<string, Array<{ row: BucketOfferRow; distance: number }>>();
    for (const row of this.statements.offersOfGtinsInCells.all(
      JSON.stringify(gtins),
      JSON.stringify(cells),
    )) {
      const distance = Math.round(distanceInMetres(area.center, row));
      if (distance > area.radiusInMetres) continue;
      let list = byGtin.get(row.gtin);
      if (!list) byGtin.set(row.gtin, (list = []));
      list.push({ row, distance });
    }
    const staleBefore = this.store.staleBefore(now);
    const states = new Map<number, OpeningState>();
    const result = new Map<string, OfferAtPlace[]>();
    for (const gtin of [...byGtin.keys()].sort()) {
      const nearest = byGtin
        .get(gtin)!
        .sort((a, b) => a.distance - b.distance || a.row.id - b.row.id)
        .slice(0, perGtin);
      result.set(
        gtin,
        nearest.map(({ row, distance }) => {
          let state = states.get(row.place_rid);
          if (!state) states.set(row.place_rid, (state = openingState(row.opening_hours, now)));
          return {
            id: String(row.id),
            place_id: row.place_id,
            gtin: row.gtin,
            title: row.title,
            price_cents: row.price_cents,
            currency: 'EUR' as const,
            availability: row.availability,
            quantity: row.quantity,
            url: row.url,
            updated_at: row.updated_at,
            stale: row.updated_at < staleBefore,
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
              ...state,
            },
            distance_m: distance,
          };
        }),
      );
    }
    return result;
  }
}
