import type { Adapter } from './types.js';
import { extractIdentity } from '../detect/identity.js';

const HOSTS = new Set(['www.mediamarkt.nl', 'www.mediamarkt.be', 'www.mediamarkt.de']);
// /nl/product/_<slug>-<id>.html (the .be shop also /fr/…, the .de shop /de/…).
const PRODUCT_PATH = /^\/(?:nl|fr|de)\/product\/_?[^/]*?-(\d{4,10})\.html$/;

/** MediaMarkt (.nl, .be, .de): JSON-LD Product, specification tables with an EAN row. */
export const mediamarkt: Adapter = {
  id: 'mediamarkt',
  name: 'MediaMarkt',
  matches: ['https://www.mediamarkt.nl/*', 'https://www.mediamarkt.be/*', 'https://www.mediamarkt.de/*'],
  exampleUrls: {
    product: [
      'https://www.mediamarkt.nl/nl/product/_apple-airpods-pro-2e-generatie-usb-c-1796358.html',
      'https://www.mediamarkt.be/fr/product/_samsung-qe55q80c-2066431.html',
      'https://www.mediamarkt.be/nl/product/_sony-wh-1000xm5-zwart-1836220.html',
      'https://www.mediamarkt.de/de/product/_bosch-psb-1800-li-2-2580142.html',
    ],
    notProduct: [
      'https://www.mediamarkt.nl/',
      'https://www.mediamarkt.nl/nl/category/_koptelefoons-482723.html',
      'https://www.mediamarkt.de/de/search.html?query=bosch',
      'https://www.mediamarkt.de/de/brand/apple',
      'https://www.mediamarkt.at/de/product/_bosch-psb-1800-li-2-2580142.html',
    ],
  },
  isProductUrl(url) {
    return url.protocol === 'https:' && HOSTS.has(url.hostname) && PRODUCT_PATH.test(url.pathname);
  },
  extract(document, url, jsonLd) {
    const id = PRODUCT_PATH.exec(url.pathname)?.[1];
    return extractIdentity(document, jsonLd, {
      marketplaceId: id ? { scheme: 'mediamarkt', value: id } : null,
      specTable: { scope: ['table', 'dl'] },
      titleSelector: '[data-test="mms-select-details-header"] h1',
    });
  },
  mounts: [
    ['[data-test="mms-pdp-buybox"]', 'beforebegin'],
    ['[data-test="mms-product-price"]', 'afterend'],
    ['[data-test="mms-pdp-details-mainprice"]', 'afterend'],
  ],
};
