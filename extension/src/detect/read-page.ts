/**
 * The reader: the only code of the extension that runs on every product page. The
 * background injects it with `scripting.executeScript({ func: readPage, args: [options] })`
 * once the page has loaded, and again when the page's address changes; it returns the
 * text of the page's JSON-LD scripts, which the background reads (json-ld.ts).
 *
 * The browser sends the function's source text, so it must stand alone: no imports, no
 * names from outside its body, every limit in `options`. It touches no extension API
 * while it reads (a page pays to set those up on first use), only when it reports.
 *
 * On its first run in a document it also sets up the watch for changes that keep the
 * address (a variant switch that swaps the product in place): one MutationObserver,
 * debounced, which compares the page's title and JSON-LD with the last reading and sends
 * the new JSON-LD to the background when they differ, at most `maxReports` times per
 * address. A new address is the browser's to report, not the page's.
 */

export interface ReadOptions {
  /** Script elements looked at for their type (`MAX_SCRIPTS_SCANNED`). */
  readonly maxScanned: number;
  /** JSON-LD scripts read (`MAX_JSON_LD_SCRIPTS`). */
  readonly maxScripts: number;
  /** Characters of one script; a longer one is skipped (`MAX_JSON_LD_CHARS`). */
  readonly maxChars: number;
  /** Characters of all scripts together (`MAX_JSON_LD_TOTAL_CHARS`). */
  readonly maxTotalChars: number;
  /** Quiet time, in milliseconds, after the page's last change before it is read again. */
  readonly settleMs: number;
  /** After an address change, the longest wait for that quiet before reading anyway. */
  readonly maxWaitMs: number;
  /** Changes reported per address, at most: a page that never stops changing costs little. */
  readonly maxReports: number;
  /** Whether to keep state and watch the page (in a page), or only read (tests, the command line). */
  readonly watch: boolean;
}

/** The reader's state in the extension's isolated world of the page, which the page cannot see. */
interface Watch {
  /** The address of the last reading. */
  href: string;
  /** The title and JSON-LD of the last reading, to tell a real change from any other. */
  print: string;
  reports: number;
  /** When the page last changed (`performance.now()`). */
  changedAt: number;
}

/**
 * The text of the page's JSON-LD scripts in document order, bounded as `options` say.
 * Read at once on the first run in a document (the page has loaded) and when the address
 * is the one read last; after an address change, once the page has been quiet for
 * `settleMs` (a single-page app renders the new product after it changes the address).
 */
export function readPage(options: ReadOptions, page: Document = document): string[] | Promise<string[]> {
  const read = (): string[] => {
    // The tag-name collection is cached by browsers; an attribute selector would walk the
    // whole page.
    const scripts = page.getElementsByTagName('script');
    const texts: string[] = [];
    let total = 0;
    let found = 0;
    for (let index = 0; index < scripts.length && index < options.maxScanned; index++) {
      if (found >= options.maxScripts) break;
      const script = scripts[index]!;
      if (!script.getAttribute('type')?.includes('ld+json')) continue;
      found += 1;
      const text = script.textContent ?? '';
      if (text.length > options.maxChars || total + text.length > options.maxTotalChars) continue;
      total += text.length;
      texts.push(text);
    }
    return texts;
  };
  if (!options.watch) return read();
  const fingerprint = (texts: readonly string[]): string => [page.title, ...texts].join('\u0000');
  const world = globalThis as typeof globalThis & { lokaalWatch?: Watch };
  const finish = (watch: Watch): string[] => {
    const texts = read();
    if (watch.href !== location.href) {
      watch.href = location.href;
      watch.reports = 0;
    }
    watch.print = fingerprint(texts);
    return texts;
  };

  const watch = world.lokaalWatch;
  if (!watch) {
    const state: Watch = { href: location.href, print: '', reports: 0, changedAt: 0 };
    world.lokaalWatch = state;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      if (location.href !== state.href || state.reports >= options.maxReports) return;
      const texts = read();
      const print = fingerprint(texts);
      if (print === state.print) return;
      state.print = print;
      state.reports += 1;
      type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const apis = globalThis as { browser?: Api; chrome?: Api };
      // The extension may have been updated or removed since: then nobody listens.
      (apis.browser ?? apis.chrome)?.runtime.sendMessage({ type: 'json-ld', texts }).catch(() => undefined);
    };
    new MutationObserver(() => {
      state.changedAt = performance.now();
      clearTimeout(timer);
      timer = setTimeout(check, options.settleMs);
    }).observe(page.documentElement, { childList: true, subtree: true, characterData: true });
    return finish(state);
  }
  if (watch.href === location.href) return finish(watch);
  const current = watch;
  const started = performance.now();
  return new Promise((resolve) => {
    const wait = (): void => {
      const now = performance.now();
      // Quiet since the page's last change, and at least since this reading was asked for.
      const quiet = now - Math.max(current.changedAt, started);
      if (quiet >= options.settleMs || now - started >= options.maxWaitMs) resolve(finish(current));
      else setTimeout(wait, options.settleMs - quiet);
    };
    wait();
  });
}
