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
const PRODUCT_SCOPE = '[itemscope][itemtype*="schema.org/Product"], [itemscope][itemtype*="schema.org/Book"]';

/** The microdata value of an element: `content`, then `value`, then its text. */
function itemValue(element: Element): string | null {
  return element.getAttribute('content') ?? element.getAttribute('value') ?? element.textContent;
}

/**
 * Reads GTIN, name and brand from schema.org microdata: the first valid GTIN in document
 * order (the page's own product comes before related products on every page we know).
 */
export function readMicrodata(document: Document): MicrodataFacts {
  const scope = document.querySelector(PRODUCT_SCOPE);
  const elements = document.querySelectorAll(GTIN_SELECTOR);
  let gtin: string | null = null;
  for (let index = 0; index < elements.length && index < MAX_ATTRIBUTE_ELEMENTS && !gtin; index++) {
    const element = elements[index];
    if (element) gtin = gtinFromValue(cleanText(itemValue(element)));
  }
  if (!scope && !gtin) return { hasProduct: false };
  const name = scope?.querySelector('[itemprop="name"]');
  const brandElement = scope?.querySelector('[itemprop~="brand"]');
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
