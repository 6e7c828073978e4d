import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseJsonLd } from './jsonld.js';
import { FeedFileError, type ParsedFeed } from './types.js';

const OPTIONS = { maxRows: 200_000, now: new Date('2026-11-27T10:00:00Z') };
const example = (file: string) => readFileSync(new URL(`../../examples/feeds/${file}`, import.meta.url));
/** Parses a JSON-LD document given as a value, written out with two-space indentation. */
const jsonld = (document: unknown): ParsedFeed =>
  parseJsonLd(Buffer.from(JSON.stringify(document, null, 2)), OPTIONS);
const text = (source: string): ParsedFeed => parseJsonLd(Buffer.from(source), OPTIONS);

const offer = (price: string | number, extra: Record<string, unknown> = {}) => ({
  '@type': 'Offer',
  price,
  priceCurrency: 'EUR',
  availability: 'https://schema.org/InStock',
  ...extra,
});

describe('JSON-LD example file', () => {
  it('reads @graph with a Book, offers as object and array, priceSpecification and a ProductGroup', () => {
    const feed = parseJsonLd(example('schema-org.jsonld'), OPTIONS);
    assert.equal(feed.format, 'jsonld');
    assert.equal(feed.read, 6);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(feed.ignoredColumns, ['offers.seller', 'hasVariant.color']);
    assert.deepEqual(feed.rows[0], {
      line: 23,
      action: 'upsert',
      gtin: '09789048800018',
      sku: null,
      title: 'Wandelen langs de Eem',
      brand: 'Uitgeverij Eemland',
      category: 'Boeken > Reizen > Wandelgidsen',
      image: 'https://boekhandel-het-kompas.example/img/wandelen-langs-de-eem.jpg',
      url: 'https://boekhandel-het-kompas.example/boek/wandelen-langs-de-eem',
      price_cents: 1995,
      availability: 'in_stock',
      quantity: 4,
      store_code: null,
    });
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.title, row.price_cents, row.availability, row.quantity]),
      [
        [23, 'Wandelen langs de Eem', 1995, 'in_stock', 4],
        [44, 'Het grote vogelboek van Nederland', 3499, 'on_order', null],
        [57, 'Kookboek van de Veluwe', 2750, 'limited', 1],
        [78, 'Schooltas Kompas 20 liter, donkerblauw', 3995, 'in_stock', 6],
        [92, 'Schooltas Kompas 20 liter, okergeel', 3995, 'out_of_stock', 0],
        [102, 'Vulpen Kompas staal, medium punt', null, null, null],
      ],
    );
    assert.equal(feed.rows[1]?.image, 'https://boekhandel-het-kompas.example/img/vogelboek-voor.jpg');
    assert.equal(feed.rows[3]?.brand, 'Kompas', 'a variant takes the brand of its group');
    assert.equal(feed.rows[3]?.category, 'Tassen > Schooltassen');
  });
});

describe('JSON-LD shapes', () => {
  it('a single Product with one Offer', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Fietsbel',
      gtin13: '8712345678906',
      brand: { '@type': 'Brand', name: 'Spaak' },
      image: { '@type': 'ImageObject', url: 'https://w.example/bel.jpg' },
      offers: offer('7.95'),
    });
    assert.equal(feed.rows.length, 1);
    assert.equal(feed.rows[0]?.line, 14, 'the line of the Offer');
    assert.equal(feed.rows[0]?.brand, 'Spaak');
    assert.equal(feed.rows[0]?.image, 'https://w.example/bel.jpg');
    assert.equal(feed.rows[0]?.price_cents, 795);
  });

  it('leaves a brand given only by reference empty, and takes the first of a list', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@type': 'Product',
      sku: 'A',
      brand: { '@id': '#merk' },
      category: ['Kaas', 'Zuivel'],
      image: [{ '@type': 'ImageObject', contentUrl: 'https://w.example/a.jpg' }],
      offers: { '@type': 'Offer', price: 3, inventoryLevel: 5 },
    });
    assert.deepEqual(
      [feed.rows[0]?.brand, feed.rows[0]?.category, feed.rows[0]?.image, feed.rows[0]?.quantity],
      [null, 'Kaas', 'https://w.example/a.jpg', 5],
    );
  });

  it('a top-level array, and types written as URLs or lists', () => {
    const feed = jsonld([
      { '@context': 'https://schema.org', '@type': 'https://schema.org/Product', sku: 'A', offers: offer(1) },
      { '@context': 'https://schema.org', '@type': ['Product', 'Thing'], sku: 'B', offers: offer(2) },
      { '@context': 'https://schema.org', '@type': 'Organization', name: 'Winkel' },
    ]);
    assert.deepEqual(
      feed.rows.map((row) => [row.sku, row.price_cents]),
      [
        ['A', 100],
        ['B', 200],
      ],
    );
  });

  it('an ItemList of ListItems holding Products', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        {
          '@type': 'ListItem',
          position: 1,
          item: { '@type': 'Product', sku: 'A', name: 'Appel', offers: offer('0.45') },
        },
        {
          '@type': 'ListItem',
          position: 2,
          item: { '@type': 'Product', sku: 'B', name: 'Peer', offers: offer('0.55') },
        },
      ],
    });
    assert.deepEqual(
      feed.rows.map((row) => [row.sku, row.title, row.price_cents]),
      [
        ['A', 'Appel', 45],
        ['B', 'Peer', 55],
      ],
    );
  });

  it('an array of offers: one row per offer, each at the line of its Offer', () => {
    const feed = text(
      [
        '{',
        '  "@context": "https://schema.org",',
        '  "@type": "Product",',
        '  "name": "Kaas",',
        '  "offers": [',
        '    { "@type": "Offer", "sku": "KAAS-JONG", "price": "4.50", "priceCurrency": "EUR" },',
        '    {',
        '      "@type": "Offer",',
        '      "sku": "KAAS-OUD",',
        '      "price": "gratis"',
        '    },',
        '    { "@type": "Offer", "sku": "KAAS-BELEGEN", "price": 5.25 }',
        '  ]',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.sku, row.title, row.price_cents]),
      [
        [6, 'KAAS-JONG', 'Kaas', 450],
        [12, 'KAAS-BELEGEN', 'Kaas', 525],
      ],
    );
    assert.deepEqual(feed.rejected, [
      {
        line: 7,
        field: 'offers.price',
        reason: 'not a price; expected an amount in euro such as 12,95, 12.95, € 12,95 or 12.95 EUR',
        value: 'gratis',
      },
    ]);
  });

  it('an AggregateOffer with offers', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Tulpen',
      offers: {
        '@type': 'AggregateOffer',
        lowPrice: '3.95',
        priceCurrency: 'EUR',
        offers: [
          { '@type': 'Offer', sku: 'TULP-10', price: '3.95', availability: 'InStock' },
          { '@type': 'Offer', sku: 'TULP-20', price: '6.95', availability: 'SoldOut' },
        ],
      },
    });
    assert.deepEqual(
      feed.rows.map((row) => [row.sku, row.price_cents, row.availability]),
      [
        ['TULP-10', 395, 'in_stock'],
        ['TULP-20', 695, 'out_of_stock'],
      ],
    );
  });

  it('an AggregateOffer in another currency rejects its offers', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@type': 'Product',
      offers: {
        '@type': 'AggregateOffer',
        priceCurrency: 'GBP',
        offers: [{ '@type': 'Offer', sku: 'A', price: 1 }],
      },
    });
    assert.equal(feed.rows.length, 0);
    assert.equal(feed.rejected[0]?.field, 'offers.priceCurrency');
    assert.match(feed.rejected[0]?.reason ?? '', /currency is GBP/);
  });

  it('a ProductGroup with hasVariant: one row per variant, the group name when a variant has none', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@type': 'ProductGroup',
      name: 'Regenjas',
      brand: 'Polder',
      hasVariant: [
        { '@type': 'Product', gtin13: '8717440200427', name: 'Regenjas S', offers: offer('59.95') },
        {
          '@type': 'Product',
          gtin13: '8717440200434',
          offers: offer('59.95', { availability: 'BackOrder' }),
        },
      ],
    });
    assert.deepEqual(
      feed.rows.map((row) => [row.gtin, row.title, row.brand, row.availability]),
      [
        ['08717440200427', 'Regenjas S', 'Polder', 'in_stock'],
        ['08717440200434', 'Regenjas', 'Polder', 'on_order'],
      ],
    );
  });

  it('an Offer with itemOffered', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@type': 'Offer',
      price: '12.50',
      priceCurrency: 'EUR',
      availability: 'https://schema.org/LimitedAvailability',
      inventoryLevel: { '@type': 'QuantitativeValue', value: '2' },
      itemOffered: {
        '@type': 'Product',
        name: 'Kookboek',
        isbn: '978-90-488-0001-8',
        url: 'https://w.example/k',
      },
    });
    assert.deepEqual(feed.rows[0], {
      line: 1,
      action: 'upsert',
      gtin: '09789048800018',
      sku: null,
      title: 'Kookboek',
      brand: null,
      category: null,
      image: null,
      url: 'https://w.example/k',
      price_cents: 1250,
      availability: 'limited',
      quantity: 2,
      store_code: null,
    });
  });

  it('names bad properties by their path', () => {
    const feed = jsonld({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Product',
          gtin13: '8712345678907',
          name: 'x'.repeat(201),
          offers: offer('1.00', {
            priceCurrency: 'USD',
            inventoryLevel: { value: -2 },
            url: 'data:text/html,x',
          }),
        },
        { '@type': 'Offer', price: 1, itemOffered: { '@type': 'Product', sku: 'A', image: 'javascript:x' } },
      ],
    });
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.field, problem.value]),
      [
        ['offers.priceCurrency', 'USD'],
        ['gtin13', '8712345678907'],
        ['name', `${'x'.repeat(79)}…`],
        ['offers.url', 'data:text/html,x'],
        ['offers.inventoryLevel.value', '-2'],
        ['itemOffered.image', 'javascript:x'],
      ],
    );
    assert.deepEqual([...new Set(feed.rejected.map((problem) => problem.line))], [8, 19]);
  });

  it('rejects a second product with the same GTIN', () => {
    const feed = jsonld([
      { '@context': 'https://schema.org', '@type': 'Product', gtin: '8712345678906', offers: offer(1) },
      { '@context': 'https://schema.org', '@type': 'Product', gtin13: '08712345678906', offers: offer(2) },
    ]);
    assert.equal(feed.rows.length, 1);
    assert.match(feed.rejected[0]?.reason ?? '', /duplicate: the same GTIN is already on line 6/);
  });

  it('refuses invalid JSON with line and column, and JSON without products', () => {
    assert.throws(
      () => text('{\n  "@context": "https://schema.org",\n  "@type": "Product"\n  "name": "x"\n}'),
      (error: unknown) =>
        error instanceof FeedFileError &&
        error.message === 'line 4, column 3: the JSON is not valid: comma expected',
    );
    assert.throws(
      () => jsonld({ '@context': 'https://schema.org', '@type': 'WebSite' }),
      /no schema.org Product/,
    );
    assert.throws(() => text(''), /empty/);
  });
});
