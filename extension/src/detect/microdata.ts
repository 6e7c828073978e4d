import { cleanText, gtinFromValue } from './text.js';
import { MAX_ATTRIBUTE_ELEMENTS } from './limits.js';

/** What the page's microdata (`itemprop` attributes) says about its product. */
export interface MicrodataFacts {
  readonly hasProduct: boolean;
  readonly gtin?: string;
  readonly title?: string;
  readonly brand?: string;
}

const GTIN_PROPERTIES = ['gtin13', 'gtin', 'gtin14', 'gtin12', 'gtin8', 'isbn'];
const GTIN_SELECTOR = GTIN_PROPERTIES.map((name) => `[itemprop~="${name}"]`).join(', ');
// One simple selector each: browsers answer those much faster than a selector list.
const PRODUCT_SCOPES = ['[itemtype*="schema.org/Product"]', '[itemtype*="schema.org/Book"]'];

/** The microdata value of an element: `content`, then `value`, then its text. */
function itemValue(element: Element): string | null {
  return element.getAttribute('content') ?? element.getAttribute('value') ?? element.textContent;
}

/**
 * Reads GTIN, name and brand from the first schema.org Product in microdata: its first
 * valid GTIN in document order (the page's own product comes before related products on
 * every page we know).
 */
export function readMicrodata(document: Document): MicrodataFacts {
  // Only GTINs inside a product's scope count: one search of the page when there is none.
  let scope: Element | null = null;
  for (let index = 0; index < PRODUCT_SCOPES.length && !scope; index++) {
    scope = document.querySelector(PRODUCT_SCOPES[index]!);
  }
  if (!scope) return { hasProduct: false };
  const elements = scope.querySelectorAll(GTIN_SELECTOR);
  let gtin: string | null = null;
  for (let index = 0; index < elements.length && index < MAX_ATTRIBUTE_ELEMENTS && !gtin; index++) {
    const element = elements[index];
    if (element) gtin = gtinFromValue(cleanText(itemValue(element)));
  }
  // The product's own name, not the name of its brand or offer nested before it.
  const names = scope.querySelectorAll('[itemprop="name"]');
  let name: Element | undefined;
  for (let index = 0; index < names.length && index < MAX_ATTRIBUTE_ELEMENTS && !name; index++) {
    if (names[index]!.parentElement?.closest('[itemscope]') === scope) name = names[index];
  }
  const brandElement = scope.querySelector('[itemprop~="brand"]');
  const brandName = brandElement?.querySelector('[itemprop="name"]') ?? brandElement;
  const title = name ? cleanText(itemValue(name)) : undefined;
  const brand = brandName ? cleanText(itemValue(brandName)) : undefined;
  return {
    hasProduct: true,
    ...(gtin ? { gtin } : {}),
    ...(title === undefined ? {} : { title }),
    ...(brand === undefined ? {} : { brand }),
  };
}
