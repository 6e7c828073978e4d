/**
 * The crawlable pages, as a search engine meets them: the real `lokaal serve` on the demo
 * town, crawled from `robots.txt` and `sitemap.xml`. Every page in the sitemap is fetched
 * and its JSON-LD validated for its type; the sitemap is compared with the database; a
 * shop's feed full of markup comes out as text; stale and out-of-stock offers never claim
 * to be in stock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { gs1CheckDigit, isValidGtin } from '@lokaal/core';
import { LOKAAL_BIN, seededDatabase, startServer, type RunningServer } from '../support/server.js';

const SCHEMA = 'https://schema.org/';
const AVAILABILITY = new Set(
  ['InStock', 'LimitedAvailability', 'OutOfStock', 'BackOrder'].map((name) => SCHEMA + name),
);
const BUSINESS_TYPES = new Set([
  'LocalBusiness',
  'Store',
  'FoodEstablishment',
  'EntertainmentBusiness',
  'Bakery',
  'BookStore',
  'BikeStore',
  'Florist',
  'ClothingStore',
  'ShoeStore',
  'ElectronicsStore',
  'ToyStore',
  'GroceryStore',
  'LiquorStore',
  'HardwareStore',
  'HomeGoodsStore',
  'DepartmentStore',
  'SportingGoodsStore',
  'JewelryStore',
  'PetStore',
  'GardenStore',
  'FurnitureStore',
  'MusicStore',
  'HealthAndBeautyBusiness',
  'HairSalon',
  'Pharmacy',
  'Optician',
  'Locksmith',
  'Restaurant',
  'CafeOrCoffeeShop',
  'IceCreamShop',
  'MovieTheater',
  'Library',
]);
const XSS = `</script><script>alert("lokaal")</script><img src=x onerror=alert(1)> "quoted" & 'single'`;

let server: RunningServer;
let dbPath: string;
let db: Database.Database;

type Json = Record<string, unknown>;

interface FetchedPage {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  jsonLd: Json[];
}

/** The text of every `<script type="application/ld+json">`, parsed. */
function jsonLdOf(body: string): Json[] {
  const blocks = [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.map((match) => JSON.parse(match[1]!) as Json);
}

async function get(url: string, init?: RequestInit): Promise<FetchedPage> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    url,
    status: response.status,
    headers: response.headers,
    body,
    jsonLd: type.startsWith('text/html') ? jsonLdOf(body) : [],
  };
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

interface SitemapUrl {
  loc: string;
  lastmod: string | null;
  /** The `xhtml:link` alternates by hreflang (`nl`, `en`, `x-default`). */
  alternates: Record<string, string>;
}

/** Every URL of the sitemap, through the index when there is one. */
async function sitemapUrls(): Promise<SitemapUrl[]> {
  const root = await get(`${server.baseUrl}/sitemap.xml`);
  assert.equal(root.status, 200);
  assert.match(root.headers.get('content-type') ?? '', /^application\/xml/);
  const files = root.body.includes('<sitemapindex')
    ? await Promise.all(locs(root.body).map((loc) => get(loc)))
    : [root];
  const urls: SitemapUrl[] = [];
  for (const file of files) {
    assert.equal(file.status, 200, file.url);
    for (const match of file.body.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
      const entry = match[1]!;
      const alternates: Record<string, string> = {};
      for (const link of entry.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g))
        alternates[link[1]!] = link[2]!;
      urls.push({
        loc: /<loc>([^<]+)<\/loc>/.exec(entry)![1]!,
        lastmod: /<lastmod>([^<]+)<\/lastmod>/.exec(entry)?.[1] ?? null,
        alternates,
      });
    }
  }
  return urls;
}

/** `/en/plaats/x` → `/plaats/x`: the page behind a URL, whatever its language. */
const dutchPath = (path: string): string => path.replace(/^\/en(?=\/)/, '');

async function mapLimited<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

function assertIsoDate(value: unknown, where: string): void {
  assert.ok(
    typeof value === 'string' && !Number.isNaN(Date.parse(value)),
    `${where}: a date, got ${String(value)}`,
  );
}

function validateAddress(address: Json, where: string): void {
  assert.equal(address['@type'], 'PostalAddress', where);
  for (const key of ['streetAddress', 'postalCode', 'addressLocality', 'addressCountry'])
    assert.ok(typeof address[key] === 'string' && address[key] !== '', `${where}: address.${key}`);
}

function validateBusiness(node: Json, where: string): void {
  assert.ok(
    BUSINESS_TYPES.has(node['@type'] as string),
    `${where}: LocalBusiness subtype, got ${String(node['@type'])}`,
  );
  assert.ok(typeof node.name === 'string' && node.name !== '', `${where}: name`);
  assert.ok(typeof node.url === 'string' && /^http:\/\/.+\/plaats\//.test(node.url), `${where}: url`);
  assert.equal(node['@id'], `${node.url as string}#plaats`, `${where}: @id`);
  validateAddress(node.address as Json, where);
  const geo = node.geo as Json;
  assert.equal(geo['@type'], 'GeoCoordinates', where);
  assert.ok(typeof geo.latitude === 'number' && Math.abs(geo.latitude) <= 90, `${where}: latitude`);
  assert.ok(typeof geo.longitude === 'number' && Math.abs(geo.longitude) <= 180, `${where}: longitude`);
  for (const spec of (node.openingHoursSpecification as Json[] | undefined) ?? []) {
    assert.equal(spec['@type'], 'OpeningHoursSpecification', where);
    assert.ok(Array.isArray(spec.dayOfWeek) && spec.dayOfWeek.length > 0, `${where}: dayOfWeek`);
    for (const day of spec.dayOfWeek as string[])
      assert.match(day, /^https:\/\/schema\.org\/(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/);
    assert.match(spec.opens as string, /^([01]\d|2[0-3]):[0-5]\d$/, `${where}: opens`);
    assert.match(spec.closes as string, /^([01]\d|2[0-3]):[0-5]\d$/, `${where}: closes`);
  }
}

function validateOffer(offer: Json, where: string): void {
  assert.equal(offer['@type'], 'Offer', where);
  assert.equal(offer.priceCurrency, 'EUR', `${where}: priceCurrency`);
  if (offer.price !== undefined) assert.match(offer.price as string, /^\d+\.\d{2}$/, `${where}: price`);
  if (offer.availability !== undefined)
    assert.ok(
      AVAILABILITY.has(offer.availability as string),
      `${where}: availability ${String(offer.availability)}`,
    );
  assert.ok(
    offer.availableAtOrFrom && typeof offer.availableAtOrFrom === 'object',
    `${where}: availableAtOrFrom`,
  );
  if (offer.url !== undefined) assert.match(offer.url as string, /^https?:\/\//, `${where}: url`);
}

function validateProduct(node: Json, where: string): void {
  assert.equal(node['@type'], 'Product', where);
  assert.ok(typeof node.name === 'string' && node.name !== '', `${where}: name`);
  if (node.gtin14 !== undefined) assert.ok(isValidGtin(node.gtin14 as string), `${where}: gtin14`);
}

function validateCollection(node: Json, where: string): void {
  assert.equal(node['@type'], 'CollectionPage', where);
  assert.ok(typeof node.name === 'string' && node.name !== '', `${where}: name`);
  assert.ok(typeof node.url === 'string', `${where}: url`);
  const list = node.mainEntity as Json;
  assert.equal(list['@type'], 'ItemList', where);
  assert.equal(typeof list.numberOfItems, 'number', `${where}: numberOfItems`);
  (list.itemListElement as Json[]).forEach((item, index) => {
    assert.equal(item['@type'], 'ListItem', where);
    assert.equal(item.position, index + 1, where);
    assert.match(item.url as string, /^http:\/\//, where);
  });
}

/** The checks every HTML page passes, whatever its type. */
function validateHtmlPage(page: FetchedPage, canonical: string): void {
  assert.equal(page.status, 200, page.url);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(page.headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
  assert.ok(page.headers.get('etag'), `${page.url}: ETag`);
  assert.doesNotMatch(page.headers.get('content-security-policy') ?? 'missing', /unsafe-inline|missing/);
  assert.ok(
    page.body.includes(`<link rel="canonical" href="${canonical}" />`),
    `${page.url}: canonical ${canonical}`,
  );
  for (const lang of ['nl', 'en', 'x-default'])
    assert.match(
      page.body,
      new RegExp(`<link rel="alternate" hreflang="${lang}" href="http://[^"]+"`),
      `${page.url}: hreflang ${lang}`,
    );
  for (const property of ['og:title', 'og:description', 'og:type', 'og:url'])
    assert.match(
      page.body,
      new RegExp(`<meta property="${property}" content="[^"]+"`),
      `${page.url}: ${property}`,
    );
  assert.match(page.body, /<html lang="(nl|en)">/);
  assert.equal(page.jsonLd.length, 1, `${page.url}: one JSON-LD block`);
  assert.equal(page.jsonLd[0]!['@context'], 'https://schema.org');
  // No inline style or script of our own: the CSP forbids them. The only other scripts are
  // the upgrade's modules, from this origin and pinned by their integrity hash.
  assert.doesNotMatch(page.body, /\sstyle="/);
  for (const [tag] of page.body.matchAll(/<script[^>]*>/g))
    assert.match(
      tag,
      /^<script type="application\/ld\+json">$|^<script\s+type="module"\s+src="\/[^"]+"\s+integrity="sha384-[A-Za-z0-9+/=]{64}"\s+crossorigin="anonymous"\s*>$/,
      `${page.url}: ${tag}`,
    );
}

/** JSON-LD availability by place page URL and GTIN, gathered over the crawl of product pages. */
const seenAvailability = new Map<string, string | null>();
let crawled: SitemapUrl[] = [];
const pagesByKind = { place: 0, product: 0, region: 0, category: 0, regions: 0 };

before(async () => {
  dbPath = seededDatabase().dbPath;
  server = await startServer({ dbPath });
  db = new Database(dbPath, { readonly: true });
});

after(async () => {
  db?.close();
  await server?.stop();
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

describe('robots.txt and sitemap', () => {
  it('robots.txt lets crawlers in and names the sitemap', async () => {
    const robots = await get(`${server.baseUrl}/robots.txt`);
    assert.equal(robots.status, 200);
    assert.match(robots.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(robots.body, /^User-agent: \*$/m);
    assert.match(robots.body, /^Allow: \/$/m);
    assert.ok(robots.body.includes(`Sitemap: ${server.baseUrl}/sitemap.xml`));
  });

  it('lists every place and every product-in-region page of the demo in each language, and only those', async () => {
    crawled = await sitemapUrls();
    const paths = crawled.map((url) => new URL(url.loc).pathname);
    assert.equal(new Set(paths).size, paths.length, 'no URL twice');
    const byLoc = new Map(crawled.map((url) => [url.loc, url]));
    for (const url of crawled) {
      assert.ok(url.loc.startsWith(server.baseUrl), url.loc);
      // Each language version carries the full set of alternates, itself included, and
      // every alternate is itself listed with the same set.
      const dutch = dutchPath(new URL(url.loc).pathname);
      assert.deepEqual(
        url.alternates,
        {
          nl: `${server.baseUrl}${dutch}`,
          en: `${server.baseUrl}/en${dutch}`,
          'x-default': `${server.baseUrl}${dutch}`,
        },
        `${url.loc}: alternates`,
      );
      for (const alternate of Object.values(url.alternates))
        assert.deepEqual(byLoc.get(alternate)?.alternates, url.alternates, `${url.loc}: ${alternate} listed`);
    }
    const places = db
      .prepare<[], { id: string }>('SELECT id FROM places')
      .all()
      .flatMap((row) => [`/plaats/${row.id}`, `/en/plaats/${row.id}`]);
    const products = new Set<string>();
    for (const row of db
      .prepare<[], { gtin: string; region_ids: string }>(
        'SELECT DISTINCT o.gtin, p.region_ids FROM offers o JOIN places p ON p.rid = o.place_rid WHERE o.gtin IS NOT NULL',
      )
      .all())
      for (const region of JSON.parse(row.region_ids) as string[])
        for (const prefix of ['', '/en']) products.add(`${prefix}/product/${row.gtin}/${region}`);
    assert.deepEqual(paths.filter((path) => /^(\/en)?\/plaats\//.test(path)).sort(), places.sort());
    assert.deepEqual(paths.filter((path) => /^(\/en)?\/product\//.test(path)).sort(), [...products].sort());
    assert.deepEqual(
      paths.filter((path) => !/^(\/en)?\/(plaats|product|regio)(\/|$)/.test(path)),
      [],
      'nothing but pages',
    );
    const dutchRegionPages = paths.filter((path) => /^\/regio(\/|$)/.test(path)).sort();
    assert.deepEqual(
      paths.filter((path) => /^\/en\/regio(\/|$)/.test(path)).sort(),
      dutchRegionPages.map((path) => `/en${path}`),
      'every region page in English too',
    );
    for (const url of crawled.filter((entry) => /\/(plaats|product)\//.test(entry.loc)))
      assertIsoDate(url.lastmod, `${url.loc} lastmod`);
  });

  it('gives lastmod from the freshest offer behind a place page', async () => {
    const row = db
      .prepare<[], { id: string; newest: string }>(
        'SELECT p.id, max(o.updated_at) AS newest FROM places p JOIN offers o ON o.place_rid = p.rid GROUP BY p.id ORDER BY p.id LIMIT 1',
      )
      .get()!;
    const entry = crawled.find((url) => url.loc.endsWith(`/plaats/${row.id}`))!;
    assert.ok(entry.lastmod! >= row.newest, `${entry.lastmod} ≥ ${row.newest}`);
  });
});

describe('every page in the sitemap', () => {
  it('is valid HTML of its type, with JSON-LD holding the required properties', async () => {
    assert.ok(crawled.length > 0, 'the sitemap test ran first');
    await mapLimited(crawled, 4, async (url) => {
      let next: string | null = url.loc;
      while (next) {
        const page: FetchedPage = await get(next);
        const path: string = dutchPath(new URL(next).pathname);
        validateHtmlPage(page, next);
        const data = page.jsonLd[0]!;
        if (path.startsWith('/plaats/')) {
          pagesByKind.place += 1;
          validateBusiness(data, next);
          (data.makesOffer as Json[] | undefined)?.forEach((offer, index) => {
            validateOffer(offer, `${next} offer ${index}`);
            assert.deepEqual(offer.availableAtOrFrom, { '@id': data['@id'] });
            validateProduct(offer.itemOffered as Json, `${next} offer ${index}`);
          });
        } else if (path.startsWith('/product/')) {
          pagesByKind.product += 1;
          validateProduct(data, next);
          assert.equal(data.gtin14, path.split('/')[2]);
          const offers = data.offers as Json[];
          assert.ok(offers.length > 0, `${next}: offers`);
          offers.forEach((offer, index) => {
            validateOffer(offer, `${next} offer ${index}`);
            const at = offer.availableAtOrFrom as Json;
            validateBusiness(at, `${next} offer ${index} place`);
            seenAvailability.set(
              `${new URL(at.url as string).pathname}|${data.gtin14 as string}`,
              (offer.availability as string) ?? null,
            );
          });
        } else {
          pagesByKind[path === '/regio' ? 'regions' : path.split('/').length === 3 ? 'region' : 'category'] +=
            1;
          validateCollection(data, next);
        }
        const more: string | null = /<link rel="next" href="([^"]+)"/.exec(page.body)?.[1] ?? null;
        next = more ? new URL(more.replaceAll('&amp;', '&'), server.baseUrl).href : null;
      }
    });
    assert.ok(
      pagesByKind.place >= 200 &&
        pagesByKind.product > 1000 &&
        pagesByKind.region >= 3 &&
        pagesByKind.category > 10,
    );
    assert.equal(pagesByKind.regions, 2, 'the list of regions, in Dutch and in English');
  });

  it('marks out-of-stock offers OutOfStock and never claims stale stock InStock', () => {
    const staleBefore = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const rows = db
      .prepare<[], { place_id: string; gtin: string; availability: string; updated_at: string }>(
        `SELECT p.id AS place_id, o.gtin, o.availability, o.updated_at FROM offers o JOIN places p ON p.rid = o.place_rid
         WHERE o.gtin IS NOT NULL AND p.region_ids <> '[]'`,
      )
      .all();
    let stale = 0;
    let outOfStock = 0;
    for (const row of rows) {
      const key = `/plaats/${row.place_id}|${row.gtin}`;
      assert.ok(seenAvailability.has(key), `${key} is on a product page`);
      const availability = seenAvailability.get(key);
      if (row.availability === 'out_of_stock') {
        outOfStock += 1;
        assert.equal(availability, `${SCHEMA}OutOfStock`, key);
      } else if (row.updated_at < staleBefore) {
        stale += 1;
        assert.equal(availability, null, `${key}: stale ${row.availability} makes no availability claim`);
      } else if (row.availability === 'in_stock') {
        assert.equal(availability, `${SCHEMA}InStock`, key);
      }
    }
    assert.ok(
      stale > 10 && outOfStock > 10,
      `the demo has stale (${stale}) and out-of-stock (${outOfStock}) offers`,
    );
  });

  it('says so in the text, too: "mogelijk niet actueel" and "Niet op voorraad"', async () => {
    const staleBefore = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const row = db
      .prepare<[string], { place_id: string; gtin: string; region: string }>(
        `SELECT p.id AS place_id, o.gtin, json_extract(p.region_ids, '$[0]') AS region FROM offers o
         JOIN places p ON p.rid = o.place_rid
         WHERE o.gtin IS NOT NULL AND o.updated_at < ? AND o.availability = 'in_stock' LIMIT 1`,
      )
      .get(staleBefore)!;
    const page = await get(`${server.baseUrl}/product/${row.gtin}/${row.region}`);
    const item = page.body.split('<li>').find((chunk) => chunk.includes(`href="/plaats/${row.place_id}"`))!;
    assert.match(item, /mogelijk niet actueel/);
    assert.match(item, /class="availability stale">\s*Voorraad onzeker \(laatst gemeld: op voorraad\)/);
    assert.doesNotMatch(item, /class="availability in_stock"/);
    const gone = db
      .prepare<[], { place_id: string; gtin: string; region: string }>(
        `SELECT p.id AS place_id, o.gtin, json_extract(p.region_ids, '$[0]') AS region FROM offers o
         JOIN places p ON p.rid = o.place_rid WHERE o.gtin IS NOT NULL AND o.availability = 'out_of_stock' LIMIT 1`,
      )
      .get()!;
    const goneItem = (await get(`${server.baseUrl}/product/${gone.gtin}/${gone.region}`)).body
      .split('<li>')
      .find((chunk) => chunk.includes(`href="/plaats/${gone.place_id}"`))!;
    assert.match(goneItem, /class="availability out_of_stock">\s*Niet op voorraad/);
    const english = await get(`${server.baseUrl}/en/product/${row.gtin}/${row.region}`);
    assert.match(english.body, /may be out of date/);
    assert.match(english.body, /<html lang="en">/);
  });
});

describe('the upgrade to the widgets', () => {
  it('loads lokaal.js and /pagina.js on a first place page, each matching its integrity hash', async () => {
    const placeId = db.prepare<[], { id: string }>('SELECT id FROM places ORDER BY id LIMIT 1').get()!.id;
    const page = await get(`${server.baseUrl}/plaats/${placeId}`);
    const scripts = [
      ...page.body.matchAll(/<script\s+type="module"\s+src="([^"]+)"\s+integrity="([^"]+)"/g),
    ].map((match) => ({ src: match[1]!, integrity: match[2]! }));
    assert.deepEqual(
      scripts.map((script) => script.src.replace(/\/cdn\/[^/]+\//, '/cdn/VERSION/')),
      ['/cdn/VERSION/lokaal.js', '/pagina.js'],
    );
    for (const script of scripts) {
      const response = await fetch(server.baseUrl + script.src);
      assert.equal(response.status, 200, script.src);
      assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
      const digest = createHash('sha384')
        .update(Buffer.from(await response.arrayBuffer()))
        .digest('base64');
      assert.equal(script.integrity, `sha384-${digest}`, script.src);
    }
    assert.match(page.body, /data-upgrade="lokaal-stock"\s+data-place-id="[^"]+"/);
    // A later page is not upgraded: the widget would show the first page again.
    const later = /<a class="more" rel="next" href="([^"]+)"/.exec(page.body)?.[1];
    if (later) {
      const next = await get(server.baseUrl + later.replaceAll('&amp;', '&'));
      assert.doesNotMatch(next.body, /data-upgrade=|<script\s+type="module"/);
    }
  });
});

describe('hostile feed data', () => {
  let placeId: string;
  let gtin: string;

  before(async () => {
    placeId = db
      .prepare<[], { id: string }>(
        "SELECT id FROM places WHERE region_ids LIKE '%GM0307%' ORDER BY id LIMIT 1",
      )
      .get()!.id;
    const created = spawnSync(
      process.execPath,
      [LOKAAL_BIN, 'keys', 'create', '--place', placeId, '--db', dbPath],
      {
        encoding: 'utf8',
      },
    );
    const key = /lokaal_sk_[0-9A-Za-z]{50}/.exec(created.stdout)![0];
    const body = '870000000001';
    gtin = `0${body}${gs1CheckDigit(body)}`;
    const feed = ['ean;naam;prijs;voorraad', `${gtin.slice(1)};"${XSS.replaceAll('"', '""')}";1,00;3`].join(
      '\r\n',
    );
    const imported = await fetch(`${server.baseUrl}/v1/places/${placeId}/offers`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      body: feed,
    });
    assert.equal(imported.status, 200, await imported.text());
    const edited = await fetch(`${server.baseUrl}/v1/places/${placeId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: XSS }),
    });
    assert.equal(edited.status, 200, await edited.text());
  });

  it('appears as text on the place and product pages, and intact in the JSON-LD', async () => {
    for (const path of [`/plaats/${placeId}`, `/product/${gtin}/GM0307`, `/en/product/${gtin}/GM0307`]) {
      const page = await get(server.baseUrl + path);
      assert.equal(page.status, 200, path);
      assert.ok(!page.body.includes('<script>alert'), `${path}: no script from the feed`);
      assert.ok(!page.body.includes('<img src=x'), `${path}: no element from the feed`);
      assert.ok(
        page.body.includes('&lt;/script&gt;&lt;script&gt;alert(&quot;lokaal&quot;)&lt;/script&gt;'),
        `${path}: the title as text`,
      );
      // One inline script element, the JSON-LD, and it parses back to the feed's text.
      assert.equal(
        page.body.split('<script').length -
          1 -
          (page.body.match(/<script\s+type="module"\s+src=/g)?.length ?? 0),
        1,
        `${path}: one inline script element`,
      );
      const text = JSON.stringify(page.jsonLd[0]);
      assert.ok(text.includes(JSON.stringify(XSS).slice(1, -1)), `${path}: JSON-LD keeps the text`);
    }
  });

  it('lists the new product page in the sitemap at once', async () => {
    const urls = await sitemapUrls();
    assert.ok(urls.some((url) => url.loc === `${server.baseUrl}/product/${gtin}/GM0307`));
  });
});

describe('addresses that are wrong', () => {
  it('answers 404 pages for unknown places, products, regions and categories', async () => {
    for (const path of [
      '/plaats/bestaat-niet',
      '/en/plaats/bestaat-niet',
      '/regio/GM9999',
      '/regio/GM0307/bestaat-niet',
      `/product/${'0'.repeat(13)}0/GM0307`,
      '/sitemaps/plaatsen-99.xml',
    ]) {
      const page = await get(server.baseUrl + path);
      assert.equal(page.status, 404, path);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(page.body, /<meta name="robots" content="noindex"/);
      assert.equal(page.headers.get('cache-control'), 'no-store');
    }
  });

  it('answers 400 pages for malformed ids, GTINs and cursors', async () => {
    for (const path of [
      '/plaats/%3Cscript%3E',
      '/product/12345/GM0307',
      '/product/abc/GM0307',
      '/plaats/amf-x?na=!!',
      '/regio/GM0307?na=bm90LWpzb24',
    ]) {
      const page = await get(server.baseUrl + path);
      assert.equal(page.status, 400, path);
      assert.ok(!page.body.includes('<script>'), path);
    }
  });

  it('sends a GTIN in another form to the one GTIN-14 URL', async () => {
    const row = db
      .prepare<[], { gtin: string }>("SELECT gtin FROM offers WHERE gtin LIKE '0%' LIMIT 1")
      .get()!;
    const page = await get(`${server.baseUrl}/product/${row.gtin.slice(1)}/GM0307`);
    assert.equal(page.status, 301);
    assert.equal(page.headers.get('location'), `/product/${row.gtin}/GM0307`);
  });

  it('answers 304 to a crawler that has the page already', async () => {
    const url = crawled.find((entry) => entry.loc.includes('/plaats/'))!.loc;
    const first = await get(url);
    const again = await get(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });

  it('serves its stylesheet with the widgets tokens', async () => {
    const css = await get(`${server.baseUrl}/pagina.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(css.body, /--lokaal-color-accent, #0b6e4f/);
  });
});
