/**
 * Opening hours in OSM `opening_hours` syntax, evaluated with the `opening_hours`
 * library (the reference implementation of the syntax, with Dutch public holidays).
 * Evaluation happens in the process time zone, which the `lokaal` command sets to the
 * instance's zone (Europe/Amsterdam by default) before anything else runs.
 */
import OpeningHours from 'opening_hours';
import type { OpeningState } from '@lokaal/core';

/** Public holidays (`PH`) are those of the Netherlands. */
const HOLIDAY_CONTEXT = { lat: 52.1, lon: 5.1, address: { country_code: 'nl', state: 'Utrecht' } };
const LOOK_AHEAD_MS = 8 * 86_400_000;

const parsed = new Map<string, OpeningHours | null>();

/** The parsed rules of a value (cached), or `null` when it does not parse. */
export function parse(value: string): OpeningHours | null {
  let rules = parsed.get(value);
  if (rules === undefined) {
    try {
      rules = new OpeningHours(value, HOLIDAY_CONTEXT);
    } catch {
      rules = null;
    }
    // Places share few distinct strings; the cache stays small even nationally.
    parsed.set(value, rules);
  }
  return rules;
}

/** Why an `opening_hours` value is not valid, or `null` when it is. */
export function openingHoursError(value: string): string | null {
  try {
    new OpeningHours(value, HOLIDAY_CONTEXT);
    return null;
  } catch (error) {
    return String(error instanceof Error ? error.message : error).split('\n')[0] ?? 'invalid';
  }
}

const UNKNOWN: OpeningState = { open_now: null, opens_at: null, closes_at: null };

/**
 * The state of one `opening_hours` value holds from the moment it was computed until the
 * next change, so it is computed once per value per change, not once per place per
 * request: evaluating the rules costs about half a millisecond.
 */
const states = new Map<string, { fromMs: number; untilMs: number; state: OpeningState }>();
/** Without a change in sight (open day and night), recompute hourly. */
const NO_CHANGE_RECHECK_MS = 3_600_000;

/** Open now, and when that changes next. Unknown hours stay unknown, never "closed". */
export function openingState(value: string | null, now: Date): OpeningState {
  if (value === null) return UNKNOWN;
  const nowMs = now.getTime();
  const cached = states.get(value);
  if (cached && nowMs >= cached.fromMs && nowMs < cached.untilMs) return cached.state;
  const rules = parse(value);
  if (rules === null) return UNKNOWN;
  let state: OpeningState;
  let untilMs: number;
  if (rules.getUnknown(now)) {
    state = UNKNOWN;
    untilMs = nowMs + NO_CHANGE_RECHECK_MS;
  } else {
    const open = rules.getState(now);
    const next = rules.getNextChange(now, new Date(nowMs + LOOK_AHEAD_MS));
    const nextIso = next ? next.toISOString() : null;
    state = open
      ? { open_now: true, opens_at: null, closes_at: nextIso }
      : { open_now: false, opens_at: nextIso, closes_at: null };
    untilMs = next ? next.getTime() : nowMs + NO_CHANGE_RECHECK_MS;
  }
  states.set(value, { fromMs: nowMs, untilMs, state });
  return state;
}
