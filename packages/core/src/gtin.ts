/**
 * GTIN validation and normalisation. Every product in Lokaal is keyed by its GTIN-14:
 * GTIN-8, UPC-A (GTIN-12), EAN-13 (GTIN-13), GTIN-14 and ISBN-13 are accepted, with or
 * without spaces and hyphens, and padded with leading zeros to 14 digits. ISBN-10 is
 * accepted too and converted to its ISBN-13 (prefix 978), as book trade systems still
 * print it.
 */

export type GtinErrorReason = 'empty' | 'characters' | 'length' | 'check_digit';

export type GtinResult =
  { ok: true; gtin14: string } | { ok: false; reason: GtinErrorReason; message: string };

const SEPARATORS = /[\s-]/g;

/** The GS1 check digit for the given digits (without their check digit). */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  // Weights alternate 3,1,3,… starting from the rightmost digit.
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

function isbn10ToIsbn13(isbn10: string): GtinResult {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = isbn10[i]!;
    const value = char === 'X' || char === 'x' ? 10 : char.charCodeAt(0) - 48;
    if (value === 10 && i !== 9) {
      return { ok: false, reason: 'characters', message: 'X may only be the last character of an ISBN-10' };
    }
    sum += value * (10 - i);
  }
  if (sum % 11 !== 0) {
    return { ok: false, reason: 'check_digit', message: 'the ISBN-10 check digit is wrong' };
  }
  const body = `978${isbn10.slice(0, 9)}`;
  return { ok: true, gtin14: `0${body}${gs1CheckDigit(body)}` };
}

/**
 * Validates a GTIN in any accepted form and returns it as GTIN-14, or the reason it is
 * not valid.
 *
 * @example
 * parseGtin('978-90-263-3737-6') // { ok: true, gtin14: '09789026337376' }
 * parseGtin('8712345678907')     // { ok: false, reason: 'check_digit', … }
 */
export function parseGtin(input: string): GtinResult {
  const compact = input.replace(SEPARATORS, '');
  if (compact.length === 0) {
    return { ok: false, reason: 'empty', message: 'a GTIN is required' };
  }
  if (compact.length === 10 && /^\d{9}[\dXx]$/.test(compact)) {
    return isbn10ToIsbn13(compact);
  }
  if (!/^\d+$/.test(compact)) {
    return { ok: false, reason: 'characters', message: 'a GTIN holds only digits, spaces and hyphens' };
  }
  if (![8, 12, 13, 14].includes(compact.length)) {
    return {
      ok: false,
      reason: 'length',
      message: `a GTIN has 8, 12, 13 or 14 digits, not ${compact.length}`,
    };
  }
  const expected = gs1CheckDigit(compact.slice(0, -1));
  const actual = compact.charCodeAt(compact.length - 1) - 48;
  if (expected !== actual) {
    return {
      ok: false,
      reason: 'check_digit',
      message: `the check digit is ${actual} but should be ${expected}`,
    };
  }
  return { ok: true, gtin14: compact.padStart(14, '0') };
}

/** The GTIN-14 form of a valid GTIN, or `null`. */
export function normaliseGtin(input: string): string | null {
  const result = parseGtin(input);
  return result.ok ? result.gtin14 : null;
}

/** Whether the input is a valid GTIN in any accepted form. */
export function isValidGtin(input: string): boolean {
  return parseGtin(input).ok;
}

/**
 * The shortest usual form of a GTIN-14 for display: EAN-13 for 13-digit codes,
 * GTIN-8 and UPC-A where the leading zeros allow.
 */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('00')) return gtin14.slice(2);
  if (gtin14.startsWith('0')) return gtin14.slice(1);
  return gtin14;
}
