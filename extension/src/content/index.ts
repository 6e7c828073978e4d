/**
 * The content script on the marketplaces' pages, the detector: it detects the product,
 * asks the background about it, and mounts the panel. It makes no request itself and keeps
 * no state beyond the page. It starts after the page's load, re-detects on single-page
 * navigation with one MutationObserver (bounded: debounced, at most `MAX_DETECTIONS`
 * runs per URL), and never polls.
 *
 * It carries no renderer and no styles: when there is something to show, the background
 * injects `panel.js` into this frame before it answers (see `renderer.ts`), so that a page
 * without a match only pays for detection. Nor does it interpret the page's JSON-LD: it
 * sends the scripts' text, and the background answers with what they say (and, when that
 * is a GTIN, with the places for it). Walking a JSON-LD graph is little work, but its
 * code is the largest part of detection, and a page pays to compile code before it runs.
 */
import { detectProduct, findAdapter } from '../adapters/index.js';
import type { ProductIdentity } from '../adapters/types.js';
import type { JsonLdFacts } from '../detect/json-ld.js';
import { jsonLdTexts } from '../detect/json-ld-texts.js';
import { runtime } from '../lib/runtime.js';
import type { ContentAnswer, ContentNotice, ContentRequest, PanelView } from '../lib/messages.js';
import { loadedRenderer, PANEL_TAG, type PanelHandle } from './renderer.js';

/** Quiet time after the page's last change before detecting again. */
const SETTLE_IN_MS = 400;
/** Detections after the first, per document: a page that never stops changing costs little. */
const MAX_DETECTIONS = 60;

let panel: PanelHandle | null = null;
/** What the panel (or the silence) is about: the URL and the identity detected there. */
let current: string | null = null;
/** Counts detections, so that only the latest one mounts a panel (a refresh keeps the key). */
let generation = 0;
/** Counts calls of `detect`: a call still waiting for the background gives way to a newer one. */
let calls = 0;
let detections = 0;
let detectionsUrl = '';
let settleTimer: ReturnType<typeof setTimeout> | undefined;

async function send(request: ContentRequest): Promise<ContentAnswer | null> {
  try {
    return ((await runtime.sendMessage(request)) as ContentAnswer | undefined) ?? null;
  } catch {
    // The extension was updated or reloaded: this page's script is an orphan now.
    return null;
  }
}

async function ask(request: ContentRequest): Promise<PanelView | null> {
  return (await send(request))?.view ?? null;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function identityKey(identity: ProductIdentity | null): string {
  if (!identity) return 'none';
  return identity.kind === 'gtin'
    ? `gtin:${identity.gtin}`
    : `similar:${identity.brand ?? ''}:${identity.title}`;
}

async function detect(force = false): Promise<void> {
  const call = ++calls;
  const url = new URL(location.href);
  let jsonLd: JsonLdFacts = { hasProduct: false };
  /** The background's answer for the GTIN of the JSON-LD, when it named one. */
  let answered: PanelView | null | undefined;
  let texts: string[] = [];
  const pageAdapter = findAdapter(url);
  try {
    if (pageAdapter) texts = jsonLdTexts(document);
  } catch {
    // A page we cannot read has no JSON-LD for us.
  }
  if (texts.length > 0) {
    const answer = await send({ type: 'json-ld', texts, needsRenderer: !loadedRenderer() });
    if (call !== calls) return;
    if (answer?.jsonLd) {
      jsonLd = answer.jsonLd;
      if (jsonLd.gtin) answered = answer.view;
    }
  }
  // A GTIN in the JSON-LD is the best identity a page can give (detect/identity.ts): the
  // page needs no more reading, and a page without a panel runs none of the readers' code.
  const found =
    pageAdapter && jsonLd.gtin
      ? { adapter: pageAdapter, identity: { kind: 'gtin', gtin: jsonLd.gtin, source: 'json-ld' } as const }
      : detectProduct(document, url, jsonLd);
  const key = `${url.origin}${url.pathname}|${identityKey(found?.identity ?? null)}`;
  if (!force && key === current) return;
  current = key;
  const mine = ++generation;
  panel?.remove();
  panel = null;
  if (!found) {
    await ask({ type: 'clear' });
    return;
  }
  const { adapter, identity } = found;
  const needsRenderer = !loadedRenderer();
  const view =
    answered !== undefined
      ? answered
      : identity.kind === 'gtin'
        ? await ask({ type: 'lookup', gtin: identity.gtin, needsRenderer })
        : await ask({ type: 'similar-status', needsRenderer });
  // Silence, or the page moved on while the background answered.
  if (!view || mine !== generation) return;
  // Mounted right before the next frame: the layout the panel reads there is the one that
  // frame has to compute anyway, and a hidden tab does the work only when it is shown.
  await nextFrame();
  const render = loadedRenderer();
  if (!render || mine !== generation) return;
  const mountPoint = adapter.mountPoint(document);
  if (!mountPoint) return;
  panel = render(view, {
    searchSimilar: () =>
      identity.kind === 'similar'
        ? ask({
            type: 'search-similar',
            title: identity.title,
            ...(identity.brand ? { brand: identity.brand } : {}),
          })
        : Promise.resolve(null),
    dismissSite: () => {
      panel = null;
      void ask({ type: 'dismiss-site' });
    },
  });
  if (!panel.mount(mountPoint)) panel = null;
}

/** Mutations by the page, not by the panel's own insertion or removal. */
function changedByPage(records: MutationRecord[]): boolean {
  return records.some(
    (record) =>
      record.type !== 'childList' ||
      ![...record.addedNodes, ...record.removedNodes].every(
        (node) => node.nodeName.toLowerCase() === PANEL_TAG,
      ),
  );
}

function watch(): void {
  const observer = new MutationObserver((records) => {
    if (!changedByPage(records)) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      if (location.href !== detectionsUrl) {
        detectionsUrl = location.href;
        detections = 0;
      }
      detections += 1;
      if (detections <= MAX_DETECTIONS) void detect();
    }, SETTLE_IN_MS);
  });
  // Variant switches change the page's title, JSON-LD or attributes; an SPA route swaps the main content.
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  // Back and forward between pages of a single-page app may restore without a mutation.
  addEventListener('popstate', () => void detect());
}

runtime.onMessage.addListener((message: unknown) => {
  if ((message as ContentNotice | null)?.type === 'refresh') void detect(true);
  return undefined;
});

function start(): void {
  void detect();
  watch();
}

if (document.readyState === 'complete') start();
else addEventListener('load', start, { once: true });
