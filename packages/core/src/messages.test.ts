import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatAgo,
  formatDistance,
  formatFreshness,
  formatOpeningState,
  formatPrice,
  formatWhen,
  messages,
  resolveLocale,
} from './messages.js';
import './messages-en.js';

const NOW = new Date('2026-11-26T10:00:00Z'); // Thursday 11:00 in Amsterdam

describe('message catalogue', () => {
  it('is Dutch by default and English beside it, with the same keys', () => {
    assert.equal(resolveLocale(undefined), 'nl');
    assert.equal(resolveLocale('fr'), 'nl');
    assert.equal(resolveLocale('en-GB'), 'en');
    assert.deepEqual(Object.keys(messages('nl')).sort(), Object.keys(messages('en')).sort());
    assert.equal(messages().availableNearby(3), 'Verkrijgbaar bij 3 winkels in de buurt');
    assert.equal(messages('en').availableNearby(1), 'Available at 1 shop nearby');
  });

  it('formats prices in euro per locale', () => {
    assert.equal(formatPrice(1295, 'nl'), '€\u00a012,95');
    assert.equal(formatPrice(1295, 'en'), '€12.95');
  });

  it('formats distances: metres below 1 km, one decimal below 10 km', () => {
    assert.equal(formatDistance(347, 'nl'), '350 m');
    assert.equal(formatDistance(1234, 'nl'), '1,2 km');
    assert.equal(formatDistance(1234, 'en'), '1.2 km');
    assert.equal(formatDistance(14_321, 'nl'), '14 km');
  });

  it('says how fresh an offer is', () => {
    assert.equal(formatAgo('2026-11-26T08:00:00Z', NOW, 'nl'), '2 uur geleden');
    assert.equal(formatFreshness('2026-11-26T08:00:00Z', NOW, 'nl'), 'bijgewerkt 2 uur geleden');
    assert.equal(formatFreshness('2026-11-25T10:00:00Z', NOW, 'en'), 'updated yesterday');
    assert.equal(formatFreshness(null, NOW, 'nl'), 'onbekend wanneer bijgewerkt');
  });

  it('says open until / opens at in Dutch time, whatever the device zone', () => {
    assert.equal(
      formatOpeningState({ open_now: true, opens_at: null, closes_at: '2026-11-26T16:30:00Z' }, NOW, 'nl'),
      'Nu open · open tot 17:30',
    );
    assert.equal(
      formatOpeningState({ open_now: false, opens_at: '2026-11-27T08:00:00Z', closes_at: null }, NOW, 'nl'),
      'Nu gesloten · opent morgen 09:00',
    );
    assert.equal(formatWhen('2026-11-28T09:00:00Z', NOW, 'en'), 'Saturday 10:00');
    assert.equal(
      formatOpeningState({ open_now: null, opens_at: null, closes_at: null }, NOW, 'en'),
      'Opening hours unknown',
    );
  });
});
