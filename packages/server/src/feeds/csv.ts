/**
 * CSV and other delimited text (also Google's tab-separated local inventory feed): the
 * encoding, the separator and the columns are found from the file itself.
 */
import { parse as parseCsvText, type Options as CsvOptions } from 'csv-parse/sync';
import Papa from 'papaparse';
import { decodeFeed } from './decode.js';
import { dominantDecimal, foldKey, type DecimalSeparator } from './fields.js';
import { RowCollector, type Cell, type ParseOptions, type RowField } from './rows.js';
import { FeedFileError, type ParsedFeed } from './types.js';

/**
 * The column names understood, per field, best first: when two columns mean the same field, the
 * one whose name comes first here is used and the other is listed as ignored. Names are matched
 * with case, diacritics, spaces, underscores, hyphens and punctuation ignored.
 */
export const COLUMN_ALIASES: Record<RowField, readonly string[]> = {
  gtin: ['ean', 'ean13', 'gtin', 'gtin13', 'barcode', 'streepjescode', 'isbn', 'upc'],
  sku: ['sku', 'artikelnummer', 'artikelnr', 'artnr', 'id', 'itemid', 'code', 'plu', 'eigencode'],
  title: ['naam', 'title', 'titel', 'omschrijving', 'productnaam', 'name', 'product', 'description'],
  brand: ['merk', 'brand'],
  category: ['categorie', 'category', 'productgroep', 'groep', 'product_type'],
  price: ['prijs', 'price', 'verkoopprijs', 'vkp', 'prijs incl btw', 'verkoopprijs incl btw'],
  sale_price: ['actieprijs', 'aanbiedingsprijs', 'sale_price', 'saleprice'],
  sale_price_effective_date: ['sale_price_effective_date', 'actieperiode'],
  price_cents: ['price_cents', 'prijs_centen', 'prijsincenten'],
  quantity: ['voorraad', 'quantity', 'aantal', 'stock', 'qty'],
  availability: ['beschikbaarheid', 'availability', 'status', 'leverbaarheid'],
  url: ['url', 'link', 'productlink', 'product_url'],
  image: ['afbeelding', 'image', 'image_link', 'foto', 'imageurl'],
  action: ['actie', 'action', 'mutatie'],
  store_code: ['store_code', 'winkelcode', 'filiaal'],
};

interface Alias {
  field: RowField;
  rank: number;
}

const ALIAS_BY_KEY = new Map<string, Alias>();
for (const [field, names] of Object.entries(COLUMN_ALIASES) as [RowField, string[]][]) {
  names.forEach((name, rank) => {
    const key = foldKey(name);
    if (!ALIAS_BY_KEY.has(key)) ALIAS_BY_KEY.set(key, { field, rank });
  });
}

/** The field a column name means, if any. */
export function columnField(name: string): RowField | null {
  return ALIAS_BY_KEY.get(foldKey(name))?.field ?? null;
}

const SEPARATORS = [';', '\t', ',', '|'] as const;

/**
 * The separator of a header line: the one of `;`, tab, `,` and `|` that occurs most often
 * outside quotes (on a tie in that order); `,` when there is none.
 */
export function detectSeparator(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best = ',';
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = counts.get(separator) ?? 0;
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

interface CsvRecord {
  record: string[];
  raw: string;
}

/** The first line that holds a letter or a digit; '' when there is none. */
function firstLineWithText(text: string): string {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (/[\p{L}\p{N}]/u.test(line)) return line;
    if (end < 0) break;
    start = end + 1;
  }
  return '';
}

/** The number of line ends in a text. */
function countLineEnds(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/**
 * Whether `records` records make one per line of the text: every line is a record (an empty
 * one too) unless a quoted field holds a line end, and a last line end starts no record.
 */
function oneRecordPerLine(text: string, records: number): boolean {
  const lineEnds = countLineEnds(text);
  return records === (text.endsWith('\n') ? lineEnds : lineEnds + 1);
}

/** The records of a text (lines ending in `\n`) as csv-parse reads them, fields trimmed outside quotes. */
export function csvParseRecords(text: string, separator: string): { records: string[][]; lines: number[] } {
  const csvOptions: CsvOptions = {
    delimiter: separator,
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ltrim: true,
    rtrim: true,
  };
  const records = parseCsvText(text, csvOptions) as string[][];
  // When every record is one line, record i is on line i + 1; otherwise the file is read
  // again with `raw`, the exact text of each record, from which the line each record starts
  // on is counted: one more than the line ends in all the records before it.
  if (oneRecordPerLine(text, records.length)) {
    return { records, lines: records.map((_, i) => i + 1) };
  }
  const withRaw = parseCsvText(text, { ...csvOptions, raw: true }) as unknown as CsvRecord[];
  let line = 1;
  return {
    records: withRaw.map(({ record }) => record),
    lines: withRaw.map(({ raw }) => {
      const start = line;
      line += countLineEnds(raw);
      return start;
    }),
  };
}

/**
 * The records of a plain file read with Papa Parse, about three times as fast as csv-parse,
 * or `null` when the file holds anything the two might read differently: a quoted field
 * that spans lines or has blanks before its opening quote, or quoting that Papa Parse calls
 * malformed (csv-parse then reads the file, with its relaxed rules and its errors). Fields
 * are trimmed: outside quotes as csv-parse trims them, and inside quotes too, which changes
 * nothing because every value is trimmed again when it is checked.
 */
export function plainRecords(text: string, separator: string): string[][] | null {
  const blanks = separator === '\t' ? ' ' : ' \\t';
  const escaped = separator.replace(/[|\\]/g, '\\$&');
  if (new RegExp(`(?:^|[\\n${escaped}])[${blanks}]+"`).test(text)) return null;
  const { data, errors } = Papa.parse<string[]>(text, {
    delimiter: separator,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
  });
  if (errors.length > 0) return null;
  // Papa Parse gives the empty text after a last line end a record; csv-parse does not.
  if (text.endsWith('\n') && data.length > 0) data.pop();
  if (!oneRecordPerLine(text, data.length)) return null;
  for (const record of data) for (let i = 0; i < record.length; i++) record[i] = record[i]!.trim();
  return data;
}

interface CsvError {
  code?: string;
  lines?: number;
  message: string;
}

/** The line of the quote that opens a field which is never closed (quotes count only at a field's start). */
function unclosedQuoteLine(text: string, separator: string): number {
  let line = 1;
  let openedOn = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line += 1;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') i += 1;
      else if (char === '"') quoted = false;
    } else if (char === separator || char === '\n') {
      fieldStart = true;
    } else if (char === '"' && fieldStart) {
      quoted = true;
      openedOn = line;
      fieldStart = false;
    } else if (char !== ' ' && char !== '\t') {
      fieldStart = false;
    }
  }
  return openedOn;
}

export interface DelimitedOptions extends ParseOptions {
  format: 'csv' | 'google-tsv';
  /** A fixed separator; found from the header line when absent. */
  separator?: string;
  /** The decimal separator when the file's prices do not tell; by default `,` for `;` files, else `.`. */
  decimal?: DecimalSeparator;
}

/** Parses delimited text: CSV with any of the usual separators, or Google's TSV. */
export function parseDelimited(body: Buffer, options: DelimitedOptions): ParsedFeed {
  const { text } = decodeFeed(body, { legacy: true });
  // One kind of line end, so the line numbers of the records are easy to follow. Line ends inside
  // quoted fields become `\n` too, which is the same once whitespace is collapsed.
  let normalised = text.replace(/\r\n?/g, '\n');
  let separator = options.separator;
  // Excel's `sep=;` first line names the separator.
  const sepLine = /^sep=(.)\n/i.exec(normalised);
  if (sepLine) {
    separator ??= sepLine[1]!;
    normalised = `\n${normalised.slice(sepLine[0].length)}`;
  }
  separator ??= detectSeparator(firstLineWithText(normalised));

  let records: string[][];
  let lines: number[];
  try {
    const plain = plainRecords(normalised, separator);
    if (plain !== null) {
      records = plain;
      lines = plain.map((_, i) => i + 1);
    } else {
      ({ records, lines } = csvParseRecords(normalised, separator));
    }
  } catch (error) {
    const { code, lines, message } = error as CsvError;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new FeedFileError(
        `line ${unclosedQuoteLine(normalised, separator)}: a quoted field (starting with ") is not closed ` +
          'before the end of the file; check for a stray double quote',
      );
    }
    throw new FeedFileError(`line ${lines ?? 1}: the file cannot be read as CSV: ${message}`);
  }

  const headerIndex = records.findIndex((record) => record.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) throw new FeedFileError('the file is empty: no header line was found');
  const header = records[headerIndex]!.map((name) => name.trim());
  const headerLine = lines[headerIndex]!;

  const columns = new Map<RowField, { index: number; rank: number }>();
  const ignored: string[] = [];
  header.forEach((name, index) => {
    if (name === '') return;
    const alias = ALIAS_BY_KEY.get(foldKey(name));
    if (alias === undefined) {
      ignored.push(name);
      return;
    }
    const taken = columns.get(alias.field);
    if (taken === undefined || alias.rank < taken.rank) {
      if (taken !== undefined) ignored.push(header[taken.index]!);
      columns.set(alias.field, { index, rank: alias.rank });
    } else {
      ignored.push(name);
    }
  });
  if (!columns.has('gtin') && !columns.has('sku')) {
    const expected = [...COLUMN_ALIASES.gtin, ...COLUMN_ALIASES.sku].join(', ');
    const found = header.filter((name) => name !== '').join(', ');
    throw new FeedFileError(
      `line ${headerLine}: no column for GTIN/EAN or SKU was found; expected one of ${expected} ` +
        `(the first line must name the columns; found: ${found.length > 200 ? `${found.slice(0, 199)}…` : found})`,
    );
  }

  const data = records.slice(headerIndex + 1);
  const priceColumns = (['price', 'sale_price'] as const).flatMap((field) => {
    const column = columns.get(field);
    return column === undefined ? [] : [column.index];
  });
  function* prices(): Iterable<string | undefined> {
    for (const record of data) for (const index of priceColumns) yield record[index];
  }
  const decimal = dominantDecimal(prices(), options.decimal ?? (separator === ';' ? ',' : '.'));

  const collector = new RowCollector(options.format, { ...options, decimal });
  for (const name of ignored) collector.ignore(name);
  const fields = [...columns].map(([field, { index }]) => ({ field, index, name: header[index]! }));
  data.forEach((record, i) => {
    const cells: Partial<Record<RowField, Cell>> = {};
    for (const { field, index, name } of fields) cells[field] = { field: name, value: record[index] ?? '' };
    collector.add({ line: lines[headerIndex + 1 + i]!, cells });
  });
  return collector.finish(`line ${headerLine}: the file has a header line but no rows with products`);
}

/** Parses a CSV file (`;`, `,`, tab or `|` separated; UTF-8 or Windows-1252). */
export function parseCsv(body: Buffer, options: ParseOptions): ParsedFeed {
  return parseDelimited(body, { ...options, format: 'csv' });
}
