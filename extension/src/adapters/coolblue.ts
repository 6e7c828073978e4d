import type { Adapter } from './types.js';
import { extractIdentity } from '../detect/identity.js';

// coolblue.nl: /product/<id>/<slug>.html; coolblue.be: /nl/product/… and /fr/produit/….
const PRODUCT_PATH = /^(?:\/(?:nl|fr))?\/(?:product|produit)\/(\d{3,10})\/[^/]+\.html$/;

/** Coolblue (.nl, .be): JSON-LD in a `@graph`, specifications in `dl` rows. */
export const coolblue: Adapter = {
  id: 'coolblue',
  name: 'Coolblue',
  matches: ['https://www.coolblue.nl/*', 'https://www.coolblue.be/*'],
  exampleUrls: {
    product: [
      'https://www.coolblue.nl/product/826431/philips-airfryer-xxl-hd9650-90.html',
      'https://www.coolblue.be/nl/product/912345/samsung-galaxy-a55-128gb-zwart.html',
      'https://www.coolblue.be/fr/produit/903311/bosch-serie-4-wan28275nl.html',
    ],
    notProduct: [
      'https://www.coolblue.nl/',
      'https://www.coolblue.nl/airfryers',
      'https://www.coolblue.nl/zoeken?query=airfryer',
      'https://www.coolblue.be/nl/winkelwagen',
      'https://www.coolblue.nl/product/826431',
    ],
  },
  isProductUrl(url) {
    return (
      url.protocol === 'https:' &&
      (url.hostname === 'www.coolblue.nl' || url.hostname === 'www.coolblue.be') &&
      PRODUCT_PATH.test(url.pathname)
    );
  },
  extract(document, url, jsonLd) {
    const id = PRODUCT_PATH.exec(url.pathname)?.[1];
    return extractIdentity(document, jsonLd, {
      marketplaceId: id ? { scheme: 'coolblue', value: id } : null,
      specTable: { scope: ['.product-specs__list', 'dl', 'table'] },
      titleSelector: '.js-product-name',
    });
  },
  mounts: [
    ['.js-order-block', 'afterend'],
    ['[data-component="order-block"]', 'afterend'],
    ['.js-sales-price', 'afterend'],
  ],
};
