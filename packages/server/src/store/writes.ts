/**
 * Everything that changes a shop's data: registration and approval, API keys, edits to a
 * place, and feed imports. Each operation is one SQLite transaction, so it either applies
 * whole or leaves the database as it was, also when the process is killed halfway.
 */
import { randomBytes } from 'node:crypto';
import {
  normalisePostcode,
  type Availability,
  type ImportReport,
  type PlaceEdit,
  type PlaceKind,
  type Point,
  type Product,
} from '@lokaal/core';

export type { ImportReport, PlaceEdit };
import type { FeedSource, FeedSummary } from '../feeds/source.js';
import { availabilityOf } from '../feeds/rows.js';
import type { FeedRejection, FeedRow } from '../feeds/types.js';
import type { PlaceRecord } from '../dataset.js';
import { coarseCellId } from './cells.js';
import { generateKey, hashKey, isWellFormedKey, shownPrefix } from './keys.js';
import type { SqliteStore } from './sqlite.js';
import { offerPlaceTerms, offerTerms } from './terms.js';
import { fold } from './text.js';

export interface RegistrationInput {
  name: string;
  kind: PlaceKind;
  categories: string[];
  address: { street: string; housenumber: string; postcode: string; town: string };
  point: Point | null;
  kvk: string | null;
  contact: { name: string | null; email: string; phone: string | null };
  website: string | null;
  opening_hours: string | null;
}

export interface Registration extends RegistrationInput {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
  decided_at: string | null;
  place_id: string | null;
}

export interface KeyInfo {
  prefix: string;
  place_ids: string[];
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export type Authentication =
  | { ok: true; keyId: number; prefix: string; placeRids: Set<number> }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'revoked' };

export interface ImportOptions {
  mode: 'snapshot' | 'delta';
  confirmShrink: boolean;
  now: Date;
  /** In a multi-store feed (Google's `store_code`), the code of this place; defaults to its id. */
  storeCode?: string | null;
}

/**
 * After this many rows an import judges whether the feed is mostly new offers (a shop's
 * first feed), and then asks its reader to make their index terms (`FeedSource.indexFor`).
 */
const JUDGED_AFTER_ROWS = 500;

/** Listed rejections per report: enough to fix a file, small enough to send back. */
const LISTED_ERRORS = 1000;

function registrationId(): string {
  return `reg_${randomBytes(9).toString('base64url')}`;
}

function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

interface ExistingOffer {
  id: number;
  gtin: string | null;
  sku: string;
  title: string;
  price_cents: number | null;
  availability: Availability;
  quantity: number | null;
  url: string | null;
}

/**
 * The rows of a feed that are this place's: in a feed of several stores (Google's
 * `store_code`), those without a code or with its own; in a feed of one store, all. Rows
 * are passed on as they come until a row of another store shows up; from there they wait
 * until a second store code decides (or the end shows there is only one).
 */
function* rowsOfPlace(rows: Iterable<FeedRow>, ownCode: string, skip: () => void): Generator<FeedRow> {
  const codes = new Set<string>();
  let several = false;
  let waiting: FeedRow[] | null = null;
  const mine = (row: FeedRow) => row.store_code === null || row.store_code === ownCode;
  for (const row of rows) {
    if (row.store_code !== null && !several) {
      codes.add(row.store_code);
      several = codes.size > 1;
    }
    if (several) {
      for (const held of waiting ?? []) {
        if (mine(held)) yield held;
        else skip();
      }
      waiting = null;
      if (mine(row)) yield row;
      else skip();
    } else if (waiting || !mine(row)) {
      (waiting ??= []).push(row);
    } else {
      yield row;
    }
  }
  if (waiting) yield* waiting;
}

export class ShopWrites {
  constructor(private readonly store: SqliteStore) {}

  private get db() {
    return this.store.db;
  }

  register(input: RegistrationInput, now: Date): Registration {
    const registration: Registration = {
      ...input,
      id: registrationId(),
      status: 'pending',
      created_at: now.toISOString(),
      decided_at: null,
      place_id: null,
    };
    this.db
      .prepare(
        `INSERT INTO registrations (id, status, name, kind, categories, street, housenumber, postcode, town, lat, lon,
          kvk, contact_name, contact_email, contact_phone, website, opening_hours, created_at)
         VALUES (@id, 'pending', @name, @kind, @categories, @street, @housenumber, @postcode, @town, @lat, @lon,
          @kvk, @contact_name, @contact_email, @contact_phone, @website, @opening_hours, @created_at)`,
      )
      .run({
        id: registration.id,
        name: input.name,
        kind: input.kind,
        categories: JSON.stringify(input.categories),
        ...input.address,
        lat: input.point?.lat ?? null,
        lon: input.point?.lon ?? null,
        kvk: input.kvk,
        contact_name: input.contact.name,
        contact_email: input.contact.email,
        contact_phone: input.contact.phone,
        website: input.website,
        opening_hours: input.opening_hours,
        created_at: registration.created_at,
      });
    return registration;
  }

  registrations(status: Registration['status'] | null = 'pending'): Registration[] {
    const rows = this.db
      .prepare<[string | null, string | null], Record<string, unknown>>(
        'SELECT * FROM registrations WHERE (? IS NULL OR status = ?) ORDER BY created_at, id',
      )
      .all(status, status);
    return rows.map((row) => ({
      id: row.id as string,
      status: row.status as Registration['status'],
      name: row.name as string,
      kind: row.kind as PlaceKind,
      categories: JSON.parse(row.categories as string) as string[],
      address: {
        street: row.street as string,
        housenumber: row.housenumber as string,
        postcode: row.postcode as string,
        town: row.town as string,
      },
      point: row.lat === null ? null : { lat: row.lat as number, lon: row.lon as number },
      kvk: row.kvk as string | null,
      contact: {
        name: row.contact_name as string | null,
        email: row.contact_email as string,
        phone: row.contact_phone as string | null,
      },
      website: row.website as string | null,
      opening_hours: row.opening_hours as string | null,
      created_at: row.created_at as string,
      decided_at: row.decided_at as string | null,
      place_id: row.place_id as string | null,
    }));
  }

  /**
   * Approves a pending registration: creates the place and issues its key. The place's
   * point is the one registered, or the centre of its postcode from the gazetteer.
   */
  approve(registrationId: string, now: Date, point: Point | null = null): { placeId: string; key: string } {
    const registration = this.registrations(null).find((entry) => entry.id === registrationId);
    if (!registration) throw new Error(`no registration ${registrationId}`);
    if (registration.status !== 'pending')
      throw new Error(`registration ${registrationId} is already ${registration.status}`);
    const location =
      point ?? registration.point ?? this.store.geocode(registration.address.postcode)?.point ?? null;
    if (!location) {
      throw new Error(
        `the postcode ${registration.address.postcode} is not in this instance's gazetteer; give the point with --lat and --lon`,
      );
    }
    return this.db.transaction(() => {
      let placeId = slug(`${registration.address.town} ${registration.name}`) || 'place';
      for (let n = 2; this.store.placeRecord(placeId); n++)
        placeId = `${slug(`${registration.address.town} ${registration.name}`)}-${n}`;
      const regions = this.store
        .regions()
        .filter(
          (region) =>
            location.lon >= region.bbox[0] &&
            location.lat >= region.bbox[1] &&
            location.lon <= region.bbox[2] &&
            location.lat <= region.bbox[3],
        )
        .map((region) => region.id);
      const place: PlaceRecord = {
        id: placeId,
        kind: registration.kind,
        name: registration.name,
        categories: registration.categories,
        address: {
          ...registration.address,
          postcode: normalisePostcode(registration.address.postcode) ?? registration.address.postcode,
        },
        point: location,
        opening_hours: registration.opening_hours,
        phone: registration.contact.phone,
        website: registration.website,
        image: null,
        description: null,
        region_ids: regions,
        updated_at: now.toISOString(),
      };
      this.store.insertPlace(place);
      this.db
        .prepare("UPDATE registrations SET status = 'approved', decided_at = ?, place_id = ? WHERE id = ?")
        .run(now.toISOString(), placeId, registrationId);
      const key = this.createKey([placeId], now);
      return { placeId, key };
    })();
  }

  reject(registrationId: string, now: Date): void {
    const result = this.db
      .prepare(
        "UPDATE registrations SET status = 'rejected', decided_at = ? WHERE id = ? AND status = 'pending'",
      )
      .run(now.toISOString(), registrationId);
    if (result.changes === 0) throw new Error(`no pending registration ${registrationId}`);
  }

  /** Issues a key for one or more places (a chain, or a district coordinator) and returns it once. */
  createKey(placeIds: string[], now: Date): string {
    const rids = placeIds.map((id) => {
      const record = this.store.placeRecord(id);
      if (!record) throw new Error(`no place ${id}`);
      return record.rid;
    });
    return this.db.transaction(() => {
      const key = generateKey();
      const keyId = Number(
        this.db
          .prepare('INSERT INTO api_keys (prefix, hash, created_at) VALUES (?, ?, ?)')
          .run(shownPrefix(key), hashKey(key), now.toISOString()).lastInsertRowid,
      );
      const link = this.db.prepare('INSERT INTO api_key_places (key_id, place_rid) VALUES (?, ?)');
      for (const rid of rids) link.run(keyId, rid);
      return key;
    })();
  }

  keys(placeId: string | null = null): KeyInfo[] {
    const rows = this.db
      .prepare<
        [string | null, string | null],
        {
          prefix: string;
          created_at: string;
          revoked_at: string | null;
          last_used_at: string | null;
          place_ids: string;
        }
      >(
        `SELECT k.prefix, k.created_at, k.revoked_at, k.last_used_at, json_group_array(p.id) AS place_ids
         FROM api_keys AS k
         JOIN api_key_places AS kp ON kp.key_id = k.id
         JOIN places AS p ON p.rid = kp.place_rid
         GROUP BY k.id
         HAVING ? IS NULL OR sum(p.id = ?) > 0
         ORDER BY k.created_at, k.id`,
      )
      .all(placeId, placeId);
    return rows.map((row) => ({ ...row, place_ids: JSON.parse(row.place_ids) as string[] }));
  }

  /** Revokes the key with this shown prefix; it stops working at once. */
  revokeKey(prefix: string, now: Date): void {
    const result = this.db
      .prepare('UPDATE api_keys SET revoked_at = ? WHERE prefix = ? AND revoked_at IS NULL')
      .run(now.toISOString(), prefix);
    if (result.changes === 0) throw new Error(`no active key with prefix ${prefix}`);
  }

  /** Revokes a key and issues a new one for the same places, in one step. */
  rotateKey(prefix: string, now: Date): string {
    return this.db.transaction(() => {
      const info = this.keys().find((key) => key.prefix === prefix && key.revoked_at === null);
      if (!info) throw new Error(`no active key with prefix ${prefix}`);
      this.revokeKey(prefix, now);
      return this.createKey(info.place_ids, now);
    })();
  }

  /** Notes when a key was last used, as `keys` lists it. */
  touchKey(keyId: number, now: Date): void {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now.toISOString(), keyId);
  }

  /** Checks a key and finds its places; reads only (the API notes the use with `touchKey`). */
  verifyKey(key: string | null): Authentication {
    if (!key) return { ok: false, reason: 'missing' };
    if (!isWellFormedKey(key)) return { ok: false, reason: 'malformed' };
    const row = this.db
      .prepare<[string], { id: number; prefix: string; revoked_at: string | null }>(
        'SELECT id, prefix, revoked_at FROM api_keys WHERE hash = ?',
      )
      .get(hashKey(key));
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    const placeRids = new Set(
      this.db
        .prepare<[number], { place_rid: number }>('SELECT place_rid FROM api_key_places WHERE key_id = ?')
        .all(row.id)
        .map((entry) => entry.place_rid),
    );
    return { ok: true, keyId: row.id, prefix: row.prefix, placeRids };
  }

  editPlace(placeId: string, edit: PlaceEdit, now: Date): void {
    const columns = (['opening_hours', 'phone', 'website', 'description', 'image'] as const).filter(
      (column) => edit[column] !== undefined,
    );
    if (columns.length === 0) return;
    this.db
      .prepare(
        `UPDATE places SET ${columns.map((column) => `${column} = @${column}`).join(', ')}, updated_at = @now WHERE id = @id`,
      )
      .run({
        ...Object.fromEntries(columns.map((column) => [column, edit[column] ?? null])),
        now: now.toISOString(),
        id: placeId,
      });
    this.store.placesChanged();
  }

  /**
   * Applies a feed to one place: a snapshot replaces its offers, a delta upserts and
   * removes. All of it in one transaction, written while the feed is still being read (see
   * feeds/source.ts); a snapshot that would remove more than half of the current offers is
   * held back unless confirmed, and then nothing changes. A `FeedFileError` of the feed
   * rolls everything back and is thrown on.
   */
  importOffers(placeId: string, feed: FeedSource, options: ImportOptions): ImportReport {
    const record = this.store.placeRecord(placeId);
    if (!record) throw new Error(`no place ${placeId}`);
    const { rid, place } = record;
    const nowIso = options.now.toISOString();
    /** What the parser counted and rejected, once the feed has been read. */
    let parsed: FeedSummary | null = null;
    /** The rows the import itself rejects; the parser's come first in the report. */
    const refused: FeedRejection[] = [];
    const counts = { imported: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 };
    const ownCode = options.storeCode ?? placeId;
    const db = this.db;
    const placeTerms = offerPlaceTerms(rid, place);
    const cell = coarseCellId(place.point);

    const statements = {
      existingOne: db.prepare<[number, string], ExistingOffer>(
        'SELECT id, gtin, sku, title, price_cents, availability, quantity, url FROM offers WHERE place_rid = ? AND sku = ?',
      ),
      existing: db.prepare<[number], ExistingOffer>(
        'SELECT id, gtin, sku, title, price_cents, availability, quantity, url FROM offers WHERE place_rid = ?',
      ),
      product: db.prepare<[string], Product>(
        'SELECT gtin, name, brand, category, image FROM products WHERE gtin = ?',
      ),
      insertProduct: db.prepare(
        'INSERT OR IGNORE INTO products (gtin, name, brand, category, image) VALUES (?, ?, ?, ?, ?)',
      ),
      insertOffer: db.prepare(`INSERT INTO offers
        (place_rid, gtin, sku, title, price_cents, availability, quantity, url, updated_at, cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateOffer: db.prepare(`UPDATE offers SET gtin = @gtin, title = @title, price_cents = @price_cents,
        availability = @availability, quantity = @quantity, url = @url, updated_at = @updated_at WHERE id = @id`),
      updateStock: db.prepare(
        'UPDATE offers SET price_cents = ?, availability = ?, quantity = ?, url = ?, updated_at = ? WHERE id = ?',
      ),
      confirmOffer: db.prepare('UPDATE offers SET updated_at = ? WHERE id = ?'),
      deleteOffer: db.prepare('DELETE FROM offers WHERE id = ?'),
      insertTerms: db.prepare('INSERT INTO offer_fts (rowid, terms) VALUES (?, ?)'),
      deleteTerms: db.prepare('DELETE FROM offer_fts WHERE rowid = ?'),
      status: db.prepare(
        'INSERT OR REPLACE INTO feed_status (place_rid, last_import_at, last_result, report) VALUES (?, ?, ?, ?)',
      ),
    };

    const rejectedRows = (): FeedRejection[] => [...(parsed?.rejected ?? []), ...refused];
    const report = (result: ImportReport['result'], message: string): ImportReport => {
      const rejected = rejectedRows();
      return {
        place_id: placeId,
        mode: options.mode,
        format: parsed?.format ?? '',
        result,
        read: parsed?.read ?? 0,
        ...counts,
        rejected: rejected.length,
        errors: rejected.slice(0, LISTED_ERRORS),
        message,
        finished_at: new Date().toISOString(),
      };
    };
    const saveStatus = (finished: ImportReport): void => {
      statements.status.run(rid, nowIso, finished.result, JSON.stringify(finished));
    };

    class HeldBack extends Error {}
    // A GTIN appears at most once in a feed (the parsers reject repeats), so a product is
    // read or created once per import and needs no cache.
    const productOf = (gtin: string): Product | null => statements.product.get(gtin) ?? null;

    // The import keeps every reference itself: the place was read above, and each GTIN's
    // product is found or created before its offer is written. SQLite's own check of the
    // same for every offer (about 3 µs of 40) is off for the import's transaction only; the
    // pragma cannot change inside a transaction, so it is set around it.
    const checkKeys = !db.inTransaction && db.pragma('foreign_keys', { simple: true }) === 1;
    if (checkKeys) db.pragma('foreign_keys = OFF');
    try {
      const finished = db.transaction((): ImportReport => {
        // A snapshot compares against every current offer; a delta looks up only what it touches.
        const existing = new Map<string, ExistingOffer>();
        if (options.mode === 'snapshot') {
          for (const offer of statements.existing.all(rid)) existing.set(offer.sku, offer);
        }
        const lookup = (key: string): ExistingOffer | undefined => {
          if (options.mode === 'snapshot' || existing.has(key)) return existing.get(key);
          const offer = statements.existingOne.get(rid, key);
          if (offer) existing.set(key, offer);
          return offer;
        };
        const seen = new Set<string>();
        // Index entries of offers that existed before, rewritten or removed after the new
        // offers' entries are written: FTS5 writes its pending entries to disk whenever a
        // rowid comes lower than the one before, so mixing them would cost a flush each.
        const rewrites: Array<{ id: number; terms: string | null }> = [];
        let rowsTaken = 0;
        for (const original of rowsOfPlace(feed.rows, ownCode, () => (counts.skipped += 1))) {
          // Mostly new offers: the reader's thread can make their index terms. For a feed of
          // updates they would be made in vain.
          if (++rowsTaken === JUDGED_AFTER_ROWS && counts.imported * 2 > rowsTaken)
            feed.indexFor?.(placeTerms);
          // EAN-13 codes starting with 2 are for use inside one shop (weighed goods, own
          // labels): the same number means different things in two shops, so it is a SKU.
          const row =
            original.gtin !== null && original.gtin.startsWith('02')
              ? { ...original, sku: original.sku ?? original.gtin.slice(1), gtin: null }
              : original;
          const key = row.gtin ?? row.sku!;
          if (row.action === 'remove') {
            if (options.mode === 'snapshot') {
              refused.push({
                line: row.line,
                field: 'action',
                reason: 'removals belong in a delta (PATCH or --delta); a snapshot lists what is on offer',
                value: 'remove',
              });
              continue;
            }
            const offer = lookup(key);
            if (!offer) {
              refused.push({
                line: row.line,
                field: row.gtin ? 'gtin' : 'sku',
                reason: 'nothing to remove: this place has no offer with this key',
                value: key,
              });
              continue;
            }
            statements.deleteOffer.run(offer.id);
            rewrites.push({ id: offer.id, terms: null });
            existing.delete(key);
            counts.removed += 1;
            continue;
          }
          if (seen.has(key)) {
            // Parsers reject repeated keys; a GTIN for in-shop use (02…) may become a SKU that repeats one.
            refused.push({
              line: row.line,
              field: row.gtin ? 'gtin' : 'sku',
              reason: 'this key appears on an earlier line of the feed; the earlier line counts',
              value: key,
            });
            continue;
          }
          seen.add(key);
          const offer = lookup(key);
          // The product is read only when it is needed: for a new offer, a new GTIN, a
          // missing title or a changed text. A re-sent, unchanged offer costs no lookup.
          let product: Product | null | undefined;
          const productFor = (): Product | null => {
            if (product === undefined) product = row.gtin ? productOf(row.gtin) : null;
            return product;
          };
          /** Whether the product was made from this row: the reader's index terms then hold. */
          let madeFromRow = false;
          if (row.gtin && !(offer && offer.gtin === row.gtin)) {
            if (row.title) {
              // Most GTINs in a new shop's feed are new: try to create first, look up only when it exists.
              const inserted = statements.insertProduct.run(
                row.gtin,
                row.title,
                row.brand,
                row.category,
                row.image,
              ).changes;
              if (inserted === 1) {
                madeFromRow = true;
                product = {
                  gtin: row.gtin,
                  name: row.title,
                  brand: row.brand,
                  category: row.category,
                  image: row.image,
                };
              }
            }
            if (!productFor()) {
              refused.push({
                line: row.line,
                field: 'title',
                reason: 'this GTIN is new here: give the product a title (name) so shoppers can find it',
                value: row.gtin,
              });
              seen.delete(key);
              continue;
            }
          }
          const title = row.title ?? (offer && !row.gtin ? offer.title : productFor()?.name);
          if (!title) {
            refused.push({
              line: row.line,
              field: 'title',
              reason: 'an item without GTIN needs a title',
              value: row.sku ?? '',
            });
            seen.delete(key);
            continue;
          }
          const values = {
            gtin: row.gtin,
            title,
            price_cents: row.price_cents,
            availability: availabilityOf(row),
            quantity: row.quantity,
            url: row.url,
            updated_at: nowIso,
          };
          if (!offer) {
            const id = Number(
              statements.insertOffer.run(
                rid,
                values.gtin,
                key,
                values.title,
                values.price_cents,
                values.availability,
                values.quantity,
                values.url,
                nowIso,
                cell,
              ).lastInsertRowid,
            );
            // The reader made the terms for a product made from the row, or for a row without GTIN.
            const made = madeFromRow || (original.gtin === null && row.title !== null);
            statements.insertTerms.run(
              id,
              made && row.terms !== undefined ? row.terms : offerTerms(values, productFor(), placeTerms),
            );
            counts.imported += 1;
            continue;
          }
          const changed =
            offer.title !== values.title ||
            offer.price_cents !== values.price_cents ||
            offer.availability !== values.availability ||
            offer.quantity !== values.quantity ||
            offer.url !== values.url;
          if (!changed) {
            // Confirmed by the feed: fresh again, nothing else to do.
            statements.confirmOffer.run(nowIso, offer.id);
            counts.unchanged += 1;
            continue;
          }
          if (offer.gtin === values.gtin && offer.title === values.title) {
            // Price or stock only: no indexed column changes, so no index entry is rewritten.
            statements.updateStock.run(
              values.price_cents,
              values.availability,
              values.quantity,
              values.url,
              nowIso,
              offer.id,
            );
          } else {
            statements.updateOffer.run({ ...values, id: offer.id });
          }
          if (offer.title !== values.title || offer.availability !== values.availability) {
            rewrites.push({ id: offer.id, terms: offerTerms(values, productFor(), placeTerms) });
          }
          counts.updated += 1;
        }
        parsed = feed.summary();
        if (options.mode === 'snapshot') {
          const before = existing.size;
          const missing = [...existing.values()].filter((offer) => !seen.has(offer.sku));
          if (missing.length > 0 && missing.length * 2 > before && !options.confirmShrink) {
            counts.removed = missing.length;
            throw new HeldBack(
              `held back: this snapshot would remove ${missing.length} of ${before} offers. A short or empty export is the commonest till-system mistake; if it is right, import again with confirmation (--confirm-shrink or confirm_shrink=true). Nothing was changed.`,
            );
          }
          for (const offer of missing) {
            statements.deleteOffer.run(offer.id);
            rewrites.push({ id: offer.id, terms: null });
            counts.removed += 1;
          }
        }
        rewrites.sort((a, b) => a.id - b.id);
        for (const { id, terms } of rewrites) {
          statements.deleteTerms.run(id);
          if (terms !== null) statements.insertTerms.run(id, terms);
        }
        const done = report(
          'applied',
          `applied: ${counts.imported} new, ${counts.updated} updated, ${counts.unchanged} confirmed unchanged, ${counts.removed} removed, ${rejectedRows().length} rejected`,
        );
        saveStatus(done);
        return done;
      })();
      return finished;
    } catch (error) {
      if (!(error instanceof HeldBack)) throw error;
      counts.imported = 0;
      counts.updated = 0;
      counts.unchanged = 0;
      counts.removed = 0;
      const held = report('held_back', error.message);
      saveStatus(held);
      return held;
    } finally {
      if (checkKeys) db.pragma('foreign_keys = ON');
    }
  }

  feedStatus(placeId: string): ImportReport | null {
    const row = this.db
      .prepare<[string], { report: string }>(
        'SELECT f.report FROM feed_status AS f JOIN places AS p ON p.rid = f.place_rid WHERE p.id = ?',
      )
      .get(placeId);
    return row ? (JSON.parse(row.report) as ImportReport) : null;
  }
}
