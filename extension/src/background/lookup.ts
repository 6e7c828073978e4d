/**
 * Every API call of the extension, through `@lokaal/client`. A product is looked up the
 * private way (see PRIVACY.md): the GTIN filter says locally whether any shop of the
 * instance sells it; only then is the API asked, for the nearby offers of a whole bucket
 * of GTINs named by a short prefix of a SHA-256 hash, near a point rounded to about 1 km.
 * No GTIN, page address or title leaves the browser on its own. Answers are cached per
 * product (or text), location, radius and endpoint for a short time; a `429` from the API
 * stops all calls until its `Retry-After` has passed; a slow or failing API simply yields
 * no answer, so the page never shows a spinner or an error.
 */
import {
  createClient,
  createPrivateLookupClient,
  ProblemError,
  type LokaalClient,
  type PrivateLookupClient,
} from '@lokaal/client';
import type { OfferAtPlace, Point } from '@lokaal/core';
import { gtinPrefix, mightContainGtin } from '@lokaal/filter';
import { nearParameter, type Settings } from '../lib/settings.js';
import { FilterStore, type FilterStorage } from './filter.js';
import { nearestPerPlace } from './view.js';

/** How long an answer is reused. */
export const CACHE_TTL_IN_MS = 5 * 60_000;
const CACHE_ENTRIES = 200;
/** How long the page waits for the API before staying silent. */
export const TIMEOUT_IN_MS = 5000;
/** Offers per GTIN in a bucket answer: the API's most, enough for the badge and the popup. */
const OFFERS_PER_GTIN = 10;
const SIMILAR_LIMIT = 10;

export type LookupClient = Pick<LokaalClient, 'search' | 'geocode'> &
  Pick<PrivateLookupClient, 'gtinFilter' | 'offersByPrefix'>;

/** Storage that forgets: for tests and for a background without extension storage. */
export function memoryStorage(): FilterStorage {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
  };
}

/** The places that have it, nearest first, or `null` when the API could not answer. */
export type Places = OfferAtPlace[] | null;

export class Lookup {
  private readonly cache = new Map<string, { at: number; places: Promise<Places> }>();
  private readonly clients = new Map<string, LookupClient>();
  private blockedUntil = 0;
  private readonly filters: FilterStore;

  constructor(
    private readonly clientFor: (baseUrl: string) => LookupClient = (baseUrl) => ({
      ...createClient({ baseUrl, timeoutMs: TIMEOUT_IN_MS }),
      ...createPrivateLookupClient({ baseUrl, timeoutMs: TIMEOUT_IN_MS }),
    }),
    private readonly now: () => number = Date.now,
    storage: FilterStorage = memoryStorage(),
  ) {
    this.filters = new FilterStore(storage, now);
  }

  /** Forgets every answer (the shopper changed location, radius or endpoint). */
  clear(): void {
    this.cache.clear();
  }

  /**
   * Places near the shopper that offer the product with this GTIN-14: an empty list,
   * without any request, when the filter says no shop of the instance sells it.
   */
  product(gtin14: string, settings: Settings): Promise<Places> {
    return this.cached(`gtin:${gtin14}`, settings, async (client, near, signal) => {
      const filter = await this.filters.filterFor(settings.apiBaseUrl, client);
      if (!filter || !mightContainGtin(filter, gtin14)) return [];
      const bucket = await client.offersByPrefix(
        {
          prefix: await gtinPrefix(gtin14, filter.bucketBits),
          bits: filter.bucketBits,
          near,
          radius: settings.radiusInMetres,
          limit: OFFERS_PER_GTIN,
        },
        { signal },
      );
      // The answer holds every GTIN of the bucket; the one on the page is picked here.
      return nearestPerPlace(bucket.items.find((item) => item.gtin === gtin14)?.offers ?? []);
    });
  }

  /** Places near the shopper with offers that match a product's title and brand. */
  similar(title: string, brand: string | undefined, settings: Settings): Promise<Places> {
    // Brand first and the title's first words: the search matches every word it is given.
    const words = [...(brand ? [brand] : []), ...title.split(' ')].slice(0, 6).join(' ');
    return this.cached(`text:${words.toLowerCase()}`, settings, async (client, near, signal) => {
      let response = await client.search(
        { q: words, near, radius: settings.radiusInMetres, limit: SIMILAR_LIMIT },
        { signal },
      );
      if (response.items.length === 0 && brand) {
        // The brand may not be in the shops' titles: try the title alone.
        response = await client.search(
          {
            q: title.split(' ').slice(0, 5).join(' '),
            near,
            radius: settings.radiusInMetres,
            limit: SIMILAR_LIMIT,
          },
          { signal },
        );
      }
      return nearestPerPlace(response.items.flatMap((result) => result.offers));
    });
  }

  /** A postcode or town to its point, through the given API; `null` when unknown or unreachable. */
  async geocode(query: string, apiBaseUrl: string): Promise<{ name: string; point: Point } | null> {
    try {
      const result = await this.client(apiBaseUrl).geocode(query, {
        signal: AbortSignal.timeout(TIMEOUT_IN_MS),
      });
      return { name: result.name, point: result.point };
    } catch {
      return null;
    }
  }

  private cached(
    what: string,
    settings: Settings,
    ask: (client: LookupClient, near: string, signal: AbortSignal) => Promise<OfferAtPlace[]>,
  ): Promise<Places> {
    if (!settings.location) return Promise.resolve(null);
    const near = nearParameter(settings.location.point);
    const key = `${what}|${near}|${settings.radiusInMetres}|${settings.apiBaseUrl}`;
    const now = this.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_TTL_IN_MS) return hit.places;
    if (now < this.blockedUntil) return Promise.resolve(null);
    const client = this.client(settings.apiBaseUrl);
    const places = ask(client, near, AbortSignal.timeout(TIMEOUT_IN_MS)).catch((error: unknown) => {
      this.cache.delete(key);
      if (error instanceof ProblemError && (error.status === 429 || error.status === 503)) {
        const seconds = error.retryAfterSeconds ?? 60;
        this.blockedUntil = this.now() + seconds * 1000;
      }
      return null;
    });
    if (this.cache.size >= CACHE_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, { at: now, places });
    return places;
  }

  private client(baseUrl: string): LookupClient {
    let client = this.clients.get(baseUrl);
    if (!client) {
      client = this.clientFor(baseUrl);
      this.clients.set(baseUrl, client);
    }
    return client;
  }
}
