/**
 * The public Lokaal instance the extension asks by default. A release for a region may
 * build with `VITE_LOKAAL_API=https://…` to point at its own instance; the shopper can
 * change it in the options.
 */
export const PUBLIC_API_BASE_URL = 'https://api.lokaal.example';

/** Vite replaces `import.meta.env` at build time; under Node (tests, the manifest) it is absent. */
const buildEnv = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env;

export const DEFAULT_API_BASE_URL: string = buildEnv?.VITE_LOKAAL_API ?? PUBLIC_API_BASE_URL;
