/**
 * The background of the extension (a service worker in Chromium, an event page in
 * Firefox): it alone reads the settings and calls the API, and it decides what runs in
 * pages. When the browser reports that a marketplace's product page has loaded, or that
 * a page changed its address, it reads the page with the reader (detect/read-page.ts),
 * reads what the page's JSON-LD says, and only when that names no GTIN puts the other
 * readers into the page (`detect.js`). With places to show it puts the panel's renderer
 * there (`panel.js`); otherwise the page runs nothing more. It keeps the toolbar badge of
 * each tab in step.
 */
import type { ProductIdentity } from '../adapters/types.js';
import {
  ABSENT,
  DETECT_SCRIPT_FILE,
  DETECTOR_KEY,
  PANEL_SCRIPT_FILE,
  RENDERER_KEY,
  callDetector,
  callRenderer,
  type SimilarQuery,
} from '../content/scripts.js';
import { READ_OPTIONS } from '../detect/json-ld-texts.js';
import { readJsonLdTexts } from '../detect/json-ld.js';
import type { MountCandidate } from '../detect/mount.js';
import { readPage } from '../detect/read-page.js';
import { browser, type Runtime, type Tabs } from '../lib/browser.js';
import {
  parseContentRequest,
  parseIdentity,
  parseJsonLdTexts,
  parsePageRequest,
  type GeocodeAnswer,
  type PageRequest,
  type ContentAnswer,
  type ContentRequest,
  type PanelView,
  type TabState,
} from '../lib/messages.js';
import { PAGE_PATTERNS, pageAdapter } from '../lib/pages.js';
import { readSettings, writeSettings } from '../lib/settings-store.js';
import type { Settings } from '../lib/settings.js';
import { Lookup, type Places } from './lookup.js';
import { forgetDocument, load, newPage, run, type TabPage } from './pages.js';
import { panelLabels, panelView } from './view.js';

const BADGE_COLOUR = '#0b6e4f';
const WELCOME_PAGE = 'src/ui/welcome.html';

const lookup = new Lookup(undefined, undefined, {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (key, value) => browser.storage.local.set({ [key]: value }),
});
/** What the background knows of each tab's page. Lost when the worker sleeps. */
const tabs = new Map<number, TabPage>();

/** The page a script of ours runs in, from the browser's own record of the sender, never from the message. */
function senderPage(sender: Runtime.MessageSender): { tabId: number; url: URL } | null {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !sender.url) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' || url.protocol === 'http:' ? { tabId: sender.tab.id, url } : null;
  } catch {
    return null;
  }
}

/**
 * Whether the extension reads this page at all: it is a product page of a marketplace, a
 * location is set, the marketplace is on and the site not dismissed. Otherwise nothing of
 * the extension runs in the page.
 */
function allowed(settings: Settings, url: URL): boolean {
  const adapter = pageAdapter(url);
  return (
    settings.location !== null &&
    adapter !== undefined &&
    !settings.disabledMarketplaces.includes(adapter.id) &&
    !settings.dismissedSites.includes(url.hostname)
  );
}

async function setBadge(tabId: number, placeCount: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: placeCount > 0 ? String(placeCount) : '' });
    if (placeCount > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  } catch {
    // The tab closed meanwhile.
  }
}

/** Keeps the tab's view and badge for what was found; the view to show, or `null` for silence. */
async function show(
  tabId: number,
  page: TabPage,
  places: Places,
  match: PanelView['match'],
  settings: Settings,
): Promise<PanelView | null> {
  const view = places && places.length > 0 ? panelView(places, match, settings.locale) : null;
  page.view = view;
  page.placeCount = view ? (places?.length ?? 0) : 0;
  await setBadge(tabId, page.placeCount);
  return view;
}

/** The "search nearby" button for a product without GTIN: it asks the API nothing until clicked. */
function similarButton(settings: Settings): PanelView {
  return { lang: settings.locale, labels: panelLabels(settings.locale), match: 'similar', items: [] };
}

function identityKey(identity: ProductIdentity | null): string {
  if (!identity) return 'none';
  return identity.kind === 'gtin'
    ? `gtin:${identity.gtin}`
    : `similar:${identity.brand ?? ''}:${identity.title}`;
}

/** Shows a view in the page, or removes the panel, loading `panel.js` first when it is not there. */
async function render(
  tabId: number,
  page: TabPage,
  command:
    { show: PanelView; mounts: readonly MountCandidate[]; similar: SimilarQuery | null } | { remove: true },
): Promise<boolean> {
  if (page.renderer) {
    const done = await run(tabId, page, callRenderer, [RENDERER_KEY, command]);
    if (done?.result === true) return 'show' in command;
    if (done?.result !== ABSENT) return false;
  }
  // Without a renderer in the page there is no panel to remove.
  if ('remove' in command) return false;
  if (!(await load(tabId, page, PANEL_SCRIPT_FILE))) return false;
  page.renderer = true;
  return (await run(tabId, page, callRenderer, [RENDERER_KEY, command]))?.result === true;
}

/** The page shows nothing of the extension. */
async function clear(tabId: number, page: TabPage): Promise<void> {
  page.key = null;
  page.view = null;
  page.placeCount = 0;
  await setBadge(tabId, 0);
  if (page.panel) await render(tabId, page, { remove: true });
  page.panel = false;
}

/** What the page's readers in `detect.js` find, given what its JSON-LD says. */
async function detectInPage(
  tabId: number,
  page: TabPage,
  adapterId: string,
  jsonLd: ReturnType<typeof readJsonLdTexts>,
) {
  let answer = page.detector ? await run(tabId, page, callDetector, [DETECTOR_KEY, adapterId, jsonLd]) : null;
  if (!answer || answer.result === ABSENT) {
    if (!(await load(tabId, page, DETECT_SCRIPT_FILE))) return null;
    page.detector = true;
    answer = await run(tabId, page, callDetector, [DETECTOR_KEY, adapterId, jsonLd]);
  }
  return parseIdentity(answer?.result);
}

/**
 * Reads the page in a tab and shows what there is to show: the panel with the nearby
 * places, the "search nearby" button for a product without GTIN, or nothing. `texts` is
 * the JSON-LD the reader reported on its own (then the page is not read again); `force`
 * shows the answer again for an unchanged product (new settings).
 */
async function detect(
  tabId: number,
  url: URL,
  how: { texts?: readonly string[]; force?: boolean } = {},
): Promise<void> {
  const adapter = pageAdapter(url);
  const known = tabs.get(tabId);
  if (!adapter) {
    // Not (or no longer) a product page: take away what an earlier one showed.
    if (known) {
      known.generation += 1;
      known.url = url;
      await clear(tabId, known);
    }
    return;
  }
  // Every product page is remembered, even when nothing runs there yet, so that new
  // settings (a location chosen, a site shown again) reach it.
  const page = known ?? newPage(url);
  tabs.set(tabId, page);
  page.url = url;
  page.adapter = adapter;
  const mine = ++page.generation;
  const stale = () => mine !== page.generation || tabs.get(tabId) !== page;

  const settings = await readSettings();
  if (stale()) return;
  if (!allowed(settings, url)) return clear(tabId, page);
  let texts = how.texts;
  if (!texts) {
    const reading = await run(tabId, page, readPage, [READ_OPTIONS]);
    if (!reading || stale()) return;
    texts = parseJsonLdTexts(reading.result) ?? [];
  }
  // Read here, not in the page: the code that walks JSON-LD costs a page more to compile
  // than to run. The variant is chosen against the browser's record of the URL.
  const jsonLd = readJsonLdTexts(texts, url);
  // A GTIN in the JSON-LD is the best identity a page can give (detect/identity.ts): then
  // the page runs none of the other readers.
  const identity: ProductIdentity | null = jsonLd.gtin
    ? { kind: 'gtin', gtin: jsonLd.gtin, source: 'json-ld' }
    : await detectInPage(tabId, page, adapter.id, jsonLd);
  if (stale()) return;
  const key = `${url.origin}${url.pathname}|${identityKey(identity)}`;
  if (!how.force && key === page.key) return;
  page.key = key;

  let view: PanelView | null = null;
  let similar: SimilarQuery | null = null;
  if (identity?.kind === 'gtin') {
    try {
      view = await show(tabId, page, await lookup.product(identity.gtin, settings), 'exact', settings);
    } catch {
      view = await show(tabId, page, null, 'exact', settings);
    }
  } else {
    await show(tabId, page, null, 'similar', settings);
    if (identity) {
      view = similarButton(settings);
      similar = { title: identity.title, ...(identity.brand ? { brand: identity.brand } : {}) };
    }
  }
  if (stale()) return;
  if (!view) {
    if (page.panel) await render(tabId, page, { remove: true });
    page.panel = false;
    return;
  }
  page.panel = await render(tabId, page, { show: view, mounts: adapter.mounts, similar });
}

async function answer(request: ContentRequest, tabId: number, url: URL): Promise<ContentAnswer> {
  const settings = await readSettings();
  const page = tabs.get(tabId) ?? newPage(url);
  switch (request.type) {
    case 'json-ld':
      // The reader saw the page's title or JSON-LD change under the same address.
      await detect(tabId, url, { texts: request.texts });
      return { view: null };
    case 'dismiss-site':
      tabs.set(tabId, page);
      page.panel = false;
      await clear(tabId, page);
      if (!settings.dismissedSites.includes(url.hostname)) {
        await writeSettings({ dismissedSites: [...settings.dismissedSites, url.hostname].slice(-200) });
      }
      return { view: null };
    case 'search-similar': {
      if (!allowed(settings, url)) return { view: null };
      tabs.set(tabId, page);
      const places = await lookup.similar(request.title, request.brand, settings);
      // Asked for by the shopper, so an empty answer is said rather than kept silent.
      return { view: (await show(tabId, page, places, 'similar', settings)) ?? similarButton(settings) };
    }
  }
}

async function answerPage(request: PageRequest): Promise<TabState | GeocodeAnswer> {
  const settings = await readSettings();
  if (request.type === 'tab-state') {
    return { hasLocation: settings.location !== null, view: tabs.get(request.tabId)?.view ?? null };
  }
  return lookup.geocode(request.query, settings.apiBaseUrl);
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const pageRequest = parsePageRequest(message);
  if (pageRequest) {
    // Only the extension's own pages may ask: their URL is ours (a page script's is the page's).
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('')))
      return undefined;
    return answerPage(pageRequest);
  }
  const request = parseContentRequest(message);
  const page = senderPage(sender);
  if (!request || !page) return undefined;
  return answer(request, page.tabId, page.url).catch((): ContentAnswer => ({ view: null }));
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  // The stored GTIN filter is not a setting.
  const keys = Object.keys(changes).filter((key) => !key.startsWith('gtinFilter '));
  if (keys.length === 0) return;
  if (keys.some((key) => ['location', 'radiusInMetres', 'apiBaseUrl'].includes(key))) lookup.clear();
  // Product pages, with or without a panel, are read again with the new settings; a tab
  // the worker forgot while it slept is found by its address.
  void browser.tabs.query({ url: [...PAGE_PATTERNS] }).then((open) => {
    for (const tab of open) {
      if (tab.id !== undefined && tab.url) void detect(tab.id, new URL(tab.url), { force: true });
    }
  });
});

/**
 * A page loaded, or changed its address without loading (a single-page app, a variant).
 * The browser tells the address only for the pages the extension has host permission
 * for, the marketplaces: it learns nothing of the shopper's other browsing.
 */
function updated(tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): void {
  if (change.status === 'loading') {
    const page = tabs.get(tabId);
    if (page) forgetDocument(page);
  }
  if (!tab.url) return;
  if (change.status === 'complete') void detect(tabId, new URL(tab.url));
  else if (change.url && tab.status === 'complete') void detect(tabId, new URL(change.url));
}

try {
  // Firefox wakes the background only for the marketplaces' tabs.
  browser.tabs.onUpdated.addListener(updated, { urls: [...PAGE_PATTERNS], properties: ['status', 'url'] });
} catch {
  // Chromium has no filter for this event.
  browser.tabs.onUpdated.addListener(updated);
}

browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

browser.runtime.onInstalled.addListener(async (details) => {
  if (details.reason !== 'install') return;
  const settings = await readSettings();
  if (!settings.location) await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
});
