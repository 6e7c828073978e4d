/**
 * Lokaal's own JSON feed: `{ "offers": [ … ], "remove": [ "<gtin or sku>", … ] }`, or just an
 * array of offers. Prices are euros (a number or a string) or whole cents in `price_cents`.
 */
import { dominantDecimal, parseGtinValue, truncateValue } from './fields.js';
import { elements, parseJsonDocument, properties, property, valueOf, type JsonNode } from './json-tree.js';
import { RowCollector, type Cell, type ParseOptions, type RawRow, type RowField } from './rows.js';
import { FeedFileError, type ParsedFeed } from './types.js';

/** The properties of an offer, by name as written. */
const OFFER_FIELDS: Record<string, RowField> = {
  gtin: 'gtin',
  sku: 'sku',
  title: 'title',
  brand: 'brand',
  category: 'category',
  image: 'image',
  url: 'url',
  price: 'price',
  price_cents: 'price_cents',
  availability: 'availability',
  quantity: 'quantity',
};

const NOT_A_FEED =
  'this JSON is not a Lokaal feed; expected an object with "offers" (a list of offers) and/or ' +
  '"remove" (a list of GTINs or SKUs), or a list of offers';

/** Parses a Lokaal JSON feed. */
export function parseLokaalJson(body: Buffer, options: ParseOptions): ParsedFeed {
  const { root, lines } = parseJsonDocument(body);
  const lineOf = (node: JsonNode) => lines.lineAt(node.offset);
  let offers: JsonNode | undefined;
  let remove: JsonNode | undefined;
  const ignored: string[] = [];
  if (root.type === 'array') {
    offers = root;
  } else if (root.type === 'object') {
    offers = property(root, 'offers');
    remove = property(root, 'remove');
    if (offers === undefined && remove === undefined)
      throw new FeedFileError(`line ${lineOf(root)}: ${NOT_A_FEED}`);
    for (const [name] of properties(root)) {
      if (name !== 'offers' && name !== 'remove' && name !== '$schema') ignored.push(name);
    }
  } else {
    throw new FeedFileError(`line ${lineOf(root)}: ${NOT_A_FEED}`);
  }
  for (const [name, node] of [
    ['offers', offers],
    ['remove', remove],
  ] as const) {
    if (node !== undefined && node.type !== 'array' && node.type !== 'null') {
      throw new FeedFileError(`line ${lineOf(node)}: "${name}" must be a list ([ … ])`);
    }
  }

  const rows: RawRow[] = [];
  for (const offer of elements(offers)) {
    const line = lineOf(offer);
    if (offer.type !== 'object') {
      rows.push({
        line,
        cells: {},
        problems: [
          { line, field: 'offers', reason: 'expected an offer object', value: truncateValue(valueOf(offer)) },
        ],
      });
      continue;
    }
    const cells: Partial<Record<RowField, Cell>> = {};
    for (const [name, node] of properties(offer)) {
      const field = OFFER_FIELDS[name];
      if (field === undefined) ignored.push(name);
      else cells[field] = { field: name, value: valueOf(node) };
    }
    rows.push({ line, cells });
  }
  for (const entry of elements(remove)) {
    const line = lineOf(entry);
    const value = valueOf(entry);
    if (entry.type === 'object') {
      const cells: Partial<Record<RowField, Cell>> = {};
      for (const name of ['gtin', 'sku'] as const) {
        const node = property(entry, name);
        if (node !== undefined) cells[name] = { field: `remove.${name}`, value: valueOf(node) };
      }
      rows.push({ line, cells, action: 'remove' });
    } else if (entry.type === 'string' || entry.type === 'number') {
      // A valid GTIN is a GTIN; anything else is the shop's own SKU.
      const isGtin = parseGtinValue(value).ok && !/^0*$/.test(String(value).trim());
      rows.push({ line, cells: { [isGtin ? 'gtin' : 'sku']: { field: 'remove', value } }, action: 'remove' });
    } else if (entry.type !== 'null') {
      rows.push({
        line,
        cells: {},
        action: 'remove',
        problems: [
          { line, field: 'remove', reason: 'expected a GTIN or SKU as text', value: truncateValue(value) },
        ],
      });
    }
  }

  const decimal = dominantDecimal(
    rows.map((row) => row.cells.price?.value),
    '.',
  );
  const collector = new RowCollector('lokaal-json', { ...options, decimal });
  for (const name of ignored) collector.ignore(name);
  for (const row of rows) collector.add(row);
  return collector.finish('the feed has no offers and nothing to remove');
}
