/**
 * The reader: the only code of the extension that runs on every product page. The
 * background injects it with `scripting.executeScript({ func: readPage, args: [options] })`
 * once the page has loaded, when its address changes and when the page reports a change;
 * it returns the text of the page's JSON-LD scripts, which the background reads
 * (json-ld.ts), and what of the extension the page holds.
 *
 * The browser sends the function's source text, so it must stand alone: no imports, no
 * names from outside its body, every limit and key in `options`. It touches no extension
 * API while it reads (a page pays to set those up on first use), only when it reports.
 *
 * On its first run in a document it also sets up the watch for changes that keep the
 * address (a variant switched in place): one MutationObserver, debounced, which compares
 * the page's title and JSON-LD with the last reading and tells the background when they
 * differ, at most `maxReports` times per address. A new address is the browser's to
 * report, not the page's. The background stops the watch where the extension must no
 * longer read the page (`stopWatching`).
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
  /** The longest wait for that quiet, after an address change or while the page keeps changing. */
  readonly maxWaitMs: number;
  /** Changes reported per address, at most: a page that never stops changing costs little. */
  readonly maxReports: number;
  /** Whether to keep state and watch the page (in a page), or only read (tests, the command line). */
  readonly watch: boolean;
  /** Where the watch keeps its state on the isolated world's global (`WATCH_KEY`). */
  readonly watchKey: string;
  /** Where `panel.js` keeps its renderer (`RENDERER_KEY`). */
  readonly rendererKey: string;
  /** The panel's element (`PANEL_TAG`): it going in or out of the page is no change to look at. */
  readonly panelTag: string;
}

/** What the reader returns: the page's JSON-LD, and what of the extension the page holds. */
export interface PageReading {
  /** The page's address as the page has it now. */
  readonly href: string;
  readonly texts: string[];
  /** Names this document's isolated world: a call for another document is refused. */
  readonly token: string;
  /** Whether `panel.js` is in the page, and whether it shows a panel (or is about to). */
  readonly renderer: boolean;
  readonly showing: boolean;
}

/** The watch's state in the extension's isolated world of the page, which the page cannot see. */
export interface Watch {
  readonly token: string;
  /** The address of the last reading. */
  href: string;
  /** The title and JSON-LD of the last reading, to tell a real change from any other. */
  print: string;
  reports: number;
  /** When the page last changed (`performance.now()`). */
  changedAt: number;
  /** Whether the background has stopped the watch; the next reading starts it again. */
  stopped: boolean;
  readonly observer: MutationObserver;
}

/**
 * Reads the page: at once on the first run in a document (the page has loaded) and when
 * the address is the one read last; after an address change, once the page has been
 * quiet for `settleMs` (a single-page app renders the new product after it changes the
 * address).
 */
export function readPage(
  options: ReadOptions,
  page: Document = document,
): PageReading | Promise<PageReading> {
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
  if (!options.watch) return { href: '', texts: read(), token: '', renderer: false, showing: false };

  const world = globalThis as unknown as Record<string, unknown>;
  const fingerprint = (texts: readonly string[]): string => [page.title, ...texts].join('\u0000');
  const observe = (observer: MutationObserver): void =>
    observer.observe(page.documentElement, { childList: true, subtree: true, characterData: true });
  const finish = (watch: Watch): PageReading => {
    const texts = read();
    if (watch.href !== location.href) {
      watch.href = location.href;
      watch.reports = 0;
    }
    watch.print = fingerprint(texts);
    const renderer = world[options.rendererKey] as { showing?: () => boolean } | undefined;
    return {
      href: location.href,
      texts,
      token: watch.token,
      renderer: renderer !== undefined,
      showing: renderer?.showing?.() === true,
    };
  };

  let watch = world[options.watchKey] as Watch | undefined;
  if (!watch) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** When the first change not yet looked at happened: a page that never rests is looked at anyway. */
    let waitingSince = 0;
    type Api = { runtime?: { id?: string; sendMessage(message: unknown): Promise<unknown> } };
    const apis = globalThis as { browser?: Api; chrome?: Api };
    const check = (): void => {
      timer = undefined;
      const state = world[options.watchKey] as Watch;
      if (state.stopped) return;
      const stop = (): void => {
        state.stopped = true;
        state.observer.disconnect();
      };
      const renderer = world[options.rendererKey] as { showing?(): boolean; remove?(): void } | undefined;
      if (renderer?.showing?.() === true) {
        // The extension was removed or updated while the page stayed open: its panel would
        // go on telling of places for a product the page may no longer show. (Asked only
        // where a panel shows: the extension's API costs a page a millisecond to set up.)
        let alive = false;
        try {
          alive = Boolean((apis.browser ?? apis.chrome)?.runtime?.id);
        } catch {
          // A removed extension's objects may throw on access.
        }
        if (!alive) {
          stop();
          renderer.remove?.();
          return;
        }
      }
      if (location.href !== state.href || state.reports >= options.maxReports) return;
      if (fingerprint(read()) === state.print) return;
      state.reports += 1;
      try {
        // The background reads the page again itself; the message says only that it changed.
        void (apis.browser ?? apis.chrome)?.runtime?.sendMessage({ type: 'changed' }).catch(() => undefined);
      } catch {
        // The extension was updated or removed: nobody listens any more.
        stop();
      }
    };
    /** Whether a change is only our panel going in or out (one node a record, as we insert it). */
    const ours = (record: MutationRecord): boolean => {
      const node = record.addedNodes[0] ?? record.removedNodes[0];
      return (
        record.type === 'childList' &&
        record.addedNodes.length + record.removedNodes.length === 1 &&
        (node as Element).localName === options.panelTag
      );
    };
    const observer = new MutationObserver((records) => {
      if (records.every(ours)) return;
      const state = world[options.watchKey] as Watch;
      const now = performance.now();
      state.changedAt = now;
      if (timer === undefined) waitingSince = now;
      else if (now - waitingSince >= options.maxWaitMs) return;
      clearTimeout(timer);
      timer = setTimeout(check, options.settleMs);
    });
    watch = {
      token: String(Math.floor(Math.random() * 2 ** 52)),
      href: location.href,
      print: '',
      reports: 0,
      changedAt: 0,
      stopped: false,
      observer,
    };
    world[options.watchKey] = watch;
    observe(observer);
    return finish(watch);
  }
  if (watch.stopped) {
    watch.stopped = false;
    observe(watch.observer);
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

/** Runs in the page: stops the watch, where the extension must no longer read the page. */
export function stopWatching(watchKey: string): void {
  const watch = (globalThis as unknown as Record<string, Watch | undefined>)[watchKey];
  if (!watch) return;
  watch.stopped = true;
  watch.observer.disconnect();
}
