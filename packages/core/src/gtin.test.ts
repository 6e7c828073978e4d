import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { displayGtin, gs1CheckDigit, normaliseGtin, parseGtin } from './gtin.js';

/** A valid GTIN of the given length: random body plus its check digit. */
const validGtin = (length: 8 | 12 | 13 | 14) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }).map((digits) => {
    const body = digits.join('');
    return `${body}${gs1CheckDigit(body)}`;
  });

const anyValidGtin = fc.oneof(validGtin(8), validGtin(12), validGtin(13), validGtin(14));

describe('parseGtin', () => {
  it('normalises every accepted length to GTIN-14', () => {
    assert.deepEqual(parseGtin('96385074'), { ok: true, gtin14: '00000096385074' });
    assert.deepEqual(parseGtin('036000291452'), { ok: true, gtin14: '00036000291452' });
    assert.deepEqual(parseGtin('8710398503114'), { ok: true, gtin14: '08710398503114' });
    assert.deepEqual(parseGtin('10012345678902'), { ok: true, gtin14: '10012345678902' });
  });

  it('accepts an ISBN-13 with hyphens or spaces, and converts an ISBN-10', () => {
    assert.deepEqual(parseGtin('978-90-263-3737-2').ok, gs1CheckDigit('978902633737') === 2);
    assert.equal(normaliseGtin('978 0 306 40615 7'), '09780306406157');
    assert.equal(normaliseGtin('0-306-40615-2'), '09780306406157');
    assert.equal(normaliseGtin('080442957X'), '09780804429573');
  });

  it('rejects with a reason', () => {
    assert.deepEqual(parseGtin(''), { ok: false, reason: 'empty', message: 'a GTIN is required' });
    assert.equal((parseGtin('87123456789O7') as { reason: string }).reason, 'characters');
    assert.equal((parseGtin('12345') as { reason: string }).reason, 'length');
    const wrong = parseGtin('8710398503116');
    assert.equal(wrong.ok, false);
    assert.equal((wrong as { reason: string }).reason, 'check_digit');
    assert.match((wrong as { message: string }).message, /should be 4/);
    assert.equal((parseGtin('0306406153') as { reason: string }).reason, 'check_digit');
  });

  it('round-trips: a valid GTIN of any length normalises to 14 digits that normalise to themselves', () => {
    fc.assert(
      fc.property(anyValidGtin, (gtin) => {
        const gtin14 = normaliseGtin(gtin);
        assert.ok(gtin14 !== null);
        assert.equal(gtin14.length, 14);
        assert.ok(gtin14.endsWith(gtin));
        assert.equal(normaliseGtin(gtin14), gtin14);
        assert.equal(normaliseGtin(displayGtin(gtin14)), gtin14);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores hyphens and spaces anywhere', () => {
    fc.assert(
      fc.property(anyValidGtin, fc.array(fc.constantFrom('-', ' '), { maxLength: 4 }), (gtin, separators) => {
        let text = gtin;
        separators.forEach((separator, index) => {
          const at = (index * 3 + 1) % text.length;
          text = text.slice(0, at) + separator + text.slice(at);
        });
        assert.equal(normaliseGtin(text), normaliseGtin(gtin));
      }),
    );
  });

  it('catches every single-digit error', () => {
    fc.assert(
      fc.property(anyValidGtin, fc.nat(), fc.integer({ min: 1, max: 9 }), (gtin, position, delta) => {
        const at = position % gtin.length;
        const changed = String((Number(gtin[at]) + delta) % 10);
        const typo = gtin.slice(0, at) + changed + gtin.slice(at + 1);
        const result = parseGtin(typo);
        assert.equal(result.ok, false, `${gtin} → ${typo} must be rejected`);
        assert.equal((result as { reason: string }).reason, 'check_digit');
      }),
      { numRuns: 3000 },
    );
  });
});
