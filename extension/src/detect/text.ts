import { normaliseGtin } from '@lokaal/core';
import { MAX_TEXT_CHARS, MAX_VALUE_CHARS } from './limits.js';

// Control characters and the bidi marks Amazon puts around its labels.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const WHITESPACE = /\s+/g;

/**
 * Page text made fit to show: invisible characters removed, whitespace collapsed, cut to
 * `maxChars`. Returns undefined for empty text. The result is still untrusted text and is
 * rendered escaped.
 */
export function cleanText(text: string | null | undefined, maxChars = MAX_TEXT_CHARS): string | undefined {
  if (text === null || text === undefined) return undefined;
  // Cut before cleaning as well, so a megabyte of title costs no more than a short one.
  const cleaned = text
    .slice(0, maxChars * 4)
    .replace(INVISIBLE, '')
    .replace(WHITESPACE, ' ')
    .trim()
    .slice(0, maxChars)
    .trim();
  return cleaned.length > 0 ? cleaned : undefined;
}

/**
 * The GTIN-14 in a value read from the page, or null when it holds no valid GTIN (wrong
 * check digit, wrong length, letters, too long to be one). Accepts the JSON-LD forms too:
 * numbers and `{ "@value": … }`.
 */
export function gtinFromValue(value: unknown): string | null {
  if (typeof value === 'number') {
    // A GTIN written as a JSON number has lost its leading zeros (a UPC-A becomes 11
    // digits); zeros in front do not change a GS1 check digit, so pad it back.
    const digits = Number.isSafeInteger(value) && value > 0 ? String(value) : '';
    return digits.length >= 8 && digits.length <= 14 ? normaliseGtin(digits.padStart(14, '0')) : null;
  }
  if (typeof value === 'object' && value !== null && '@value' in value) {
    return gtinFromValue((value as { '@value': unknown })['@value']);
  }
  if (typeof value !== 'string' || value.length > MAX_VALUE_CHARS) return null;
  // `ean:8712345678906`, `ISBN 978-…`: a scheme before the digits.
  const digits = value.replace(/^\s*[a-z][a-z0-9]*\s*[:]?\s*(?=[\d])/i, '').trim();
  return normaliseGtin(digits);
}

/** The first valid GTIN among values separated by commas, slashes or line breaks. */
export function gtinFromList(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const part of text.slice(0, MAX_VALUE_CHARS * 4).split(/[,;/|\n]/, 8)) {
    const gtin = gtinFromValue(cleanText(part, MAX_VALUE_CHARS));
    if (gtin) return gtin;
  }
  return null;
}
