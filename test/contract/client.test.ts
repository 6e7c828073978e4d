/**
 * The typed client against the real server: every function, its typed errors, and its
 * endpoints and parameters checked against the published OpenAPI document.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import {
  AbortedError,
  CLIENT_ENDPOINTS,
  NetworkError,
  ProblemError,
  TimeoutError,
  createClient,
  createPrivateLookupClient,
  type LokaalClient,
} from '@lokaal/client';
import { spawnSync } from 'node:child_process';
import { gtinPrefix, mightContainGtin, parseFilter } from '@lokaal/filter';
import { LOKAAL_BIN, startServer, type RunningServer } from '../support/server.js';
import type { OpenApiDocument } from '../support/openapi.js';

let server: RunningServer;
let lokaal: LokaalClient;

before(async () => {
  server = await startServer();
  lokaal = createClient({ baseUrl: server.baseUrl });
});

after(async () => {
  await server.stop();
});

describe('@lokaal/client', () => {
  it('calls every endpoint of the contract with the parameters the contract names', async () => {
    const document = (await (await fetch(`${server.baseUrl}/v1/openapi.json`)).json()) as OpenApiDocument;
    const documented = Object.entries(document.paths)
      .filter(([, operations]) => operations.get)
      .map(([path]) => path)
      .sort();
    assert.deepEqual(CLIENT_ENDPOINTS.map((endpoint) => endpoint.path).sort(), documented);
    for (const endpoint of CLIENT_ENDPOINTS) {
      const parameters = (document.paths[endpoint.path]!.get!.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name)
        .sort();
      assert.deepEqual([...endpoint.query].sort(), parameters, `${endpoint.path} query parameters`);
    }
  });

  it('searches, lists places and offers, and geocodes', async () => {
    const health = await lokaal.health();
    assert.equal(health.status, 'ok');
    const results = await lokaal.search({ q: 'fietsbel', near: '3811', radius: 3000, in_stock: true });
    assert.ok(results.items.length > 0);
    const offer = results.items[0]!.offers[0]!;
    const place = await lokaal.place(offer.place_id);
    assert.equal(place.id, offer.place_id);
    const stock = await lokaal.placeOffers(place.id, { limit: 3 });
    assert.equal(stock.items.length, 3);
    const gtin = results.items.find((item) => item.product)!.product!.gtin;
    assert.equal((await lokaal.product(gtin)).gtin, gtin);
    const nearby = await lokaal.productOffers(gtin, { near: '52.1561,5.3878', radius: 5000 });
    assert.ok(nearby.items.length > 0);
    const places = await lokaal.places({ bbox: [5.37, 52.15, 5.4, 52.16], kind: 'shop', limit: 5 });
    assert.ok(places.items.every((item) => item.kind === 'shop'));
    assert.equal((await lokaal.geocode('3811 AB')).kind, 'postcode');
    const regions = await lokaal.regions();
    assert.equal((await lokaal.region(regions.items[0]!.id)).id, regions.items[0]!.id);
  });

  it('downloads the GTIN filter, revalidates it, and asks for a bucket by hash prefix', async () => {
    const lookup = createPrivateLookupClient({ baseUrl: server.baseUrl });
    const first = await lookup.gtinFilter();
    assert.ok(first.modified && first.bytes.byteLength > 40 && first.etag);
    const again = await lookup.gtinFilter({ ifNoneMatch: first.etag });
    assert.equal(again.modified, false);
    const filter = parseFilter(first.bytes);
    const meta = await lookup.gtinFilterMeta();
    assert.equal(meta.entries, filter.entries);
    const results = await lokaal.search({ q: 'fietsbel', near: '3811', in_stock: true });
    const gtin = results.items.find((item) => item.product)!.product!.gtin;
    assert.ok(mightContainGtin(filter, gtin));
    const prefix = await gtinPrefix(gtin, meta.bucket_bits);
    const bucket = await lookup.offersByPrefix({ prefix, bits: meta.bucket_bits, near: '3811' });
    assert.ok(bucket.gtins_in_bucket >= 50);
    assert.ok(bucket.items.some((item) => item.gtin === gtin && item.offers.length > 0));
  });

  it('registers a place, and sends a feed with a key and reads its report', async () => {
    const receipt = await lokaal.register({
      name: 'Kaashandel Test',
      kind: 'shop',
      address: { street: 'Hof', housenumber: '3', postcode: '3811 CJ', town: 'Amersfoort' },
      contact: { email: 'kaas@example.nl' },
    });
    assert.equal(receipt.status, 'pending');
    const shop = (await lokaal.places({ category: 'kaas', limit: 1 })).items[0]!;
    const created = spawnSync(
      process.execPath,
      [LOKAAL_BIN, 'keys', 'create', '--place', shop.id, '--db', server.dbPath],
      {
        encoding: 'utf8',
      },
    );
    const key = /lokaal_sk_\w{50}/.exec(created.stdout)![0];
    const report = await lokaal.sendFeed(
      shop.id,
      { mode: 'delta', body: 'sku;naam;prijs\nKAAS-1;Oude kaas 500 g;8,95', contentType: 'text/csv' },
      { key },
    );
    assert.equal(report.imported, 1);
    assert.equal((await lokaal.feedStatus(shop.id, { key })).imported, 1);
    await assert.rejects(
      lokaal.feedStatus(shop.id, { key: `lokaal_sk_${'x'.repeat(50)}` }),
      (error: unknown) => {
        assert.ok(error instanceof ProblemError);
        assert.equal(error.status, 401);
        return true;
      },
    );
  });

  it('throws a ProblemError that names the wrong parameter', async () => {
    await assert.rejects(lokaal.search({ q: 'fiets', near: '3811', radius: 99_999 }), (error: unknown) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.status, 400);
      assert.equal(error.parameter, 'radius');
      return true;
    });
    await assert.rejects(lokaal.place('does-not-exist'), (error: unknown) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.status, 404);
      return true;
    });
  });

  it('throws AbortedError when the caller aborts, before or during a call', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(lokaal.health({ signal: controller.signal }), AbortedError);
    const slow = await silentServer();
    try {
      const client = createClient({ baseUrl: slow.url });
      const during = new AbortController();
      const pending = client.health({ signal: during.signal });
      during.abort();
      await assert.rejects(pending, AbortedError);
    } finally {
      slow.server.close();
    }
  });

  it('throws TimeoutError when the server does not answer in time', async () => {
    const slow = await silentServer();
    try {
      const client = createClient({ baseUrl: slow.url, timeoutMs: 100 });
      await assert.rejects(client.health(), TimeoutError);
    } finally {
      slow.server.close();
    }
  });

  it('throws NetworkError when nothing listens', async () => {
    const closed = await silentServer();
    closed.server.close();
    await new Promise((resolve) => closed.server.once('close', resolve));
    await assert.rejects(createClient({ baseUrl: closed.url }).health(), NetworkError);
  });
});

/** A TCP server that accepts connections and never answers. */
async function silentServer(): Promise<{ server: Server; url: string }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const close = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    for (const socket of sockets) socket.destroy();
    return close(callback);
  }) as typeof server.close;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}` };
}
