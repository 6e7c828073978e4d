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
import type { Point } from '@lokaal/core';
import { cellToken, type CellLevel } from './cells.js';
import { tagToken } from './text.js';

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
