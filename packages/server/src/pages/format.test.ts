import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDistance, formatFreshness, formatPrice } from '@lokaal/core';
import '@lokaal/core/messages-en';
import { distance, freshness, price } from './format.js';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('page formatting', () => {
  it('words prices, distances and freshness as the catalogue does', () => {
    for (const locale of ['nl', 'en'] as const) {
      for (const cents of [0, 95, 1295, 123_456])
        assert.equal(price(cents, locale), formatPrice(cents, locale));
      for (const metres of [3, 347, 1234, 9999, 14_321])
        assert.equal(distance(metres, locale), formatDistance(metres, locale));
      for (const ago of [10, 600, 7200, 86_400 * 3, 86_400 * 45, 86_400 * 400]) {
        const instant = new Date(NOW.getTime() - ago * 1000).toISOString();
        assert.equal(freshness(instant, NOW, locale), formatFreshness(instant, NOW, locale));
      }
    }
  });
});
