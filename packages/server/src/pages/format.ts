/**
 * Prices, "how fresh" and distances for the pages, worded exactly as the catalogue's
 * `formatPrice`, `formatFreshness` and `formatDistance` word them, but with the `Intl`
 * formatters made once per locale: constructing one costs about 0.15 ms, and a page with
 * 48 offers would otherwise spend most of its time budget on that.
 */
import { formatOpeningState, messages, type Locale, type OpeningState } from '@lokaal/core';

const INTL_TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat>();

function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}:${key}`;
  let format = cache.get(cacheKey) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAG[locale], options);
    cache.set(cacheKey, format);
  }
  return format;
}

function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  const cacheKey = `${locale}:relative`;
  let format = cache.get(cacheKey) as Intl.RelativeTimeFormat | undefined;
  if (!format) {
    format = new Intl.RelativeTimeFormat(INTL_TAG[locale], { numeric: 'auto' });
    cache.set(cacheKey, format);
  }
  return format;
}

export function price(cents: number, locale: Locale): string {
  return numberFormat(locale, 'eur', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function distance(metres: number, locale: Locale): string {
  if (metres < 1000) {
    return numberFormat(locale, 'm', { style: 'unit', unit: 'meter' }).format(
      Math.max(10, Math.round(metres / 10) * 10),
    );
  }
  const km = metres / 1000;
  return km < 10
    ? numberFormat(locale, 'km1', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }).format(km)
    : numberFormat(locale, 'km0', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }).format(km);
}

/** `bijgewerkt 2 uur geleden`, in the largest unit that fits. */
export function freshness(updatedAt: string, now: Date, locale: Locale): string {
  const seconds = Math.round((new Date(updatedAt).getTime() - now.getTime()) / 1000);
  const format = relativeFormat(locale);
  const abs = Math.abs(seconds);
  const relative =
    abs < 60
      ? format.format(0, 'second')
      : abs < 3600
        ? format.format(Math.round(seconds / 60), 'minute')
        : abs < 86_400
          ? format.format(Math.round(seconds / 3600), 'hour')
          : abs < 86_400 * 30
            ? format.format(Math.round(seconds / 86_400), 'day')
            : abs < 86_400 * 365
              ? format.format(Math.round(seconds / (86_400 * 30)), 'month')
              : format.format(Math.round(seconds / (86_400 * 365)), 'year');
  return messages(locale).updatedAgo(relative);
}

/** Opening-state lines by day and state; the wording depends on nothing else. */
const stateLines = new Map<string, string>();

/**
 * The one-line opening state (`Nu open · open tot 17:30`), remembered per day and distinct
 * state: places share few distinct next openings, and wording one costs several `Intl`
 * formatters.
 */
export function openingStateLine(state: OpeningState, now: Date, locale: Locale): string {
  const key = `${locale}|${now.toDateString()}|${state.open_now}|${state.opens_at}|${state.closes_at}`;
  let line = stateLines.get(key);
  if (line === undefined) {
    if (stateLines.size > 10_000) stateLines.clear();
    line = formatOpeningState(state, now, locale);
    stateLines.set(key, line);
  }
  return line;
}
