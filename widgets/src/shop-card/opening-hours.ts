/**
 * A small reader of OSM `opening_hours` strings, for display only. The server evaluates
 * the full syntax (open now, opens at); the card only has to show a week table. It reads
 * the forms shops actually use:
 *
 *     Mo-Fr 09:00-18:00; Th 09:00-21:00; Sa 10:00-17:00; Su[1] 12:00-17:00; PH off
 *     Mo-Fr 08:30-12:30,13:30-17:30; Sa 09:00-13:00
 *     Su-Th 11:00-24:00; Fr,Sa 11:00-02:00
 *     24/7
 *
 * and returns `null` for anything beyond them (months, weeks, sunrise, comments,
 * fallback rules…), so that the card shows the string as written instead of guessing.
 */

/** Monday is 0, Sunday is 6: the Dutch week. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** `from` and `to` as written, `HH:MM`; `to` may be past midnight (`02:00`) or `24:00`. */
export interface TimeSpan {
  from: string;
  to: string;
}

/** Hours that hold only on the nth weekday of a month (`Su[1]`); `nth` is -1 for the last. */
export interface NthWeekdayHours {
  nth: number;
  spans: TimeSpan[];
}

export interface DayHours {
  /** Empty when closed all day. */
  spans: TimeSpan[];
  /** Exceptions for some weeks of the month, such as a shopping Sunday. */
  nth: NthWeekdayHours[];
}

export interface WeekHours {
  /** Seven entries, Monday first. */
  days: DayHours[];
  /** Hours on public holidays: `null` when the string does not say, `[]` when closed. */
  holidays: TimeSpan[] | null;
}

const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d|24:00';
const SPAN = new RegExp(`^(${TIME})-(${TIME})$`);
const DAY = /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$/;
const NTH_DAY = /^(Mo|Tu|We|Th|Fr|Sa|Su)\[(-1|[1-5])\]$/;
const SELECTOR = /^[A-Za-z[\]\-,0-9]+$/;

type Selector = { days: Weekday[]; nthDays: Array<{ day: Weekday; nth: number }>; holidays: boolean };

function dayIndex(code: string): Weekday {
  return DAY_CODES.indexOf(code as (typeof DAY_CODES)[number]) as Weekday;
}

/** `Mo-Fr`, `Fr,Sa`, `Th-Mo` (wrapping), `Su[1]`, `PH`; `null` when it is anything else. */
function parseSelector(text: string): Selector | null {
  const selector: Selector = { days: [], nthDays: [], holidays: false };
  for (const item of text.split(',')) {
    if (item === 'PH') {
      selector.holidays = true;
      continue;
    }
    const nth = NTH_DAY.exec(item);
    if (nth) {
      selector.nthDays.push({ day: dayIndex(nth[1] ?? ''), nth: Number(nth[2]) });
      continue;
    }
    const range = DAY.exec(item);
    if (!range) return null;
    const first = dayIndex(range[1] ?? '');
    const last = range[2] ? dayIndex(range[2]) : first;
    for (let day = first; ; day = ((day + 1) % 7) as Weekday) {
      selector.days.push(day);
      if (day === last) break;
    }
  }
  return selector;
}

/** `off`, `closed`, or comma-separated spans such as `09:00-12:30,13:30-17:30`. */
function parseTimes(text: string): TimeSpan[] | null {
  if (text === 'off' || text === 'closed') return [];
  const spans: TimeSpan[] = [];
  for (const part of text.split(/\s*,\s*/)) {
    const match = SPAN.exec(part);
    if (!match) return null;
    spans.push({ from: match[1] ?? '', to: match[2] ?? '' });
  }
  return spans;
}

/**
 * The week table of an `opening_hours` string, or `null` when the string uses more of the
 * syntax than this reader knows. Later rules replace earlier ones for the days they name,
 * as in OSM (`Mo-Fr 09:00-18:00; Th 09:00-21:00` is late on Thursday).
 */
export function parseOpeningHours(value: string | null | undefined): WeekHours | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const week: WeekHours = {
    days: Array.from({ length: 7 }, () => ({ spans: [], nth: [] })),
    holidays: null,
  };
  if (text === '24/7') {
    for (const day of week.days) day.spans = [{ from: '00:00', to: '24:00' }];
    return week;
  }
  const rules = text
    .split(';')
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0);
  if (rules.length === 0) return null;
  for (const rule of rules) {
    const match = /^(\S+)(?:\s+(.+))?$/.exec(rule);
    if (!match) return null;
    const head = match[1] ?? '';
    const rest = match[2];
    // A rule without a day selector (`10:00-18:00`) holds every day.
    const startsWithTime = /^\d/.test(head) || head === 'off' || head === 'closed';
    const selector = startsWithTime
      ? { days: [0, 1, 2, 3, 4, 5, 6] as Weekday[], nthDays: [], holidays: false }
      : SELECTOR.test(head)
        ? parseSelector(head)
        : null;
    const spans = parseTimes((startsWithTime ? rule : (rest ?? '')).trim());
    if (!selector || !spans) return null;
    for (const day of selector.days) week.days[day] = { spans, nth: [] };
    for (const { day, nth } of selector.nthDays) {
      const entry = week.days[day];
      if (!entry) return null;
      entry.nth = [...entry.nth.filter((rule) => rule.nth !== nth), { nth, spans }].sort(
        (a, b) => (a.nth < 0 ? 6 : a.nth) - (b.nth < 0 ? 6 : b.nth),
      );
    }
    if (selector.holidays) week.holidays = spans;
  }
  return week;
}

/** `09:00–12:30, 13:30–17:30`, or `null` when closed. */
export function formatSpans(spans: readonly TimeSpan[]): string | null {
  return spans.length === 0 ? null : spans.map((span) => `${span.from}–${span.to}`).join(', ');
}

const TIME_ZONE = 'Europe/Amsterdam';

/** Today in the Netherlands, whatever the device's time zone. */
export function amsterdamDate(now: Date): { weekday: Weekday; day: number; daysInMonth: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday'));
  const year = Number(part('year'));
  const month = Number(part('month'));
  return {
    weekday: (weekday < 0 ? 0 : weekday) as Weekday,
    day: Number(part('day')),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

/** Whether a day of the month is the nth (or, for -1, the last) of its weekday. */
function isNthWeekday(nth: number, day: number, daysInMonth: number): boolean {
  return nth > 0 ? Math.ceil(day / 7) === nth : day > daysInMonth - 7;
}

/** The spans that hold today, taking `Su[1]`-style exceptions into account. */
export function hoursOn(week: WeekHours, now: Date): TimeSpan[] {
  const today = amsterdamDate(now);
  const entry = week.days[today.weekday];
  if (!entry) return [];
  const exception = entry.nth.find((rule) => isNthWeekday(rule.nth, today.day, today.daysInMonth));
  return exception ? exception.spans : entry.spans;
}

/** `maandag` … `zondag` (or `Monday` … `Sunday`), Monday first. */
export function weekdayNames(intlLocale: string): string[] {
  const format = new Intl.DateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, index) => format.format(new Date(Date.UTC(2024, 0, 1 + index, 12))));
}
