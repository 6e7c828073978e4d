/**
 * Shop onboarding and feeds end to end: the real server and the real `lokaal` command on
 * one SQLite file, as a region operator and a shop use them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { gs1CheckDigit, type Offer } from '@lokaal/core';
import { LOKAAL_BIN, seededDatabase, startServer, type RunningServer } from '../support/server.js';

const EXAMPLES = fileURLToPath(new URL('../../packages/server/examples/feeds/', import.meta.url));

let server: RunningServer;
let dbPath: string;
/** A demo shop, and a key for it made with the command line. */
let shopId: string;
let shopKey: string;
let otherShopId: string;

const lokaal = (...args: string[]) =>
  spawnSync(process.execPath, [LOKAAL_BIN, ...args, '--db', dbPath], { encoding: 'utf8' });

function keyFrom(output: string): string {
  const key = /lokaal_sk_[0-9A-Za-z]{50}/.exec(output)?.[0];
  assert.ok(key, `a key in: ${output}`);
  return key;
}

function ean(n: number): string {
  const body = `871999${String(n).padStart(6, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** A CSV as a Dutch till system writes it: `;`, decimal comma, quoted names. */
function csv(rows: Array<{ ean: string; naam: string; prijs: string; voorraad: string }>): string {
  return [
    'ean;naam;prijs;voorraad',
    ...rows.map((row) => `${row.ean};"${row.naam}";${row.prijs};${row.voorraad}`),
  ].join('\r\n');
}

async function send(
  method: string,
  path: string,
  body: string | Buffer | null,
  options: { key?: string | null; contentType?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? shopKey}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(server.baseUrl + path, {
    method,
    headers,
    // Node's fetch sends a Buffer as bytes; the DOM typing of BodyInit does not know Buffer.
    ...(body === null ? {} : { body: body as unknown as BodyInit }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

/** The `index`-th bicycle shop of the demo town (0 and 1 are the suite's own), with a key of its own. */
async function shopWithKey(index: number): Promise<{ placeId: string; key: string }> {
  const places = (await (
    await fetch(`${server.baseUrl}/v1/places?category=fietsen&limit=${index + 1}`)
  ).json()) as { items: Array<{ id: string }> };
  const placeId = places.items[index]?.id ?? assert.fail(`the demo town has no bicycle shop number ${index}`);
  return { placeId, key: keyFrom(lokaal('keys', 'create', '--place', placeId).stdout) };
}

async function stock(placeId: string): Promise<Offer[]> {
  const items: Offer[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(
      `${server.baseUrl}/v1/places/${placeId}/offers?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    const page = (await response.json()) as { items: Offer[]; next_cursor: string | null };
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

before(async () => {
  dbPath = seededDatabase().dbPath;
  server = await startServer({ dbPath });
  const places = (await (await fetch(`${server.baseUrl}/v1/places?category=fietsen&limit=2`)).json()) as {
    items: Array<{ id: string }>;
  };
  shopId = places.items[0]!.id;
  otherShopId = places.items[1]!.id;
  shopKey = keyFrom(lokaal('keys', 'create', '--place', shopId).stdout);
});

after(async () => {
  await server.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

describe('onboarding', () => {
  it('registers through the API, is approved on the command line, and gets a working key', async () => {
    const registration = await send(
      'POST',
      '/v1/places',
      JSON.stringify({
        name: 'Fietsenmakerij De Spaak',
        kind: 'service',
        categories: ['reparatie'],
        address: { street: 'Kamp', housenumber: '12', postcode: '3811ar', town: 'Amersfoort' },
        kvk: '12345678',
        contact: { email: 'info@despaak.example', phone: '033 123 45 67' },
        opening_hours: 'Tu-Sa 09:00-17:30; PH off',
      }),
      { key: null, contentType: 'application/json' },
    );
    assert.equal(registration.status, 202, JSON.stringify(registration.body));
    const id = registration.body.id as string;
    assert.match(lokaal('places', 'pending').stdout, new RegExp(`${id}.*Fietsenmakerij De Spaak`));
    const approved = lokaal('places', 'approve', id);
    assert.equal(approved.status, 0, approved.stderr);
    const placeId = /place (\S+)/.exec(approved.stdout)![1]!;
    const key = keyFrom(approved.stdout);
    const place = (await (await fetch(`${server.baseUrl}/v1/places/${placeId}`)).json()) as {
      name: string;
      address: { postcode: string };
    };
    assert.equal(place.name, 'Fietsenmakerij De Spaak');
    assert.equal(place.address.postcode, '3811 AR');
    const feed = csv([{ ean: ean(1), naam: 'Binnenband 28 inch', prijs: '7,95', voorraad: '12' }]);
    const imported = await send('PUT', `/v1/places/${placeId}/offers`, feed, {
      key,
      contentType: 'text/csv',
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.imported, 1);
    assert.match(lokaal('keys', 'list', '--place', placeId).stdout, /lokaal_sk_\w{8}… {2}active/);
  });

  it('rejects a registration with a bad field, naming it', async () => {
    const response = await send(
      'POST',
      '/v1/places',
      JSON.stringify({
        name: 'X',
        kind: 'shop',
        address: { street: 'Hof', housenumber: '1', postcode: 'ABCD', town: 'Amersfoort' },
        contact: { email: 'not-an-email' },
      }),
      { key: null, contentType: 'application/json' },
    );
    assert.equal(response.status, 400);
    assert.match(String(response.body.parameter), /contact|address/);
  });

  it('lets a shop edit its own hours and website, and checks them', async () => {
    const edited = await send(
      'PATCH',
      `/v1/places/${shopId}`,
      JSON.stringify({ opening_hours: 'Mo-Sa 10:00-17:00; PH off', website: 'https://fietsen.example/' }),
      {
        contentType: 'application/json',
      },
    );
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.opening_hours, 'Mo-Sa 10:00-17:00; PH off');
    const bad = await send(
      'PATCH',
      `/v1/places/${shopId}`,
      JSON.stringify({ opening_hours: 'Mo 25:00-26:00' }),
      { contentType: 'application/json' },
    );
    assert.equal(bad.status, 400);
    assert.equal(bad.body.parameter, 'opening_hours');
    const unsafe = await send(
      'PATCH',
      `/v1/places/${shopId}`,
      JSON.stringify({ website: 'javascript:alert(1)' }),
      { contentType: 'application/json' },
    );
    assert.equal(unsafe.status, 400);
  });
});

describe('keys', () => {
  it('may not write another shop: 403', async () => {
    const response = await send('PUT', `/v1/places/${otherShopId}/offers`, csv([]), {
      contentType: 'text/csv',
    });
    assert.equal(response.status, 403);
  });

  it('without a key, or with a made-up one: 401 with WWW-Authenticate', async () => {
    const none = await send('PUT', `/v1/places/${shopId}/offers`, csv([]), {
      key: null,
      contentType: 'text/csv',
    });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /Bearer/);
    const fake = await send('PUT', `/v1/places/${shopId}/offers`, csv([]), {
      key: `lokaal_sk_${'a'.repeat(50)}`,
    });
    assert.equal(fake.status, 401);
  });

  it('stops working the moment it is revoked, and a rotated key works at once', async () => {
    const key = keyFrom(lokaal('keys', 'create', '--place', otherShopId).stdout);
    const feed = csv([{ ean: ean(2), naam: 'Fietsbel test', prijs: '4,95', voorraad: '3' }]);
    assert.equal(
      (await send('PATCH', `/v1/places/${otherShopId}/offers`, feed, { key, contentType: 'text/csv' }))
        .status,
      200,
    );
    const prefix = key.slice(0, 18);
    const rotated = lokaal('keys', 'rotate', prefix);
    assert.equal(rotated.status, 0, rotated.stderr);
    const newKey = keyFrom(rotated.stdout);
    assert.equal(
      (await send('PATCH', `/v1/places/${otherShopId}/offers`, feed, { key, contentType: 'text/csv' }))
        .status,
      401,
    );
    assert.equal(
      (
        await send('PATCH', `/v1/places/${otherShopId}/offers`, feed, {
          key: newKey,
          contentType: 'text/csv',
        })
      ).status,
      200,
    );
    assert.equal(lokaal('keys', 'revoke', newKey.slice(0, 18)).status, 0);
    assert.equal(
      (
        await send('PATCH', `/v1/places/${otherShopId}/offers`, feed, {
          key: newKey,
          contentType: 'text/csv',
        })
      ).status,
      401,
    );
    const listed = lokaal('keys', 'list', '--place', otherShopId).stdout;
    assert.ok(!listed.includes(newKey), 'a listing never shows a whole key');
    assert.match(listed, /revoked/);
  });

  it('write endpoints send no CORS headers, so no web page can use a key', async () => {
    const response = await send('PATCH', `/v1/places/${shopId}/offers`, csv([]), { contentType: 'text/csv' });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${server.baseUrl}/v1/places/${shopId}/offers`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.doesNotMatch(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
    assert.doesNotMatch(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    const status = await send('GET', `/v1/places/${shopId}/feed`, null);
    assert.equal(status.headers.get('access-control-allow-origin'), null);
  });
});

describe('feeds', () => {
  it('imports a snapshot with 10 % bad rows: every good row in, every bad row reported with its line', async () => {
    const rows = Array.from({ length: 50 }, (_, index) => ({
      ean: ean(100 + index),
      naam: `Fietslamp model ${index}`,
      prijs: `${10 + index},95`,
      voorraad: String(index % 7),
    }));
    rows[4]!.ean = '8719990001045'; // wrong check digit
    rows[13]!.prijs = 'gratis';
    rows[22]!.voorraad = '-3';
    rows[31]!.ean = '';
    rows[44]!.prijs = '12,95 USD';
    const response = await send('PUT', `/v1/places/${shopId}/offers?confirm_shrink=true`, csv(rows), {
      contentType: 'text/csv; charset=utf-8',
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.read, 50);
    assert.equal(response.body.rejected, 5);
    assert.equal(
      (response.body.imported as number) +
        (response.body.updated as number) +
        (response.body.unchanged as number),
      45,
    );
    const errors = response.body.errors as Array<{
      line: number;
      field: string;
      reason: string;
      value: string;
    }>;
    assert.deepEqual(
      errors.map((error) => error.line).sort((a, b) => a - b),
      [6, 15, 24, 33, 46],
    );
    assert.ok(errors.every((error) => error.field && error.reason));
    const offers = await stock(shopId);
    assert.equal(offers.length, 45, 'the snapshot replaced the demo stock with the 45 good rows');
    const lamp = offers.find((offer) => offer.title === 'Fietslamp model 1')!;
    assert.equal(lamp.price_cents, 1195);
    assert.equal(lamp.stale, false);
    const search = (await (
      await fetch(`${server.baseUrl}/v1/search?q=fietslamp%20model&near=3811`)
    ).json()) as { items: unknown[] };
    assert.ok(search.items.length > 0, 'new offers are searchable at once');
    const status = await send('GET', `/v1/places/${shopId}/feed`, null);
    assert.equal(status.status, 200);
    assert.equal(status.body.rejected, 5);
  });

  it('holds back a truncated snapshot and keeps the offers, until confirmed', async () => {
    const before = await stock(shopId);
    const truncated = csv([{ ean: ean(100), naam: 'Fietslamp model 0', prijs: '10,95', voorraad: '1' }]);
    const held = await send('PUT', `/v1/places/${shopId}/offers`, truncated, { contentType: 'text/csv' });
    assert.equal(held.status, 409);
    assert.match(String(held.body.detail), /would remove 44 of 45/);
    assert.equal((held.body.report as { result: string }).result, 'held_back');
    assert.deepEqual(
      (await stock(shopId)).map((offer) => offer.id),
      before.map((offer) => offer.id),
    );
    const cli = lokaal('import', '--place', shopId, join(EXAMPLES, 'voorraad.csv'));
    assert.notEqual(cli.stdout.match(/HELD BACK|Applied/), null, cli.stdout + cli.stderr);
  });

  it('applies a delta with removals', async () => {
    const delta = [
      'ean;naam;prijs;voorraad;actie',
      `${ean(101)};;;;verwijder`,
      `${ean(900)};"Fietspomp staand";24,95;4;`,
    ].join('\n');
    const response = await send('PATCH', `/v1/places/${shopId}/offers`, delta, { contentType: 'text/csv' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.removed, 1);
    assert.equal(response.body.imported, 1);
    const titles = (await stock(shopId)).map((offer) => offer.title);
    assert.ok(titles.includes('Fietspomp staand'));
    assert.ok(!titles.includes('Fietslamp model 1'));
  });

  for (const [file, contentType] of [
    ['voorraad.csv', 'text/csv'],
    ['stock-en.csv', 'text/csv'],
    ['kassa-cp1252.csv', 'text/csv'],
    ['google-local-inventory.txt', 'text/tab-separated-values'],
    ['google-local-inventory.xml', 'application/xml'],
    ['schema-org.jsonld', 'application/ld+json'],
    ['lokaal.json', 'application/json'],
  ] as const) {
    it(`imports the example ${file} through the API`, async () => {
      const body = readFileSync(join(EXAMPLES, file));
      const response = await send(
        'PATCH',
        `/v1/places/${otherShopId}/offers?store_code=${otherShopId}`,
        body,
        {
          key: keyFrom(lokaal('keys', 'create', '--place', otherShopId).stdout),
          contentType,
        },
      );
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.ok((response.body.read as number) > 0);
      assert.ok(
        (response.body.imported as number) +
          (response.body.updated as number) +
          (response.body.unchanged as number) >
          0 || (response.body.skipped as number) > 0,
        JSON.stringify(response.body),
      );
    });
  }

  it('imports from an http URL on the command line, and refuses other schemes', async () => {
    const feed = csv([{ ean: ean(960), naam: 'Fietsbel via URL', prijs: '6,50', voorraad: '5' }]);
    const files = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      response.end(feed);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const { port } = files.address() as AddressInfo;
    try {
      const child = spawn(
        process.execPath,
        [
          LOKAAL_BIN,
          'import',
          '--place',
          shopId,
          '--delta',
          '--db',
          dbPath,
          `http://127.0.0.1:${port}/voorraad.csv`,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 0, output);
      assert.match(output, /imported\s+1/);
    } finally {
      files.close();
    }
    assert.ok((await stock(shopId)).some((offer) => offer.title === 'Fietsbel via URL'));
    const refused = lokaal('import', '--place', shopId, 'file:///etc/passwd');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /http:\/\/ or https:\/\//);
  });

  it('answers 413 for a body over the limit, 400 for an empty body, 415 for a file that is no feed', async () => {
    // The server judges the declared length before reading the body, as a till system's
    // upload meets it: declare 21 MB, send nothing, and read the answer. (Racing a real
    // 21 MB upload against the server's early close made the result depend on timing.)
    const status = await new Promise<number>((resolve, reject) => {
      const upload = httpRequest(
        `${server.baseUrl}/v1/places/${shopId}/offers`,
        {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${shopKey}`,
            'content-type': 'text/csv',
            'content-length': 21 * 1024 * 1024,
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          upload.destroy();
        },
      );
      upload.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
      upload.flushHeaders();
    });
    assert.equal(status, 413);
    const empty = await send('PUT', `/v1/places/${shopId}/offers`, Buffer.alloc(0), {
      contentType: 'text/csv',
    });
    assert.equal(empty.status, 400);
    const picture = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const notAFeed = await send('PUT', `/v1/places/${shopId}/offers`, picture, { contentType: 'image/png' });
    assert.equal(notAFeed.status, 415, JSON.stringify(notAFeed.body));
    assert.equal(notAFeed.body.parameter, 'content-type');
  });

  it('keeps feed text as text: markup in a title is never interpreted', async () => {
    const feed = csv([
      { ean: ean(950), naam: '<img src=x onerror=alert(1)>Fietsbel', prijs: '5,00', voorraad: '2' },
    ]);
    const response = await send('PATCH', `/v1/places/${shopId}/offers`, feed, { contentType: 'text/csv' });
    assert.equal(response.status, 200);
    const offer = (await stock(shopId)).find((item) => item.gtin?.endsWith(ean(950)));
    assert.equal(offer?.title, '<img src=x onerror=alert(1)>Fietsbel');
  });

  it(
    'reads a large file while it writes it: all good rows in, every bad row reported, a broken file changes nothing',
    { timeout: 120_000 },
    async () => {
      // Over a megabyte: read in a worker and written while it is read (feeds/source.ts).
      const { placeId, key } = await shopWithKey(2);
      const lines = Array.from(
        { length: 30_000 },
        (_, i) =>
          `${ean(200_000 + i)};"Fietsonderdeel ${i}; model ${i % 40}";${i % 10 === 7 ? 'gratis' : `${1 + (i % 90)},95`};${i % 9}`,
      );
      const big = ['ean;naam;prijs;voorraad', ...lines].join('\r\n');
      assert.ok(big.length > 1024 * 1024);
      const response = await send('PUT', `/v1/places/${placeId}/offers?confirm_shrink=true`, big, {
        key,
        contentType: 'text/csv',
      });
      assert.equal(response.status, 200, JSON.stringify(response.body).slice(0, 500));
      assert.equal(response.body.read, 30_000);
      assert.equal(response.body.imported, 27_000);
      assert.equal(response.body.rejected, 3_000);
      const errors = response.body.errors as Array<{ line: number; field: string; value: string }>;
      assert.equal(errors.length, 1000, 'the report lists the first thousand problems');
      assert.deepEqual(
        errors.slice(0, 3).map(({ line, field, value }) => ({ line, field, value })),
        [9, 19, 29].map((line) => ({ line, field: 'prijs', value: 'gratis' })),
      );
      // Read from the file, as the server wrote it (paging 27,000 offers through the API is slow).
      const offers = () => {
        const db = new Database(dbPath, { readonly: true });
        try {
          return db
            .prepare(
              'SELECT o.id, o.title, o.price_cents FROM offers AS o JOIN places AS p ON p.rid = o.place_rid WHERE p.id = ? ORDER BY o.id',
            )
            .all(placeId) as Array<{ id: number; title: string; price_cents: number }>;
        } finally {
          db.close();
        }
      };
      const written = offers();
      assert.equal(written.length, 27_000);
      assert.equal(written.find((offer) => offer.title === 'Fietsonderdeel 0; model 0')?.price_cents, 195);
      // Every offer is in the search index, also those whose index terms the worker made.
      const indexed = new Database(dbPath, { readonly: true });
      try {
        const { rid } = indexed.prepare('SELECT rid FROM places WHERE id = ?').get(placeId) as {
          rid: number;
        };
        const { count } = indexed
          .prepare('SELECT count(*) AS count FROM offer_fts WHERE offer_fts MATCH ?')
          .get(`"fietsonderdeel" AND "·pl${rid}"`) as { count: number };
        assert.equal(count, 27_000);
      } finally {
        indexed.close();
      }
      const last = (await (
        await fetch(`${server.baseUrl}/v1/search?q=fietsonderdeel%2029998&near=3811`)
      ).json()) as { items: Array<{ title: string }> };
      assert.deepEqual(
        last.items.map((item) => item.title),
        ['Fietsonderdeel 29998; model 38'],
      );

      // The same file, broken at its very end: refused with the line, and nothing changes.
      const broken = `${big}\r\n${ean(999_999)};"Fietsonderdeel zonder eind;1,00;1`;
      const refused = await send('PUT', `/v1/places/${placeId}/offers?confirm_shrink=true`, broken, {
        key,
        contentType: 'text/csv',
      });
      assert.equal(refused.status, 400, JSON.stringify(refused.body).slice(0, 500));
      assert.match(String(refused.body.detail), /^line 30002: a quoted field/);
      assert.deepEqual(offers(), written);
    },
  );

  it(
    'keeps answering searches while a large feed is imported, and applies a place edit sent meanwhile',
    { timeout: 120_000 },
    async () => {
      const { placeId, key } = await shopWithKey(3);
      const big = [
        'ean;naam;prijs;voorraad',
        ...Array.from(
          { length: 100_000 },
          (_, i) => `${ean(300_000 + i)};Fietsbel ${i};${1 + (i % 90)},95;${i % 9}`,
        ),
      ].join('\r\n');
      const finished: string[] = [];
      const importing = send('PUT', `/v1/places/${placeId}/offers?confirm_shrink=true`, big, {
        key,
        contentType: 'text/csv',
      }).then((response) => {
        finished.push('import');
        return response;
      });
      // The body is in and the import has begun; it takes seconds.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const searching = fetch(`${server.baseUrl}/v1/search?q=fietsbel&near=3811`).then((response) => {
        finished.push('search');
        return response.status;
      });
      const editing = send('PATCH', `/v1/places/${placeId}`, JSON.stringify({ phone: '033 765 43 21' }), {
        key,
        contentType: 'application/json',
      });
      const [imported, searched, edited] = await Promise.all([importing, searching, editing]);
      assert.equal(imported.status, 200, JSON.stringify(imported.body).slice(0, 300));
      assert.equal(imported.body.imported, 100_000);
      assert.equal(searched, 200);
      assert.deepEqual(finished, ['search', 'import'], 'the search was answered while the import ran');
      assert.equal(edited.status, 200, JSON.stringify(edited.body).slice(0, 300));
      assert.equal(edited.body.phone, '033 765 43 21');
    },
  );

  it('marks offers no feed confirmed for 14 days as stale', async () => {
    const all = await stock(otherShopId);
    const fortnightAgo = Date.now() - 14 * 86_400_000;
    for (const offer of all)
      assert.equal(offer.stale, Date.parse(offer.updated_at) < fortnightAgo, offer.updated_at);
  });
});

describe('an import killed halfway', () => {
  it('leaves the previous offers intact and the database sound', { timeout: 120_000 }, async () => {
    const before = await stock(shopId);
    const big = join(dirname(dbPath), 'big.csv');
    writeFileSync(
      big,
      [
        'ean;naam;prijs;voorraad',
        ...Array.from(
          { length: 100_000 },
          (_, i) => `${ean(10_000 + i)};Artikel ${i};${1 + (i % 90)},50;${i % 9}`,
        ),
      ].join('\n'),
    );
    const child = spawn(
      process.execPath,
      [LOKAAL_BIN, 'import', '--place', shopId, '--confirm-shrink', '--db', dbPath, big],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Applying')) resolve();
      });
    });
    // Writing rows inside the transaction by now (the whole import takes seconds): kill
    // without warning, as a power cut would.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    assert.deepEqual(
      (await stock(shopId)).map((offer) => offer.id),
      before.map((offer) => offer.id),
    );
    const db = new Database(dbPath, { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      // Every offer of every import so far refers to a place and a product that exist.
      assert.deepEqual(db.pragma('foreign_key_check'), []);
    } finally {
      db.close();
    }
  });
});
