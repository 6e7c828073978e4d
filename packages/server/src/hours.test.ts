import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openingHoursError, openingState } from './hours.js';

// The test runner sets TZ=Europe/Amsterdam, as the `lokaal` command does.
const SHOP = 'Mo 13:00-18:00; Tu-Fr 09:30-18:00; Th 09:30-21:00; Sa 09:30-17:00; Su[1] 12:00-17:00; PH off';

describe('openingState', () => {
  it('is open on a Thursday evening (koopavond) and says until when', () => {
    const state = openingState(SHOP, new Date('2026-11-26T19:00:00Z')); // Thu 20:00
    assert.deepEqual(state, { open_now: true, opens_at: null, closes_at: '2026-11-26T20:00:00.000Z' });
  });

  it('is closed over lunch for a small shop and opens again after it', () => {
    const state = openingState(
      'Tu-Fr 09:00-12:30,13:30-17:30; Sa 09:00-16:00; PH off',
      new Date('2026-11-27T12:00:00Z'),
    );
    assert.deepEqual(state, { open_now: false, opens_at: '2026-11-27T12:30:00.000Z', closes_at: null });
  });

  it('opens on the first Sunday of the month (koopzondag) only', () => {
    assert.equal(openingState(SHOP, new Date('2026-12-06T13:00:00Z')).open_now, true);
    assert.equal(openingState(SHOP, new Date('2026-12-13T13:00:00Z')).open_now, false);
  });

  it('is closed on Dutch public holidays', () => {
    const christmas = openingState(SHOP, new Date('2026-12-25T10:00:00Z'));
    assert.equal(christmas.open_now, false);
    assert.equal(christmas.opens_at, '2026-12-28T12:00:00.000Z');
    assert.equal(openingState(SHOP, new Date('2027-04-27T10:00:00Z')).open_now, false, 'Koningsdag');
  });

  it('keeps unknown hours unknown, never closed', () => {
    assert.deepEqual(openingState(null, new Date()), { open_now: null, opens_at: null, closes_at: null });
    assert.deepEqual(openingState('not hours at all', new Date()), {
      open_now: null,
      opens_at: null,
      closes_at: null,
    });
  });

  it('explains invalid hours', () => {
    assert.equal(openingHoursError(SHOP), null);
    assert.ok(openingHoursError('Mo 25:00-26:00'));
  });
});
