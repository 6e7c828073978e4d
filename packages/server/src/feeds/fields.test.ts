import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AVAILABILITY_WORDS,
  cleanText,
  decimalHint,
  dominantDecimal,
  parseAction,
  parseAvailability,
  parseGtinValue,
  parseInterval,
  parsePrice,
  parsePriceCents,
  parseQuantity,
  parseText,
  parseUrlValue,
  truncateValue,
  type Parsed,
} from './fields.js';

function value<T>(result: Parsed<T>): T {
  assert.ok(result.ok, `expected a value, got: ${result.ok ? '' : result.reason}`);
  return result.value;
}

function reason<T>(result: Parsed<T>): string {
  assert.ok(!result.ok, `expected a rejection, got: ${JSON.stringify(result)}`);
  return result.reason;
}

describe('availability', () => {
  const cases: Array<[string, string | null]> = [
    ['in_stock', 'in_stock'],
    ['in stock', 'in_stock'],
    ['In-Stock', 'in_stock'],
    ['instock', 'in_stock'],
    ['Op voorraad', 'in_stock'],
    ['op_voorraad', 'in_stock'],
    ['VOORRADIG', 'in_stock'],
    ['ja', 'in_stock'],
    ['Yes', 'in_stock'],
    ['beschikbaar', 'in_stock'],
    ['available', 'in_stock'],
    ['https://schema.org/InStock', 'in_stock'],
    ['http://schema.org/InStock', 'in_stock'],
    ['InStock', 'in_stock'],
    ['InStoreOnly', 'in_stock'],
    ['limited', 'limited'],
    ['limited_availability', 'limited'],
    ['LimitedAvailability', 'limited'],
    ['https://schema.org/LimitedAvailability', 'limited'],
    ['beperkt', 'limited'],
    ['Beperkt op voorraad', 'limited'],
    ['bijna uitverkocht', 'limited'],
    ['laatste exemplaren', 'limited'],
    ['out_of_stock', 'out_of_stock'],
    ['out of stock', 'out_of_stock'],
    ['uitverkocht', 'out_of_stock'],
    ['niet op voorraad', 'out_of_stock'],
    ['nee', 'out_of_stock'],
    ['No', 'out_of_stock'],
    ['OutOfStock', 'out_of_stock'],
    ['SoldOut', 'out_of_stock'],
    ['Discontinued', 'out_of_stock'],
    ['on_order', 'on_order'],
    ['backorder', 'on_order'],
    ['BackOrder', 'on_order'],
    ['PreOrder', 'on_order'],
    ['pre-order', 'on_order'],
    ['op bestelling', 'on_order'],
    ['te bestellen', 'on_order'],
    ['bestelbaar', 'on_order'],
    ['on_display_to_order', 'on_order'],
    ['MadeToOrder', 'on_order'],
    ['', null],
    ['   ', null],
  ];
  for (const [word, expected] of cases) {
    it(`reads ${JSON.stringify(word)} as ${expected}`, () => {
      assert.equal(value(parseAvailability(word)), expected);
    });
  }

  it('accepts every word it documents', () => {
    for (const [availability, words] of Object.entries(AVAILABILITY_WORDS)) {
      for (const word of words) assert.equal(value(parseAvailability(word)), availability, word);
    }
  });

  it('ignores diacritics', () => {
    assert.equal(value(parseAvailability('Óp vóórraad')), 'in_stock');
  });

  for (const word of ['misschien', 'OnlineOnly', '3', 'in_stockk']) {
    it(`rejects ${JSON.stringify(word)}, listing the accepted words`, () => {
      const why = reason(parseAvailability(word));
      assert.match(why, /op voorraad/);
      assert.match(why, /out_of_stock/);
      assert.match(why, /on_order/);
    });
  }

  it('rejects what is not text', () => {
    assert.match(reason(parseAvailability(true)), /expected text/);
  });
});

describe('prices', () => {
  const cases: Array<[string | number, ',' | '.', number | null]> = [
    ['12,95', ',', 1295],
    ['12.95', ',', 1295],
    ['12,95', '.', 1295],
    ['12.95', '.', 1295],
    ['€ 12,95', ',', 1295],
    ['€12,95', ',', 1295],
    ['12,95 €', ',', 1295],
    ['EUR 12.95', '.', 1295],
    ['12.95 EUR', '.', 1295],
    ['12.95 eur', '.', 1295],
    ['1.234,56', ',', 123456],
    ['1.234,56', '.', 123456],
    ['1,234.56', ',', 123456],
    ['1,234.56', '.', 123456],
    ['1.000.000', '.', 100_000_000],
    ['123.456', ',', 12_345_600],
    ['1 234,56', ',', 123456],
    ['12,-', ',', 1200],
    ['12.-', '.', 1200],
    ['€ 1.250,-', ',', 125000],
    ['12,--', ',', 1200],
    ['12', ',', 1200],
    ['0', ',', 0],
    ['0,99', '.', 99],
    [',95', ',', 95],
    ['12,9', ',', 1290],
    ['12.9500', '.', 1295],
    ['1.234', ',', 123400],
    ['1.234', '.', null],
    ['1,234', '.', 123400],
    ['0.250', ',', 25],
    ['1000000', ',', 100_000_000],
    [12.95, '.', 1295],
    [12, '.', 1200],
    [0.1 + 0.2, '.', 30],
    ['', ',', null],
    ['  ', ',', null],
  ];
  for (const [written, decimal, cents] of cases) {
    const name = `${JSON.stringify(written)} with decimal ${decimal}`;
    if (cents === null && written !== '' && String(written).trim() !== '') {
      it(`rejects the ambiguous ${name} as having more than 2 decimals`, () => {
        assert.match(reason(parsePrice(written, decimal)), /more than 2 decimals/);
      });
    } else {
      it(`reads ${name} as ${cents} cents`, () => {
        assert.equal(value(parsePrice(written, decimal)), cents);
      });
    }
  }

  const rejected: Array<[unknown, RegExp]> = [
    ['gratis', /not a price/],
    ['12,95 USD', /currency is USD.*only prices in euro/],
    ['USD 12.95', /currency is USD/],
    ['$12.95', /currency is \$/],
    ['£ 4,50', /currency is £/],
    ['-12,95', /negative/],
    ['€ -12,95', /negative/],
    ['12,95-', /negative/],
    [-1, /negative/],
    ['12,955', /more than 2 decimals/],
    [12.955, /more than 2 decimals/],
    ['1.2.3', /not a price/],
    ['1.23,45', /not a price/],
    ['12,95,00', /not a price/],
    ['1000000,01', /maximum/],
    ['99.999.999.999', /maximum/],
    [1_000_001, /maximum/],
    [Number.NaN, /not a price/],
    [{ amount: 12 }, /expected text/],
    ['ca. 12', /not a price/],
  ];
  for (const [written, why] of rejected) {
    it(`rejects ${JSON.stringify(written) ?? String(written)}`, () => {
      assert.match(reason(parsePrice(written, ',')), why);
    });
  }

  it('reads whole cents', () => {
    assert.equal(value(parsePriceCents('1295', ',')), 1295);
    assert.equal(value(parsePriceCents(1295, ',')), 1295);
    assert.equal(value(parsePriceCents('', ',')), null);
    assert.match(reason(parsePriceCents('12,95', ',')), /whole number of cents/);
    assert.match(reason(parsePriceCents(-5, ',')), /negative/);
    assert.match(reason(parsePriceCents(100_000_001, ',')), /maximum/);
  });

  it('finds the decimal separator a value tells, and the dominant one of a file', () => {
    assert.equal(decimalHint('12,95'), ',');
    assert.equal(decimalHint('12.95 EUR'), '.');
    assert.equal(decimalHint('1.234.567'), ',');
    assert.equal(decimalHint('12,-'), ',');
    assert.equal(decimalHint('1.234'), null);
    assert.equal(decimalHint('12'), null);
    assert.equal(dominantDecimal(['1.234', '2.50', '3.99', '4,50'], ','), '.');
    assert.equal(dominantDecimal(['1.234', '12'], ','), ',');
    assert.equal(dominantDecimal(['1.234', '12'], '.'), '.');
  });
});

describe('quantities', () => {
  const cases: Array<[unknown, number | null]> = [
    ['12', 12],
    ['0', 0],
    ['12,0', 12],
    ['12.0', 12],
    [' 7 ', 7],
    [3, 3],
    [12.0, 12],
    ['1.000', 1000],
    ['', null],
    [null, null],
    ['1000000', 1_000_000],
  ];
  for (const [written, expected] of cases) {
    it(`reads ${JSON.stringify(written)} as ${expected}`, () => {
      assert.equal(value(parseQuantity(written, ',')), expected);
    });
  }
  const rejected: Array<[unknown, RegExp]> = [
    ['-1', /negative/],
    [-1, /negative/],
    ['1.5', /not a whole number/],
    [1.5, /not a whole number/],
    ['veel', /not a whole number/],
    ['1000001', /maximum/],
    ['12 stuks', /not a whole number/],
  ];
  for (const [written, why] of rejected) {
    it(`rejects ${JSON.stringify(written)}`, () => {
      assert.match(reason(parseQuantity(written, ',')), why);
    });
  }
});

describe('GTINs', () => {
  const cases: Array<[unknown, string | null]> = [
    ['8712345678906', '08712345678906'],
    ["'8712345678906", '08712345678906'],
    ['="8712345678906"', '08712345678906'],
    ['871 2345 678906', '08712345678906'],
    ['036000291452', '00036000291452'],
    ['96385074', '00000096385074'],
    ['10012345678902', '10012345678902'],
    ['978-90-488-0001-8', '09789048800018'],
    ['90-263-3737-X', '09789026337376'],
    [8712345678906, '08712345678906'],
    ['https://id.gs1.org/01/08712345678906', '08712345678906'],
    ['', null],
    ['0', null],
    ['0000000000000', null],
  ];
  for (const [written, expected] of cases) {
    it(`reads ${JSON.stringify(written)} as ${expected}`, () => {
      assert.equal(value(parseGtinValue(written)), expected);
    });
  }

  it('rejects a GTIN a spreadsheet wrote in scientific notation: precision lost', () => {
    for (const written of ['8.71234E+12', '8,71234E+12', '8.71235e12']) {
      assert.match(reason(parseGtinValue(written)), /scientific notation.*precision lost.*as text/);
    }
  });

  it("rejects a wrong check digit with @lokaal/core's reason", () => {
    assert.equal(
      reason(parseGtinValue('8712345678907')),
      'not a valid GTIN/EAN: the check digit is 7 but should be 6',
    );
  });

  it('rejects letters and wrong lengths', () => {
    assert.match(reason(parseGtinValue('ABC123')), /only digits/);
    assert.match(reason(parseGtinValue('12345')), /8, 12, 13 or 14 digits, not 5/);
    assert.match(reason(parseGtinValue(1e20)), /too large/);
  });
});

describe('URLs', () => {
  const accepted: Array<[string, string]> = [
    ['https://winkel.example/p/1', 'https://winkel.example/p/1'],
    ['http://winkel.example/p/1', 'http://winkel.example/p/1'],
    ['  https://winkel.example/foto 1.jpg ', 'https://winkel.example/foto%201.jpg'],
    ['HTTPS://Winkel.Example/P', 'https://winkel.example/P'],
  ];
  for (const [written, expected] of accepted) {
    it(`accepts ${written.trim()}`, () => {
      assert.equal(value(parseUrlValue(written)), expected);
    });
  }

  const rejected: Array<[string, RegExp]> = [
    ['javascript:alert(1)', /javascript: scheme is not allowed/],
    ['JavaScript:alert(document.cookie)', /javascript: scheme/],
    ['data:text/html,<script>alert(1)</script>', /data: scheme/],
    ['ftp://winkel.example/a', /ftp: scheme/],
    ['/p/1', /not an absolute web address/],
    ['//cdn.example/a.jpg', /not an absolute web address/],
    ['www.winkel.example/p/1', /not an absolute web address/],
    ['https://user:secret@winkel.example/', /user name or password/],
    [`https://winkel.example/${'a'.repeat(480)}`, /at most 500/],
  ];
  for (const [written, why] of rejected) {
    it(`rejects ${written.slice(0, 40)}`, () => {
      assert.match(reason(parseUrlValue(written)), why);
    });
  }

  it('is empty when empty', () => {
    assert.equal(value(parseUrlValue('')), null);
  });
});

describe('text', () => {
  it('trims, collapses whitespace and strips control characters', () => {
    assert.equal(cleanText('  Kaas\t\tjong \r\n belegen\u0000\u0007 '), 'Kaas jong belegen');
    assert.equal(cleanText('a\u202eb\u200bc'), 'abc');
  });

  it('keeps markup as plain text: nothing is unescaped or interpreted', () => {
    assert.equal(
      value(parseText('<script>alert(1)</script> Fietsbel', 200)),
      '<script>alert(1)</script> Fietsbel',
    );
    assert.equal(value(parseText('Kaas &amp; wijn', 200)), 'Kaas &amp; wijn');
  });

  it('rejects text over the limit instead of cutting it', () => {
    assert.equal(value(parseText('x'.repeat(200), 200))?.length, 200);
    assert.equal(reason(parseText('x'.repeat(201), 200)), 'is 201 characters long; at most 200 are allowed');
  });

  it('writes numbers out and refuses objects', () => {
    assert.equal(value(parseText(1234, 64)), '1234');
    assert.match(reason(parseText({ name: 'x' }, 64)), /not an object/);
    assert.match(reason(parseText(['x'], 64)), /not a list/);
  });

  it('truncates a rejected value to 80 characters with an ellipsis', () => {
    const long = 'é'.repeat(100);
    const truncated = truncateValue(long);
    assert.equal(Array.from(truncated).length, 80);
    assert.ok(truncated.endsWith('…'));
    assert.equal(truncateValue('kort'), 'kort');
    assert.equal(truncateValue(12.5), '12.5');
    assert.equal(truncateValue({ a: 1 }), '{"a":1}');
  });
});

describe('actions', () => {
  for (const word of ['verwijder', 'Verwijderen', 'delete', 'REMOVE', 'del', 'd']) {
    it(`reads ${word} as remove`, () => assert.equal(value(parseAction(word)), 'remove'));
  }
  for (const word of ['', 'nieuw', 'wijzig', 'update', 'upsert', 'toevoegen']) {
    it(`reads ${JSON.stringify(word)} as upsert`, () => assert.equal(value(parseAction(word)), 'upsert'));
  }
  it('rejects other words', () => {
    assert.match(reason(parseAction('weg ermee')), /verwijder/);
  });
});

describe('sale price effective dates', () => {
  it('reads an ISO 8601 interval with offsets, with or without a colon', () => {
    const interval = value(parseInterval('2026-12-01T00:00+01:00/2026-12-24T23:59+0100'));
    assert.equal(interval?.start, Date.parse('2026-11-30T23:00:00Z'));
    assert.equal(interval?.end, Date.parse('2026-12-24T22:59:00Z'));
  });

  it('reads dates as whole days in Dutch time', () => {
    const interval = value(parseInterval('2026-12-01/2026-12-24'));
    assert.equal(interval?.start, Date.parse('2026-11-30T23:00:00Z'));
    assert.equal(interval?.end, Date.parse('2026-12-24T23:00:00Z'));
  });

  it('rejects what is not an interval', () => {
    assert.match(reason(parseInterval('morgen')), /not a date range/);
    assert.match(reason(parseInterval('2026-02-30/2026-03-01')), /not a date range/);
    assert.match(reason(parseInterval('2026-12-24/2026-12-01')), /not after its start/);
  });
});
