import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectFormat } from './detect.js';
import type { FeedFormat } from './types.js';

const example = (file: string) => readFileSync(new URL(`../../examples/feeds/${file}`, import.meta.url));
const body = (text: string) => Buffer.from(text, 'utf8');

const CSV = body('ean;naam;prijs\n8712345678906;Zeep;1,00\n');
const GOOGLE_TSV = body('store_code\tid\tquantity\tprice\nW1\tA\t3\t1.00 EUR\n');
const PLAIN_TSV = body('ean\tnaam\tprijs\n8712345678906\tZeep\t1,00\n');
const XML = body('<?xml version="1.0"?><rss><channel></channel></rss>');
const JSONLD = body('{ "@context": "https://schema.org", "@type": "Product" }');
const LOKAAL = body('{ "offers": [] }');

describe('detectFormat', () => {
  it('goes by the content type first, ignoring parameters', () => {
    const cases: Array<[string, Buffer, FeedFormat]> = [
      ['text/csv', LOKAAL, 'csv'],
      ['text/csv; charset=utf-8', CSV, 'csv'],
      ['TEXT/CSV;charset=windows-1252', CSV, 'csv'],
      ['text/tab-separated-values', CSV, 'google-tsv'],
      ['application/xml', CSV, 'google-xml'],
      ['text/xml; charset=UTF-8', CSV, 'google-xml'],
      ['application/ld+json', LOKAAL, 'jsonld'],
      ['application/json', LOKAAL, 'lokaal-json'],
      ['application/json; charset=utf-8', JSONLD, 'jsonld'],
      ['text/plain', GOOGLE_TSV, 'google-tsv'],
      ['text/plain; charset=utf-8', PLAIN_TSV, 'csv'],
      ['text/plain', CSV, 'csv'],
    ];
    for (const [contentType, content, expected] of cases) {
      assert.equal(
        detectFormat({ contentType, filename: 'voorraad.xml', body: content }),
        expected,
        contentType,
      );
    }
  });

  it('then by the file extension', () => {
    const cases: Array<[string, Buffer, FeedFormat]> = [
      ['voorraad.csv', LOKAAL, 'csv'],
      ['VOORRAAD.CSV', CSV, 'csv'],
      ['inventory.tsv', CSV, 'google-tsv'],
      ['inventory.txt', GOOGLE_TSV, 'google-tsv'],
      ['export.txt', PLAIN_TSV, 'csv'],
      ['export.txt', CSV, 'csv'],
      ['feed.xml', CSV, 'google-xml'],
      ['producten.jsonld', LOKAAL, 'jsonld'],
      ['producten.json', LOKAAL, 'lokaal-json'],
      ['producten.json', JSONLD, 'jsonld'],
      ['https://winkel.example/feed.xml?token=abc', CSV, 'google-xml'],
    ];
    for (const [filename, content, expected] of cases) {
      for (const contentType of [undefined, null, 'application/octet-stream']) {
        assert.equal(detectFormat({ contentType, filename, body: content }), expected, filename);
      }
    }
  });

  it('then by sniffing the bytes, with a byte order mark stripped', () => {
    const bom = (content: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), content]);
    const cases: Array<[Buffer, FeedFormat | null]> = [
      [XML, 'google-xml'],
      [bom(body('\n  <rss/>')), 'google-xml'],
      [JSONLD, 'jsonld'],
      [body('[{"@type":"Product"}]'), 'jsonld'],
      [LOKAAL, 'lokaal-json'],
      [bom(body('[{"sku":"A"}]')), 'lokaal-json'],
      [GOOGLE_TSV, 'google-tsv'],
      [body('id\ttitle\tavailability\nA\tZeep\tin_stock\n'), 'google-tsv'],
      [PLAIN_TSV, 'csv'],
      [bom(CSV), 'csv'],
      [body('ean,title\n1,2\n'), 'csv'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), null],
      [Buffer.alloc(0), null],
      [body(' \n \n'), null],
    ];
    for (const [content, expected] of cases) {
      assert.equal(detectFormat({ body: content }), expected, content.toString('utf8').slice(0, 30));
    }
  });

  it('recognises every example file by its name and by its bytes', () => {
    const examples: Array<[string, FeedFormat]> = [
      ['voorraad.csv', 'csv'],
      ['stock-en.csv', 'csv'],
      ['kassa-cp1252.csv', 'csv'],
      ['delta.csv', 'csv'],
      ['google-local-inventory.txt', 'google-tsv'],
      ['google-local-inventory.xml', 'google-xml'],
      ['schema-org.jsonld', 'jsonld'],
      ['lokaal.json', 'lokaal-json'],
    ];
    for (const [file, expected] of examples) {
      assert.equal(detectFormat({ filename: file, body: example(file) }), expected, file);
      assert.equal(detectFormat({ body: example(file) }), expected, `${file} sniffed`);
    }
  });
});
