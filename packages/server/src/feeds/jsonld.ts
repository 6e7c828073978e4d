/**
 * schema.org JSON-LD, as web shops publish it on product pages: Products with Offers, in any of
 * the usual shapes (a single object, an array, `@graph`, an `ItemList`, `ProductGroup` variants,
 * an `Offer` with `itemOffered`). One row per product and offer.
 */
import { dominantDecimal, isBlank, parseGtinValue, truncateValue } from './fields.js';
import { elements, parseJsonDocument, properties, property, valueOf, type JsonNode } from './json-tree.js';
import { RowCollector, type Cell, type ParseOptions, type RowField } from './rows.js';
import type { FeedRejection, ParsedFeed } from './types.js';

const PRODUCT_TYPES = ['Product', 'IndividualProduct', 'ProductModel', 'SomeProducts', 'Book'];
const GTIN_PROPERTIES = ['gtin13', 'gtin', 'gtin12', 'gtin8', 'gtin14', 'isbn'];
const PRODUCT_PROPERTIES = new Set([
  ...GTIN_PROPERTIES,
  'sku',
  'productID',
  'name',
  'brand',
  'image',
  'category',
  'url',
  'offers',
  'hasVariant',
]);
const OFFER_PROPERTIES = new Set([
  ...GTIN_PROPERTIES,
  'sku',
  'price',
  'priceCurrency',
  'priceSpecification',
  'availability',
  'inventoryLevel',
  'url',
  'itemOffered',
  'offers',
]);

/** `Product`, `schema:Product` and `https://schema.org/Product` are all `Product`. */
function typesOf(node: JsonNode | undefined): string[] {
  const value = valueOf(property(node, '@type'));
  const names = Array.isArray(value) ? value : [value];
  return names
    .filter((name): name is string => typeof name === 'string')
    .map((name) =>
      name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'), name.lastIndexOf('#')) + 1),
    );
}

const isObject = (node: JsonNode | undefined): node is JsonNode => node?.type === 'object';

/** A product with one of its offers (or none), and the paths their properties are named by. */
interface Candidate {
  product: JsonNode | undefined;
  group: JsonNode | undefined;
  offer: JsonNode | undefined;
  /** The AggregateOffer an offer is part of. */
  aggregate: JsonNode | undefined;
  productPath: string;
  offerPath: string;
  /** The node whose first line is the row's line. */
  at: JsonNode;
}

function offersOf(
  product: JsonNode,
  group: JsonNode | undefined,
  productPath: string,
  found: Candidate[],
): void {
  const candidates: Candidate[] = [];
  for (const offer of elements(property(product, 'offers'))) {
    const inner = property(offer, 'offers');
    if (typesOf(offer).includes('AggregateOffer') && inner !== undefined) {
      for (const each of elements(inner)) {
        candidates.push({
          product,
          group,
          offer: each,
          aggregate: offer,
          productPath,
          offerPath: `${productPath}offers.offers.`,
          at: each,
        });
      }
    } else {
      const offerPath = `${productPath}offers.`;
      candidates.push({ product, group, offer, aggregate: undefined, productPath, offerPath, at: offer });
    }
  }
  if (candidates.length === 0) {
    candidates.push({
      product,
      group,
      offer: undefined,
      aggregate: undefined,
      productPath,
      offerPath: '',
      at: product,
    });
  }
  found.push(...candidates);
}

/** Finds every product and offer in a JSON-LD document. */
function collect(node: JsonNode | undefined, found: Candidate[], depth = 0): void {
  if (node === undefined || depth > 32) return;
  if (node.type === 'array') {
    for (const element of node.children ?? []) collect(element, found, depth + 1);
    return;
  }
  if (node.type !== 'object') return;
  const types = typesOf(node);
  const graph = property(node, '@graph');
  if (graph !== undefined) collect(graph, found, depth + 1);
  if (types.includes('ItemList')) {
    collect(property(node, 'itemListElement'), found, depth + 1);
  } else if (types.includes('ListItem')) {
    collect(property(node, 'item'), found, depth + 1);
  } else if (types.includes('ProductGroup')) {
    const variants = elements(property(node, 'hasVariant')).filter(isObject);
    if (variants.length === 0) offersOf(node, undefined, '', found);
    for (const variant of variants) offersOf(variant, node, 'hasVariant.', found);
  } else if (types.some((type) => PRODUCT_TYPES.includes(type))) {
    offersOf(node, undefined, '', found);
  } else if (types.includes('Offer') || types.includes('AggregateOffer')) {
    const product = elements(property(node, 'itemOffered')).find(isObject);
    const inner = property(node, 'offers');
    if (types.includes('AggregateOffer') && inner !== undefined) {
      for (const offer of elements(inner)) {
        found.push({
          product,
          group: undefined,
          offer,
          aggregate: node,
          productPath: 'itemOffered.',
          offerPath: 'offers.',
          at: offer,
        });
      }
    } else {
      found.push({
        product,
        group: undefined,
        offer: node,
        aggregate: undefined,
        productPath: 'itemOffered.',
        offerPath: '',
        at: node,
      });
    }
  } else if (property(node, 'mainEntity') !== undefined) {
    collect(property(node, 'mainEntity'), found, depth + 1);
  }
}

/**
 * A cell from a property, following `{ name }`, `{ url }` or the first element of a list. An
 * object without any of the `nested` properties (a bare `{ "@id": … }` reference) gives nothing.
 */
function cellOf(node: JsonNode | undefined, path: string, nested: string[] = []): Cell | undefined {
  if (node === undefined) return undefined;
  if (node.type === 'array') {
    const first = node.children?.[0];
    return first === undefined ? undefined : cellOf(first, path, nested);
  }
  if (node.type === 'object' && nested.length > 0) {
    for (const name of nested) {
      const inner = property(node, name);
      if (inner !== undefined) return cellOf(inner, `${path}.${name}`);
    }
    return undefined;
  }
  return { field: path, value: valueOf(node) };
}

/** The first of several (property, node, path) places that holds the value. */
function first(...places: Array<[JsonNode | undefined, string, string]>): Cell | undefined {
  for (const [owner, name, path] of places) {
    const node = property(owner, name);
    if (node !== undefined && node.type !== 'null') return cellOf(node, `${path}${name}`);
  }
  return undefined;
}

function toRawRow(candidate: Candidate, line: number, ignore: (name: string) => void) {
  const { product, group, offer, aggregate, productPath, offerPath } = candidate;
  const cells: Partial<Record<RowField, Cell>> = {};
  const problems: FeedRejection[] = [];
  const offerObject = isObject(offer) ? offer : undefined;
  if (offer !== undefined && offerObject === undefined) {
    problems.push({
      line,
      field: offerPath.slice(0, -1),
      reason: 'expected an Offer object with a price and an availability',
      value: truncateValue(valueOf(offer)),
    });
  }

  // GTIN: the offer's before the product's; every other GTIN given must be valid too.
  const gtins: Cell[] = [];
  for (const [owner, path] of [
    [offerObject, offerPath],
    [product, productPath],
  ] as const) {
    for (const name of GTIN_PROPERTIES) {
      const cell = first([owner, name, path]);
      if (cell !== undefined) gtins.push(cell);
    }
  }
  const [gtin, ...otherGtins] = gtins.filter((cell) => !isBlank(cell.value));
  if (gtin !== undefined) cells.gtin = gtin;
  for (const cell of otherGtins) {
    const result = parseGtinValue(cell.value);
    if (!result.ok)
      problems.push({ line, field: cell.field, reason: result.reason, value: truncateValue(cell.value) });
  }

  const set = (field: RowField, cell: Cell | undefined) => {
    if (cell !== undefined) cells[field] = cell;
  };
  set(
    'sku',
    first(
      [offerObject, 'sku', offerPath],
      [product, 'sku', productPath],
      [product, 'productID', productPath],
    ),
  );
  set('title', first([product, 'name', productPath], [group, 'name', '']));
  const brand = property(product, 'brand') ?? property(group, 'brand');
  set('brand', cellOf(brand, property(product, 'brand') ? `${productPath}brand` : 'brand', ['name']));
  const category = property(product, 'category') ?? property(group, 'category');
  set(
    'category',
    cellOf(category, property(product, 'category') ? `${productPath}category` : 'category', ['name']),
  );
  const image = property(product, 'image') ?? property(group, 'image');
  set(
    'image',
    cellOf(image, property(product, 'image') ? `${productPath}image` : 'image', ['url', 'contentUrl']),
  );
  set('url', first([offerObject, 'url', offerPath], [product, 'url', productPath]));

  if (offerObject !== undefined) {
    const specification = elements(property(offerObject, 'priceSpecification')).find(isObject);
    const specificationPath = `${offerPath}priceSpecification.`;
    set('price', first([offerObject, 'price', offerPath], [specification, 'price', specificationPath]));
    const currency = first(
      [offerObject, 'priceCurrency', offerPath],
      [specification, 'priceCurrency', specificationPath],
      [aggregate, 'priceCurrency', offerPath.replace(/offers\.$/, '')],
    );
    if (currency !== undefined && !isBlank(currency.value)) {
      const code = typeof currency.value === 'string' ? currency.value.trim() : null;
      if (code?.toUpperCase() !== 'EUR') {
        problems.push({
          line,
          field: currency.field,
          reason:
            code !== null && /^[A-Za-z]{3}$/.test(code)
              ? `the currency is ${code.toUpperCase()}; only prices in euro (EUR) are accepted`
              : 'expected the currency code EUR; only prices in euro are accepted',
          value: truncateValue(currency.value),
        });
      }
    }
    set('availability', first([offerObject, 'availability', offerPath]));
    set('quantity', cellOf(property(offerObject, 'inventoryLevel'), `${offerPath}inventoryLevel`, ['value']));
    for (const [name] of properties(offerObject)) {
      if (!name.startsWith('@') && !OFFER_PROPERTIES.has(name)) ignore(`${offerPath}${name}`);
    }
  }
  for (const [name] of properties(product)) {
    if (!name.startsWith('@') && !PRODUCT_PROPERTIES.has(name)) ignore(`${productPath}${name}`);
  }
  return { line, cells, problems };
}

/** Parses schema.org JSON-LD with Products and Offers. */
export function parseJsonLd(body: Buffer, options: ParseOptions): ParsedFeed {
  const { root, lines } = parseJsonDocument(body);
  const found: Candidate[] = [];
  collect(root, found);
  const decimal = dominantDecimal(
    found.map(({ offer }) => valueOf(property(offer, 'price'))),
    '.',
  );
  const collector = new RowCollector('jsonld', { ...options, decimal });
  for (const candidate of found) {
    collector.add(toRawRow(candidate, lines.lineAt(candidate.at.offset), (name) => collector.ignore(name)));
  }
  return collector.finish(
    'no schema.org Product or Offer was found; expected a Product (with offers), an Offer with ' +
      'itemOffered, an ItemList of them, or a @graph holding them',
  );
}
