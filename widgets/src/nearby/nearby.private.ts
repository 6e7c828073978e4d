/**
 * The private path of `<lokaal-nearby private>`, loaded with `import()` only when an
 * element asks for it, so that the one-script bundle stays small. The element downloads
 * the filter of every GTIN on offer in the instance once per page (kept in memory, never
 * in browser storage), checks its GTIN locally, and only on a hit asks for the offers of
 * a whole SHA-256 bucket of at least 50 GTINs near a coarse location. The GTIN itself
 * never leaves the page; for a GTIN nobody nearby sells there is no request at all after
 * the filter.
 */
import type { OfferAtPlace } from '@lokaal/core';
import { gtinPrefix, mightContainGtin, parseFilter, type GtinFilter } from '@lokaal/filter';

export interface ByPrefixParams {
  prefix: string;
  bits: number;
  /** A 4-digit postcode or `lat,lon` with 2 decimals. */
  near: string;
  radius: number;
  /** Offers per GTIN, 1–10. */
  limit: number;
}

export interface ByPrefixAnswer {
  items: Array<{ gtin: string; offers: OfferAtPlace[] }>;
}

/** The two calls of the private lookup; tests pass a small fake. */
export interface PrivateLookupClient {
  gtinFilter(call: { signal?: AbortSignal }): Promise<ArrayBuffer>;
  offersByPrefix(params: ByPrefixParams, call: { signal?: AbortSignal }): Promise<ByPrefixAnswer>;
}

/** Thrown when `near` cannot be made coarse: the private lookup takes a postcode or a point. */
export class PrivateLookupError extends Error {
  override name = 'PrivateLookupError';
}

const MAX_PER_GTIN = 10;
const DEFAULT_RADIUS_IN_METRES = 5000;

/**
 * `near` as the private lookup may send it: a postcode's 4 digits, or a point rounded to
 * 2 decimals (about 1 km). Anything else (a town name) gives `null`.
 */
export function coarseNear(near: string): string | null {
  const text = near.trim();
  const postcode = /^(\d{4})\s*(?:[A-Za-z]{2})?$/.exec(text);
  if (postcode) return postcode[1]!;
  const point = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(text);
  if (!point) return null;
  const round = (value: string): string => String(Math.round(Number(value) * 100) / 100);
  return `${round(point[1]!)},${round(point[2]!)}`;
}

/** A client over `fetch`: no cookies, no referrer, so the API learns neither page nor person. */
export function fetchLookupClient(base: string): PrivateLookupClient {
  const root = base.replace(/\/+$/, '');
  const get = async (path: string, signal: AbortSignal | undefined): Promise<Response> => {
    const response = await fetch(`${root}${path}`, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) throw new Error(`${path.split('?')[0]} answered ${response.status}`);
    return response;
  };
  return {
    gtinFilter: async (call) => (await get('/v1/filters/gtin', call.signal)).arrayBuffer(),
    offersByPrefix: async (params, call) => {
      const query = new URLSearchParams({
        prefix: params.prefix,
        bits: String(params.bits),
        near: params.near,
        radius: String(params.radius),
        limit: String(params.limit),
      });
      return (await (await get(`/v1/offers/by-prefix?${query}`, call.signal)).json()) as ByPrefixAnswer;
    },
  };
}

/** One download per client for the life of the page; a failed one is tried again next time. */
const filters = new WeakMap<PrivateLookupClient, Promise<GtinFilter>>();

function filterOf(client: PrivateLookupClient): Promise<GtinFilter> {
  let pending = filters.get(client);
  if (!pending) {
    // Not tied to one element's signal: other elements on the page share the download.
    pending = client.gtinFilter({}).then((bytes) => parseFilter(bytes));
    filters.set(client, pending);
    pending.catch(() => filters.delete(client));
  }
  return pending;
}

/**
 * The offers of `gtin14` near `where.near`, through the filter and a bucket query. An
 * empty list when the filter says nobody in the instance sells it (no request made).
 */
export async function privateNearbyOffers(
  client: PrivateLookupClient,
  gtin14: string,
  where: { near: string; radius: number; limit: number },
  signal: AbortSignal,
): Promise<OfferAtPlace[]> {
  const near = coarseNear(where.near);
  if (near === null) {
    throw new PrivateLookupError(
      `"${where.near.slice(0, 40)}": the private lookup needs a postcode or lat,lon, not a place name`,
    );
  }
  const filter = await filterOf(client);
  if (signal.aborted || !mightContainGtin(filter, gtin14)) return [];
  const prefix = await gtinPrefix(gtin14, filter.bucketBits);
  const answer = await client.offersByPrefix(
    {
      prefix,
      bits: filter.bucketBits,
      near,
      radius: where.radius,
      limit: Math.min(Math.max(where.limit, 1), MAX_PER_GTIN),
    },
    { signal },
  );
  return answer.items.find((item) => item.gtin === gtin14)?.offers ?? [];
}

/** Clients over `fetch` per API base, so that elements on one page share one filter download. */
const fetchClients = new Map<string, PrivateLookupClient>();

/**
 * What `<lokaal-nearby private>` calls: the given client when it has the private-lookup
 * calls (tests, the extension), otherwise one over `fetch` for `api` (the page's origin
 * when absent).
 */
export function lookUpPrivately(
  given: Partial<PrivateLookupClient> | null,
  api: string | null,
  gtin14: string,
  params: { near?: string; radius?: number; limit?: number },
  signal: AbortSignal,
): Promise<OfferAtPlace[]> {
  let client: PrivateLookupClient;
  if (given?.gtinFilter && given.offersByPrefix) {
    client = given as PrivateLookupClient;
  } else {
    const base = api?.trim() || location.origin;
    client = fetchClients.get(base) ?? fetchLookupClient(base);
    fetchClients.set(base, client);
  }
  if (!params.near) throw new PrivateLookupError('the private lookup needs near: a postcode or lat,lon');
  return privateNearbyOffers(
    client,
    gtin14,
    { near: params.near, radius: params.radius ?? DEFAULT_RADIUS_IN_METRES, limit: params.limit ?? 5 },
    signal,
  );
}
