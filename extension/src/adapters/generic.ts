import type { Adapter } from './types.js';
import { extractIdentity } from '../detect/identity.js';

/**
 * Any page that publishes schema.org Product data (JSON-LD, microdata, Open Graph product
 * tags): the fallback after the marketplaces, so it matches every http(s) URL. It asks for
 * no host permission itself (`matches` is empty): it runs where the extension already
 * runs, and on origins the shopper grants.
 */
export const generic: Adapter = {
  id: 'generic',
  name: 'schema.org Product',
  matches: [],
  exampleUrls: {
    product: [
      'https://www.fietsenwinkel-dewit.nl/product/gazelle-ultimate-c380',
      'http://boekhandel.example/boek/1',
    ],
    notProduct: ['file:///home/user/page.html', 'chrome://extensions/', 'about:blank', 'ftp://example.org/x'],
  },
  isProductUrl(url) {
    return url.protocol === 'https:' || url.protocol === 'http:';
  },
  extract(document, url, jsonLd) {
    return extractIdentity(document, jsonLd, { requireProductData: true });
  },
  mounts: [
    ['[itemprop="offers"]', 'afterend'],
    ['.product-price', 'afterend'],
    ['.price', 'afterend'],
    ['.add-to-cart', 'beforebegin'],
    ['form[action*="cart"]', 'beforebegin'],
  ],
};
