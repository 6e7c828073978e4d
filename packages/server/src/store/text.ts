/**
 * Text handling for search: folding, tokens and FTS5 query building. User text never
 * reaches FTS5 syntax: every token is reduced to letters and digits and quoted.
 */

/** Text with no character beyond ASCII, which normalisation leaves as it is. */
const ASCII = /^\p{ASCII}*$/u;

/** Lowercase, diacritics removed: `Crème Brûlée` → `creme brulee`. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The searchable words of a text, folded, at most `maxTokens`. */
export function searchTokens(text: string, maxTokens = 8): string[] {
  const folded = fold(text);
  // Most product text is ASCII once folded: split it without the Unicode tables.
  const words = folded.split(ASCII.test(folded) ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u);
  const tokens: string[] = [];
  for (const word of words) {
    if (tokens.length >= maxTokens) break;
    if (word.length > 0) tokens.push(word);
  }
  return tokens;
}

/** A token for a category or kind filter: letters and digits only, so FTS keeps it whole. */
export function tagToken(prefix: string, value: string): string {
  return `${prefix}${fold(value).replace(/[^a-z0-9]/g, '')}`;
}

/**
 * An FTS5 expression that matches documents containing every word, each as a prefix, so
 * that `fiets` finds `fietsbel` while the user types. `null` when there is no word.
 */
export function prefixQuery(words: string[], column = 'text'): string | null {
  if (words.length === 0) return null;
  return `${column} : (${words.map((word) => `"${word}"*`).join(' AND ')})`;
}

/** `{column} : (a OR b OR c)` for exact tokens such as cells and tags. */
export function anyOf(tokens: string[], column: string): string {
  return `${column} : (${tokens.map((value) => `"${value}"`).join(' OR ')})`;
}
