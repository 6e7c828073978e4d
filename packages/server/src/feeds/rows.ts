/**
 * What every format does once it has found a row's values: check each field, drop empty rows,
 * enforce the row limit, reject rows without a key and duplicate keys, and apply sale prices.
 */
import type { Availability } from '@lokaal/core';
import {
  FIELD_LIMITS,
  isBlank,
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
  type DecimalSeparator,
  type Interval,
  type Parsed,
} from './fields.js';
import {
  FeedFileError,
  type FeedFormat,
  type FeedRejection,
  type FeedRow,
  type ParsedFeed,
} from './types.js';

/** The fields a format's columns or properties are mapped to. */
export type RowField =
  | 'action'
  | 'gtin'
  | 'sku'
  | 'title'
  | 'brand'
  | 'category'
  | 'image'
  | 'url'
  | 'price'
  | 'sale_price'
  | 'sale_price_effective_date'
  | 'price_cents'
  | 'quantity'
  | 'availability'
  | 'store_code';

/** A value as found in the file, with the column or property name it was found under. */
export interface Cell {
  field: string;
  value: unknown;
}

export interface RawRow {
  line: number;
  cells: Partial<Record<RowField, Cell>>;
  /** Set by formats whose structure says what to do (Lokaal JSON's `remove` list). */
  action?: 'upsert' | 'remove';
  /** Problems the format found itself (a foreign `priceCurrency`, a value of the wrong type). */
  problems?: FeedRejection[];
}

/** Options shared by all format parsers. */
export interface ParseOptions {
  maxRows: number;
  /** The moment a `sale_price_effective_date` is compared with. */
  now: Date;
  /**
   * Takes the valid rows in batches, in file order, while the file is still being read;
   * with it, the `ParsedFeed` that parsing returns has no `rows`.
   */
  onRows?: (rows: FeedRow[]) => void;
}

/** A row's availability: as the feed gives it, else from the quantity, else "in stock" for an item listed without one. */
export function availabilityOf(row: FeedRow): Availability {
  if (row.availability) return row.availability;
  if (row.quantity === null) return 'in_stock';
  if (row.quantity === 0) return 'out_of_stock';
  return row.quantity <= 2 ? 'limited' : 'in_stock';
}

/** Rows per batch handed to `onRows`. */
const BATCH_ROWS = 2000;

export interface CollectorOptions extends ParseOptions {
  /** The decimal separator of the file; a reader that has not seen all its prices yet may `decide` it later. */
  decimal: DecimalSeparator;
}

/** Builds the rejection for a cell. */
export function rejection(line: number, cell: Cell, reason: string): FeedRejection {
  return { line, field: cell.field, reason, value: truncateValue(cell.value) };
}

/** What each field holds once checked. */
interface FieldValues {
  action: 'upsert' | 'remove';
  gtin: string;
  sku: string;
  title: string;
  brand: string;
  category: string;
  image: string;
  url: string;
  price: number;
  sale_price: number;
  sale_price_effective_date: Interval;
  price_cents: number;
  quantity: number;
  availability: Availability;
  store_code: string;
}

const FIELD_PARSERS: {
  [F in RowField]: (value: unknown, decimal: DecimalSeparator) => Parsed<FieldValues[F] | null>;
} = {
  action: parseAction,
  gtin: parseGtinValue,
  sku: (value) => parseText(value, FIELD_LIMITS.sku),
  title: (value) => parseText(value, FIELD_LIMITS.title),
  brand: (value) => parseText(value, FIELD_LIMITS.brand),
  category: (value) => parseText(value, FIELD_LIMITS.category),
  image: parseUrlValue,
  url: parseUrlValue,
  price: parsePrice,
  sale_price: parsePrice,
  sale_price_effective_date: parseInterval,
  price_cents: parsePriceCents,
  quantity: parseQuantity,
  availability: parseAvailability,
  store_code: (value) => parseText(value, FIELD_LIMITS.storeCode),
};

/** The fields whose values are read with the file's decimal separator. */
const DECIMAL_FIELDS = ['price', 'sale_price', 'price_cents', 'quantity'] as const;

/** `12`, `12,95`, `12.5` or nothing: read the same with either decimal separator. */
const PLAIN_NUMBER = /^(?:\d+(?:[.,]\d{1,2})?)?$/;

/** One row being checked. */
interface RowCheck {
  line: number;
  cells: Partial<Record<RowField, Cell>>;
  problems: FeedRejection[];
  failed: Set<RowField> | null;
}

export class RowCollector {
  private readonly rows: FeedRow[] = [];
  private readonly rejected: FeedRejection[] = [];
  private readonly ignored = new Set<string>();
  /** The line each key was first seen on, per store code ('' for none) and kind of key. */
  private readonly seen = new Map<string, { gtin: Map<string, number>; sku: Map<string, number> }>();
  private readonly now: number;
  private decimal: DecimalSeparator;
  private read = 0;

  constructor(
    private readonly format: FeedFormat,
    private readonly options: CollectorOptions,
  ) {
    this.now = options.now.getTime();
    this.decimal = options.decimal;
  }

  /** Sets the decimal separator for the rows added from now on. */
  decide(decimal: DecimalSeparator): void {
    this.decimal = decimal;
  }

  /**
   * Whether a row's values could read differently with the other decimal separator
   * (`1.234`: one euro or a thousand); a row that cannot may be added before the file's
   * separator is known.
   */
  dependsOnDecimal(cells: RawRow['cells']): boolean {
    for (const field of DECIMAL_FIELDS) {
      const value = cells[field]?.value;
      if (value === undefined || (typeof value === 'string' && PLAIN_NUMBER.test(value))) continue;
      const parse = FIELD_PARSERS[field];
      if (JSON.stringify(parse(value, ',')) !== JSON.stringify(parse(value, '.'))) return true;
    }
    return false;
  }

  /** Notes a column or property that is not understood. */
  ignore(name: string): void {
    this.ignored.add(name);
  }

  /** The checked value of a field, `null` when it is absent, empty or not valid (then a problem is noted). */
  private take<F extends RowField>(check: RowCheck, field: F): FieldValues[F] | null {
    const cell = check.cells[field];
    if (cell === undefined) return null;
    const result = FIELD_PARSERS[field](cell.value, this.decimal);
    if (result.ok) return result.value;
    check.problems.push(rejection(check.line, cell, result.reason));
    (check.failed ??= new Set()).add(field);
    return null;
  }

  add(raw: RawRow): void {
    const { line, cells } = raw;
    const check: RowCheck = { line, cells, problems: raw.problems ? [...raw.problems] : [], failed: null };
    if (check.problems.length === 0) {
      let blank = true;
      for (const field in cells) {
        if (!isBlank(cells[field as RowField]!.value)) {
          blank = false;
          break;
        }
      }
      if (blank) return;
    }
    this.read += 1;
    if (this.read > this.options.maxRows) {
      throw new FeedFileError(
        `line ${line}: the file has more than ${this.options.maxRows} rows, the limit per file; ` +
          'split it into smaller files',
      );
    }

    const action = raw.action ?? this.take(check, 'action') ?? 'upsert';
    const gtin = this.take(check, 'gtin');
    const sku = this.take(check, 'sku');
    const storeCode = this.take(check, 'store_code');
    const row: FeedRow = {
      line,
      action,
      gtin,
      sku,
      title: null,
      brand: null,
      category: null,
      image: null,
      url: null,
      price_cents: null,
      availability: null,
      quantity: null,
      store_code: storeCode,
    };
    // A row that removes a product needs only its key: the rest of it is not looked at.
    if (action === 'upsert') {
      row.title = this.take(check, 'title');
      row.brand = this.take(check, 'brand');
      row.category = this.take(check, 'category');
      row.image = this.take(check, 'image');
      row.url = this.take(check, 'url');
      row.availability = this.take(check, 'availability');
      row.quantity = this.take(check, 'quantity');
      const price = this.take(check, 'price');
      const cents = this.take(check, 'price_cents');
      const sale = this.take(check, 'sale_price');
      const window = this.take(check, 'sale_price_effective_date');
      row.price_cents = cents ?? price;
      if (sale !== null && (window === null || (window.start <= this.now && this.now < window.end))) {
        row.price_cents = sale;
      }
    }

    const { problems } = check;
    const keyCell = gtin !== null ? cells.gtin : sku !== null ? cells.sku : undefined;
    const keyFailed = check.failed !== null && (check.failed.has('gtin') || check.failed.has('sku'));
    // A row with no cells at all is one the format already reported (an offer that is no object).
    if (keyCell === undefined && !keyFailed && Object.keys(cells).length > 0) {
      problems.push({
        line,
        field: cells.gtin?.field ?? cells.sku?.field ?? 'gtin',
        reason:
          'the row has no GTIN/EAN and no SKU; every row needs at least one of them to identify the product',
        value: '',
      });
    }
    let keys: Map<string, number> | null = null;
    const key = gtin ?? sku;
    if (keyCell !== undefined && key !== null) {
      let store = this.seen.get(storeCode ?? '');
      if (store === undefined) this.seen.set(storeCode ?? '', (store = { gtin: new Map(), sku: new Map() }));
      keys = gtin !== null ? store.gtin : store.sku;
      const earlier = keys.get(key);
      if (earlier !== undefined) {
        const what = gtin !== null ? 'GTIN' : 'SKU';
        const where = storeCode !== null ? ` for store ${storeCode}` : '';
        problems.push(
          rejection(
            line,
            keyCell,
            `duplicate: the same ${what}${where} is already on line ${earlier}; each product may appear only once in a file`,
          ),
        );
      }
    }

    if (problems.length > 0) {
      // In the order of the columns, as the shop sees them.
      const order = Object.values(cells).map((cell) => cell.field);
      problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
      this.rejected.push(...problems);
      return;
    }
    if (keys !== null && key !== null) keys.set(key, line);
    this.rows.push(row);
    if (this.options.onRows && this.rows.length >= BATCH_ROWS) this.options.onRows(this.rows.splice(0));
  }

  /** The parsed feed; a feed without a single row is not a feed. */
  finish(noRows = 'the file has no rows with products'): ParsedFeed {
    if (this.read === 0) throw new FeedFileError(noRows);
    if (this.options.onRows && this.rows.length > 0) this.options.onRows(this.rows.splice(0));
    return {
      format: this.format,
      read: this.read,
      rows: this.rows,
      rejected: this.rejected,
      ignoredColumns: [...this.ignored],
    };
  }
}
