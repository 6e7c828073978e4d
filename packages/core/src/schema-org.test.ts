import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageMessagesNl } from './messages.js';
import { pageMessagesEn } from './messages-pages-en.js';
import { jsonLdText, localBusinessType, offerJsonLd, placeJsonLd, schemaAvailability } from './schema-org.js';

describe('schema.org JSON-LD', () => {
  it('picks the LocalBusiness subtype from the category, then from the kind', () => {
    assert.equal(localBusinessType({ kind: 'shop', categories: ['boeken', 'cadeaus'] }), 'BookStore');
    assert.equal(localBusinessType({ kind: 'shop', categories: ['onbekend', 'bakker'] }), 'Bakery');
    assert.equal(localBusinessType({ kind: 'horeca', categories: ['restaurant'] }), 'Restaurant');
    assert.equal(localBusinessType({ kind: 'shop', categories: ['cadeaus'] }), 'Store');
    assert.equal(localBusinessType({ kind: 'horeca', categories: [] }), 'FoodEstablishment');
  });

  it('never claims stale stock is in stock; out of stock stays out of stock', () => {
    assert.equal(
      schemaAvailability({ availability: 'in_stock', stale: false }),
      'https://schema.org/InStock',
    );
    assert.equal(schemaAvailability({ availability: 'in_stock', stale: true }), null);
    assert.equal(schemaAvailability({ availability: 'limited', stale: true }), null);
    assert.equal(
      schemaAvailability({ availability: 'out_of_stock', stale: true }),
      'https://schema.org/OutOfStock',
    );
    assert.equal(
      schemaAvailability({ availability: 'on_order', stale: false }),
      'https://schema.org/BackOrder',
    );
  });

  it('builds an offer with euro price and the place, dropping a URL that is not http(s)', () => {
    const offer = offerJsonLd(
      {
        price_cents: 1295,
        availability: 'limited',
        stale: false,
        url: 'javascript:alert(1)',
        updated_at: '',
      },
      { availableAtOrFrom: { '@id': 'https://x/plaats/a#plaats' } },
    );
    assert.deepEqual(offer, {
      '@type': 'Offer',
      price: '12.95',
      priceCurrency: 'EUR',
      availability: 'https://schema.org/LimitedAvailability',
      availableAtOrFrom: { '@id': 'https://x/plaats/a#plaats' },
    });
  });

  it('keeps a place’s website only as http(s) and its page as url and @id', () => {
    const place = placeJsonLd(
      {
        id: 'a',
        kind: 'shop',
        name: 'A',
        categories: ['fietsen'],
        address: { street: 'Hof', housenumber: '1', postcode: '3811 AA', town: 'Amersfoort' },
        point: { lat: 52.1, lon: 5.3 },
        open_now: null,
        opens_at: null,
        closes_at: null,
        website: 'data:text/html,x',
        phone: null,
      },
      { pageUrl: 'https://x/plaats/a' },
    );
    assert.equal(place['@type'], 'BikeStore');
    assert.equal(place['@id'], 'https://x/plaats/a#plaats');
    assert.equal(place.sameAs, undefined);
  });

  it('escapes text so that it cannot close its script element', () => {
    const text = jsonLdText({ name: '</script><b>&\u2028' });
    assert.ok(!text.includes('<') && !text.includes('>') && !text.includes('&'));
    assert.deepEqual(JSON.parse(text), { name: '</script><b>&\u2028' });
  });

  it('has every page message in Dutch and in English', () => {
    assert.deepEqual(Object.keys(pageMessagesNl).sort(), Object.keys(pageMessagesEn).sort());
  });
});
