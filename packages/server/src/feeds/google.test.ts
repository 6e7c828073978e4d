import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseGoogleTsv, parseGoogleXml } from './google.js';
import { FeedFileError } from './types.js';

const DURING_SALE = { maxRows: 200_000, now: new Date('2026-11-27T10:00:00Z') };
const AFTER_SALE = { maxRows: 200_000, now: new Date('2026-12-07T10:00:00Z') };
const example = (file: string) => readFileSync(new URL(`../../examples/feeds/${file}`, import.meta.url));
const xml = (text: string, options = DURING_SALE) => parseGoogleXml(Buffer.from(text, 'utf8'), options);

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n<title>Winkel</title>\n${items}\n</channel>\n</rss>\n`;

describe('Google local inventory, tab-separated', () => {
  it('reads the example file', () => {
    const feed = parseGoogleTsv(example('google-local-inventory.txt'), DURING_SALE);
    assert.equal(feed.format, 'google-tsv');
    assert.equal(feed.read, 7);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(feed.ignoredColumns, ['pickup_method', 'pickup_sla']);
    assert.deepEqual(feed.rows[0], {
      line: 2,
      action: 'upsert',
      gtin: '08718301400314',
      sku: 'EJ-1001',
      title: 'Steelstofzuiger snoerloos 25,2 V',
      brand: 'Voltera',
      category: null,
      image: 'https://elektro-jansen.example/img/ej-1001.jpg',
      url: 'https://elektro-jansen.example/p/ej-1001',
      price_cents: 16_900,
      availability: 'in_stock',
      quantity: 7,
      store_code: 'AMF-01',
    });
    assert.deepEqual(
      feed.rows.map((row) => [row.store_code, row.sku, row.availability, row.price_cents]),
      [
        ['AMF-01', 'EJ-1001', 'in_stock', 16_900],
        ['AMF-01', 'EJ-1002', 'limited', 8995],
        ['AMF-01', 'EJ-1003', 'in_stock', 499],
        ['AMF-01', 'EJ-1004', 'out_of_stock', 3995],
        ['AMF-01', 'EJ-1005', 'on_order', 12_900],
        ['LEU-01', 'EJ-1001', 'in_stock', 16_900],
        ['LEU-01', 'EJ-1003', 'in_stock', 499],
      ],
    );
  });

  it('uses the sale price only within sale_price_effective_date', () => {
    const feed = parseGoogleTsv(example('google-local-inventory.txt'), AFTER_SALE);
    assert.equal(feed.rows[0]?.price_cents, 19_900);
    const noDates = parseGoogleTsv(
      Buffer.from('id\tprice\tsale_price\nA\t10.00 EUR\t8.00 EUR\n'),
      AFTER_SALE,
    );
    assert.equal(noDates.rows[0]?.price_cents, 800, 'without dates a sale price always applies');
  });

  it('rejects a bad row by its column, and keeps the good ones', () => {
    const feed = parseGoogleTsv(
      Buffer.from(
        'store_code\tid\tavailability\tprice\tsale_price_effective_date\n' +
          'S1\tA\tin_stock\t12.95 USD\t\n' +
          'S1\tB\tin stock\t12.95 EUR\tvolgende week\n' +
          'S1\tC\tout_of_stock\t3.00 EUR\t\n',
      ),
      DURING_SALE,
    );
    assert.deepEqual(
      feed.rows.map((row) => row.sku),
      ['C'],
    );
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field, problem.value]),
      [
        [2, 'price', '12.95 USD'],
        [3, 'sale_price_effective_date', 'volgende week'],
      ],
    );
  });
});

describe('Google product feed, XML', () => {
  it('reads the example file with the line of each <item>', () => {
    const feed = parseGoogleXml(example('google-local-inventory.xml'), DURING_SALE);
    assert.equal(feed.format, 'google-xml');
    assert.equal(feed.read, 7);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(feed.ignoredColumns, ['g:pickup_method', 'g:pickup_sla']);
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.store_code, row.sku, row.price_cents]),
      [
        [8, 'AMF-01', 'EJ-1001', 16_900],
        [24, 'AMF-01', 'EJ-1002', 8995],
        [35, 'AMF-01', 'EJ-1003', 499],
        [45, 'AMF-01', 'EJ-1004', 3995],
        [55, 'AMF-01', 'EJ-1005', 12_900],
        [66, 'LEU-01', 'EJ-1001', 16_900],
        [79, 'LEU-01', 'EJ-1003', 499],
      ],
    );
    assert.equal(feed.rows[1]?.title, 'Koptelefoon draadloos "Stil & Sterk" over-ear', 'CDATA');
    assert.equal(feed.rows[3]?.title, 'Tosti-ijzer XL & wafelplaten', 'an XML entity');
    assert.equal(feed.rows[0]?.image, 'https://elektro-jansen.example/img/ej-1001.jpg');
    assert.equal(
      parseGoogleXml(example('google-local-inventory.xml'), AFTER_SALE).rows[0]?.price_cents,
      19_900,
    );
  });

  it('names a bad element with its prefix, and the line of its item', () => {
    const feed = xml(
      rss(
        '<item>\n<g:id>A</g:id>\n<g:price>12.95 USD</g:price>\n</item>\n' +
          '<item><g:id>B</g:id><g:gtin>8712345678907</g:gtin><g:link>javascript:alert(1)</g:link></item>\n' +
          '<item><g:id>C</g:id><g:price>1.00 EUR</g:price></item>',
      ),
    );
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.sku]),
      [[10, 'C']],
    );
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field]),
      [
        [5, 'g:price'],
        [9, 'g:gtin'],
        [9, 'g:link'],
      ],
    );
  });

  it('accepts unprefixed names, prefers g: ones, and counts lines past comments and CDATA', () => {
    const feed = xml(
      rss(
        '<!-- <item> in a comment is no item -->\n' +
          '<item>\n<title>RSS-titel</title>\n<g:title>Google-titel</g:title>\n<id>A</id>\n' +
          '<description><![CDATA[<item> in CDATA]]></description>\n</item>\n' +
          '<item><id>B</id><title>Alleen &lt;b&gt;RSS&lt;/b&gt; &#233;n &#x20AC; &euro;</title><link>https://w.example/b</link></item>',
      ),
    );
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.sku, row.title]),
      [
        [6, 'A', 'Google-titel'],
        [12, 'B', 'Alleen <b>RSS</b> én € &euro;'],
      ],
    );
    assert.equal(feed.rows[1]?.url, 'https://w.example/b');
    assert.deepEqual(feed.ignoredColumns, ['description']);
  });

  it('reads an Atom feed with <entry> and <link href>', () => {
    const feed = xml(
      '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">\n' +
        '<title>Winkel</title>\n<entry>\n<g:id>A</g:id>\n<title type="text">Zeep</title>\n' +
        '<link rel="alternate" href="https://w.example/zeep"/>\n<g:price>2.49 EUR</g:price>\n</entry>\n</feed>',
    );
    assert.deepEqual(feed.rows[0], {
      line: 4,
      action: 'upsert',
      gtin: null,
      sku: 'A',
      title: 'Zeep',
      brand: null,
      category: null,
      image: null,
      url: 'https://w.example/zeep',
      price_cents: 249,
      availability: null,
      quantity: null,
      store_code: null,
    });
  });

  it('refuses a DOCTYPE or ENTITY declaration (billion laughs)', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n' +
      '<rss><channel><item><g:id>&lol2;</g:id></item></channel></rss>';
    assert.throws(
      () => xml(laughs),
      (error: unknown) =>
        error instanceof FeedFileError &&
        /^line 2: the XML has a DOCTYPE or ENTITY declaration/.test(error.message),
    );
    assert.throws(() => xml('<rss>\n<!ENTITY x "y">\n</rss>'), /line 2: .*ENTITY/);
  });

  it('refuses XML that is not well-formed, with line and column', () => {
    assert.throws(
      () => xml(rss('<item><g:id>A</g:id>\n<g:price>1</g:prijs></item>')),
      /^FeedFileError: line 6, column \d+: the XML is not well-formed/,
    );
  });

  it('refuses XML that is not a product feed, and a feed without items', () => {
    assert.throws(() => xml('<html><body>Hallo</body></html>'), /not a Google product feed/);
    assert.throws(() => xml(rss('')), /no <item>/);
  });

  it('refuses more items than the limit', () => {
    const items = '<item><g:id>A</g:id></item><item><g:id>B</g:id></item>';
    assert.throws(() => xml(rss(items), { ...DURING_SALE, maxRows: 1 }), /more than 1 rows, the limit/);
  });
});
