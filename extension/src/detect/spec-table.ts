import { cleanText, gtinFromList } from './text.js';
import { MAX_LABEL_CHARS, MAX_SPEC_CONTAINERS, MAX_SPEC_LABELS } from './limits.js';

/** What the page's specification table says about its product. */
export interface SpecFacts {
  readonly gtin?: string;
  readonly brand?: string;
}

export interface SpecTableOptions {
  /**
   * Elements holding specification rows, each selector queried on its own, in order;
   * default every `table` and `dl`. Simple selectors (`#id`, `.class`, `table`) keep this
   * fast on big pages.
   */
  readonly scope?: readonly string[];
  /**
   * Extra label elements whose next sibling (or else the rest of the parent's text) holds
   * the value, for pages that list specifications without a table.
   */
  readonly labels?: string;
}

const LABELS_IN_SCOPE = 'dt, th, td:first-child';
/** The words naming a GTIN in a label, in the marketplaces' languages. */
const GTIN_WORDS = new Set([
  'ean',
  'gtin',
  'isbn',
  'upc',
  'ean13',
  'ean8',
  'gtin13',
  'gtin14',
  'isbn13',
  'isbn10',
  'barcode',
  'streepjescode',
  'strichcode',
]);
/** Words that may stand around them: "EAN-code", "Code EAN", "EAN-Nummer", "ISBN-13". */
const FILLER_WORDS = new Set([
  'code',
  'codes',
  'nummer',
  'number',
  'numéro',
  'numero',
  'nr',
  'no',
  'barres',
  'de',
  'du',
  'la',
  'le',
  'the',
  '8',
  '10',
  '12',
  '13',
  '14',
]);
const BRAND_LABELS = new Set(['merk', 'brand', 'marke', 'marque', 'fabrikant', 'hersteller', 'fabricant']);

function words(label: string): string[] {
  return label
    .toLowerCase()
    .split(/[^a-z0-9äöüéèàç]+/)
    .filter((word) => word.length > 0);
}

type LabelKind = 'gtin' | 'brand' | null;

/** A cheap first test, so that most labels of a long table cost one regular expression. */
const MAYBE_WANTED = /ean|gtin|isbn|upc|barcode|streepjes|strich|merk|brand|marke|marque|fabri|herst/i;

function classify(labelText: string | null): LabelKind {
  if (!labelText || labelText.length > MAX_LABEL_CHARS * 4 || !MAYBE_WANTED.test(labelText)) return null;
  const label = cleanText(labelText, MAX_LABEL_CHARS + 1);
  if (!label || label.length > MAX_LABEL_CHARS) return null;
  const labelWords = words(label);
  if (labelWords.length === 0 || labelWords.length > 5) return null;
  if (labelWords.length === 1 && BRAND_LABELS.has(labelWords[0]!)) return 'brand';
  const named = labelWords.some((word) => GTIN_WORDS.has(word));
  return named && labelWords.every((word) => GTIN_WORDS.has(word) || FILLER_WORDS.has(word)) ? 'gtin' : null;
}

/** The value next to a label: its next sibling, or the parent's text after the label. */
function valueOf(label: Element): string | null {
  const sibling = label.nextElementSibling;
  if (sibling) return sibling.textContent;
  const labelText = label.textContent ?? '';
  const whole = label.parentElement?.textContent ?? '';
  const at = whole.indexOf(labelText);
  return at < 0 ? null : whole.slice(at + labelText.length);
}

/**
 * Reads rows labelled EAN, GTIN, ISBN or UPC (in Dutch, German, French and English) and the
 * brand row from the page's specification tables (`dt`/`dd`, `th`/`td`, `td`/`td`).
 * Labels with a wrong GTIN are skipped; the next such row is tried.
 */
export function readSpecTable(document: Document, options: SpecTableOptions = {}): SpecFacts {
  const labels: Element[] = [];
  if (options.labels) {
    const extra = document.querySelectorAll(options.labels);
    for (let index = 0; index < extra.length && labels.length < MAX_SPEC_LABELS; index++) {
      labels.push(extra[index]!);
    }
  }
  const seen = new Set<Element>();
  for (const selector of options.scope ?? ['table', 'dl']) {
    const containers = document.querySelectorAll(selector);
    for (let index = 0; index < containers.length && seen.size < MAX_SPEC_CONTAINERS; index++) {
      const container = containers[index]!;
      if (seen.has(container) || labels.length >= MAX_SPEC_LABELS) continue;
      seen.add(container);
      const inScope = container.querySelectorAll(LABELS_IN_SCOPE);
      for (let row = 0; row < inScope.length && labels.length < MAX_SPEC_LABELS; row++) {
        labels.push(inScope[row]!);
      }
    }
  }
  let gtin: string | null = null;
  let brand: string | undefined;
  for (const label of labels) {
    const kind = classify(label.textContent);
    if (kind === 'gtin' && !gtin) gtin = gtinFromList(valueOf(label));
    else if (kind === 'brand' && !brand) brand = cleanText(valueOf(label));
    if (gtin && brand) break;
  }
  return { ...(gtin ? { gtin } : {}), ...(brand === undefined ? {} : { brand }) };
}
