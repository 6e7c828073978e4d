/**
 * Contract tests of the private lookup (issue 6): the GTIN filter and the prefix query on
 * the real server with the demo town. They hold the server to its promise that a prefix
 * query tells it nothing about the product: the answer covers a whole bucket of at least
 * 50 GTINs, and neither the answer nor the logs point at the one asked for.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { gs1CheckDigit, type OfferAtPlace } from '@lokaal/core';
import { gtinPrefix, mightContainGtin, parseFilter, type GtinFilter } from '@lokaal/filter';
import { LOKAAL_BIN, startServer, type RunningServer } from '../support/server.js';
import { contractValidator, type OpenApiDocument } from '../support/openapi.js';

interface FilterMeta {
  entries: number;
  bytes: number;
  bucket_bits: number;
  min_bucket_size: number;
  built_at: string;
  etag: string;
}
interface ByPrefix {
  prefix: string;
  bits: number;
  gtins_in_bucket: number;
  radius_m: number;
  items: Array<{ gtin: string; offers: OfferAtPlace[] }>;
}

let server: RunningServer;
let validate: ReturnType<typeof contractValidator>;
let meta: FilterMeta;
/** A GTIN in stock in a shop in postcode area 3811, as a shopper's product page would show. */
let wanted: string;

const inStockGtins = (dbPath: string): string[] => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare<[], string>(
        "SELECT DISTINCT gtin FROM offers WHERE gtin IS NOT NULL AND availability IN ('in_stock', 'limited')",
      )
      .pluck()
      .all();
  } finally {
    db.close();
  }
};

async function getJson<T>(route: string, path: string, expectedStatus = 200): Promise<T> {
  const response = await fetch(server.baseUrl + path);
  const body = (await response.json()) as T;
  assert.equal(response.status, expectedStatus, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
  assert.deepEqual(validate(route, expectedStatus, body), [], `${path} does not match the contract`);
  return body;
}

async function downloadFilter(): Promise<{ filter: GtinFilter; response: Response }> {
  const response = await fetch(`${server.baseUrl}/v1/filters/gtin`);
  assert.equal(response.status, 200);
  return { filter: parseFilter(new Uint8Array(await response.arrayBuffer())), response };
}

before(async () => {
  server = await startServer();
  const document = (await (await fetch(`${server.baseUrl}/v1/openapi.json`)).json()) as OpenApiDocument;
  validate = contractValidator(document);
  meta = await getJson<FilterMeta>('/v1/filters/gtin/meta', '/v1/filters/gtin/meta');
  const db = new Database(server.dbPath, { readonly: true });
  wanted = db
    .prepare<[], string>(
      `SELECT o.gtin FROM offers AS o JOIN places AS p ON p.rid = o.place_rid
       WHERE o.gtin IS NOT NULL AND o.availability = 'in_stock' AND p.postcode LIKE '3811%' LIMIT 1`,
    )
    .pluck()
    .get()!;
  db.close();
});

after(async () => {
  await server.stop();
});

describe('GET /v1/openapi.json', () => {
  it('documents the filter, its metadata and the prefix query', async () => {
    const document = (await (await fetch(`${server.baseUrl}/v1/openapi.json`)).json()) as OpenApiDocument;
    for (const path of ['/v1/filters/gtin', '/v1/filters/gtin/meta', '/v1/offers/by-prefix']) {
      assert.ok(document.paths[path]?.get, `${path} is documented`);
    }
  });
});

describe('GET /v1/filters/gtin', () => {
  it('holds every GTIN in stock anywhere in the instance, and says how many', async () => {
    const { filter, response } = await downloadFilter();
    const gtins = inStockGtins(server.dbPath);
    assert.equal(filter.entries, gtins.length);
    assert.equal(meta.entries, gtins.length);
    assert.deepEqual(
      gtins.filter((gtin) => !mightContainGtin(filter, gtin)),
      [],
    );
    assert.equal(filter.bucketBits, meta.bucket_bits);
    assert.equal(response.headers.get('etag'), meta.etag);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    assert.equal(response.headers.get('set-cookie'), null);
  });

  it('is sent compressed when the client accepts it, and not modified for a known ETag', async () => {
    const compressed = await fetch(`${server.baseUrl}/v1/filters/gtin`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    assert.equal(compressed.headers.get('content-encoding'), 'br');
    assert.ok(Number(compressed.headers.get('content-length')) < meta.bytes);
    await compressed.arrayBuffer();
    const again = await fetch(`${server.baseUrl}/v1/filters/gtin`, {
      headers: { 'if-none-match': meta.etag },
    });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
  });

  it('advertises bucket bits that keep at least 50 GTINs in every bucket', () => {
    assert.ok(meta.bucket_bits >= 1, `${meta.bucket_bits} bits for ${meta.entries} GTINs`);
    assert.ok(meta.min_bucket_size >= 50, `smallest bucket ${meta.min_bucket_size}`);
    assert.ok(meta.entries / 2 ** meta.bucket_bits >= 50);
  });
});

describe('GET /v1/offers/by-prefix', () => {
  it('answers for the whole bucket, in which the shopper finds their product nearest first', async () => {
    const prefix = await gtinPrefix(wanted, meta.bucket_bits);
    const body = await getJson<ByPrefix>(
      '/v1/offers/by-prefix',
      `/v1/offers/by-prefix?prefix=${prefix}&bits=${meta.bucket_bits}&near=3811&radius=10000`,
    );
    assert.ok(body.gtins_in_bucket >= 50, `${body.gtins_in_bucket} GTINs in the bucket`);
    assert.ok(body.items.length > 1, 'more than the one product asked for');
    for (const item of body.items) {
      assert.equal(await gtinPrefix(item.gtin, meta.bucket_bits), prefix, `${item.gtin} is in the bucket`);
      assert.ok(item.offers.length > 0 && item.offers.length <= 3);
      for (const offer of item.offers) {
        assert.ok(offer.availability === 'in_stock' || offer.availability === 'limited');
        assert.ok(offer.distance_m !== null && offer.distance_m <= 10_000);
      }
      const distances = item.offers.map((offer) => offer.distance_m!);
      assert.deepEqual(
        distances,
        [...distances].sort((a, b) => a - b),
      );
    }
    const mine = body.items.find((item) => item.gtin === wanted);
    assert.ok(mine, 'the wanted GTIN is among the answers');
    assert.ok(mine.offers.some((offer) => offer.place.address.postcode.startsWith('3811')));
  });

  it('answers the same for every GTIN of a bucket: the answer cannot tell them apart', async () => {
    const prefix = await gtinPrefix(wanted, meta.bucket_bits);
    const path = `/v1/offers/by-prefix?prefix=${prefix}&near=52.16,5.39`;
    const first = await getJson<ByPrefix>('/v1/offers/by-prefix', path);
    const other = first.items.find((item) => item.gtin !== wanted)!;
    assert.equal(
      await gtinPrefix(other.gtin, meta.bucket_bits),
      prefix,
      'another GTIN gives the same request',
    );
    assert.ok(first.items.some((item) => item.gtin === wanted));
  });

  it('refuses prefixes longer than advertised', async () => {
    const longer = meta.bucket_bits + 1;
    const prefix = await gtinPrefix(wanted, longer);
    const body = await getJson<{ detail: string }>(
      '/v1/offers/by-prefix',
      `/v1/offers/by-prefix?prefix=${prefix}&bits=${longer}&near=3811`,
      400,
    );
    assert.match(body.detail, new RegExp(`at most ${meta.bucket_bits} bits`));
    const digits = await gtinPrefix(wanted, 24);
    await getJson('/v1/offers/by-prefix', `/v1/offers/by-prefix?prefix=${digits}&near=3811`, 400);
  });

  it('refuses a location finer than about a kilometre, and says why', async () => {
    const prefix = await gtinPrefix(wanted, meta.bucket_bits);
    const fine = await getJson<{ detail: string }>(
      '/v1/offers/by-prefix',
      `/v1/offers/by-prefix?prefix=${prefix}&near=52.156,5.387`,
      400,
    );
    assert.match(fine.detail, /at most 2 decimals \(about 1 km\)/);
    const street = await getJson<{ detail: string }>(
      '/v1/offers/by-prefix',
      `/v1/offers/by-prefix?prefix=${prefix}&near=3811AB`,
      400,
    );
    assert.match(street.detail, /only its 4 digits/);
  });

  it('refuses a GTIN sent in place of a prefix', async () => {
    await getJson('/v1/offers/by-prefix', `/v1/offers/by-prefix?prefix=${wanted}&near=3811`, 400);
  });

  it('leaves nothing in the logs that identifies the product or the location', async () => {
    const prefix = await gtinPrefix(wanted, meta.bucket_bits);
    await (await fetch(`${server.baseUrl}/v1/offers/by-prefix?prefix=${prefix}&near=5211`)).arrayBuffer();
    const logLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const prefixLines = logLines.filter((line) => line.includes('/v1/offers/by-prefix'));
    assert.ok(prefixLines.length >= 5, 'the prefix queries were logged');
    for (const line of prefixLines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(
        Object.keys(entry)
          .filter((key) => !['level', 'time', 'pid', 'hostname', 'reqId', 'msg'].includes(key))
          .sort(),
        ['client', 'method', 'ms', 'route', 'status'],
      );
    }
    for (const line of logLines) {
      // The clock and the timing are numbers that may hold any digits; the rest may not.
      const entry = JSON.parse(line) as Record<string, unknown>;
      const text = JSON.stringify(
        Object.entries(entry).filter(([key]) => !['time', 'ms', 'pid'].includes(key)),
      );
      assert.doesNotMatch(text, new RegExp(wanted.slice(1)), 'no GTIN');
      assert.doesNotMatch(text, /prefix=|near=|5211|52\.16/, 'no query string, prefix or location');
    }
  });
});

describe('after an import', () => {
  it('rebuilds the filter, so that a newly stocked GTIN is found', async () => {
    const fresh = `0871234500000${gs1CheckDigit('0871234500000')}`;
    const { filter: before } = await downloadFilter();
    assert.equal(mightContainGtin(before, fresh), false);
    const place = (await (await fetch(`${server.baseUrl}/v1/places?limit=1`)).json()) as {
      items: Array<{ id: string }>;
    };
    const file = join(dirname(server.dbPath), 'new-stock.csv');
    writeFileSync(file, `ean;naam;prijs;voorraad\n${fresh.slice(1)};Nieuw product;9,95;4\n`);
    const cli = spawnSync(
      process.execPath,
      [LOKAAL_BIN, 'import', '--place', place.items[0]!.id, '--delta', '--db', server.dbPath, file],
      { encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stdout + cli.stderr);
    // The import ran in another process; the server sees the change and rebuilds after a quiet moment.
    let latest = meta;
    for (let attempt = 0; attempt < 100 && latest.entries === meta.entries; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      latest = (await (await fetch(`${server.baseUrl}/v1/filters/gtin/meta`)).json()) as FilterMeta;
    }
    assert.equal(latest.entries, meta.entries + 1);
    assert.notEqual(latest.etag, meta.etag);
    const { filter: after } = await downloadFilter();
    assert.ok(mightContainGtin(after, fresh));
    const prefix = await gtinPrefix(fresh, after.bucketBits);
    const answer = (await (
      await fetch(`${server.baseUrl}/v1/offers/by-prefix?prefix=${prefix}&near=3811&radius=50000`)
    ).json()) as ByPrefix;
    assert.ok(answer.items.some((item) => item.gtin === fresh));
  });
});

describe('an instance with nothing on offer yet', () => {
  it('publishes an empty filter and answers prefix queries with nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lokaal-empty-'));
    const empty = await startServer({ dbPath: join(dir, 'empty.sqlite') });
    try {
      const metaResponse = await fetch(`${empty.baseUrl}/v1/filters/gtin/meta`);
      const emptyMeta = (await metaResponse.json()) as FilterMeta;
      assert.equal(emptyMeta.entries, 0);
      assert.equal(emptyMeta.bucket_bits, 0);
      const filter = parseFilter(
        new Uint8Array(await (await fetch(`${empty.baseUrl}/v1/filters/gtin`)).arrayBuffer()),
      );
      assert.equal(mightContainGtin(filter, wanted), false);
      const response = await fetch(`${empty.baseUrl}/v1/offers/by-prefix?prefix=&near=52.16,5.39`);
      const body = (await response.json()) as ByPrefix;
      assert.equal(response.status, 200);
      assert.deepEqual(validate('/v1/offers/by-prefix', 200, body), []);
      assert.equal(body.gtins_in_bucket, 0);
      assert.deepEqual(body.items, []);
    } finally {
      await empty.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
