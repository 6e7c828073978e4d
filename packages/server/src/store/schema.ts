/**
 * Versioned migrations of the SQLite store. `PRAGMA user_version` holds the number of
 * migrations applied; each runs in its own transaction, so a failed upgrade leaves the
 * database as it was.
 */
import type Database from 'better-sqlite3';

const FOLDING_TOKENIZER = `tokenize = "unicode61 remove_diacritics 2", prefix = '2 3 4'`;

export const MIGRATIONS: readonly string[] = [
  // 1: the data model.
  `
  CREATE TABLE regions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    center_lat REAL NOT NULL,
    center_lon REAL NOT NULL,
    west REAL NOT NULL, south REAL NOT NULL, east REAL NOT NULL, north REAL NOT NULL
  );
  CREATE TABLE places (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    categories TEXT NOT NULL,
    street TEXT NOT NULL, housenumber TEXT NOT NULL, postcode TEXT NOT NULL, town TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL,
    opening_hours TEXT, phone TEXT, website TEXT, image TEXT, description TEXT,
    region_ids TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX places_name ON places (name, id);
  CREATE VIRTUAL TABLE place_geo USING rtree (rid, min_lat, max_lat, min_lon, max_lon);
  CREATE VIRTUAL TABLE place_fts USING fts5 (text, tags, content = '', contentless_delete = 1, ${FOLDING_TOKENIZER});
  CREATE TABLE products (
    gtin TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    brand TEXT,
    category TEXT,
    image TEXT
  ) WITHOUT ROWID;
  CREATE TABLE offers (
    id INTEGER PRIMARY KEY,
    place_rid INTEGER NOT NULL REFERENCES places (rid) ON DELETE CASCADE,
    gtin TEXT REFERENCES products (gtin),
    sku TEXT NOT NULL,
    title TEXT NOT NULL,
    price_cents INTEGER,
    availability TEXT NOT NULL,
    quantity INTEGER,
    url TEXT,
    updated_at TEXT NOT NULL,
    cell INTEGER NOT NULL,
    UNIQUE (place_rid, sku)
  );
  CREATE INDEX offers_gtin_cell ON offers (gtin, cell) WHERE gtin IS NOT NULL;
  CREATE INDEX offers_place_title ON offers (place_rid, title, id);
  CREATE VIRTUAL TABLE offer_fts USING fts5 (text, tags, content = '', contentless_delete = 1, ${FOLDING_TOKENIZER});
  CREATE TABLE gazetteer (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: onboarding, per-shop keys and feed status.
  `
  CREATE TABLE registrations (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    categories TEXT NOT NULL,
    street TEXT NOT NULL, housenumber TEXT NOT NULL, postcode TEXT NOT NULL, town TEXT NOT NULL,
    lat REAL, lon REAL,
    kvk TEXT,
    contact_name TEXT, contact_email TEXT NOT NULL, contact_phone TEXT,
    website TEXT, opening_hours TEXT,
    created_at TEXT NOT NULL,
    decided_at TEXT,
    place_id TEXT
  );
  CREATE INDEX registrations_status ON registrations (status, created_at);
  CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    prefix TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
  );
  CREATE TABLE api_key_places (
    key_id INTEGER NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    place_rid INTEGER NOT NULL REFERENCES places (rid) ON DELETE CASCADE,
    PRIMARY KEY (key_id, place_rid)
  ) WITHOUT ROWID;
  CREATE TABLE feed_status (
    place_rid INTEGER PRIMARY KEY REFERENCES places (rid) ON DELETE CASCADE,
    last_import_at TEXT NOT NULL,
    last_result TEXT NOT NULL,
    report TEXT NOT NULL
  );
  `,
  // 3: the offer index holds terms only (see store/terms.ts): a third of the writes per
  // offer at ingest. The documents are rebuilt by the store, as a pending task, because
  // they are computed in code.
  `
  DROP TABLE offer_fts;
  CREATE VIRTUAL TABLE offer_fts USING fts5 (terms, content = '', contentless_delete = 1, tokenize = 'ascii', detail = none);
  CREATE TABLE pending_tasks (name TEXT PRIMARY KEY);
  INSERT INTO pending_tasks (name) VALUES ('reindex-offers');
  `,
  // 4: the buckets of the private lookup: the first 32 bits of SHA-256 over each GTIN-14 in
  // the published filter, indexed so that a prefix query reads one range (see store/filter.ts).
  `
  CREATE TABLE gtin_buckets (
    gtin TEXT PRIMARY KEY,
    bucket INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX gtin_buckets_bucket ON gtin_buckets (bucket, gtin);
  `,
];

export function migrate(db: Database.Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new Error(
      `the database is at schema version ${from}, newer than this server (${MIGRATIONS.length}); upgrade Lokaal`,
    );
  }
  for (let version = from; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
