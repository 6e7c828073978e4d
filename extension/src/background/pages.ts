/**
 * The background's hands in a page: what it knows of each tab's page, and the scripts it
 * runs there with `scripting.executeScript`, always in the extension's isolated world of
 * the top frame. Where the browser names the document it read (Chromium), later calls
 * reach that document only, so an answer never lands on the page that replaced it.
 */
import type { Adapter } from '../adapters/types.js';
import { browser } from '../lib/browser.js';
import type { PanelView } from '../lib/messages.js';

/** What the background knows of the page in a tab. Lost when the worker sleeps; then it reads again. */
export interface TabPage {
  /** The page's address when it was last read. */
  url: URL;
  /** Counts readings of the tab: only the latest may change what the page shows. */
  generation: number;
  /** The document that was read (Chromium), so that later calls reach that document only. */
  documentId?: string;
  /** What the panel (or the silence) is about: the page's address and its identity. */
  key: string | null;
  /** Whether `detect.js`, and `panel.js`, are in the page. */
  detector: boolean;
  renderer: boolean;
  /** Whether the page shows a panel. */
  panel: boolean;
  /** What the popup lists for the tab, and how many places the badge counts. */
  view: PanelView | null;
  placeCount: number;
  /** The adapter that read the page. */
  adapter?: Adapter;
}

export function newPage(url: URL): TabPage {
  return {
    url,
    generation: 0,
    key: null,
    detector: false,
    renderer: false,
    panel: false,
    view: null,
    placeCount: 0,
  };
}

/** A new document in the tab: nothing of the old one is in it. */
export function forgetDocument(page: TabPage): void {
  page.generation += 1;
  delete page.documentId;
  page.key = null;
  page.detector = false;
  page.renderer = false;
  page.panel = false;
}

type Target = { tabId: number; frameIds?: number[]; documentIds?: string[] };

function target(tabId: number, page: TabPage): Target {
  return page.documentId ? { tabId, documentIds: [page.documentId] } : { tabId, frameIds: [0] };
}

/**
 * Runs `func` with `args` in the page and returns what it returned (awaited, when it
 * returns a promise), or `null` when it could not run: the tab closed or navigated, or
 * holds no page the extension may read. The result comes from the page's side: check it.
 */
export async function run<A extends unknown[]>(
  tabId: number,
  page: TabPage,
  func: (...args: A) => unknown,
  args: A,
): Promise<{ result: unknown } | null> {
  try {
    const [first] = await browser.scripting.executeScript({
      target: target(tabId, page),
      func: func as (...args: unknown[]) => unknown,
      args,
    });
    if (!first) return null;
    const documentId = (first as { documentId?: unknown }).documentId;
    if (typeof documentId === 'string') page.documentId = documentId;
    return { result: first.result };
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
