import { createClient, type LokaalClient } from '@lokaal/client';

const clients = new Map<string, LokaalClient>();

/**
 * The API client for an element's `api` attribute; without one, the API is expected at
 * the page's own origin. Clients are shared per base URL.
 */
export function clientFor(api: string | null | undefined): LokaalClient {
  const base = (api && api.trim()) || (typeof location !== 'undefined' ? location.origin : '');
  let client = clients.get(base);
  if (!client) {
    client = createClient({ baseUrl: base, timeoutMs: 8000 });
    clients.set(base, client);
  }
  return client;
}
