import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { comingWeek, openingHoursSpecification } from './opening-week.js';

process.env.TZ = 'Europe/Amsterdam';
// Monday 23 November 2026, 10:00 in Amsterdam; no public holiday that week.
const NOW = new Date('2026-11-23T09:00:00Z');

describe('opening hours for pages', () => {
  it('turns OSM rules into the coming week, Monday to Sunday', () => {
    const week = comingWeek('Mo-Fr 09:00-18:00; Sa 10:00-17:00', NOW)!;
    assert.equal(week.length, 7);
    assert.deepEqual(week[0], { weekday: 0, spans: [['09:00', '18:00']] });
    assert.deepEqual(week[5], { weekday: 5, spans: [['10:00', '17:00']] });
    assert.deepEqual(week[6], { weekday: 6, spans: [] });
  });

  it('groups equal times into one specification with schema.org day URLs, closed days left out', () => {
    const spec = openingHoursSpecification(comingWeek('Mo-Fr 09:00-18:00; Sa 10:00-17:00', NOW)!);
    assert.deepEqual(spec, [
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map(
          (d) => `https://schema.org/${d}`,
        ),
        opens: '09:00',
        closes: '18:00',
      },
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['https://schema.org/Saturday'],
        opens: '10:00',
        closes: '17:00',
      },
    ]);
  });

  it('closes a day-and-night opening at 23:59 and knows nothing of unknown or broken rules', () => {
    const spec = openingHoursSpecification(comingWeek('24/7', NOW)!);
    assert.equal(spec.length, 1);
    assert.equal(spec[0]!.opens, '00:00');
    assert.equal(spec[0]!.closes, '23:59');
    assert.equal(comingWeek(null, NOW), null);
    assert.equal(comingWeek('not hours at all', NOW), null);
  });
});
