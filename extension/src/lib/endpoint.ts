/**
 * The public Lokaal instance the extension asks by default. A release for a region may
 * build with `VITE_LOKAAL_API=https://…` to point at its own instance; the shopper can
 * change it in the options.
 */
export const PUBLIC_API_BASE_URL = 'https://api.lokaal.example';

export const DEFAULT_API_BASE_URL: string =
  (import.meta.env?.VITE_LOKAAL_API as string | undefined) ?? PUBLIC_API_BASE_URL;
