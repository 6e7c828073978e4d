import type { Adapter } from './types.js';
import { extractIdentity } from '../detect/identity.js';

const HOSTS = new Set(['www.amazon.nl', 'www.amazon.de', 'www.amazon.com.be', 'www.amazon.fr']);
// /<slug>/dp/<ASIN>, /dp/<ASIN>, /gp/product/<ASIN>, /gp/aw/d/<ASIN> (mobile). An ASIN is
// ten capitals and digits; a book's ASIN is its ISBN-10.
const ASIN_PATH = /\/(?:dp|gp\/product|gp\/aw\/d)\/([A-Z0-9]{10})(?:[/?]|$)/;

/**
 * Amazon (.nl, .de, .com.be, .fr): no product JSON-LD; books show their ISBN in the detail
 * bullets, some products an EAN in the technical details; otherwise the ASIN with title
 * and brand.
 */
export const amazon: Adapter = {
  id: 'amazon',
  name: 'Amazon',
  matches: [
    'https://www.amazon.nl/*',
    'https://www.amazon.de/*',
    'https://www.amazon.com.be/*',
    'https://www.amazon.fr/*',
  ],
  exampleUrls: {
    product: [
      'https://www.amazon.nl/Philips-Sonicare-elektrische-tandenborstel-HX6877/dp/B07BHKHN9C/ref=sr_1_1',
      'https://www.amazon.de/dp/3426281554',
      'https://www.amazon.com.be/-/nl/gp/product/B0BDJH7F5W?th=1',
      'https://www.amazon.fr/Bosch-PSB-1800-LI-2/dp/B07QQYQH2N',
    ],
    notProduct: [
      'https://www.amazon.nl/',
      'https://www.amazon.de/s?k=zahnb%C3%BCrste',
      'https://www.amazon.fr/gp/cart/view.html',
      'https://www.amazon.com.be/b?node=27182818',
      'https://www.amazon.com/dp/B07BHKHN9C',
      'https://www.amazon.nl/dp/b07bhkhn9c',
    ],
  },
  isProductUrl(url) {
    return url.protocol === 'https:' && HOSTS.has(url.hostname) && ASIN_PATH.test(url.pathname);
  },
  extract(document, url, jsonLd) {
    const asin = ASIN_PATH.exec(url.pathname)?.[1];
    return extractIdentity(document, jsonLd, {
      marketplaceId: asin ? { scheme: 'asin', value: asin } : null,
      specTable: {
        scope: [
          '#productDetails_techSpec_section_1',
          '#productDetails_detailBullets_sections1',
          '#productOverview_feature_div',
        ],
        labels: '#detailBullets_feature_div li .a-text-bold',
      },
      titleSelector: '#productTitle',
    });
  },
  mounts: [
    ['#desktop_buybox', 'beforebegin'],
    ['#buybox', 'beforebegin'],
    ['#corePriceDisplay_desktop_feature_div', 'afterend'],
    ['#title_feature_div', 'afterend'],
  ],
};
