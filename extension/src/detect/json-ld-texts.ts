/**
 * The page's JSON-LD as text, bounded: what the content script hands to the background,
 * which parses and reads it (json-ld.ts). Reading the text is cheap; the code that walks
 * the parsed graph is not, the first time it runs in a page, so it runs in the background.
 */
import {
  MAX_JSON_LD_CHARS,
  MAX_JSON_LD_SCRIPTS,
  MAX_JSON_LD_TOTAL_CHARS,
  MAX_SCRIPTS_SCANNED,
} from './limits.js';

/**
 * The text of the page's JSON-LD scripts in document order: at most `MAX_JSON_LD_SCRIPTS`,
 * each at most `MAX_JSON_LD_CHARS` (a longer one is skipped), together at most
 * `MAX_JSON_LD_TOTAL_CHARS`.
 */
export function jsonLdTexts(document: Document): string[] {
  // The tag-name collection is cached by browsers; an attribute selector would walk the
  // whole page.
  const scripts = document.getElementsByTagName('script');
  const texts: string[] = [];
  let total = 0;
  let read = 0;
  for (
    let index = 0;
    index < scripts.length && index < MAX_SCRIPTS_SCANNED && read < MAX_JSON_LD_SCRIPTS;
    index++
  ) {
    const script = scripts[index]!;
    if (!script.getAttribute('type')?.includes('ld+json')) continue;
    read += 1;
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS || total + text.length > MAX_JSON_LD_TOTAL_CHARS) continue;
    total += text.length;
    texts.push(text);
  }
  return texts;
}
