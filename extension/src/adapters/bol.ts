import type { Adapter } from './types.js';
import { extractIdentity } from '../detect/identity.js';

// /nl/nl/p/<slug>/<bol id>/ — also the Belgian shop (/be/) and the French pages (/fr/).
const PRODUCT_PATH = /^\/(?:nl|be)\/(?:nl|fr)\/p\/[^/]+\/(\d{8,20})\/?$/;

function isBol(url: URL): boolean {
  return url.protocol === 'https:' && (url.hostname === 'www.bol.com' || url.hostname === 'bol.com');
}

/** bol.com: JSON-LD with `gtin13` on most pages, an EAN row in the specifications. */
export const bol: Adapter = {
  id: 'bol',
  name: 'bol.com',
  matches: ['https://www.bol.com/*'],
  exampleUrls: {
    product: [
      'https://www.bol.com/nl/nl/p/philips-hue-white-ambiance-e27/9200000091093424/',
      'https://www.bol.com/be/nl/p/de-avond-is-ongemak/9200000099218330/?bltgh=abc',
      'https://www.bol.com/nl/fr/p/lego-technic-42115/9300000000915337/',
    ],
    notProduct: [
      'https://www.bol.com/nl/nl/',
      'https://www.bol.com/nl/nl/s/?searchtext=philips+hue',
      'https://www.bol.com/nl/nl/l/slimme-lampen/20639/',
      'https://www.bol.com/nl/nl/p/zonder-id/',
      'https://www.bolcom.example/nl/nl/p/x/9200000091093424/',
    ],
  },
  isProductUrl(url) {
    return isBol(url) && PRODUCT_PATH.test(url.pathname);
  },
  extract(document, url, jsonLd) {
    const id = PRODUCT_PATH.exec(url.pathname)?.[1];
    return extractIdentity(document, jsonLd, {
      marketplaceId: id ? { scheme: 'bol', value: id } : null,
      specTable: { scope: ['.specs__list', 'dl', 'table'] },
      titleSelector: '[data-test="title"]',
      brandSelector: '[data-role="BRAND"]',
    });
  },
  mounts: [
    ['[data-test="buy-block"]', 'afterend'],
    ['.buy-block', 'afterend'],
    ['[data-test="price-info"]', 'afterend'],
  ],
};
