/**
 * Bad input, parameter by parameter: every wrong value is a 400 problem that names the
 * parameter, never a 500, and nothing in the database changes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../support/server.js';

let server: RunningServer;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server.stop();
});

const TOO_LONG = 'a'.repeat(101);
/** Text that attacks SQL, FTS5 syntax, HTML and encodings. Valid as text, so never a 500. */
const HOSTILE_TEXT = [
  "' OR 1=1 --",
  '"; DROP TABLE offers; --',
  'fiets* OR NEAR(a b)',
  '"unbalanced',
  'col:value',
  '^fiets',
  '(((',
  'AND OR NOT',
  '<script>alert(1)</script>',
  '😀🚲',
  'Ünïcödé straße',
  '\u202Eevil',
  '%00',
  '\u0000',
  'ᵃ',
];

interface Case {
  path: string;
  parameter: string;
  values: string[];
}

const CASES: Case[] = [
  { path: '/v1/search?near=3811&q=', parameter: 'q', values: ['', TOO_LONG] },
  {
    path: '/v1/search?q=fiets&near=',
    parameter: 'near',
    values: ['', '91,5', '52,181', '52.1,abc', 'Atlantis', TOO_LONG],
  },
  {
    path: '/v1/search?q=fiets&near=3811&radius=',
    parameter: 'radius',
    values: ['', '0', '-5', '50001', 'far', '1.5', '1e9'],
  },
  { path: '/v1/search?q=fiets&radius=1000&x=', parameter: 'x', values: ['1'] },
  {
    path: '/v1/search?q=fiets&near=3811&limit=',
    parameter: 'limit',
    values: ['0', '101', '-1', 'ten', '2.5'],
  },
  {
    path: '/v1/search?q=fiets&near=3811&cursor=',
    parameter: 'cursor',
    values: ['nonsense', 'W10', 'a'.repeat(201), '%FF'],
  },
  { path: '/v1/search?q=fiets&near=3811&kind=', parameter: 'kind', values: ['', 'castle', 'SHOP'] },
  {
    path: '/v1/search?q=fiets&near=3811&category=',
    parameter: 'category',
    values: ['', 'Boeken!', 'a'.repeat(41)],
  },
  { path: '/v1/search?q=fiets&near=3811&in_stock=', parameter: 'in_stock', values: ['maybe', '2'] },
  { path: '/v1/search?q=fiets&near=3811&open_now=', parameter: 'open_now', values: ['perhaps'] },
  { path: '/v1/search?q=fiets&region=', parameter: 'region', values: ['GM9999', '../etc', ''] },
  {
    path: '/v1/places?bbox=',
    parameter: 'bbox',
    values: ['', '1,2,3', '5.4,52.1,5.3,52.2', '0,0,10,10', 'a,b,c,d', '5,52,5.1,95'],
  },
  { path: '/v1/places?radius=100&near=', parameter: 'near', values: ['-91,0', 'nowhere'] },
  { path: '/v1/places?radius=', parameter: 'radius', values: ['1000'] },
  { path: '/v1/places?near=3811&bbox=', parameter: 'bbox', values: ['5.3,52.1,5.4,52.2'] },
  { path: '/v1/places/amf-x/offers?limit=', parameter: 'limit', values: ['1000'] },
  {
    path: '/v1/products/',
    parameter: 'gtin',
    values: ['8712345678907', '123', 'abcdefghijklm', '87123456789012345'],
  },
  { path: '/v1/products/8712345678906/offers?near=', parameter: 'near', values: ['99,99'] },
  { path: '/v1/geocode?q=', parameter: 'q', values: ['', '   ', TOO_LONG] },
];

async function health(): Promise<unknown> {
  return (await fetch(`${server.baseUrl}/v1/health`)).json();
}

describe('bad input', () => {
  let before: unknown;

  it('starts from a known database', async () => {
    before = await health();
  });

  for (const { path, parameter, values } of CASES) {
    for (const value of values) {
      const url = path + encodeURIComponent(value);
      it(`${url.slice(0, 90)} → 400 naming ${parameter}`, async () => {
        const response = await fetch(server.baseUrl + url);
        const body = (await response.json()) as { status: number; parameter?: string; detail?: string };
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(body.status, 400);
        assert.equal(body.parameter, parameter, body.detail);
        assert.ok(body.detail?.startsWith(`${parameter}:`), body.detail);
      });
    }
  }

  for (const text of HOSTILE_TEXT) {
    for (const path of [
      '/v1/search?near=3811&q=',
      '/v1/places?q=',
      '/v1/places/x/offers?q=',
      '/v1/geocode?q=',
    ]) {
      it(`${path}${JSON.stringify(text)} is answered, never a 500`, async () => {
        const response = await fetch(server.baseUrl + path + encodeURIComponent(text));
        assert.ok([200, 400, 404].includes(response.status), `status ${response.status}`);
        const body = (await response.json()) as { items?: unknown[] };
        if (response.status === 200 && path.startsWith('/v1/search')) assert.ok(Array.isArray(body.items));
      });
    }
  }

  it('a hostile GTIN or place id in the path is a 400 or 404, never a 500', async () => {
    for (const path of [
      '/v1/products/%27%20OR%201%3D1',
      '/v1/places/..%2F..%2Fetc%2Fpasswd',
      '/v1/places/%00',
      '/v1/regions/%3Cb%3E',
    ]) {
      const response = await fetch(server.baseUrl + path);
      assert.ok([400, 404].includes(response.status), `${path}: ${response.status}`);
    }
  });

  it('write methods on read endpoints change nothing', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${server.baseUrl}/v1/regions`, { method, body: '{}' });
      assert.ok(response.status >= 400 && response.status < 500, `${method}: ${response.status}`);
    }
  });

  it('left the database as it was', async () => {
    assert.deepEqual(await health(), before);
  });
});
