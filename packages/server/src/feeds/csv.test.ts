import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gs1CheckDigit } from '@lokaal/core';
import { csvParseRecords, parseCsv, parseDelimited, plainRecords } from './csv.js';
import { decodeFeed } from './decode.js';
import type { ParseOptions } from './rows.js';
import { FeedFileError, type FeedRow, type ParsedFeed } from './types.js';

const OPTIONS = { maxRows: 200_000, now: new Date('2026-11-27T10:00:00Z') };
const example = (file: string) => readFileSync(new URL(`../../examples/feeds/${file}`, import.meta.url));
const csv = (text: string, options: ParseOptions = OPTIONS): ParsedFeed =>
  parseCsv(Buffer.from(text, 'utf8'), options);

function ean(n: number): string {
  const body = `871999${String(n).padStart(6, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}
const gtin14 = (code: string) => code.padStart(14, '0');

/** Windows-1252 bytes of a text that only uses Latin-1 letters and the euro sign. */
function cp1252(text: string): Buffer {
  return Buffer.from(Array.from(text, (char) => (char === '€' ? 0x80 : char.charCodeAt(0))));
}

describe('CSV example files', () => {
  it('voorraad.csv: BOM, CRLF, `;`, decimal comma, quotes, a field over two lines', () => {
    const body = example('voorraad.csv');
    assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const feed = parseCsv(body, OPTIONS);
    assert.equal(feed.format, 'csv');
    assert.equal(feed.read, 11);
    assert.equal(feed.rows.length, 11);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(feed.ignoredColumns, []);
    const [kettle] = feed.rows;
    assert.deepEqual(kettle, {
      line: 2,
      action: 'upsert',
      gtin: '08719234100012',
      sku: 'VD-1001',
      title: 'Waterkoker 1,7 liter; RVS',
      brand: 'Kroon',
      category: 'Keuken',
      image: 'https://ijzerhandel-vandam.example/img/vd-1001.jpg',
      url: 'https://ijzerhandel-vandam.example/p/vd-1001',
      price_cents: 3495,
      availability: 'in_stock',
      quantity: 6,
      store_code: null,
    });
    const bySku = new Map(feed.rows.map((row) => [row.sku, row]));
    assert.equal(bySku.get('VD-1003')?.title, 'Tuinslang 25 m "Flex" met koppelingen');
    assert.equal(bySku.get('VD-1003')?.price_cents, 2495);
    assert.equal(bySku.get('VD-1003')?.availability, 'out_of_stock');
    assert.equal(bySku.get('VD-1004')?.title, 'Vogelhuisje grenen met zinken dak');
    assert.equal(bySku.get('VD-1004')?.line, 5);
    assert.equal(bySku.get('VD-1004')?.price_cents, 1200);
    assert.equal(bySku.get('VD-1005')?.line, 7, 'the line after a field over two lines');
    assert.equal(bySku.get('VD-1006')?.price_cents, 124_900);
    assert.equal(bySku.get('VD-1006')?.availability, 'on_order');
    assert.equal(bySku.get('VD-1002')?.availability, null);
    assert.equal(bySku.get('VD-2001')?.gtin, null, 'a service without a barcode has only its SKU');
    assert.equal(feed.rows.at(-1)?.line, 13);
  });

  it('stock-en.csv: `,`, decimal point, English headers', () => {
    const feed = parseCsv(example('stock-en.csv'), OPTIONS);
    assert.equal(feed.read, 7);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(
      feed.rows.map((row) => [row.sku, row.price_cents, row.availability, row.quantity]),
      [
        ['FB-BEL-01', 795, 'in_stock', 14],
        ['FB-BAN-28', 650, 'in_stock', 30],
        ['FB-LCH-02', 1999, 'out_of_stock', 0],
        ['FB-SLT-03', 4995, 'limited', 4],
        ['FB-PMP-01', 2495, 'on_order', null],
        ['FB-EB-500', 184_900, null, 2],
        ['FB-TAS-02', 5995, 'in_stock', 5],
      ],
    );
    assert.equal(feed.rows[1]?.title, 'Binnenband 28 inch, Dunlop-ventiel');
    assert.equal(feed.rows[0]?.url, 'https://fietsen-de-spaak.example/fietsbel-chroom');
  });

  it('kassa-cp1252.csv: Windows-1252 bytes decoded right (€, é, ë, è)', () => {
    const body = example('kassa-cp1252.csv');
    assert.ok(body.includes(0x80), 'the file holds the cp1252 euro byte');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(body), 'and is not UTF-8');
    const feed = parseCsv(body, OPTIONS);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(feed.ignoredColumns, [], '"Prijs (€)" is the price column');
    assert.equal(feed.rows[0]?.title, 'Crème fraîche 30% 200 ml');
    assert.equal(feed.rows[0]?.price_cents, 189);
    assert.equal(feed.rows[0]?.sku, '101');
    assert.equal(feed.rows[1]?.title, 'Paté de campagne 150 g');
    assert.equal(feed.rows[3]?.title, 'Koffie Café Noir bonen 500 g');
    assert.equal(feed.rows[3]?.category, 'Koffie & thee');
    assert.equal(feed.rows[6]?.title, 'Oude kaas "Tweeëntwintig maanden" per 100 g');
    assert.equal(feed.rows[6]?.gtin, null);
    assert.equal(feed.rows[6]?.price_cents, 315);
  });

  it('delta.csv: an action column; verwijder rows remove and need only their key', () => {
    const feed = parseCsv(example('delta.csv'), OPTIONS);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(
      feed.rows.map((row) => [row.line, row.action, row.sku]),
      [
        [2, 'upsert', 'VD-1001'],
        [3, 'upsert', 'VD-1002'],
        [4, 'remove', 'VD-1003'],
        [5, 'upsert', 'VD-1011'],
        [6, 'remove', 'VD-2001'],
        [7, 'upsert', 'VD-1008'],
      ],
    );
    assert.equal(feed.rows[0]?.price_cents, 3295);
    assert.equal(feed.rows[2]?.gtin, '08719234100036');
    assert.equal(feed.rows[2]?.title, null);
  });
});

describe('CSV dialects', () => {
  it('strips a UTF-8 BOM and reads a decimal comma', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`ean;prijs\n${ean(1)};12,95\n`),
    ]);
    const feed = parseCsv(body, OPTIONS);
    assert.deepEqual(feed.ignoredColumns, []);
    assert.equal(feed.rows[0]?.gtin, gtin14(ean(1)));
    assert.equal(feed.rows[0]?.price_cents, 1295);
  });

  it('decodes Windows-1252 when the bytes are not UTF-8', () => {
    const feed = parseCsv(cp1252(`ean;naam;prijs\r\n${ean(2)};Crème brûlée, 2 stuks;€ 3,95\r\n`), OPTIONS);
    assert.equal(feed.rows[0]?.title, 'Crème brûlée, 2 stuks');
    assert.equal(feed.rows[0]?.price_cents, 395);
  });

  it('reads UTF-16 with a byte order mark (Excel "Unicode text")', () => {
    const text = `EAN\tNaam\tPrijs\r\n${ean(3)}\tAppeltaart, heel\t€ 14,50\r\n`;
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const feed = parseCsv(body, OPTIONS);
    assert.equal(feed.rows[0]?.title, 'Appeltaart, heel');
    assert.equal(feed.rows[0]?.price_cents, 1450);
  });

  it('keeps separators and doubled quotes inside quoted fields', () => {
    const feed = csv(`ean;naam;prijs\n${ean(4)};"Kaas; jong ""belegen""";"4,50"\n`);
    assert.equal(feed.rows[0]?.title, 'Kaas; jong "belegen"');
    assert.equal(feed.rows[0]?.price_cents, 450);
  });

  it('counts lines right after a quoted field that spans lines, with CRLF or LF', () => {
    for (const end of ['\n', '\r\n']) {
      const text = [
        'ean;naam;prijs',
        `${ean(5)};"Brood${end}volkoren";2,95`,
        `${ean(6)};"Drie${end}regels${end}lang";1,00`,
        `${ean(7)};Krentenbollen;gratis`,
      ].join(end);
      const feed = csv(text);
      assert.deepEqual(
        feed.rows.map((row) => [row.line, row.title]),
        [
          [2, 'Brood volkoren'],
          [4, 'Drie regels lang'],
        ],
      );
      assert.deepEqual(
        feed.rejected.map((problem) => [problem.line, problem.field, problem.value]),
        [[7, 'prijs', 'gratis']],
      );
    }
  });

  it('finds the separator from the header line: tab, `|`, `,` (not one inside quotes)', () => {
    assert.equal(
      csv(`ean\tnaam\tprijs\n${ean(8)}\tPeer, Conference\t1.99\n`).rows[0]?.title,
      'Peer, Conference',
    );
    assert.equal(csv(`ean|naam|prijs\n${ean(9)}|Appel; Elstar|1,99\n`).rows[0]?.title, 'Appel; Elstar');
    const comma = csv(`ean,naam,"prijs; incl. btw"\n${ean(10)},Melk,"1,09"\n`);
    assert.deepEqual(comma.ignoredColumns, []);
    assert.equal(comma.rows[0]?.price_cents, 109);
  });

  it("honours Excel's sep= line and keeps the line numbers", () => {
    const feed = csv(`sep=;\nean;naam;prijs\n${ean(11)};Thee;3,25\n${ean(12)};Koffie;x\n`);
    assert.equal(feed.rows[0]?.line, 3);
    assert.equal(feed.rejected[0]?.line, 4);
  });

  it('matches header names ignoring case, diacritics, spaces, hyphens and underscores', () => {
    const feed = csv(
      `Artikel-Nr.;EAN 13;PRODUCT_NAAM;Catégorie;Verkoop Prijs;Image URL;Product-URL;Store Code;Leverbaarheid\n` +
        `A-1;${ean(13)};Zeep;Verzorging;2,49;https://w.example/z.jpg;https://w.example/z;W1;ja\n`,
    );
    assert.deepEqual(feed.ignoredColumns, []);
    assert.deepEqual(feed.rows[0], {
      line: 2,
      action: 'upsert',
      gtin: gtin14(ean(13)),
      sku: 'A-1',
      title: 'Zeep',
      brand: null,
      category: 'Verzorging',
      image: 'https://w.example/z.jpg',
      url: 'https://w.example/z',
      price_cents: 249,
      availability: 'in_stock',
      quantity: null,
      store_code: 'W1',
    });
  });

  it('uses the best-named column when two mean the same, and lists the rest as ignored', () => {
    const feed = csv(`omschrijving;ean;naam;kleur;;btw\nLange tekst;${ean(14)};Korte naam;rood;;21\n`);
    assert.equal(feed.rows[0]?.title, 'Korte naam');
    assert.deepEqual(feed.ignoredColumns, ['omschrijving', 'kleur', 'btw']);
  });

  it('reads price_cents, and lets a sale price replace the price', () => {
    const feed = csv(
      `ean;prijs_centen;prijs;actieprijs\n${ean(15)};1295;;\n${ean(16)};;4,95;3,95\n${ean(17)};;4,95;gratis\n`,
    );
    assert.deepEqual(
      feed.rows.map((row) => row.price_cents),
      [1295, 395],
    );
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field]),
      [[4, 'actieprijs']],
    );
  });

  it('decides an ambiguous 1.234 by the decimal separator the other prices use', () => {
    const commaFile = csv(`ean;prijs\n${ean(18)};1.234\n${ean(19)};2,50\n`);
    assert.equal(commaFile.rows[0]?.price_cents, 123_400);
    const pointsInSemicolonFile = csv(`ean;prijs\n${ean(18)};1.234\n${ean(19)};2.50\n${ean(20)};3.99\n`);
    assert.match(pointsInSemicolonFile.rejected[0]?.reason ?? '', /more than 2 decimals/);
    assert.equal(
      csv(`ean;prijs\n${ean(18)};1.234\n`).rows[0]?.price_cents,
      123_400,
      'comma by default for `;`',
    );
    assert.equal(
      csv(`ean,prijs\n${ean(18)},"1,234"\n`).rows[0]?.price_cents,
      123_400,
      'point by default for `,`',
    );
  });

  it('keeps markup in a title as plain text', () => {
    const feed = csv(`ean;naam\n${ean(21)};"<script>alert(1)</script> Fietsbel &amp; bel"\n`);
    assert.equal(feed.rows[0]?.title, '<script>alert(1)</script> Fietsbel &amp; bel');
  });

  it('tolerates rows with more or fewer cells than the header', () => {
    const feed = csv(`ean;naam;prijs\n${ean(22)};Kort\n${ean(23)};Lang;1,00;extra;cellen\n`);
    assert.deepEqual(
      feed.rows.map((row) => [row.title, row.price_cents]),
      [
        ['Kort', null],
        ['Lang', 100],
      ],
    );
  });
});

describe('CSV row checks', () => {
  it('with 10 % bad rows: exactly the 45 good rows, and each problem by line, column and value', () => {
    const lines = ['ean;naam;prijs;voorraad;link'];
    for (let i = 0; i < 50; i++) {
      lines.push(`${ean(100 + i)};Fietslamp model ${i};${10 + i},95;${i % 7};https://fiets.example/p/${i}`);
    }
    const longName = `Fietslamp ${'met extra lange omschrijving '.repeat(9)}`.trim();
    lines[4] = `8719990001045;Fietslamp model 3;13,95;3;`; // wrong check digit
    lines[12] = `8.71999E+12;Fietslamp model 11;21,95;4;`; // spreadsheet notation
    lines[21] = `${ean(120)};Fietslamp model 20;gratis;veel;`; // two bad fields
    lines[34] = `${ean(133)};Fietslamp model 33;43,95;5;javascript:alert(1)`; // unsafe link
    lines[48] = `${ean(147)};"${longName}";57,95;0;`; // too long
    const feed = csv(lines.join('\r\n'));
    assert.equal(feed.read, 50);
    assert.equal(feed.rows.length, 45);
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field, problem.value]),
      [
        [5, 'ean', '8719990001045'],
        [13, 'ean', '8.71999E+12'],
        [22, 'prijs', 'gratis'],
        [22, 'voorraad', 'veel'],
        [35, 'link', 'javascript:alert(1)'],
        [49, 'naam', `${longName.slice(0, 79)}…`],
      ],
    );
    const [checkDigit, precision, price, quantity, link, name] = feed.rejected.map(
      (problem) => problem.reason,
    );
    assert.equal(checkDigit, 'not a valid GTIN/EAN: the check digit is 5 but should be 2');
    assert.match(precision ?? '', /precision lost/);
    assert.match(price ?? '', /not a price/);
    assert.match(quantity ?? '', /not a whole number/);
    assert.match(link ?? '', /javascript: scheme is not allowed/);
    assert.match(name ?? '', /at most 200/);
    assert.equal(feed.rejected[5]?.value.length, 80);
    const lineNumbers = new Set(feed.rows.map((row) => row.line));
    for (const bad of [5, 13, 22, 35, 49]) assert.ok(!lineNumbers.has(bad));
    assert.equal(feed.rows[0]?.line, 2);
    assert.equal(feed.rows.at(-1)?.line, 51);
  });

  it('accepts a GTIN with a leading apostrophe', () => {
    assert.equal(csv(`ean;naam\n'${ean(30)};Zeep\n`).rows[0]?.gtin, gtin14(ean(30)));
  });

  it('rejects a later duplicate naming the earlier line; a GTIN is the same in any length', () => {
    const feed = csv(
      [
        'ean;sku;naam',
        `${ean(31)};A;Een`,
        `${ean(32)};B;Twee`,
        `0${ean(31)};C;Een, nogmaals`,
        `;D;Vier`,
        `;D;Vier, nogmaals`,
        `;B;Geen dubbele: rij 3 heeft een GTIN`,
      ].join('\n'),
    );
    assert.deepEqual(
      feed.rows.map((row) => row.line),
      [2, 3, 5, 7],
    );
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field, problem.value]),
      [
        [4, 'ean', `0${ean(31)}`],
        [6, 'sku', 'D'],
      ],
    );
    assert.match(feed.rejected[0]?.reason ?? '', /duplicate: the same GTIN is already on line 2/);
    assert.match(feed.rejected[1]?.reason ?? '', /duplicate: the same SKU is already on line 5/);
  });

  it('allows the same product once per store', () => {
    const feed = csv(`store_code;ean\nA;${ean(33)}\nB;${ean(33)}\nA;${ean(33)}\n`);
    assert.equal(feed.rows.length, 2);
    assert.match(feed.rejected[0]?.reason ?? '', /for store A is already on line 2/);
  });

  it('rejects a row without GTIN and SKU', () => {
    const feed = csv(`ean;sku;naam\n;;Zonder code\n`);
    assert.equal(feed.rows.length, 0);
    assert.deepEqual(feed.rejected[0], {
      line: 2,
      field: 'ean',
      reason:
        'the row has no GTIN/EAN and no SKU; every row needs at least one of them to identify the product',
      value: '',
    });
  });

  it('skips rows whose every cell is empty, without counting them', () => {
    const feed = csv(`\n\nean;naam\n;\n\n${ean(34)};Zeep\n ; \n${ean(35)};Shampoo\n\n`);
    assert.equal(feed.read, 2);
    assert.deepEqual(
      feed.rows.map((row) => row.line),
      [6, 8],
    );
  });

  it('rejects an unknown action, and does not check the other fields of a removal', () => {
    const feed = csv(`actie;ean;prijs\nweg;${ean(36)};1,00\nverwijder;${ean(37)};gratis\n`);
    assert.deepEqual(
      feed.rejected.map((problem) => [problem.line, problem.field]),
      [[2, 'actie']],
    );
    assert.equal(feed.rows[0]?.action, 'remove');
  });
});

describe('CSV file errors', () => {
  it('names the line and the expected columns when there is no GTIN or SKU column', () => {
    assert.throws(
      () => csv('naam;prijs\nZeep;1,00\n'),
      (error: unknown) =>
        error instanceof FeedFileError &&
        error.message.startsWith('line 1: no column for GTIN/EAN or SKU was found; expected one of ean,') &&
        error.message.includes('found: naam, prijs'),
    );
    assert.throws(() => csv('\n\nnaam;prijs\n'), /^FeedFileError: line 3: no column/);
  });

  it('refuses an empty file and a file without rows', () => {
    assert.throws(
      () => csv(''),
      (error: unknown) => error instanceof FeedFileError && /empty/.test(error.message),
    );
    assert.throws(() => csv('ean;naam\n;\n'), /line 1: the file has a header line but no rows/);
  });

  it('refuses more rows than the limit, naming it', () => {
    const text = ['ean', ean(40), ean(41), ean(42)].join('\n');
    assert.equal(csv(text, { ...OPTIONS, maxRows: 3 }).rows.length, 3);
    assert.throws(
      () => csv(text, { ...OPTIONS, maxRows: 2 }),
      (error: unknown) => error instanceof FeedFileError && /more than 2 rows, the limit/.test(error.message),
    );
  });

  it('names the line of a quote that is never closed', () => {
    assert.throws(
      () => csv(`ean;naam\n${ean(43)};Zeep\n${ean(44)};"Shampoo\n${ean(45)};Kam\n`),
      /^FeedFileError: line 3: a quoted field/,
    );
  });

  it('recognises an Excel workbook sent instead of a CSV', () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    assert.throws(() => parseCsv(xlsx, OPTIONS), /Excel workbook \(\.xlsx\).*CSV UTF-8/);
  });

  it('reads delimited text as Google TSV when asked', () => {
    const feed = parseDelimited(Buffer.from(`id\tprice\nA\t12.95 EUR\n`), {
      ...OPTIONS,
      format: 'google-tsv',
      separator: '\t',
    });
    assert.equal(feed.format, 'google-tsv');
    assert.equal(feed.rows[0]?.price_cents, 1295);
  });
});

describe('the fast reading of plain files', () => {
  // Every text here is read by both: where Papa Parse takes a file, it must give what
  // csv-parse gives (fields trimmed); where the two could differ, it must decline.
  const normalised = (file: string) =>
    decodeFeed(example(file), { legacy: true }).text.replace(/\r\n?/g, '\n');
  const texts: Array<[string, string]> = [
    [normalised('voorraad.csv'), ';'],
    [normalised('stock-en.csv'), ','],
    [normalised('delta.csv'), ';'],
    [normalised('kassa-cp1252.csv'), ';'],
    [normalised('google-local-inventory.txt'), '\t'],
    ['ean;naam;prijs\n8710000000004;"Bel; klassiek";12,95\n', ';'],
    ['ean;naam\n\n8710000000004;Bel\n\n', ';'],
    ['ean;naam\n8710000000004;  Bel  \n', ';'],
    ['ean;naam\n8710000000004;"  Bel  "\n', ';'],
    ['ean;naam\n8710000000004; "Bel"\n', ';'],
    ['ean;naam\n8710000000004;"Bel" \n', ';'],
    ['ean;naam\n8710000000004;"Bel" x\n', ';'],
    ['ean;naam\n8710000000004;Bel "de luxe"\n', ';'],
    ['ean;naam\n8710000000004;"Bel ""de luxe"""\n', ';'],
    ['ean;naam\n8710000000004;"Bel\nover twee regels"\n1;2', ';'],
    ['ean;naam\n8710000000004;"Bel', ';'],
    ['ean|naam|prijs\n8710000000004|Bel|1.295,00', '|'],
    ['ean\tnaam\n8710000000004\t\t"Bel"', '\t'],
    ['ean,naam,prijs\n8710000000004,"Bel, groot",12.95\n', ','],
  ];

  it('reads a plain file as csv-parse does, and leaves every other file to csv-parse', () => {
    let fast = 0;
    for (const [text, separator] of texts) {
      const plain = plainRecords(text, separator);
      if (plain === null) continue;
      fast += 1;
      const expected = csvParseRecords(text, separator).records.map((record) =>
        record.map((field) => field.trim()),
      );
      assert.deepEqual(plain, expected, JSON.stringify(text));
    }
    assert.ok(fast >= 8, `only ${fast} of ${texts.length} texts were read the fast way`);
  });

  it('declines a quoted field over two lines, blanks before a quote and a quote left open', () => {
    assert.equal(plainRecords('a;b\n1;"x\ny"\n', ';'), null);
    assert.equal(plainRecords('a;b\n1; "x"\n', ';'), null);
    assert.equal(plainRecords('a;b\n1;"x\n', ';'), null);
  });
});

describe('large files, read a piece at a time', () => {
  /** A `;` file of `count` rows about 40 characters long; `special` replaces rows by index. */
  function largeFile(
    count: number,
    price: (i: number) => string,
    special = new Map<number, string>(),
  ): string {
    const lines = ['ean;naam;prijs'];
    for (let i = 0; i < count; i++) lines.push(special.get(i) ?? `${ean(i)};Fietsbel ${i};${price(i)}`);
    return `${lines.join('\r\n')}\r\n`;
  }
  const batched = (text: string) => {
    const batches: FeedRow[][] = [];
    const feed = csv(text, { ...OPTIONS, onRows: (rows) => batches.push(rows) });
    return { feed, batches };
  };

  it('counts lines right after a quoted field over two lines far into the file', () => {
    const text = largeFile(
      8000,
      () => '12,95',
      new Map([[6000, `${ean(6000)};"Fietsbel\r\nover twee regels";12,95`]]),
    );
    assert.ok(text.length > 3 * 65_536, 'the file spans several pieces');
    const feed = csv(text);
    assert.equal(feed.rows.length, 8000);
    assert.deepEqual(feed.rejected, []);
    assert.deepEqual(
      feed.rows.slice(5999, 6002).map((row) => [row.line, row.title]),
      [
        [6001, 'Fietsbel 5999'],
        [6002, 'Fietsbel over twee regels'],
        [6004, 'Fietsbel 6001'],
      ],
    );
    assert.equal(feed.rows.at(-1)?.line, 8002);
  });

  it('hands on the first rows before the end of the file is read', () => {
    const text = `${largeFile(8000, () => '12,95')}${ean(8000)};"Fietsbel;12,95\r\n`;
    const batches: FeedRow[][] = [];
    assert.throws(
      () => csv(text, { ...OPTIONS, onRows: (rows) => batches.push(rows) }),
      (error: unknown) =>
        error instanceof FeedFileError && /^line 8002: a quoted field .* is not closed/.test(error.message),
    );
    assert.ok(batches.length >= 2, `${batches.length} batches before the broken last line`);
    assert.deepEqual(
      batches[0]?.slice(0, 2).map((row) => row.line),
      [2, 3],
    );
  });

  it('decides an early 1.234 by the prices of the whole file, and keeps the rows in file order', () => {
    const ambiguous = new Map([[1, `${ean(1)};Fietsbel 1;1.234`]]);
    const points = batched(largeFile(8000, (i) => `${i % 90}.95`, ambiguous));
    assert.equal(points.feed.rejected.length, 1);
    assert.equal(points.feed.rejected[0]?.line, 3);
    assert.match(points.feed.rejected[0]?.reason ?? '', /more than 2 decimals/);
    const commas = batched(largeFile(8000, (i) => `${i % 90},95`, ambiguous));
    assert.deepEqual(commas.feed.rejected, []);
    const rows = commas.batches.flat();
    assert.equal(rows.length, 8000);
    assert.equal(rows[1]?.price_cents, 123_400);
    assert.deepEqual(
      rows.map((row) => row.line),
      Array.from({ length: 8000 }, (_, i) => i + 2),
    );
    assert.deepEqual(rows, csv(largeFile(8000, (i) => `${i % 90},95`, ambiguous)).rows);
  });
});
