/**
 * The `lokaal` commands of a region operator and a shop: imports, registrations and keys.
 * They work on the database file directly, so they also work while `lokaal serve` runs on
 * it (SQLite in WAL mode), and a revoked key stops working at the next request.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { normalisePostcode, PLACE_KINDS, type PlaceKind, type Point } from '@lokaal/core';
import { FEED_BODY_LIMIT_BYTES, FEED_ROW_LIMIT } from './api/writes.js';
import { FeedFileError, type FeedFormat } from './feeds/types.js';
import { detectFormat } from './feeds/parse.js';
import { readFeed } from './feeds/source.js';
import { openingHoursError } from './hours.js';
import { SqliteStore } from './store/sqlite.js';
import { ShopWrites, type ImportReport } from './store/writes.js';

export interface CliValues {
  db: string;
  place?: string[] | undefined;
  delta?: boolean | undefined;
  'confirm-shrink'?: boolean | undefined;
  format?: string | undefined;
  'store-code'?: string | undefined;
  name?: string | undefined;
  kind?: string | undefined;
  category?: string[] | undefined;
  street?: string | undefined;
  housenumber?: string | undefined;
  postcode?: string | undefined;
  town?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  website?: string | undefined;
  hours?: string | undefined;
  kvk?: string | undefined;
  lat?: string | undefined;
  lon?: string | undefined;
}

const FORMATS: FeedFormat[] = ['csv', 'google-tsv', 'google-xml', 'jsonld', 'lokaal-json'];

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function pointFrom(values: CliValues): Point | null {
  if (values.lat === undefined && values.lon === undefined) return null;
  const lat = Number(values.lat);
  const lon = Number(values.lon);
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
    fail('--lat and --lon must both be given, in degrees');
  return { lat, lon };
}

/** Reads a feed from a file or an http(s) URL, at most the same size the API accepts. */
async function loadFeed(source: string): Promise<{ body: Buffer; contentType: string | null; name: string }> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
    if (!response.ok) fail(`${source} answered HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > FEED_BODY_LIMIT_BYTES)
      fail(`${source} is larger than ${FEED_BODY_LIMIT_BYTES / 1024 / 1024} MB`);
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > FEED_BODY_LIMIT_BYTES)
      fail(`${source} is larger than ${FEED_BODY_LIMIT_BYTES / 1024 / 1024} MB`);
    return { body, contentType: response.headers.get('content-type'), name: new URL(source).pathname };
  }
  if (/^[a-z]+:\/\//i.test(source)) fail('a feed URL must be http:// or https://');
  const body = await readFile(source).catch(() => fail(`cannot read ${source}`));
  if (body.length > FEED_BODY_LIMIT_BYTES)
    fail(`${source} is larger than ${FEED_BODY_LIMIT_BYTES / 1024 / 1024} MB`);
  return { body, contentType: null, name: basename(source) };
}

export function printReport(report: ImportReport): void {
  console.log(
    [
      `${report.result === 'applied' ? 'Applied' : 'HELD BACK'}: ${report.mode} for ${report.place_id} (${report.format})`,
      `  rows read   ${report.read}`,
      `  imported    ${report.imported}`,
      `  updated     ${report.updated}`,
      `  unchanged   ${report.unchanged}`,
      `  removed     ${report.removed}`,
      ...(report.skipped > 0 ? [`  skipped     ${report.skipped} (other stores)`] : []),
      `  rejected    ${report.rejected}`,
    ].join('\n'),
  );
  for (const error of report.errors) {
    console.log(`  line ${error.line}: ${error.field}: ${error.reason} (${JSON.stringify(error.value)})`);
  }
  if (report.rejected > report.errors.length)
    console.log(`  … and ${report.rejected - report.errors.length} more`);
  console.log(report.message);
}

async function withStore<T>(
  values: CliValues,
  work: (store: SqliteStore, writes: ShopWrites) => Promise<T> | T,
): Promise<T> {
  const store = new SqliteStore(values.db);
  try {
    return await work(store, new ShopWrites(store));
  } finally {
    store.close();
  }
}

async function guarded(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UsageError || error instanceof FeedFileError) {
      console.error(`lokaal: ${error.message}`);
      return error instanceof UsageError ? 2 : 1;
    }
    if (
      error instanceof Error &&
      /^no (place|registration|pending|active)|already|gazetteer/.test(error.message)
    ) {
      console.error(`lokaal: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

export function runImport(values: CliValues, source: string | undefined): Promise<number> {
  return guarded(async () => {
    const placeId = values.place?.[0] ?? fail('import needs --place ID');
    if (!source) fail('import needs a FILE or URL');
    if (values.format !== undefined && !FORMATS.includes(values.format as FeedFormat)) {
      fail(`--format must be one of ${FORMATS.join(', ')}`);
    }
    const feed = await loadFeed(source);
    const format =
      (values.format as FeedFormat | undefined) ??
      detectFormat({ contentType: feed.contentType, filename: feed.name, body: feed.body }) ??
      fail(`cannot tell the format of ${source}; give --format`);
    return withStore(values, (store, writes) => {
      if (!store.placeRecord(placeId)) fail(`no place ${placeId}`);
      console.log(`Applying ${feed.name} to ${placeId}…`);
      const report = writes.importOffers(placeId, readFeed(feed.body, format, { maxRows: FEED_ROW_LIMIT }), {
        mode: values.delta ? 'delta' : 'snapshot',
        confirmShrink: values['confirm-shrink'] ?? false,
        now: new Date(),
        storeCode: values['store-code'] ?? null,
      });
      printReport(report);
      return report.result === 'applied' ? 0 : 1;
    });
  });
}

export function runPlaces(
  values: CliValues,
  action: string | undefined,
  id: string | undefined,
): Promise<number> {
  return guarded(() =>
    withStore(values, (_store, writes) => {
      const now = new Date();
      switch (action) {
        case 'register': {
          const required = ['name', 'kind', 'street', 'housenumber', 'postcode', 'town', 'email'] as const;
          const missing = required.filter((name) => !values[name]);
          if (missing.length > 0)
            fail(`places register needs ${missing.map((name) => `--${name}`).join(', ')}`);
          if (!PLACE_KINDS.includes(values.kind as PlaceKind))
            fail(`--kind must be one of ${PLACE_KINDS.join(', ')}`);
          const postcode =
            normalisePostcode(values.postcode!) ??
            fail(`--postcode "${values.postcode}" is not a Dutch postcode`);
          if (values.hours) {
            const error = openingHoursError(values.hours);
            if (error) fail(`--hours: ${error}`);
          }
          if (values.website && !/^https?:\/\//.test(values.website))
            fail('--website must start with http:// or https://');
          const registration = writes.register(
            {
              name: values.name!,
              kind: values.kind as PlaceKind,
              categories: values.category ?? [],
              address: {
                street: values.street!,
                housenumber: values.housenumber!,
                postcode,
                town: values.town!,
              },
              point: pointFrom(values),
              kvk: values.kvk ?? null,
              contact: { name: null, email: values.email!, phone: values.phone ?? null },
              website: values.website ?? null,
              opening_hours: values.hours ?? null,
            },
            now,
          );
          console.log(`Registered ${registration.name}: ${registration.id} (pending approval)`);
          return 0;
        }
        case 'pending': {
          const pending = writes.registrations('pending');
          if (pending.length === 0) console.log('No registrations are waiting.');
          for (const entry of pending) {
            console.log(
              `${entry.id}  ${entry.created_at.slice(0, 10)}  ${entry.kind.padEnd(7)}  ${entry.name}, ${entry.address.street} ${entry.address.housenumber}, ${entry.address.postcode} ${entry.address.town}  <${entry.contact.email}>${entry.kvk ? `  KvK ${entry.kvk}` : ''}`,
            );
          }
          return 0;
        }
        case 'approve': {
          if (!id) fail('places approve needs the registration id');
          const { placeId, key } = writes.approve(id, now, pointFrom(values));
          console.log(
            `Approved: place ${placeId}\nIts key (shown once; give it to the shop, store it nowhere else):\n${key}`,
          );
          return 0;
        }
        case 'reject': {
          if (!id) fail('places reject needs the registration id');
          writes.reject(id, now);
          console.log(`Rejected ${id}.`);
          return 0;
        }
        default:
          fail('places: register, pending, approve ID or reject ID');
      }
    }),
  );
}

export function runKeys(
  values: CliValues,
  action: string | undefined,
  prefix: string | undefined,
): Promise<number> {
  return guarded(() =>
    withStore(values, (_store, writes) => {
      const now = new Date();
      switch (action) {
        case 'list': {
          const keys = writes.keys(values.place?.[0] ?? null);
          if (keys.length === 0) console.log('No keys.');
          for (const key of keys) {
            console.log(
              `${key.prefix}…  ${key.revoked_at ? `revoked ${key.revoked_at.slice(0, 10)}` : 'active'}  created ${key.created_at.slice(0, 10)}  last used ${key.last_used_at?.slice(0, 16) ?? 'never'}  ${key.place_ids.join(', ')}`,
            );
          }
          return 0;
        }
        case 'create': {
          if (!values.place || values.place.length === 0)
            fail('keys create needs --place ID (repeat for more places)');
          const key = writes.createKey(values.place, now);
          console.log(`New key for ${values.place.join(', ')} (shown once):\n${key}`);
          return 0;
        }
        case 'rotate': {
          if (!prefix) fail('keys rotate needs the key prefix shown by `lokaal keys list`');
          const key = writes.rotateKey(prefix.replace(/…$/, ''), now);
          console.log(`Revoked ${prefix}. New key (shown once):\n${key}`);
          return 0;
        }
        case 'revoke': {
          if (!prefix) fail('keys revoke needs the key prefix shown by `lokaal keys list`');
          writes.revokeKey(prefix.replace(/…$/, ''), now);
          console.log(`Revoked ${prefix}; it no longer works.`);
          return 0;
        }
        default:
          fail('keys: list, create, rotate PREFIX or revoke PREFIX');
      }
    }),
  );
}
