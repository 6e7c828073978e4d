/**
 * The background's hands in a page: what it knows of each tab's page, and the scripts it
 * runs there with `scripting.executeScript`, always in the extension's isolated world of
 * the top frame. Where the browser names the document it read (Chromium), later calls
 * reach that document only, so an answer never lands on the page that replaced it.
 */
import { browser } from '../lib/browser.js';
import type { PanelView } from '../lib/messages.js';

/**
 * What the background knows of the page in a tab. What the page holds of the extension
 * (`renderer`, `panel`, `watching`, `token`) is what the reader last found there, never a
 * guess. It is lost when the worker sleeps; then the next reading tells again, and until
 * then the tab's trace (`recall`) says what to clean up.
 */
export interface TabPage {
  /** The page's address when it was last read. */
  url: URL;
  /** Counts readings of the tab: a reading that a newer one overtook is dropped. */
  reads: number;
  /**
   * Counts changes of what the tab shows: a detection that found a new product (or none)
   * owns the tab until a newer one does, or until the page is left or cleared.
   */
  commits: number;
  /** The document that was read (Chromium), so that later calls reach that document only. */
  documentId?: string;
  /** The token of the document that was read: calls in another document are refused. */
  token: string;
  /** What the panel (or the silence) is about: the page's address and its identity. */
  key: string | null;
  /** Whether the readers of `detect.js` and the renderer of `panel.js` are in the page. */
  detector: boolean;
  renderer: boolean;
  /** Whether the page shows a panel, and whether its reader watches it. */
  panel: boolean;
  watching: boolean;
  /** Whether the tab's trace (`remember`) names this page's document. */
  traced: boolean;
  /** The commit of the detection that is still showing its answer, or 0. */
  pending: number;
  /** What the popup lists for the tab, and how many places the badge counts. */
  view: PanelView | null;
  placeCount: number;
}

export function newPage(url: URL): TabPage {
  return {
    url,
    reads: 0,
    commits: 0,
    token: '',
    key: null,
    detector: false,
    renderer: false,
    panel: false,
    watching: false,
    traced: false,
    pending: 0,
    view: null,
    placeCount: 0,
  };
}

/**
 * The tab starts loading something: what it showed is no longer its answer (the popup
 * forgets it), and a detection under way for it gives up. What the page holds is learnt
 * again from the next reading: the old document may still be there (a download, a
 * back-forward restore), so nothing of it is assumed gone.
 */
export function leaving(page: TabPage): void {
  page.reads += 1;
  page.commits += 1;
  page.key = null;
  page.view = null;
  page.placeCount = 0;
}

/**
 * A new document replaces the page (Firefox reports `loading` only then): nothing of the
 * extension is in it, and no call may go there to remove what the old one held. The next
 * reading tells what the page holds, should the old document have stayed (a download).
 */
export function replaced(page: TabPage): void {
  leaving(page);
  Object.assign(page, { token: '', detector: false, renderer: false, panel: false, watching: false });
}

/**
 * What a tab's document holds of the extension, kept in `storage.session` (in memory, for
 * the browser's session, never readable by pages) so that it outlives the worker: after
 * the worker slept, a single-page app that leaves the product still has its panel taken
 * away and its watch stopped. It holds the page's token and the browser's id of its
 * document, never its address.
 */
interface Trace {
  token: string;
  documentId?: string;
}

const traceKey = (tabId: number): string => `page ${tabId}`;

/**
 * Notes that the tab's document holds the reader's watch (and may hold a panel). The
 * storage area keeps the order of writes, so nothing waits for it.
 */
export function remember(tabId: number, page: TabPage): void {
  page.traced = true;
  const trace: Trace = page.documentId
    ? { token: page.token, documentId: page.documentId }
    : { token: page.token };
  void browser.storage.session.set({ [traceKey(tabId)]: trace }).catch(() => undefined);
}

/** The tab's document holds nothing of the extension any more, or the tab is gone. */
export function forget(tabId: number, page?: TabPage): void {
  if (page) page.traced = false;
  void browser.storage.session.remove(traceKey(tabId)).catch(() => undefined);
}

/**
 * The page a worker that slept knows nothing of, from its trace: a page that may show a
 * panel and whose reader watches it, or `null` when nothing of the extension runs there.
 */
export async function recall(tabId: number, url: URL): Promise<TabPage | null> {
  const key = traceKey(tabId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key).catch(() => ({}));
  const trace = stored[key] as Partial<Trace> | undefined;
  if (typeof trace?.token !== 'string') return null;
  return {
    ...newPage(url),
    token: trace.token,
    ...(typeof trace.documentId === 'string' ? { documentId: trace.documentId } : {}),
    renderer: true,
    panel: true,
    watching: true,
    traced: true,
  };
}

type Target = { tabId: number; frameIds?: number[]; documentIds?: string[] };

function target(tabId: number, page: TabPage): Target {
  return page.documentId ? { tabId, documentIds: [page.documentId] } : { tabId, frameIds: [0] };
}

/**
 * Runs `func` with `args` in the page and returns what it returned (awaited, when it
 * returns a promise), or `null` when it could not run: the tab closed or navigated, or
 * holds no page the extension may read. The result comes from the page's side: check it.
 * `fresh` runs it in whatever document the tab's top frame holds now (a reading); the
 * answer names that document where the browser does (Chromium), for the calls that follow.
 */
export async function run<A extends unknown[]>(
  tabId: number,
  page: TabPage,
  func: (...args: A) => unknown,
  args: A,
  fresh = false,
): Promise<{ result: unknown; documentId?: string } | null> {
  try {
    const [first] = await browser.scripting.executeScript({
      target: fresh ? { tabId, frameIds: [0] } : target(tabId, page),
      func: func as (...args: unknown[]) => unknown,
      args,
    });
    if (!first) return null;
    const documentId = (first as { documentId?: unknown }).documentId;
    return typeof documentId === 'string' ? { result: first.result, documentId } : { result: first.result };
  } catch {
    return null;
  }
}

/** Evaluates one of the extension's page scripts in the page; `false` when it could not. */
export async function load(tabId: number, page: TabPage, file: string): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: target(tabId, page), files: [file] });
    return true;
  } catch {
    return false;
  }
}
