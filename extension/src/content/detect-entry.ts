/**
 * The entry of `detect.js`, the readers for pages whose JSON-LD names no GTIN: microdata,
 * meta tags, the specification table, title and brand (detect/identity.ts). The background
 * injects it only into such pages, then asks it with `detectorCall` what the page shows;
 * a page whose JSON-LD names a GTIN never loads it.
 */
import { adapters } from '../adapters/index.js';
import { DETECTOR_KEY, WATCH_KEY, type Detector } from './scripts.js';

const detector: Detector = (adapterId, jsonLd) => {
  const adapter = adapters.find((candidate) => candidate.id === adapterId);
  if (!adapter) return null;
  try {
    return adapter.extract(document, new URL(location.href), jsonLd);
  } catch {
    // A page we cannot read is a page without a panel, never an error on the shopper's page.
    return null;
  }
};

// Only in a document the reader has read; evaluated again there, the first one stays.
const world = globalThis as Record<string, unknown>;
if (world[WATCH_KEY]) world[DETECTOR_KEY] ??= detector;
