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
import { readPage, type ReadOptions } from './read-page.js';

/** Quiet time after the page's last change before it is read again. */
const SETTLE_IN_MS = 400;
/** After an address change, the longest wait for that quiet. */
const MAX_WAIT_IN_MS = 3_000;
/** Changes of title or JSON-LD reported per address: a page that never stops changing costs little. */
const MAX_REPORTS = 60;

/** What the background injects the reader with, on a product page. */
export const READ_OPTIONS: ReadOptions = {
  maxScanned: MAX_SCRIPTS_SCANNED,
  maxScripts: MAX_JSON_LD_SCRIPTS,
  maxChars: MAX_JSON_LD_CHARS,
  maxTotalChars: MAX_JSON_LD_TOTAL_CHARS,
  settleMs: SETTLE_IN_MS,
  maxWaitMs: MAX_WAIT_IN_MS,
  maxReports: MAX_REPORTS,
  watch: true,
};

/**
 * The text of the page's JSON-LD scripts in document order: at most `MAX_JSON_LD_SCRIPTS`,
 * each at most `MAX_JSON_LD_CHARS` (a longer one is skipped), together at most
 * `MAX_JSON_LD_TOTAL_CHARS`. The reader's own reading, without its watch.
 */
export function jsonLdTexts(document: Document): string[] {
  return readPage({ ...READ_OPTIONS, watch: false }, document) as string[];
}
