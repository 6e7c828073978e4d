/**
 * Contract tests of the open API: the real `lokaal` server on a real SQLite file with the
 * demo town, every endpoint called over HTTP, every answer validated against the OpenAPI
 * document the server itself publishes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { distanceInMetres, parseGtin, type Page, type PlaceNear, type SearchResponse } from '@lokaal/core';
import { startServer, type RunningServer } from '../support/server.js';
import { contractValidator, type OpenApiDocument } from '../support/openapi.js';

let server: RunningServer;
let validate: ReturnType<typeof contractValidator>;

/** GETs a path, checks the answer against the contract for `route`, and returns the body. */
async function call<T>(
  route: string,
  path: string,
  expectedStatus = 200,
): Promise<{ body: T; response: Response }> {
  const response = await fetch(server.baseUrl + path);
  const body = (await response.json()) as T;
  assert.equal(response.status, expectedStatus, `${path}: ${JSON.stringify(body)}`);
  const errors = validate(route, expectedStatus, body);
  assert.deepEqual(errors, [], `${path} does not match the contract for ${route} ${expectedStatus}`);
  return { body, response };
}

before(async () => {
  server = await startServer();
  const document = (await (await fetch(`${server.baseUrl}/v1/openapi.json`)).json()) as OpenApiDocument;
  validate = contractValidator(document);
});

after(async () => {
  await server.stop();
});

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document that lists every endpoint', async () => {
    const document = (await (await fetch(`${server.baseUrl}/v1/openapi.json`)).json()) as OpenApiDocument;
    assert.equal(document.openapi, '3.1.0');
    for (const path of [
      '/v1/health',
      '/v1/search',
      '/v1/places',
      '/v1/places/{id}',
      '/v1/places/{id}/offers',
      '/v1/products/{gtin}',
      '/v1/products/{gtin}/offers',
      '/v1/geocode',
      '/v1/regions',
      '/v1/regions/{id}',
    ]) {
      assert.ok(document.paths[path]?.get, `${path} is documented`);
    }
  });
});

describe('GET /v1/health', () => {
  it('reports the size of the demo town', async () => {
    const { body } = await call<{ places: number; products: number; offers: number }>(
      '/v1/health',
      '/v1/health',
    );
    assert.ok(body.places >= 150, `${body.places} places`);
    assert.ok(body.products >= 5000, `${body.products} products`);
    assert.ok(body.offers >= 30_000, `${body.offers} offers`);
  });
});

describe('GET /v1/search', () => {
  it('finds bicycle bells while the shopper is still typing "fiets", nearest shops first', async () => {
    const { body } = await call<SearchResponse>(
      '/v1/search',
      '/v1/search?q=fiets&near=3811&radius=5000&limit=100',
    );
    assert.ok(body.items.length > 0, 'has results');
    assert.ok(
      body.items.some((item) => /fietsbel/i.test(item.title)),
      `a fietsbel among ${body.items.map((item) => item.title).join(', ')}`,
    );
    assert.ok(body.near, 'says where it searched');
    for (const item of body.items) {
      assert.ok(item.offers.length > 0, `${item.title} lists where to get it`);
      const distances = item.offers.map((offer) => offer.distance_m ?? Infinity);
      assert.deepEqual(
        distances,
        [...distances].sort((a, b) => a - b),
        `${item.title}: nearest first`,
      );
      for (const offer of item.offers) {
        assert.ok(offer.distance_m !== null && offer.distance_m <= 5000, 'within the radius');
        assert.ok(offer.updated_at, 'says how fresh it is');
        assert.ok('open_now' in offer.place, 'says whether the place is open');
      }
      assert.ok(item.place_count >= item.offers.length);
    }
    const scores = body.items.map((item) => item.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      'best first',
    );
    const typedFurther = await call<SearchResponse>('/v1/search', '/v1/search?q=fietsb&near=3811');
    assert.match(typedFurther.body.items[0]!.title, /^fietsbel/i, 'one letter more puts bells first');
  });

  it('folds diacritics: "creme" finds "Crème"', async () => {
    const { body } = await call<SearchResponse>('/v1/search', '/v1/search?q=creme&near=Amersfoort');
    assert.ok(
      body.items.some((item) => /crème/i.test(item.title)),
      `got ${body.items.map((item) => item.title).join(', ')}`,
    );
  });

  it('pages with a cursor without repeating or skipping a result', async () => {
    const first = await call<SearchResponse>('/v1/search', '/v1/search?q=boek&near=3811&limit=5');
    assert.equal(first.body.items.length, 5);
    assert.ok(first.body.next_cursor, 'there is a next page');
    const second = await call<SearchResponse>(
      '/v1/search',
      `/v1/search?q=boek&near=3811&limit=5&cursor=${encodeURIComponent(first.body.next_cursor!)}`,
    );
    const all = await call<SearchResponse>('/v1/search', '/v1/search?q=boek&near=3811&limit=10');
    assert.deepEqual(
      [...first.body.items, ...second.body.items].map((item) => item.key),
      all.body.items.map((item) => item.key),
    );
  });

  it('filters: in stock only, a kind, a category, open now', async () => {
    const inStock = await call<SearchResponse>('/v1/search', '/v1/search?q=fiets&near=3811&in_stock=true');
    for (const item of inStock.body.items) {
      for (const offer of item.offers) assert.ok(['in_stock', 'limited'].includes(offer.availability));
    }
    const byCategory = await call<SearchResponse>('/v1/search', '/v1/search?category=boeken&near=3811');
    assert.ok(byCategory.body.items.length > 0, 'a category alone is a search');
    const openNow = await call<SearchResponse>('/v1/search', '/v1/search?q=a&near=3811&open_now=true');
    for (const item of openNow.body.items) {
      for (const offer of item.offers) assert.equal(offer.place.open_now, true);
    }
    const markets = await call<SearchResponse>('/v1/search', '/v1/search?q=a&near=3811&kind=market');
    for (const item of markets.body.items) {
      for (const offer of item.offers) assert.equal(offer.place.kind, 'market');
    }
  });

  it('searches a whole region, and only its own places, not those of the town next door', async () => {
    const { body } = await call<SearchResponse>('/v1/search', '/v1/search?q=brood&region=GM0327');
    assert.ok(body.radius_m && body.radius_m > 0);
    const towns = new Set(body.items.flatMap((item) => item.offers.map((offer) => offer.place.address.town)));
    assert.deepEqual([...towns], ['Leusden']);
    const places = await call<Page<PlaceNear>>('/v1/places', '/v1/places?region=GM0307&limit=100');
    assert.ok(places.body.items.length > 0);
    assert.ok(places.body.items.every((place) => place.region_ids.includes('GM0307')));
    assert.ok(!places.body.items.some((place) => place.address.town === 'Leusden'));
  });

  it('answers an empty list, not an error, when nothing matches', async () => {
    const { body } = await call<SearchResponse>('/v1/search', '/v1/search?q=zzqxjw&near=3811');
    assert.deepEqual(body.items, []);
    assert.equal(body.next_cursor, null);
  });
});

describe('GET /v1/places', () => {
  it('lists places near a postcode, nearest first, with opening state', async () => {
    const { body } = await call<{ items: PlaceNear[] }>(
      '/v1/places',
      '/v1/places?near=3811%20AB&radius=1000&limit=50',
    );
    assert.ok(body.items.length > 10);
    const distances = body.items.map((place) => place.distance_m!);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
    );
    assert.ok(distances.every((distance) => distance <= 1000));
    assert.ok(
      body.items.some((place) => place.open_now !== null),
      'opening state is evaluated',
    );
  });

  it('lists places in a box and by kind, category and name', async () => {
    const box = await call<{ items: PlaceNear[] }>(
      '/v1/places',
      '/v1/places?bbox=5.37,52.15,5.40,52.16&limit=100',
    );
    for (const place of box.body.items) {
      assert.ok(
        place.point.lon >= 5.37 &&
          place.point.lon <= 5.4 &&
          place.point.lat >= 52.15 &&
          place.point.lat <= 52.16,
      );
    }
    const culture = await call<{ items: PlaceNear[] }>('/v1/places', '/v1/places?kind=culture&limit=100');
    assert.ok(culture.body.items.length > 0);
    assert.ok(culture.body.items.every((place) => place.kind === 'culture'));
    const books = await call<{ items: PlaceNear[] }>(
      '/v1/places',
      '/v1/places?category=boeken&near=Amersfoort',
    );
    assert.ok(books.body.items.length > 0);
    assert.ok(books.body.items.every((place) => place.categories.includes('boeken')));
    const named = books.body.items[0]!.name.split(' ').at(-1)!;
    const byName = await call<{ items: PlaceNear[] }>(
      '/v1/places',
      `/v1/places?q=${encodeURIComponent(named)}`,
    );
    assert.ok(byName.body.items.some((place) => place.name.includes(named)));
  });

  it('keeps pages correct while data changes (cursor is the last sort key, not an offset)', async () => {
    const first = await call<{ items: PlaceNear[]; next_cursor: string }>('/v1/places', '/v1/places?limit=7');
    const second = await call<{ items: PlaceNear[] }>(
      '/v1/places',
      `/v1/places?limit=7&cursor=${encodeURIComponent(first.body.next_cursor)}`,
    );
    const ids = [...first.body.items, ...second.body.items].map((place) => place.id);
    assert.equal(new Set(ids).size, 14, 'no place twice');
  });
});

describe('GET /v1/places/{id} and /v1/places/{id}/offers', () => {
  it('gives the shop card and its own searchable stock', async () => {
    const shops = await call<{ items: PlaceNear[] }>('/v1/places', '/v1/places?category=boeken&near=3811');
    const shop = shops.body.items[0]!;
    const { body: place } = await call<PlaceNear>('/v1/places/{id}', `/v1/places/${shop.id}`);
    assert.equal(place.name, shop.name);
    assert.ok(place.address.postcode);
    const { body: stock } = await call<{
      items: Array<{ title: string; place_id: string }>;
      next_cursor: string | null;
    }>('/v1/places/{id}/offers', `/v1/places/${shop.id}/offers?limit=10`);
    assert.equal(stock.items.length, 10);
    assert.ok(stock.items.every((offer) => offer.place_id === shop.id));
    assert.ok(stock.next_cursor);
    const word = stock.items[0]!.title.split(' ')[0]!;
    const { body: found } = await call<{ items: Array<{ title: string }> }>(
      '/v1/places/{id}/offers',
      `/v1/places/${shop.id}/offers?q=${encodeURIComponent(word.slice(0, 4))}`,
    );
    assert.ok(found.items.length > 0);
    const { body: limited } = await call<{ items: Array<{ availability: string }> }>(
      '/v1/places/{id}/offers',
      `/v1/places/${shop.id}/offers?availability=out_of_stock`,
    );
    assert.ok(limited.items.every((offer) => offer.availability === 'out_of_stock'));
  });

  it('answers 404 with a problem for an unknown place', async () => {
    const { body } = await call<{ title: string }>('/v1/places/{id}', '/v1/places/no-such-place', 404);
    assert.equal(body.title, 'Not found');
  });
});

describe('GET /v1/products/{gtin} and /v1/products/{gtin}/offers', () => {
  it('finds a product by any form of its GTIN and lists where it is, nearest first', async () => {
    const search = await call<SearchResponse>('/v1/search', '/v1/search?q=fietsbel&near=3811');
    const product = search.body.items.find((item) => item.product)!.product!;
    const ean13 = product.gtin.slice(1);
    const { body } = await call<{ gtin: string }>('/v1/products/{gtin}', `/v1/products/${ean13}`);
    assert.equal(body.gtin, product.gtin);
    const { body: offers } = await call<{
      items: Array<{ distance_m: number; place: { point: { lat: number; lon: number } } }>;
    }>('/v1/products/{gtin}/offers', `/v1/products/${product.gtin}/offers?near=52.1561,5.3878&radius=10000`);
    assert.ok(offers.items.length > 0);
    const distances = offers.items.map((offer) => offer.distance_m);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
    );
    for (const offer of offers.items) {
      const actual = distanceInMetres({ lat: 52.1561, lon: 5.3878 }, offer.place.point);
      assert.ok(Math.abs(actual - offer.distance_m) < 2, 'distance is the real distance');
    }
  });

  it('accepts an ISBN with hyphens and rejects a wrong check digit with the reason', async () => {
    const books = await call<SearchResponse>('/v1/search', '/v1/search?category=boeken&near=3811');
    const isbn = books.body.items
      .find((item) => item.product?.gtin.startsWith('0978'))!
      .product!.gtin.slice(1);
    const hyphenated = `${isbn.slice(0, 3)}-${isbn.slice(3, 5)}-${isbn.slice(5, 12)}-${isbn.slice(12)}`;
    await call('/v1/products/{gtin}', `/v1/products/${hyphenated}`);
    const wrong = isbn.slice(0, 12) + String((Number(isbn[12]) + 1) % 10);
    const { body } = await call<{ parameter: string; detail: string }>(
      '/v1/products/{gtin}',
      `/v1/products/${wrong}`,
      400,
    );
    assert.equal(body.parameter, 'gtin');
    assert.match(body.detail, /check digit/);
  });

  it('answers 404 for a valid GTIN it does not know and an empty list of offers', async () => {
    const unknown = '8712345678906';
    assert.ok(parseGtin(unknown).ok);
    await call('/v1/products/{gtin}', `/v1/products/${unknown}`, 404);
    const { body } = await call<{ items: unknown[] }>(
      '/v1/products/{gtin}/offers',
      `/v1/products/${unknown}/offers?near=3811`,
    );
    assert.deepEqual(body.items, []);
  });
});

describe('GET /v1/geocode', () => {
  for (const query of ['3811', '3811 AB', '3811AB', '3811ab', 'Amersfoort', 'amersfoort', 'Leusden']) {
    it(`finds "${query}"`, async () => {
      const { body } = await call<{ point: { lat: number; lon: number } }>(
        '/v1/geocode',
        `/v1/geocode?q=${encodeURIComponent(query)}`,
      );
      assert.ok(distanceInMetres(body.point, { lat: 52.15, lon: 5.4 }) < 10_000, 'near Amersfoort');
    });
  }

  it('answers 404 with a hint for an unknown place', async () => {
    const { body } = await call<{ detail: string }>('/v1/geocode', '/v1/geocode?q=Timboektoe', 404);
    assert.match(body.detail, /postcode/);
  });
});

describe('GET /v1/regions', () => {
  it('lists the town, its centre district and the village, and each by id', async () => {
    const { body } = await call<{ items: Array<{ id: string }> }>('/v1/regions', '/v1/regions');
    const ids = body.items.map((region) => region.id);
    assert.ok(ids.includes('GM0307') && ids.includes('GM0327'), ids.join(', '));
    await call('/v1/regions/{id}', '/v1/regions/GM0307');
    await call('/v1/regions/{id}', '/v1/regions/GM9999', 404);
  });
});

describe('HTTP behaviour of public reads', () => {
  it('allows any origin, sets no cookie, and caches with ETag and Cache-Control', async () => {
    const response = await fetch(`${server.baseUrl}/v1/regions`);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.match(response.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    const etag = response.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.baseUrl}/v1/regions`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  it('compresses large answers', async () => {
    const { request } = await import('node:http');
    const url = new URL(`${server.baseUrl}/v1/search?q=boek&near=3811&limit=50`);
    const { encoding, body } = await new Promise<{ encoding: string | undefined; body: Buffer }>(
      (resolve, reject) => {
        request(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
          );
        })
          .on('error', reject)
          .end();
      },
    );
    assert.equal(encoding, 'gzip');
    assert.ok((JSON.parse(gunzipSync(body).toString()) as SearchResponse).items.length > 0);
  });

  it('answers unknown paths with a problem', async () => {
    const response = await fetch(`${server.baseUrl}/v1/nothing-here`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  });
});
