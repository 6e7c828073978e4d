/**
 * The terms of the offer index and the FTS5 expressions that match them.
 *
 * The offer index holds terms only (`detail = none`, no positions, no prefix tables):
 * search never needs phrases, and every extra structure costs a write per term at
 * ingest. Three kinds of term share one column:
 * - words, folded: `fietsbel`, for searches without an area;
 * - tags, marked with `·`: cells, the place, kind, category, `·instock`;
 * - words and categories fused with a cell: `·gf04843x06173·fietsbel`, so that an
 *   area search reads only the documents of its cells that hold the word (see cells.ts).
 *   Only an offer's own words are fused: the words of its place's name and the place's
 *   categories are matched in an area through the place's tag (`·pl12`), found from the
 *   places of the area's cells, which saves each offer a copy of them per cell level.
 * Words are runs of letters and digits (`searchTokens`), so no word can ever look like
 * a tag, and user text never reaches FTS5 syntax unquoted.
 */
import type { Availability, Point, Product } from '@lokaal/core';
import type { OfferRecord, PlaceRecord } from '../dataset.js';
import { availabilityOf } from '../feeds/rows.js';
import type { FeedRow } from '../feeds/types.js';
import { COARSE, FINE, cellToken, type CellLevel } from './cells.js';
import { fold, searchTokens, tagToken } from './text.js';

const MARK = '·';

/** A tag term: `tag('c', 'fietsen')` → `·cfietsen`. */
export function tagTerm(prefix: string, value: string): string {
  return `${MARK}${tagToken(prefix, value)}`;
}

export const IN_STOCK_TERM = `${MARK}instock`;

export function placeTerm(rid: number): string {
  return `${MARK}pl${rid}`;
}

export function cellTerm(level: CellLevel, point: Point): string {
  return `${MARK}${cellToken(level, point)}`;
}

/** The term of a cell token as `cellRings` names it. */
export function cellTermOf(token: string): string {
  return `${MARK}${token}`;
}

/** A word or a tag fused with a cell term. */
export function fusedTerm(cell: string, term: string): string {
  return `${cell}${MARK}${term}`;
}

/** `"term"`, or `"term"*` to match every term that starts with it. */
export function quoted(term: string, prefix = false): string {
  return `"${term}"${prefix ? '*' : ''}`;
}

/** `(a OR b)` of terms already quoted. */
export function eitherOf(quotedTerms: string[]): string {
  return `(${quotedTerms.join(' OR ')})`;
}

/** `("a" OR "b")`; the terms as prefixes when `prefix`. */
export function anyTerm(terms: string[], prefix = false): string {
  return `(${terms.map((term) => quoted(term, prefix)).join(' OR ')})`;
}

/** Whether an offer counts as in stock for the `·instock` filter. */
export function isAvailable(availability: Availability): boolean {
  return availability === 'in_stock' || availability === 'limited';
}

/** What every offer of one place shares in the index, computed once per place. */
export interface PlaceTerms {
  readonly fine: string;
  readonly coarse: string;
  /** The place's words, which the offers' own words need not repeat. */
  readonly words: ReadonlySet<string>;
  /** Cells, the place, kind, categories, the place's name: plain and fused. */
  readonly shared: string;
}

export function offerPlaceTerms(rid: number, place: PlaceRecord): PlaceTerms {
  const fine = cellTerm(FINE, place.point);
  const coarse = cellTerm(COARSE, place.point);
  const words = new Set(searchTokens(place.name, 40));
  const categories = place.categories.map((category) => tagTerm('c', category));
  // Not fused with the cells: an area search finds them through the place's term, so
  // that no offer carries a copy of them per cell level.
  const terms = [fine, coarse, placeTerm(rid), tagTerm('k', place.kind), ...categories, ...words];
  return { fine, coarse, words, shared: terms.join(' ') };
}

/** The index terms of an offer (see terms.ts): what people type, and what filters match. */
export function offerTerms(
  offer: Pick<OfferRecord, 'title' | 'availability'>,
  product: Product | null,
  placeTerms: PlaceTerms,
): string {
  const texts = [product?.name, product?.brand, product?.category?.replaceAll('-', ' ')];
  if (!product || (offer.title !== product.name && fold(offer.title) !== fold(product.name))) {
    texts.push(offer.title);
  }
  const words = new Set(searchTokens(texts.filter(Boolean).join(' '), 40));
  let terms = placeTerms.shared;
  if (isAvailable(offer.availability)) terms += ` ${IN_STOCK_TERM}`;
  const { fine, coarse } = placeTerms;
  for (const word of words) {
    if (!placeTerms.words.has(word)) terms += ` ${word} ${fusedTerm(fine, word)} ${fusedTerm(coarse, word)}`;
  }
  if (product?.category) {
    const category = tagTerm('c', product.category);
    terms += ` ${category} ${fusedTerm(fine, category)} ${fusedTerm(coarse, category)}`;
  }
  return terms;
}

/**
 * The index terms of a feed row's new offer, as the import makes them when the row's
 * product is new and made from the row (or the row has no GTIN): computed while the feed
 * is read, in the reader's thread, so that the import need not. `undefined` for a row
 * that gives no title or removes an offer.
 */
export function rowTerms(row: FeedRow, placeTerms: PlaceTerms): string | undefined {
  if (row.action !== 'upsert' || row.title === null) return undefined;
  const product =
    row.gtin === null
      ? null
      : { gtin: row.gtin, name: row.title, brand: row.brand, category: row.category, image: row.image };
  return offerTerms({ title: row.title, availability: availabilityOf(row) }, product, placeTerms);
}
