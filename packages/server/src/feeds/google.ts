/**
 * Google's local product inventory feeds, as tab-separated text and as XML (RSS 2.0 with the
 * `g:` namespace, or Atom), so a shop that already feeds Google can feed Lokaal the same file.
 */
import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import { decodeFeed, LineIndex } from './decode.js';
import { dominantDecimal, foldKey } from './fields.js';
import { RowCollector, type Cell, type ParseOptions, type RowField } from './rows.js';
import { FeedFileError, type ParsedFeed } from './types.js';

export { parseGoogleTsv } from './csv.js';

/** The elements of an item understood, by their name without namespace prefix. */
const XML_FIELDS: Record<string, RowField> = {
  id: 'sku',
  itemid: 'sku',
  storecode: 'store_code',
  gtin: 'gtin',
  title: 'title',
  brand: 'brand',
  producttype: 'category',
  availability: 'availability',
  quantity: 'quantity',
  price: 'price',
  saleprice: 'sale_price',
  salepriceeffectivedate: 'sale_price_effective_date',
  link: 'url',
  imagelink: 'image',
};

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Expands only what XML itself defines: the five named entities and numeric character
 * references. Anything else (`&euro;`) stays as written; DOCTYPE entities never get here.
 */
const xmlEntityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text) =>
    text.replace(
      /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi,
      (whole, dec?: string, hex?: string, name?: string) => {
        if (name !== undefined) return XML_ENTITIES[name] ?? whole;
        const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
        const valid = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        return valid ? String.fromCodePoint(code) : '\ufffd';
      },
    ),
};

const COMMENT_OR_CDATA = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/y;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/y;

/**
 * The offsets where the items start: `<item>` in `<rss><channel>`, `<entry>` in `<feed>`. The
 * parser gives no positions, so the tags are followed here (comments and CDATA skipped).
 */
function itemOffsets(text: string): number[] {
  const offsets: number[] = [];
  const path: string[] = [];
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    COMMENT_OR_CDATA.lastIndex = i;
    const skipped = COMMENT_OR_CDATA.exec(text);
    if (skipped) {
      i += skipped[0].length - 1;
      continue;
    }
    TAG.lastIndex = i;
    const tag = TAG.exec(text);
    if (!tag) continue;
    const [whole, closing, name = '', selfClosing] = tag;
    if (closing) {
      path.pop();
    } else {
      const parent = path.join('/');
      if ((name === 'item' && parent === 'rss/channel') || (name === 'entry' && parent === 'feed')) {
        offsets.push(i);
      }
      if (!selfClosing) path.push(name);
    }
    i += whole.length - 1;
  }
  return offsets;
}

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [name: string]: XmlValue;
}

/** The text of an element: `#text` when it has attributes, Atom's `<link href>`, the first of several. */
function elementValue(value: XmlValue): unknown {
  if (Array.isArray(value)) return value.length > 0 ? elementValue(value[0]!) : '';
  if (typeof value === 'string') return value;
  if (typeof value['#text'] === 'string') return value['#text'];
  if (typeof value['@_href'] === 'string') return value['@_href'];
  const children = Object.keys(value).filter((key) => !key.startsWith('@_'));
  return children.length === 0 ? '' : value;
}

/** Parses a Google product feed in XML: `<rss><channel><item><g:id>…` or `<feed><entry>…`. */
export function parseGoogleXml(body: Buffer, options: ParseOptions): ParsedFeed {
  const { text } = decodeFeed(body, { legacy: true });
  const lines = new LineIndex(text);
  const doctype = /<!(?:DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    throw new FeedFileError(
      `line ${lines.lineAt(doctype.index)}: the XML has a DOCTYPE or ENTITY declaration, which is not ` +
        'accepted (entity expansion can blow up a parser); remove it',
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new FeedFileError(
      `line ${valid.err.line}, column ${valid.err.col}: the XML is not well-formed: ${valid.err.msg}`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    entityDecoder: xmlEntityDecoder,
    isArray: (name) => name === 'item' || name === 'entry',
  });
  const document = parser.parse(text) as XmlObject;
  const rss = document.rss as XmlObject | undefined;
  const feed = document.feed as XmlObject | undefined;
  let found: XmlValue | undefined;
  if (rss !== undefined && typeof rss === 'object' && !Array.isArray(rss)) {
    const channel = rss.channel;
    const first = Array.isArray(channel) ? channel[0] : channel;
    found =
      first !== undefined && typeof first === 'object' && !Array.isArray(first) ? first.item : undefined;
  } else if (feed !== undefined && typeof feed === 'object' && !Array.isArray(feed)) {
    found = feed.entry;
  } else {
    throw new FeedFileError(
      'line 1: this XML is not a Google product feed; expected <rss><channel><item> with ' +
        'xmlns:g="http://base.google.com/ns/1.0", or an Atom <feed><entry>',
    );
  }
  const items = found === undefined ? [] : Array.isArray(found) ? found : [found];
  const offsets = itemOffsets(text);

  // Per item: the element chosen for each field (a `g:` element wins over an unprefixed one).
  const rows = items.map((item, index) => {
    const cells: Partial<Record<RowField, Cell & { prefixed: boolean }>> = {};
    const ignored: string[] = [];
    if (typeof item === 'object' && !Array.isArray(item)) {
      for (const [name, value] of Object.entries(item)) {
        if (name.startsWith('@_') || name === '#text') continue;
        const colon = name.indexOf(':');
        const field = XML_FIELDS[foldKey(colon >= 0 ? name.slice(colon + 1) : name)];
        if (field === undefined) {
          ignored.push(name);
          continue;
        }
        const taken = cells[field];
        if (taken === undefined || (!taken.prefixed && colon >= 0)) {
          cells[field] = { field: name, value: elementValue(value), prefixed: colon >= 0 };
        }
      }
    }
    const offset = offsets[index];
    return { line: offset === undefined ? 1 : lines.lineAt(offset), cells, ignored };
  });

  const decimal = dominantDecimal(
    rows.flatMap(({ cells }) => [cells.price?.value, cells.sale_price?.value]),
    '.',
  );
  const collector = new RowCollector('google-xml', { ...options, decimal });
  for (const row of rows) {
    for (const name of row.ignored) collector.ignore(name);
    collector.add({ line: row.line, cells: row.cells });
  }
  return collector.finish('the XML feed has no <item> (or <entry>) with products');
}
