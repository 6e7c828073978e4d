/**
 * CSV and other delimited text (also Google's tab-separated local inventory feed): the
 * encoding, the separator and the columns are found from the file itself.
 */
import { parse as parseCsvText, type Options as CsvOptions } from 'csv-parse/sync';
import Papa from 'papaparse';
import { decodeFeed } from './decode.js';
import { DecimalVote, foldKey, type DecimalSeparator } from './fields.js';
import { RowCollector, type Cell, type ParseOptions, type RawRow, type RowField } from './rows.js';
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

/** The first line that holds a letter or a digit; '' when there is none. Lines may end in `\r\n`, `\r` or `\n`. */
function firstLineWithText(text: string): string {
  for (const line of textLines(text)) if (/[\p{L}\p{N}]/u.test(line)) return line;
  return '';
}

/** The lines of a text, one at a time. */
function* textLines(text: string): Generator<string> {
  const lineEnd = /\r\n?|\n/g;
  let start = 0;
  for (let end = lineEnd.exec(text); end !== null; end = lineEnd.exec(text)) {
    yield text.slice(start, end.index);
    start = lineEnd.lastIndex;
  }
  yield text.slice(start);
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

/** One kind of line end, so that the line numbers of records are easy to follow. */
function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Characters read at a time (about 1,000 rows), so that the first rows are checked early. */
const PIECE_CHARS = 1 << 16;

interface Records {
  records: string[][];
  /** The line each record starts on. */
  lines: number[];
}

/** csv-parse's reading of the whole text, or the `FeedFileError` that says where it fails. */
function csvParseOrExplain(normalised: string, separator: string): Records {
  try {
    return csvParseRecords(normalised, separator);
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
}

/**
 * The records of delimited text, a piece of whole lines at a time. Each piece is read with
 * Papa Parse while it is plain (`plainRecords`); from the first piece that is not, the
 * whole text is read with csv-parse and its records from there on are given. A reading
 * stops at line ends, so the records before that piece are the same in both readings.
 */
function* recordPieces(text: string, separator: string): Generator<Records> {
  let start = 0;
  let line = 1;
  let given = 0;
  while (start < text.length) {
    const lineEnd = text.indexOf('\n', start + PIECE_CHARS);
    const end = lineEnd < 0 ? text.length : lineEnd + 1;
    // Line ends inside quoted fields become `\n` too, which is the same once whitespace is collapsed.
    const records = plainRecords(normaliseLineEnds(text.slice(start, end)), separator);
    if (records === null) {
      const all = csvParseOrExplain(normaliseLineEnds(text), separator);
      yield { records: all.records.slice(given), lines: all.lines.slice(given) };
      return;
    }
    yield { records, lines: records.map((_, i) => line + i) };
    given += records.length;
    line += records.length;
    start = end;
  }
}

/**
 * Parses delimited text: CSV with any of the usual separators, or Google's TSV. The file is
 * read a piece at a time, and each row is checked as soon as it is read, so that a large
 * feed's first rows can be written while the rest is read (`onRows`). Only a value that
 * reads differently with a decimal comma or point (`1.234`) waits: from the first such row
 * on, rows are kept until every price has shown which separator the file uses.
 */
export function parseDelimited(body: Buffer, options: DelimitedOptions): ParsedFeed {
  let { text } = decodeFeed(body, { legacy: true });
  let separator = options.separator;
  // Excel's `sep=;` first line names the separator; an empty line keeps the line numbers.
  const sepLine = /^sep=(.)(?:\r\n?|\n)/i.exec(text);
  if (sepLine) {
    separator ??= sepLine[1]!;
    text = `\n${text.slice(sepLine[0].length)}`;
  }
  separator ??= detectSeparator(firstLineWithText(text));
  const fallbackDecimal = options.decimal ?? (separator === ';' ? ',' : '.');

  let columns: Array<{ field: RowField; index: number; name: string }> | null = null;
  let priceColumns: number[] = [];
  let headerLine = 0;
  const collector = new RowCollector(options.format, { ...options, decimal: fallbackDecimal });
  const vote = new DecimalVote();
  /** The rows from the first one whose values depend on the decimal separator on. */
  let waiting: RawRow[] | null = null;
  for (const { records, lines } of recordPieces(text, separator)) {
    records.forEach((record, i) => {
      if (columns === null) {
        if (record.some((cell) => cell.trim() !== '')) {
          headerLine = lines[i]!;
          columns = headerColumns(record, headerLine, collector);
          priceColumns = columns.flatMap(({ field, index }) =>
            field === 'price' || field === 'sale_price' ? [index] : [],
          );
        }
        return;
      }
      for (const index of priceColumns) vote.add(record[index]);
      const cells: Partial<Record<RowField, Cell>> = {};
      for (const { field, index, name } of columns)
        cells[field] = { field: name, value: record[index] ?? '' };
      const raw = { line: lines[i]!, cells };
      if (waiting === null && collector.dependsOnDecimal(cells)) waiting = [];
      if (waiting !== null) waiting.push(raw);
      else collector.add(raw);
    });
  }
  if (columns === null) throw new FeedFileError('the file is empty: no header line was found');
  collector.decide(vote.winner(fallbackDecimal));
  for (const raw of waiting ?? []) collector.add(raw);
  return collector.finish(`line ${headerLine}: the file has a header line but no rows with products`);
}

/**
 * The columns of a header line that are understood, by field; the others are noted as
 * ignored. Throws when there is no column for the key.
 */
function headerColumns(
  record: string[],
  headerLine: number,
  collector: RowCollector,
): Array<{ field: RowField; index: number; name: string }> {
  const header = record.map((name) => name.trim());
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
  for (const name of ignored) collector.ignore(name);
  return [...columns].map(([field, { index }]) => ({ field, index, name: header[index]! }));
}

/** Parses a CSV file (`;`, `,`, tab or `|` separated; UTF-8 or Windows-1252). */
export function parseCsv(body: Buffer, options: ParseOptions): ParsedFeed {
  return parseDelimited(body, { ...options, format: 'csv' });
}

/**
 * Parses Google's tab-separated local inventory feed (`store_code`, `id`, `price` as
 * `12.95 EUR`, …); its XML form is read in google.ts.
 */
export function parseGoogleTsv(body: Buffer, options: ParseOptions): ParsedFeed {
  return parseDelimited(body, { ...options, format: 'google-tsv', separator: '\t', decimal: '.' });
}
