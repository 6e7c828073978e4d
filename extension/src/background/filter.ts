/**
 * The GTIN filter of an API instance, kept in extension storage and revalidated at most
 * once a day (a conditional request: an unchanged filter costs a `304`). With it the
 * background knows, without asking anyone, whether any shop of the instance sells the
 * product on a page; only then does it ask the API, and then for a whole bucket of GTINs.
 */
import type { GtinFilterDownload } from '@lokaal/client';
import { parseFilter, type GtinFilter } from '@lokaal/filter';

/** How long a filter is used before it is revalidated. */
export const FILTER_MAX_AGE_IN_MS = 24 * 60 * 60_000;
/** How long a failed revalidation waits before the next try. */
const RETRY_IN_MS = 60 * 60_000;

/** Where the filter is kept between service-worker lives; `browser.storage.local` in the extension. */
export interface FilterStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface FilterClient {
  gtinFilter(call: { signal?: AbortSignal; ifNoneMatch?: string | null }): Promise<GtinFilterDownload>;
}

interface StoredFilter {
  etag: string | null;
  /** When the API last confirmed this copy, in ms since the epoch. */
  checkedAt: number;
  /** The filter's bytes in base64: extension storage keeps JSON only. */
  bytes: string;
}

interface Entry {
  filter: GtinFilter;
  etag: string | null;
  checkedAt: number;
  bytes: string;
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isStoredFilter(value: unknown): value is StoredFilter {
  const stored = value as Partial<StoredFilter> | null;
  return (
    typeof stored === 'object' &&
    stored !== null &&
    typeof stored.bytes === 'string' &&
    typeof stored.checkedAt === 'number' &&
    (stored.etag === null || typeof stored.etag === 'string')
  );
}

export class FilterStore {
  private readonly entries = new Map<string, Promise<Entry | null>>();

  constructor(
    private readonly storage: FilterStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The current filter of the instance at `apiBaseUrl`; throws when there is no copy and
   * the API cannot give one (the caller then stays silent). A stale copy is still used
   * when revalidation fails: it errs only towards asking less.
   */
  async filterFor(apiBaseUrl: string, client: FilterClient): Promise<GtinFilter | null> {
    const key = `gtinFilter ${apiBaseUrl}`;
    let pending = this.entries.get(key);
    if (!pending) {
      pending = this.fromStorage(key);
      this.entries.set(key, pending);
    }
    const entry = await pending;
    if (entry && this.now() - entry.checkedAt < FILTER_MAX_AGE_IN_MS) return entry.filter;
    // One revalidation at a time per instance; the others wait for it.
    const refreshed = this.refresh(key, entry, client);
    this.entries.set(
      key,
      refreshed.catch(() => entry),
    );
    // A failure without any copy reaches the caller, which knows a 429 from a timeout.
    return (await refreshed)?.filter ?? null;
  }

  private async fromStorage(key: string): Promise<Entry | null> {
    try {
      const stored = await this.storage.get(key);
      if (!isStoredFilter(stored)) return null;
      return { ...stored, filter: parseFilter(fromBase64(stored.bytes)) };
    } catch {
      return null;
    }
  }

  private async refresh(key: string, entry: Entry | null, client: FilterClient): Promise<Entry | null> {
    try {
      const download = await client.gtinFilter({
        ifNoneMatch: entry?.etag ?? null,
        signal: AbortSignal.timeout(15_000),
      });
      let next: Entry;
      if (download.modified) {
        next = {
          filter: parseFilter(download.bytes),
          etag: download.etag,
          checkedAt: this.now(),
          bytes: toBase64(download.bytes),
        };
      } else if (entry) {
        next = { ...entry, etag: download.etag ?? entry.etag, checkedAt: this.now() };
      } else {
        return null;
      }
      const stored: StoredFilter = { etag: next.etag, checkedAt: next.checkedAt, bytes: next.bytes };
      await this.storage.set(key, stored).catch(() => undefined);
      return next;
    } catch (error) {
      if (!entry) throw error;
      // Keep the copy, and ask again in an hour rather than on every page.
      return { ...entry, checkedAt: this.now() - FILTER_MAX_AGE_IN_MS + RETRY_IN_MS };
    }
  }
}
