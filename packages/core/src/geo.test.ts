import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  bboxAround,
  bboxContains,
  distanceInMetres,
  normalisePostcode,
  parseLatLon,
  roundPoint,
} from './geo.js';

const AMERSFOORT = { lat: 52.1561, lon: 5.3878 };
const UTRECHT_DOM = { lat: 52.0907, lon: 5.1214 };

const dutchPoint = fc.record({
  lat: fc.double({ min: 50.7, max: 53.6, noNaN: true }),
  lon: fc.double({ min: 3.3, max: 7.3, noNaN: true }),
});

describe('distanceInMetres', () => {
  it('measures a known distance', () => {
    // Onze Lieve Vrouwetoren to the Domtoren is about 19.4 km.
    const metres = distanceInMetres(AMERSFOORT, UTRECHT_DOM);
    assert.ok(Math.abs(metres - 19_400) < 300, `${metres}`);
    assert.equal(distanceInMetres(AMERSFOORT, AMERSFOORT), 0);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(dutchPoint, dutchPoint, (a, b) => {
        assert.ok(Math.abs(distanceInMetres(a, b) - distanceInMetres(b, a)) < 1e-6);
      }),
    );
  });
});

describe('bboxAround', () => {
  it('holds every point within the radius', () => {
    fc.assert(
      fc.property(dutchPoint, dutchPoint, fc.integer({ min: 100, max: 50_000 }), (center, point, radius) => {
        if (distanceInMetres(center, point) <= radius)
          assert.ok(bboxContains(bboxAround(center, radius), point));
      }),
    );
  });
});

describe('roundPoint', () => {
  it('moves a point at most about 1 km and maps a neighbourhood to one point', () => {
    fc.assert(
      fc.property(dutchPoint, (point) => {
        const rounded = roundPoint(point);
        assert.ok(distanceInMetres(point, rounded) < 800);
        assert.deepEqual(roundPoint(rounded), rounded);
      }),
    );
    assert.deepEqual(roundPoint({ lat: 52.15612, lon: 5.38781 }), roundPoint({ lat: 52.1563, lon: 5.3882 }));
  });
});

describe('parseLatLon and normalisePostcode', () => {
  it('parses points in range only', () => {
    assert.deepEqual(parseLatLon('52.1561, 5.3878'), AMERSFOORT);
    assert.equal(parseLatLon('91,5'), null);
    assert.equal(parseLatLon('52,5,1'), null);
  });

  it('normalises Dutch postcodes', () => {
    assert.equal(normalisePostcode('3811ab'), '3811 AB');
    assert.equal(normalisePostcode(' 3811 AB '), '3811 AB');
    assert.equal(normalisePostcode('3811'), '3811');
    assert.equal(normalisePostcode('0811 AB'), null);
    assert.equal(normalisePostcode('3811 SS'), null);
    assert.equal(normalisePostcode('Amersfoort'), null);
  });
});
