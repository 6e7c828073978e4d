/**
 * Throwaway adapters index for developing the extension's shell: a generic JSON-LD
 * reader and a bol.com adapter. The detection work replaces this file.
 */
import { normaliseGtin } from '@lokaal/core';
import type { Adapter, ProductIdentity } from './types.js';

function jsonLdProduct(document: Document): Record<string, unknown> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent ?? '') as unknown;
      const nodes = Array.isArray(data) ? data : [data];
      for (const node of nodes as Array<Record<string, unknown>>) {
        if (node && node['@type'] === 'Product') return node;
      }
    } catch {
      // Broken JSON-LD: try the next block.
    }
  }
  return null;
}

function extractJsonLd(document: Document): ProductIdentity | null {
  const product = jsonLdProduct(document);
  if (!product) return null;
  const title = typeof product.name === 'string' ? product.name.trim() : '';
  const brandValue = product.brand as { name?: unknown } | string | undefined;
  const brand =
    typeof brandValue === 'string'
      ? brandValue
      : typeof brandValue?.name === 'string'
        ? brandValue.name
        : undefined;
  for (const key of ['gtin13', 'gtin', 'gtin8', 'gtin12', 'gtin14', 'isbn']) {
    const value = product[key];
    const gtin = typeof value === 'string' ? normaliseGtin(value) : null;
    if (gtin) return { kind: 'gtin', gtin, source: 'json-ld', title, ...(brand ? { brand } : {}) };
  }
  return title ? { kind: 'similar', title, ...(brand ? { brand } : {}) } : null;
}

const bol: Adapter = {
  id: 'bol',
  name: 'bol.com',
  matches: ['https://www.bol.com/*'],
  exampleUrls: {
    product: ['https://www.bol.com/nl/nl/p/de-avond-is-ongemak/9200000099986440/'],
    notProduct: ['https://www.bol.com/nl/nl/'],
  },
  isProductUrl: (url) => /^\/(nl|be)\/(nl|fr)\/p\//.test(url.pathname),
  extract: (document) => extractJsonLd(document),
  mountPoint: (document) => {
    const element = document.querySelector('[data-test="buy-block"]');
    return element ? { element, position: 'beforeend' } : null;
  },
};

export const adapters: readonly Adapter[] = [bol];

export function findAdapter(url: URL): Adapter | undefined {
  return adapters.find((adapter) =>
    adapter.matches.some((pattern) => url.href.startsWith(pattern.replace(/\*$/, ''))),
  );
}

export function detectProduct(
  document: Document,
  url: URL,
): { adapter: Adapter; identity: ProductIdentity } | null {
  const adapter = findAdapter(url);
  if (!adapter || !adapter.isProductUrl(url)) return null;
  const identity = adapter.extract(document, url);
  return identity ? { adapter, identity } : null;
}
