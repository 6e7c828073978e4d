/**
 * The coming week's opening hours of a place, from its OSM `opening_hours` rules (through
 * the `opening_hours` library, with Dutch public holidays): as rows for the page's table and
 * as schema.org `openingHoursSpecification`. Both come from one evaluation, so what people
 * read and what search engines read agree. Times are in the process time zone, which the
 * `lokaal` command sets to the instance's zone.
 */
import type { JsonLd } from '@lokaal/core';
import { parse } from '../hours.js';

/** schema.org day names, Monday first as in ISO 8601. */
const SCHEMA_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface DaySpans {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** `HH:MM` pairs; a span to midnight closes at `24:00`. */
  spans: Array<[string, string]>;
}

function hhmm(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Weeks by rules and first day: places share few distinct rules, and evaluating a week costs milliseconds. */
const weeks = new Map<string, DaySpans[] | null>();

/** Seven days from the start of today, or `null` when the rules are unknown or do not parse. */
export function comingWeek(value: string | null, now: Date): DaySpans[] | null {
  if (value === null) return null;
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const key = `${start.getTime()}|${value}`;
  let week = weeks.get(key);
  if (week === undefined) {
    if (weeks.size > 10_000) weeks.clear();
    week = evaluateWeek(value, start);
    weeks.set(key, week);
  }
  return week;
}

function evaluateWeek(value: string, start: Date): DaySpans[] | null {
  const rules = parse(value);
  if (rules === null) return null;
  const days: DaySpans[] = [];
  for (let offset = 0; offset < 7; offset++) {
    // Calendar days, not 24-hour steps: a DST change keeps the next day at midnight.
    const dayStart = new Date(start.getFullYear(), start.getMonth(), start.getDate() + offset);
    const dayEnd = new Date(start.getFullYear(), start.getMonth(), start.getDate() + offset + 1);
    const spans: Array<[string, string]> = [];
    for (const [from, to, unknown] of rules.getOpenIntervals(dayStart, dayEnd)) {
      if (unknown) continue;
      const closes = to.getTime() >= dayEnd.getTime() ? '24:00' : hhmm(to);
      spans.push([hhmm(from), closes]);
    }
    days.push({ weekday: (dayStart.getDay() + 6) % 7, spans });
  }
  return days;
}

/**
 * `openingHoursSpecification` for the week: one entry per distinct span with all the days
 * it applies to. Closed days are left out (schema.org reads no entry as closed); a span
 * to midnight closes at `23:59`, as search engines expect.
 */
export function openingHoursSpecification(week: DaySpans[]): JsonLd[] {
  const byTimes = new Map<string, { opens: string; closes: string; days: number[] }>();
  for (const day of week) {
    for (const [opens, closes] of day.spans) {
      const key = `${opens}-${closes}`;
      const entry = byTimes.get(key) ?? { opens, closes: closes === '24:00' ? '23:59' : closes, days: [] };
      if (!entry.days.includes(day.weekday)) entry.days.push(day.weekday);
      byTimes.set(key, entry);
    }
  }
  return [...byTimes.values()].map((entry) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: entry.days.sort((a, b) => a - b).map((day) => `https://schema.org/${SCHEMA_DAYS[day]}`),
    opens: entry.opens,
    closes: entry.closes,
  }));
}
