/**
 * The shopper's settings: the only thing the extension keeps, in extension storage
 * (`storage.local`), never in a page's storage. Every value read back is checked, so that
 * a damaged or hand-edited store falls back to the defaults instead of breaking lookups.
 */
import { LOCALES, type Locale, type Point } from '@lokaal/core';
import { DEFAULT_API_BASE_URL } from './endpoint.js';

/** Where the shopper is: a geocoded postcode or town, or the browser's point rounded to ~1 km. */
export interface ShopperLocation {
  /** What the shopper typed (`3811`, `Amersfoort`), or empty for the browser's point. */
  readonly label: string;
  readonly point: Point;
  readonly source: 'geocode' | 'browser';
}

export interface Settings {
  /** `null` until the shopper chooses: nothing is looked up before that. */
  readonly location: ShopperLocation | null;
  readonly radiusInMetres: number;
  /** Adapter ids the shopper switched off; a marketplace added later is on by default. */
  readonly disabledMarketplaces: readonly string[];
  readonly locale: Locale;
  /** Base URL of the Lokaal API, without `/v1`. */
  readonly apiBaseUrl: string;
  /** Host names where the shopper dismissed the panel. */
  readonly dismissedSites: readonly string[];
}

export { DEFAULT_API_BASE_URL };

/** The radii offered to the shopper, in metres. */
export const RADIUS_CHOICES_IN_METRES = [1000, 2000, 5000, 10_000, 25_000, 50_000] as const;

export const DEFAULT_SETTINGS: Settings = {
  location: null,
  radiusInMetres: 5000,
  disabledMarketplaces: [],
  locale: 'nl',
  apiBaseUrl: DEFAULT_API_BASE_URL,
  dismissedSites: [],
};

const MAX_LIST = 200;
const MAX_TEXT = 200;

const isText = (value: unknown, max = MAX_TEXT): value is string =>
  typeof value === 'string' && value.length <= max;

const textList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.length <= MAX_LIST && value.every((item) => isText(item))
    ? [...(value as string[])]
    : null;

function validPoint(value: unknown): Point | null {
  const point = value as Partial<Point> | null;
  if (!point || typeof point.lat !== 'number' || typeof point.lon !== 'number') return null;
  if (!(Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180)) return null;
  return { lat: point.lat, lon: point.lon };
}

function validLocation(value: unknown): ShopperLocation | null {
  const location = value as Partial<ShopperLocation> | null;
  if (!location || typeof location !== 'object') return null;
  const point = validPoint(location.point);
  if (!point || !isText(location.label)) return null;
  if (location.source !== 'geocode' && location.source !== 'browser') return null;
  return { label: location.label, point, source: location.source };
}

/** An `http(s)` base URL without trailing slash, or `null`. */
export function normaliseApiBaseUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** Checks each stored value and keeps the default for one that is missing or wrong. */
export function parseSettings(stored: Record<string, unknown>): Settings {
  const radius = stored.radiusInMetres;
  const locale = stored.locale;
  const api = typeof stored.apiBaseUrl === 'string' ? normaliseApiBaseUrl(stored.apiBaseUrl) : null;
  return {
    location: validLocation(stored.location),
    radiusInMetres:
      typeof radius === 'number' && radius >= 100 && radius <= 50_000
        ? Math.round(radius)
        : DEFAULT_SETTINGS.radiusInMetres,
    disabledMarketplaces: textList(stored.disabledMarketplaces) ?? [],
    locale: (LOCALES as readonly unknown[]).includes(locale) ? (locale as Locale) : DEFAULT_SETTINGS.locale,
    apiBaseUrl: api ?? DEFAULT_SETTINGS.apiBaseUrl,
    dismissedSites: textList(stored.dismissedSites) ?? [],
  };
}

/** `lat,lon` as the API's `near` parameter: two decimals, about 1 km, never finer (PRIVACY.md). */
export function nearParameter(point: Point): string {
  return `${Number(point.lat.toFixed(2))},${Number(point.lon.toFixed(2))}`;
}
