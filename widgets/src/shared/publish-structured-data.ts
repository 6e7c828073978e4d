import type { ReactiveControllerHost } from 'lit';

/** An element that can publish what it shows as JSON-LD (`structured-data` attribute). */
export interface StructuredDataHost extends ReactiveControllerHost, HTMLElement {
  structuredData: boolean;
  api?: string | null;
}

/**
 * Publishes what an element shows as schema.org JSON-LD in the host page's `<head>`, when
 * the element has `structured-data`; call after every update with what is shown (the place,
 * the results, the pages of offers). Everything else (building, the script element,
 * removing it on disconnect) lives in a chunk loaded only when the attribute is set, so the
 * CDN bundle carries just this call.
 */
export function publishStructuredData(host: StructuredDataHost, shown: unknown): void {
  if (host.structuredData) void import('./structured-data.js').then((module) => module.publish(host, shown));
}
