/**
 * The typed client of the Lokaal open API, one function per endpoint. It runs in browsers,
 * service workers and Node (it needs only `fetch` and `AbortController`). Every call takes
 * an `AbortSignal`, has a timeout, and throws only the errors in `errors.ts`.
 *
 * @example
 * const lokaal = createClient({ baseUrl: 'https://api.example.nl' });
 * const results = await lokaal.search({ q: 'fietsbel', near: '3811' }, { signal });
 */
import type {
  Availability,
  ImportReport,
  PlaceEdit,
  RegistrationRequest,
  GeocodeResult,
  Health,
  Offer,
  OfferAtPlace,
  Page,
  Place,
  PlaceKind,
  PlaceNear,
  Product,
  Region,
  SearchResponse,
} from '@lokaal/core';
import { AbortedError, NetworkError, ProblemError, ResponseError, TimeoutError } from './errors.js';

export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.lokaal.example`; `/v1/...` is appended. */
  baseUrl: string;
  /** Milliseconds before a call fails with `TimeoutError` (default 10 000). */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Calls that write need the shop's key. */
export interface KeyedCallOptions extends CallOptions {
  key: string;
}

/** `near` is `lat,lon`, a Dutch postcode or a town; `radius` is in metres. */
export interface SearchParams {
  q?: string;
  near?: string;
  region?: string;
  radius?: number;
  category?: string;
  kind?: PlaceKind;
  in_stock?: boolean;
  open_now?: boolean;
  limit?: number;
  cursor?: string;
}

export interface PlacesParams {
  q?: string;
  near?: string;
  region?: string;
  radius?: number;
  /** `[west, south, east, north]`. */
  bbox?: [number, number, number, number];
  category?: string;
  kind?: PlaceKind;
  open_now?: boolean;
  limit?: number;
  cursor?: string;
}

export interface PlaceOffersParams {
  q?: string;
  category?: string;
  availability?: Availability;
  limit?: number;
  cursor?: string;
}

export interface ProductOffersParams {
  near?: string;
  radius?: number;
  in_stock?: boolean;
  limit?: number;
  cursor?: string;
}

/** The bucket query of the private lookup: no GTIN, only a short hash prefix and a coarse place. */
export interface OffersByPrefixParams {
  /** The first `bits` bits of SHA-256 over the GTIN-14, in hex (`gtinPrefix` of `@lokaal/filter`). */
  prefix: string;
  bits?: number;
  /** A 4-digit postcode or `lat,lon` with at most 2 decimals. */
  near: string;
  radius?: number;
  limit?: number;
}

export interface OffersByPrefix {
  prefix: string;
  bits: number;
  near: { lat: number; lon: number };
  radius_m: number;
  gtins_in_bucket: number;
  items: Array<{ gtin: string; offers: OfferAtPlace[] }>;
}

export interface GtinFilterMeta {
  format: 'lokaal-gtin-filter/1';
  entries: number;
  fingerprint_bits: 16;
  bytes: number;
  false_positive_rate: number;
  bucket_bits: number;
  min_bucket_size: number;
  built_at: string;
  etag: string;
}

/** The filter's bytes, or `modified: false` when the copy named by `ifNoneMatch` is still current. */
export type GtinFilterDownload =
  { modified: true; etag: string | null; bytes: ArrayBuffer } | { modified: false; etag: string | null };

export interface FeedUpload {
  mode: 'snapshot' | 'delta';
  body: BodyInit;
  /** `text/csv`, `text/tab-separated-values`, `application/xml`, `application/ld+json` or `application/json`. */
  contentType: string;
  confirmShrink?: boolean;
  storeCode?: string;
}

type QueryValue = string | number | boolean | readonly number[] | undefined;

/** The query string, in a stable order so that equal requests hit the same cache entry. */
export function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params as Record<string, QueryValue>).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (value === undefined) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export type { ImportReport, PlaceEdit, RegistrationRequest };

/** Options of one request, for the clients built on `requester`. */
export interface RequestOptions extends CallOptions {
  key?: string;
  body?: BodyInit;
  contentType?: string;
  accept?: string;
  ifNoneMatch?: string | null;
  /** Reads an answer that is not JSON; `null` leaves the response to the JSON path (errors). */
  read?: (response: Response) => Promise<unknown> | null;
}

/** The request machinery every client shares: timeouts, aborts, typed errors. */
export function requester(options: ClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function get<T>(path: string, params: object, call: CallOptions = {}): Promise<T> {
    return request<T>('GET', path, params, call);
  }

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    params: object,
    call: RequestOptions = {},
  ): Promise<T> {
    const url = `${baseUrl}${path}${queryString(params)}`;
    if (call.signal?.aborted) throw new AbortedError();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    call.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let response: Response;
      try {
        const headers: Record<string, string> = { accept: call.accept ?? 'application/json' };
        if (call.ifNoneMatch) headers['if-none-match'] = call.ifNoneMatch;
        if (call.key) headers.authorization = `Bearer ${call.key}`;
        if (call.contentType) headers['content-type'] = call.contentType;
        response = await fetchImpl(url, {
          method,
          signal: controller.signal,
          headers,
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          ...(call.body === undefined ? {} : { body: call.body }),
        });
      } catch (error) {
        if (timedOut) throw new TimeoutError(timeoutMs);
        if (call.signal?.aborted) throw new AbortedError();
        throw new NetworkError(url, { cause: error });
      }
      const reading = call.read?.(response);
      if (reading) {
        try {
          return (await reading) as T;
        } catch (error) {
          if (timedOut) throw new TimeoutError(timeoutMs);
          if (call.signal?.aborted) throw new AbortedError();
          throw new NetworkError(url, { cause: error });
        }
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        if (timedOut) throw new TimeoutError(timeoutMs);
        if (call.signal?.aborted) throw new AbortedError();
        throw new ResponseError(
          response.status,
          `the answer from ${path} is not JSON (HTTP ${response.status})`,
        );
      }
      if (!response.ok) {
        const problem = body as Partial<ProblemError>;
        const retryAfter = Number(response.headers.get('retry-after'));
        throw new ProblemError(
          {
            type: typeof problem.type === 'string' ? problem.type : 'about:blank',
            title: typeof problem.title === 'string' ? problem.title : `HTTP ${response.status}`,
            status: response.status,
            ...(typeof problem.detail === 'string' ? { detail: problem.detail } : {}),
            ...(typeof problem.parameter === 'string' ? { parameter: problem.parameter } : {}),
            ...(typeof problem.instance === 'string' ? { instance: problem.instance } : {}),
          },
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
        );
      }
      return body as T;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  return { get, request };
}

export function createClient(options: ClientOptions) {
  const { get, request } = requester(options);
  const segment = (value: string): string => encodeURIComponent(value);

  return {
    health: (call?: CallOptions) => get<Health>('/v1/health', {}, call),
    search: (params: SearchParams, call?: CallOptions) => get<SearchResponse>('/v1/search', params, call),
    places: (params: PlacesParams, call?: CallOptions) => get<Page<PlaceNear>>('/v1/places', params, call),
    place: (id: string, call?: CallOptions) => get<Place>(`/v1/places/${segment(id)}`, {}, call),
    placeOffers: (id: string, params: PlaceOffersParams = {}, call?: CallOptions) =>
      get<Page<Offer>>(`/v1/places/${segment(id)}/offers`, params, call),
    product: (gtin: string, call?: CallOptions) => get<Product>(`/v1/products/${segment(gtin)}`, {}, call),
    productOffers: (gtin: string, params: ProductOffersParams = {}, call?: CallOptions) =>
      get<Page<OfferAtPlace>>(`/v1/products/${segment(gtin)}/offers`, params, call),
    geocode: (q: string, call?: CallOptions) => get<GeocodeResult>('/v1/geocode', { q }, call),
    regions: (call?: CallOptions) => get<{ items: Region[] }>('/v1/regions', {}, call),
    region: (id: string, call?: CallOptions) => get<Region>(`/v1/regions/${segment(id)}`, {}, call),
    /** A shop's last import report (needs its key). */
    feedStatus: (id: string, call: KeyedCallOptions) =>
      get<ImportReport>(`/v1/places/${segment(id)}/feed`, {}, call),
    /** Asks to join; a region operator approves and issues the key. */
    register: (registration: RegistrationRequest, call?: CallOptions) =>
      request<{ id: string; status: 'pending'; message: string }>(
        'POST',
        '/v1/places',
        {},
        {
          ...call,
          body: JSON.stringify(registration),
          contentType: 'application/json',
        },
      ),
    /** A shop edits its own place. */
    editPlace: (id: string, edit: PlaceEdit, call: KeyedCallOptions) =>
      request<Place>(
        'PATCH',
        `/v1/places/${segment(id)}`,
        {},
        {
          ...call,
          body: JSON.stringify(edit),
          contentType: 'application/json',
        },
      ),
    /** Sends a feed: `snapshot` replaces the offers (PUT), `delta` changes some (PATCH). */
    sendFeed: (id: string, feed: FeedUpload, call: KeyedCallOptions) =>
      request<ImportReport>(
        feed.mode === 'snapshot' ? 'PUT' : 'PATCH',
        `/v1/places/${segment(id)}/offers`,
        { confirm_shrink: feed.confirmShrink, store_code: feed.storeCode },
        { ...call, body: feed.body, contentType: feed.contentType },
      ),
  };
}

export type LokaalClient = ReturnType<typeof createClient>;

/**
 * The calls of the private lookup (see PRIVACY.md), apart from `createClient` so that a
 * page that only searches does not download them.
 */
export function createPrivateLookupClient(options: ClientOptions) {
  const { get, request } = requester(options);
  return {
    /** The filter's bytes, or `modified: false` when the copy named by `ifNoneMatch` is current. */
    gtinFilter: (call: CallOptions & { ifNoneMatch?: string | null } = {}) =>
      request<GtinFilterDownload>(
        'GET',
        '/v1/filters/gtin',
        {},
        {
          ...call,
          accept: 'application/octet-stream, application/problem+json',
          read: (response) => {
            const etag = response.headers.get('etag');
            if (response.status === 304) return Promise.resolve({ modified: false, etag });
            if (!response.ok) return null;
            return response.arrayBuffer().then((bytes) => ({ modified: true, etag, bytes }));
          },
        },
      ),
    gtinFilterMeta: (call?: CallOptions) => get<GtinFilterMeta>('/v1/filters/gtin/meta', {}, call),
    offersByPrefix: (params: OffersByPrefixParams, call?: CallOptions) =>
      get<OffersByPrefix>('/v1/offers/by-prefix', params, call),
  };
}

export type PrivateLookupClient = ReturnType<typeof createPrivateLookupClient>;

/** Every key of a parameter type, spelled out: the compiler fails if one is missing or extra. */
const keys = <T>(record: Record<keyof T, true>): string[] => Object.keys(record);

/**
 * The endpoints the client calls and the query parameters it may send, so that a test
 * can check them against the OpenAPI document.
 */
export const CLIENT_ENDPOINTS: ReadonlyArray<{
  method: keyof LokaalClient | keyof PrivateLookupClient;
  path: string;
  query: readonly string[];
}> = [
  { method: 'health', path: '/v1/health', query: [] },
  {
    method: 'search',
    path: '/v1/search',
    query: keys<SearchParams>({
      q: true,
      near: true,
      region: true,
      radius: true,
      category: true,
      kind: true,
      in_stock: true,
      open_now: true,
      limit: true,
      cursor: true,
    }),
  },
  {
    method: 'places',
    path: '/v1/places',
    query: keys<PlacesParams>({
      q: true,
      near: true,
      region: true,
      radius: true,
      bbox: true,
      category: true,
      kind: true,
      open_now: true,
      limit: true,
      cursor: true,
    }),
  },
  { method: 'place', path: '/v1/places/{id}', query: [] },
  {
    method: 'placeOffers',
    path: '/v1/places/{id}/offers',
    query: keys<PlaceOffersParams>({
      q: true,
      category: true,
      availability: true,
      limit: true,
      cursor: true,
    }),
  },
  { method: 'product', path: '/v1/products/{gtin}', query: [] },
  {
    method: 'productOffers',
    path: '/v1/products/{gtin}/offers',
    query: keys<ProductOffersParams>({ near: true, radius: true, in_stock: true, limit: true, cursor: true }),
  },
  { method: 'geocode', path: '/v1/geocode', query: ['q'] },
  { method: 'regions', path: '/v1/regions', query: [] },
  { method: 'region', path: '/v1/regions/{id}', query: [] },
  { method: 'gtinFilter', path: '/v1/filters/gtin', query: [] },
  { method: 'gtinFilterMeta', path: '/v1/filters/gtin/meta', query: [] },
  {
    method: 'offersByPrefix',
    path: '/v1/offers/by-prefix',
    query: keys<OffersByPrefixParams>({ prefix: true, bits: true, near: true, radius: true, limit: true }),
  },
  { method: 'feedStatus', path: '/v1/places/{id}/feed', query: [] },
];
