import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpeningHours from 'opening_hours';
import { PLACE_KINDS, bboxContains, parseGtin } from '@lokaal/core';
import { DEMO_CENTER, DEMO_REGION_ID, generateDemoTown } from './town.js';

const NOW = new Date('2025-06-12T10:00:00Z');
const town = generateDemoTown({ now: NOW });
const NOMINATIM = { lat: 52.15, lon: 5.38, address: { country_code: 'nl', state: 'Utrecht' } };

describe('generateDemoTown', () => {
  it('has the size the demo needs', () => {
    assert.ok(town.places.length >= 150, `${town.places.length} places`);
    assert.ok(new Set(town.places.flatMap((place) => place.categories)).size >= 15);
    const kinds = new Set(town.places.map((place) => place.kind));
    for (const kind of PLACE_KINDS) assert.ok(kinds.has(kind), `no place of kind ${kind}`);
    assert.ok(town.products.length >= 5000, `${town.products.length} products`);
    assert.ok(town.offers.length >= 30000, `${town.offers.length} offers`);
    assert.ok(town.offers.filter((offer) => offer.gtin === null).length >= 100);
  });

  it('covers Amersfoort with its centre district and Leusden as a second region', () => {
    const regionIds = town.regions.map((region) => region.id);
    assert.deepEqual(regionIds.sort(), ['GM0307', 'GM0327', 'amersfoort-binnenstad']);
    assert.equal(DEMO_REGION_ID, 'GM0307');
    const amersfoort = town.regions.find((region) => region.id === DEMO_REGION_ID);
    assert.ok(amersfoort && bboxContains(amersfoort.bbox, DEMO_CENTER));
    assert.ok(town.places.filter((place) => place.region_ids.includes('GM0327')).length >= 20);
    assert.ok(town.places.some((place) => place.region_ids.includes('amersfoort-binnenstad')));
  });

  it('puts every place inside its municipality (and district) and gives it a Dutch postcode', () => {
    const regions = new Map(town.regions.map((region) => [region.id, region]));
    for (const place of town.places) {
      assert.ok(place.region_ids.length > 0, place.id);
      for (const regionId of place.region_ids) {
        const region = regions.get(regionId);
        assert.ok(region, `${place.id} refers to unknown region ${regionId}`);
        assert.ok(bboxContains(region.bbox, place.point), `${place.id} lies outside ${regionId}`);
      }
      assert.match(place.address.postcode, /^[1-9]\d{3} [A-Z]{2}$/);
      assert.doesNotMatch(place.address.postcode, / (SA|SD|SS)$/);
    }
  });

  it('has unique, slug-shaped place ids', () => {
    const ids = town.places.map((place) => place.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('writes opening hours the opening_hours package accepts', () => {
    let unknown = 0;
    for (const place of town.places) {
      if (place.opening_hours === null) {
        unknown++;
        continue;
      }
      const hours = new OpeningHours(place.opening_hours, NOMINATIM);
      assert.deepEqual(hours.getWarnings(), [], `${place.id}: ${place.opening_hours}`);
    }
    assert.ok(unknown > 0 && unknown < town.places.length * 0.1, `${unknown} places without hours`);
    assert.ok(
      town.places.some((place) => /(^|; )Th [0-9:]+-21:00/.test(place.opening_hours ?? '')),
      'no Thursday late-night shopping',
    );
  });

  it('gives every product a valid GTIN-14, books an ISBN-13', () => {
    const gtins = new Set<string>();
    for (const product of town.products) {
      const parsed = parseGtin(product.gtin);
      assert.ok(parsed.ok && parsed.gtin14 === product.gtin, `invalid GTIN ${product.gtin}`);
      assert.equal(product.gtin.length, 14);
      gtins.add(product.gtin);
      if (product.category === 'boeken') assert.match(product.gtin, /^0978(90|94)/);
    }
    assert.equal(gtins.size, town.products.length);
  });

  it('names products the way shoppers search for them', () => {
    const names = town.products.map((product) => product.name);
    assert.ok(names.some((name) => name.startsWith('Fietsbel')));
    assert.ok(
      names.some((name) => name.normalize('NFD') !== name),
      'no product name with diacritics',
    );
    assert.ok(names.some((name) => /Crème|Café|Brûlée|brûlée|Paté/.test(name)));
  });

  it('links every offer to a place and a product, at most once per place', () => {
    const placeIds = new Set(town.places.map((place) => place.id));
    const gtins = new Set(town.products.map((product) => product.gtin));
    const pairs = new Set<string>();
    for (const offer of town.offers) {
      assert.ok(placeIds.has(offer.place_id), `unknown place ${offer.place_id}`);
      if (offer.gtin === null) {
        assert.ok(offer.sku, `local offer without sku at ${offer.place_id}`);
        continue;
      }
      assert.ok(gtins.has(offer.gtin), `unknown product ${offer.gtin}`);
      const pair = `${offer.place_id} ${offer.gtin}`;
      assert.ok(!pairs.has(pair), `duplicate offer ${pair}`);
      pairs.add(pair);
    }
    const offered = new Set(town.offers.map((offer) => offer.gtin));
    assert.ok(
      town.products.every((product) => offered.has(product.gtin)),
      'a product nobody sells',
    );
  });

  it('keeps offers plausible: prices, stock and freshness', () => {
    for (const offer of town.offers) {
      if (offer.price_cents !== null) assert.ok(Number.isInteger(offer.price_cents) && offer.price_cents > 0);
      if (offer.availability === 'out_of_stock') assert.equal(offer.quantity, 0);
      if (offer.availability === 'on_order') assert.equal(offer.quantity, null);
      assert.ok(Date.parse(offer.updated_at) <= NOW.getTime());
    }
    const inStock = town.offers.filter((offer) => offer.availability === 'in_stock').length;
    assert.ok(inStock / town.offers.length > 0.6 && inStock / town.offers.length < 0.8);
  });

  it('is deterministic for the same now', () => {
    const again = generateDemoTown({ now: NOW });
    assert.deepEqual(again, town);
    assert.equal(JSON.stringify(again), JSON.stringify(town));
  });
});
