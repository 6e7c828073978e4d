/**
 * The page's JSON-LD as text, bounded: what the reader (read-page.ts) hands to the
 * background, which parses and reads it (json-ld.ts). Reading the text is cheap; the code
 * that walks the parsed graph is not, the first time it runs in a page, so it runs in the
 * background.
 */
import {
  MAX_JSON_LD_CHARS,
  MAX_JSON_LD_SCRIPTS,
  MAX_JSON_LD_TOTAL_CHARS,
  MAX_SCRIPTS_SCANNED,
} from './limits.js';
import { readPage } from './read-page.js';

/** The bounds the reader reads the page's JSON-LD within. */
export const JSON_LD_LIMITS = {
  maxScanned: MAX_SCRIPTS_SCANNED,
  maxScripts: MAX_JSON_LD_SCRIPTS,
  maxChars: MAX_JSON_LD_CHARS,
  maxTotalChars: MAX_JSON_LD_TOTAL_CHARS,
} as const;

/**
 * The text of the page's JSON-LD scripts in document order: at most `MAX_JSON_LD_SCRIPTS`,
 * each at most `MAX_JSON_LD_CHARS` (a longer one is skipped), together at most
 * `MAX_JSON_LD_TOTAL_CHARS`. The reader's own reading, without its watch.
 */
export function jsonLdTexts(document: Document): string[] {
  const options = { ...JSON_LD_LIMITS, settleMs: 0, maxWaitMs: 0, maxReports: 0, watch: false };
  return (
    readPage({ ...options, watchKey: '', rendererKey: '', panelTag: '' }, document) as { texts: string[] }
  ).texts;
}
