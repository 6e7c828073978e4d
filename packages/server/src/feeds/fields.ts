/**
 * Reading and checking the values of a feed, the same for every format: text, GTINs, URLs,
 * prices, quantities, availability and the delta action, with the words shops write for them.
 * Every parser returns a value (null when empty) or a plain-English reason it is not valid.
 */
import { parseGtin, type Availability } from '@lokaal/core';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export const FIELD_LIMITS = {
  sku: 64,
  title: 200,
  brand: 100,
  category: 100,
  storeCode: 64,
  url: 500,
  priceCents: 100_000_000,
  quantity: 1_000_000,
  value: 80,
} as const;

/** Lower case, diacritics removed, everything but letters and digits dropped: `Prijs (€)` → `prijs`. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The offending value for a rejection: as written, at most 80 characters, cut with '…'. */
export function truncateValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value) ?? '';
  const chars = Array.from(text);
  return chars.length <= FIELD_LIMITS.value ? text : `${chars.slice(0, FIELD_LIMITS.value - 1).join('')}…`;
}

/** Whether a value counts as empty: absent, null, or only whitespace (and invisible characters). */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (trimmed === '') return true;
  return !PRINTABLE_ASCII_START.test(trimmed) && cleanText(trimmed) === '';
}

const PRINTABLE_ASCII_START = /^[!-~]/;

/** A JSON or XML value as text; numbers are written out, objects, lists and booleans are not text. */
export function asText(value: unknown): Parsed<string> {
  if (value === null || value === undefined) return ok('');
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  if (typeof value === 'boolean') return fail(`expected text, not ${String(value)}`);
  if (Array.isArray(value)) return fail('expected text, not a list');
  return fail('expected text, not an object');
}

/** Invisible format characters that only serve to hide or reorder text. */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Printable ASCII words separated by single spaces: already clean (the common case, kept fast). */
const CLEAN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

/** Text as stored: NFC, control and invisible characters removed, whitespace collapsed, trimmed. */
export function cleanText(text: string): string {
  if (text === '' || CLEAN_ASCII.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(/\p{Cc}/gu, (char) => (/\s/.test(char) ? ' ' : ''))
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A text field: cleaned, `null` when empty, rejected (never cut) when longer than `max`. */
export function parseText(value: unknown, max: number): Parsed<string | null> {
  const text = asText(value);
  if (!text.ok) return text;
  const clean = cleanText(text.value);
  if (clean === '') return ok(null);
  // Characters, not UTF-16 units, are counted; a text no longer in units than `max` needs no count.
  if (clean.length > max) {
    const length = Array.from(clean).length;
    if (length > max) return fail(`is ${length} characters long; at most ${max} are allowed`);
  }
  return ok(clean);
}

const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;
const DIGITAL_LINK = /^https?:\/\/[^/]+\/(?:[^?#]*\/)?01\/(\d{8,14})(?:[/?#]|$)/;

/**
 * A GTIN (EAN-13, UPC-A, GTIN-8/14, ISBN-13/10) as GTIN-14. A leading apostrophe or an Excel
 * `="…"` (used to keep a number as text) is removed; scientific notation is rejected because
 * digits were lost. A code of only zeros, which tills write for "no barcode", counts as empty.
 */
export function parseGtinValue(value: unknown): Parsed<string | null> {
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isSafeInteger(value)) {
    return fail('the number is too large to be a GTIN without losing digits; write the GTIN as a string');
  }
  const text = asText(value);
  if (!text.ok) return text;
  let code = cleanText(text.value);
  const formula = /^="(.*)"$/.exec(code);
  if (formula) code = formula[1]!.trim();
  if (code.startsWith("'")) code = code.slice(1).trim();
  if (code === '' || /^0+$/.test(code)) return ok(null);
  if (SCIENTIFIC.test(code)) {
    return fail(
      'a spreadsheet wrote this GTIN in scientific notation, so digits are lost (precision lost); ' +
        'format the column as text and export again',
    );
  }
  const link = DIGITAL_LINK.exec(code);
  if (link) code = link[1]!;
  const result = parseGtin(code);
  if (!result.ok) return fail(`not a valid GTIN/EAN: ${result.message}`);
  return ok(result.gtin14);
}

/** An absolute http(s) URL of at most 500 characters, normalised by `new URL()`. */
export function parseUrlValue(value: unknown): Parsed<string | null> {
  const text = asText(value);
  if (!text.ok) return text;
  const clean = cleanText(text.value);
  if (clean === '') return ok(null);
  let url: URL;
  try {
    url = new URL(clean);
  } catch {
    return fail('not an absolute web address; expected a full URL that starts with https:// or http://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(
      `the ${url.protocol} scheme is not allowed; only https:// and http:// addresses are accepted`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    return fail('web addresses with a user name or password are not accepted');
  }
  if (url.href.length > FIELD_LIMITS.url) {
    return fail(`is ${url.href.length} characters long; at most ${FIELD_LIMITS.url} are allowed`);
  }
  return ok(url.href);
}

// ---------------------------------------------------------------------------------------------
// Numbers: prices and quantities with a decimal comma or point

export type DecimalSeparator = ',' | '.';

interface DecimalDigits {
  /** Digits before the decimal separator (thousands separators removed). */
  int: string;
  /** Digits after the decimal separator; '' when there are none. */
  frac: string;
}

function groupedThousands(text: string, separator: string): boolean {
  return new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`).test(text);
}

/**
 * Reads `1234`, `12,95`, `12.95`, `1.234,56`, `1,234.56`, `1.234.567` and `1 234,56`. A single
 * separator followed by exactly three digits (`1.234`) is ambiguous: it is the decimal separator
 * when it is the `preferred` one, else a thousands separator.
 */
const SIMPLE_NUMBER = /^(\d+)(?:[.,](\d{1,2}))?$/;

function readDecimal(written: string, preferred: DecimalSeparator): DecimalDigits | null {
  // `12`, `12,95`, `12.5`: no doubt about them, and most values look like this.
  const simple = SIMPLE_NUMBER.exec(written);
  if (simple) return { int: simple[1]!, frac: simple[2] ?? '' };
  let text = written;
  if (/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(text)) text = text.replace(/ /g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const commas = text.split(',').length - 1;
  const points = text.split('.').length - 1;
  if (commas > 0 && points > 0) {
    const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
    const decimal = text[last]!;
    const thousands = decimal === ',' ? '.' : ',';
    const intPart = text.slice(0, last);
    const frac = text.slice(last + 1);
    if (intPart.includes(decimal) || !/^\d+$/.test(frac)) return null;
    if (!groupedThousands(intPart, thousands)) return null;
    return { int: intPart.split(thousands).join(''), frac };
  }
  if (commas === 0 && points === 0) return { int: text, frac: '' };
  const separator = commas > 0 ? ',' : '.';
  if (commas + points > 1) {
    return groupedThousands(text, separator) ? { int: text.split(separator).join(''), frac: '' } : null;
  }
  const [intPart = '', frac = ''] = text.split(separator);
  if (!/^\d*$/.test(intPart) || !/^\d+$/.test(frac)) return null;
  if (frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart) && separator !== preferred) {
    return { int: intPart + frac, frac: '' };
  }
  return { int: intPart === '' ? '0' : intPart, frac };
}

const DASH_PRICE = /^(.*?)([.,])[-–—]{1,2}$/;
/** Digits with one or two decimals or none; a separator followed by one or two digits is a decimal one. */
const PLAIN_AMOUNT = /^\d+(?:([.,])\d{1,2})?$/;
const LEADING_CURRENCY = /^(euro|eur|€|[a-z]{3}(?![a-z])|[$£¥])\s*/i;
const TRAILING_CURRENCY = /\s*(?<![a-z])(euro|eur|€|[a-z]{3}|[$£¥])$/i;
const MINUS = /^[-−]\s*/;

interface PriceText {
  body: string;
  currencies: string[];
  negative: boolean;
}

/** Splits `€ 12,95`, `EUR 12.95`, `12.95 EUR`, `-12,95` into sign, currency and amount. */
function splitPrice(text: string): PriceText {
  let body = text;
  let negative = false;
  const currencies: string[] = [];
  let minus = MINUS.exec(body);
  if (minus) {
    negative = true;
    body = body.slice(minus[0].length);
  }
  const leading = LEADING_CURRENCY.exec(body);
  if (leading) {
    currencies.push(leading[1]!);
    body = body.slice(leading[0].length);
    minus = MINUS.exec(body);
    if (minus) {
      negative = true;
      body = body.slice(minus[0].length);
    }
  }
  const trailing = TRAILING_CURRENCY.exec(body);
  if (trailing) {
    currencies.push(trailing[1]!);
    body = body.slice(0, trailing.index);
  }
  body = body.trim();
  if (/[-−]$/.test(body) && !DASH_PRICE.test(body)) {
    negative = true;
    body = body.slice(0, -1).trim();
  }
  return { body, currencies, negative };
}

function readAmount(body: string, preferred: DecimalSeparator): DecimalDigits | null {
  const dash = DASH_PRICE.exec(body);
  if (dash) {
    // `12,-` and `1.250,-`: whole euros, the separator before the dash is the decimal one.
    const digits = readDecimal(dash[1]!, dash[2] as DecimalSeparator);
    return digits && digits.frac === '' ? digits : null;
  }
  return readDecimal(body, preferred);
}

const isEuro = (currency: string) => ['€', 'eur', 'euro'].includes(currency.toLowerCase());

/**
 * Which decimal separator an unambiguous price or number uses, or `null` when it does not tell
 * (`12`, `1.234`). Used to find a file's dominant decimal separator.
 */
export function decimalHint(value: unknown): DecimalSeparator | null {
  if (typeof value !== 'string') return null;
  // `12,95`, `12.5`, `12`: the common values tell at a glance.
  const plain = PLAIN_AMOUNT.exec(value);
  if (plain) return (plain[1] as DecimalSeparator | undefined) ?? null;
  const { body } = splitPrice(cleanText(value));
  const dash = DASH_PRICE.exec(body);
  if (dash) return dash[2] as DecimalSeparator;
  const asComma = readDecimal(body, ',');
  const asPoint = readDecimal(body, '.');
  if (!asComma || !asPoint || asComma.int !== asPoint.int || asComma.frac !== asPoint.frac) return null;
  if (asComma.frac !== '') return body[body.length - asComma.frac.length - 1] as DecimalSeparator;
  if (body.includes(',')) return '.';
  if (body.includes('.')) return ',';
  return null;
}

/** Counts which decimal separator values use unambiguously (`decimalHint`), one value at a time. */
export class DecimalVote {
  private commas = 0;
  private points = 0;

  add(value: unknown): void {
    const hint = decimalHint(value);
    if (hint === ',') this.commas += 1;
    else if (hint === '.') this.points += 1;
  }

  /** The separator most values used; `fallback` on a tie. */
  winner(fallback: DecimalSeparator): DecimalSeparator {
    if (this.commas > this.points) return ',';
    if (this.points > this.commas) return '.';
    return fallback;
  }
}

/** The decimal separator most of the values use unambiguously; `fallback` on a tie. */
export function dominantDecimal(values: Iterable<unknown>, fallback: DecimalSeparator): DecimalSeparator {
  const vote = new DecimalVote();
  for (const value of values) vote.add(value);
  return vote.winner(fallback);
}

const PRICE_EXPECTED = 'expected an amount in euro such as 12,95, 12.95, € 12,95 or 12.95 EUR';
const MAX_EUROS = FIELD_LIMITS.priceCents / 100;

function centsFromNumber(value: number): Parsed<number | null> {
  if (!Number.isFinite(value)) return fail(`not a price; ${PRICE_EXPECTED}`);
  if (value < 0) return fail('a price cannot be negative');
  const cents = Math.round(value * 100);
  if (Math.abs(value * 100 - cents) > 1e-6) {
    return fail('has more than 2 decimals; a price is in whole cents, such as 12.95');
  }
  if (cents > FIELD_LIMITS.priceCents) return fail(`is more than the maximum of ${MAX_EUROS} euro`);
  return ok(cents);
}

/** A price in euro (`12,95`, `€ 1.234,56`, `12.95 EUR`, `12,-`, a JSON number) as cents. */
export function parsePrice(value: unknown, decimal: DecimalSeparator): Parsed<number | null> {
  if (typeof value === 'number') return centsFromNumber(value);
  const text = asText(value);
  if (!text.ok) return text;
  const clean = cleanText(text.value);
  if (clean === '') return ok(null);
  const { body, currencies, negative } = splitPrice(clean);
  const digits = readAmount(body, decimal);
  if (digits === null) return fail(`not a price; ${PRICE_EXPECTED}`);
  const other = currencies.find((currency) => !isEuro(currency));
  if (other !== undefined) {
    return fail(`the currency is ${other.toUpperCase()}; only prices in euro (EUR) are accepted`);
  }
  if (negative) return fail('a price cannot be negative');
  if (digits.frac.length > 2 && /[1-9]/.test(digits.frac.slice(2))) {
    return fail('has more than 2 decimals; a price is in whole cents, such as 12,95');
  }
  const euros = digits.int.replace(/^0+(?=\d)/, '');
  if (euros.length > String(MAX_EUROS).length) return fail(`is more than the maximum of ${MAX_EUROS} euro`);
  const cents = Number(euros) * 100 + Number(`${digits.frac}00`.slice(0, 2));
  if (cents > FIELD_LIMITS.priceCents) return fail(`is more than the maximum of ${MAX_EUROS} euro`);
  return ok(cents);
}

interface WholeNumberKind {
  max: number;
  notWhole: string;
  negative: string;
}

function parseWholeNumber(
  value: unknown,
  decimal: DecimalSeparator,
  kind: WholeNumberKind,
): Parsed<number | null> {
  let number: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(kind.notWhole);
    if (value < 0) return fail(kind.negative);
    if (!Number.isInteger(value)) return fail(kind.notWhole);
    number = value;
  } else {
    const text = asText(value);
    if (!text.ok) return text;
    const clean = cleanText(text.value);
    if (clean === '') return ok(null);
    const minus = MINUS.exec(clean);
    const digits = readDecimal(minus ? clean.slice(minus[0].length) : clean, decimal);
    if (digits === null || /[1-9]/.test(digits.frac)) return fail(kind.notWhole);
    if (minus && /[1-9]/.test(digits.int)) return fail(kind.negative);
    const int = digits.int.replace(/^0+(?=\d)/, '');
    if (int.length > String(kind.max).length) return fail(`is more than the maximum of ${kind.max}`);
    number = Number(int);
  }
  if (number > kind.max) return fail(`is more than the maximum of ${kind.max}`);
  return ok(number);
}

const QUANTITY: WholeNumberKind = {
  max: FIELD_LIMITS.quantity,
  notWhole: 'not a whole number; expected the number of items in stock, such as 0, 3 or 12',
  negative: 'a quantity cannot be negative; use 0 when the item is sold out',
};

const CENTS: WholeNumberKind = {
  max: FIELD_LIMITS.priceCents,
  notWhole: 'not a whole number of cents; expected for example 1295 for € 12,95',
  negative: 'a price cannot be negative',
};

/** A stock quantity: a whole number from 0 to 1 000 000 (`12,0` is 12). */
export function parseQuantity(value: unknown, decimal: DecimalSeparator): Parsed<number | null> {
  return parseWholeNumber(value, decimal, QUANTITY);
}

/** A price given in whole cents (`price_cents`, `prijs_centen`). */
export function parsePriceCents(value: unknown, decimal: DecimalSeparator): Parsed<number | null> {
  return parseWholeNumber(value, decimal, CENTS);
}

// ---------------------------------------------------------------------------------------------
// Vocabularies

/** The words accepted for each availability; matched with case, diacritics and separators ignored. */
export const AVAILABILITY_WORDS: Record<Availability, readonly string[]> = {
  in_stock: [
    'in_stock',
    'in stock',
    'instock',
    'op voorraad',
    'voorradig',
    'ja',
    'yes',
    'beschikbaar',
    'available',
    'leverbaar',
    'https://schema.org/InStock',
    'http://schema.org/InStock',
    'InStock',
    'InStoreOnly',
  ],
  limited: [
    'limited',
    'limited_availability',
    'LimitedAvailability',
    'beperkt',
    'beperkt op voorraad',
    'bijna uitverkocht',
    'laatste exemplaren',
  ],
  out_of_stock: [
    'out_of_stock',
    'out of stock',
    'uitverkocht',
    'niet op voorraad',
    'niet leverbaar',
    'nee',
    'no',
    'OutOfStock',
    'SoldOut',
    'Discontinued',
  ],
  on_order: [
    'on_order',
    'backorder',
    'BackOrder',
    'PreOrder',
    'preorder',
    'op bestelling',
    'te bestellen',
    'bestelbaar',
    'on_display_to_order',
    'MadeToOrder',
  ],
};

const SCHEMA_PREFIX = /^(?:https?:\/\/schema\.org\/|schema:)/i;

const AVAILABILITY_BY_KEY = new Map<string, Availability>();
for (const [availability, words] of Object.entries(AVAILABILITY_WORDS) as [Availability, string[]][]) {
  for (const word of words) AVAILABILITY_BY_KEY.set(foldKey(word.replace(SCHEMA_PREFIX, '')), availability);
}

/** Availability from any of the accepted words, `null` when empty. */
export function parseAvailability(value: unknown): Parsed<Availability | null> {
  const text = asText(value);
  if (!text.ok) return text;
  const clean = cleanText(text.value);
  if (clean === '') return ok(null);
  const availability = AVAILABILITY_BY_KEY.get(foldKey(clean.replace(SCHEMA_PREFIX, '')));
  if (availability !== undefined) return ok(availability);
  return fail(
    'not a known availability; use op voorraad/in_stock, beperkt/limited, uitverkocht/out_of_stock ' +
      'or op bestelling/on_order (more words are listed in docs/feeds.md), or leave it empty',
  );
}

/** The words of a delta file's action column. */
export const ACTION_WORDS = {
  remove: ['verwijder', 'verwijderen', 'delete', 'remove', 'del', 'd'],
  upsert: ['nieuw', 'wijzig', 'wijzigen', 'update', 'upsert', 'toevoegen'],
} as const;

/** A delta action: empty means upsert. */
export function parseAction(value: unknown): Parsed<'upsert' | 'remove'> {
  const text = asText(value);
  if (!text.ok) return text;
  const key = foldKey(text.value);
  if (key === '') return ok('upsert');
  if ((ACTION_WORDS.remove as readonly string[]).includes(key)) return ok('remove');
  if ((ACTION_WORDS.upsert as readonly string[]).includes(key)) return ok('upsert');
  return fail(
    'not a known action; use verwijder (or delete/remove) to remove the product, ' +
      'or leave it empty (or nieuw/wijzig/update) to add or change it',
  );
}

// ---------------------------------------------------------------------------------------------
// Google's sale_price_effective_date

export interface Interval {
  start: number;
  end: number;
}

/** Midnight at the start of a calendar day in the server's time zone (Europe/Amsterdam), if it exists. */
function localDay(year: number, month: number, day: number): number | null {
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

function parseInstant(text: string, isEnd: boolean): number | null {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (localDay(year, month, day) === null) return null;
    // An end date includes its whole day.
    return new Date(year, month - 1, isEnd ? day + 1 : day).getTime();
  }
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, date = '', time = '', zone] = match;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (localDay(year, month, day) === null) return null;
  let offset = zone ?? '';
  if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  const instant = Date.parse(`${date}T${time}${offset.toUpperCase()}`);
  return Number.isNaN(instant) ? null : instant;
}

/** An ISO 8601 interval `start/end`, e.g. `2026-12-01T00:00+01:00/2026-12-24T23:59+01:00`. */
export function parseInterval(value: unknown): Parsed<Interval | null> {
  const text = asText(value);
  if (!text.ok) return text;
  const clean = cleanText(text.value);
  if (clean === '') return ok(null);
  const parts = clean.split('/').map((part) => part.trim());
  const start = parts.length === 2 ? parseInstant(parts[0]!, false) : null;
  const end = parts.length === 2 ? parseInstant(parts[1]!, true) : null;
  if (start === null || end === null) {
    return fail(
      'not a date range; expected two ISO 8601 dates separated by a slash, ' +
        'such as 2026-12-01T00:00+01:00/2026-12-24T23:59+01:00',
    );
  }
  if (end <= start) return fail('the end of the date range is not after its start');
  return ok({ start, end });
}
