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
  READ_OPTIONS,
  RENDERER_KEY,
  WATCH_KEY,
  callDetector,
  callRenderer,
  type CallTarget,
  type SimilarQuery,
} from '../content/scripts.js';
import { readJsonLdTexts, type JsonLdFacts } from '../detect/json-ld.js';
import type { MountCandidate } from '../detect/mount.js';
import { readPage, stopWatching } from '../detect/read-page.js';
import { browser, type Runtime, type Tabs } from '../lib/browser.js';
import {
  parseContentRequest,
  parseIdentity,
  parsePageReading,
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
import { forget, leaving, load, newPage, recall, remember, replaced, run, type TabPage } from './pages.js';
import { panelLabels, panelView } from './view.js';

/** Set by `vite.config.ts` at build time: the browser the build is for. */
declare const __LOKAAL_BROWSER__: string | undefined;

/**
 * Firefox reports `loading` only when a new document replaces the page; Chromium also
 * reports it when the page changed its address itself (and names each document, so a
 * call never reaches the wrong one).
 */
const LOADING_MEANS_NEW_DOCUMENT = typeof __LOKAAL_BROWSER__ === 'string' && __LOKAAL_BROWSER__ === 'firefox';

const BADGE_COLOUR = '#0b6e4f';
const WELCOME_PAGE = 'src/ui/welcome.html';

const lookup = new Lookup(undefined, undefined, {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (key, value) => browser.storage.local.set({ [key]: value }),
});
/** What the background knows of each tab's page. Lost when the worker sleeps (see `recall`). */
const tabs = new Map<number, TabPage>();

/** The tab's page as the background knows it, or as its trace tells after the worker slept. */
async function pageOf(tabId: number, url: URL): Promise<TabPage | undefined> {
  const known = tabs.get(tabId);
  if (known) return known;
  const recalled = await recall(tabId, url);
  // Another event may have met the tab meanwhile: that one is the tab's page.
  const page = tabs.get(tabId) ?? recalled ?? undefined;
  if (page) tabs.set(tabId, page);
  return page;
}

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

/** Where calls of this detection go: the document that was read, named by its token. */
const targetOf = (page: TabPage, key: string): CallTarget => ({
  watchKey: WATCH_KEY,
  token: page.token,
  key,
});

/**
 * Shows a view in the page, or removes the panel, loading `panel.js` first when it is not
 * there. `stale` says that a newer detection owns the tab: then nothing more is done.
 */
async function render(
  tabId: number,
  page: TabPage,
  command:
    { show: PanelView; mounts: readonly MountCandidate[]; similar: SimilarQuery | null } | { remove: true },
  stale: () => boolean = () => false,
): Promise<boolean> {
  const call = () => run(tabId, page, callRenderer, [targetOf(page, RENDERER_KEY), command]);
  if ('remove' in command) {
    // Without a renderer in the page there is no panel to remove; with one, removing costs
    // nothing where none is shown.
    if (page.renderer || page.panel) await call();
    return false;
  }
  return (await callLoaded(tabId, page, 'renderer', PANEL_SCRIPT_FILE, call, stale))?.result === true;
}

/**
 * Calls into one of the page scripts, loading its file first where the page does not
 * hold it (`page[script]` says whether it did at the last reading).
 */
async function callLoaded(
  tabId: number,
  page: TabPage,
  script: 'renderer' | 'detector',
  file: string,
  call: () => Promise<{ result: unknown } | null>,
  stale: () => boolean,
): Promise<{ result: unknown } | null> {
  let answer = page[script] ? await call() : null;
  if (stale()) return null;
  if (!page[script] || answer?.result === ABSENT) {
    if (!(await load(tabId, page, file)) || stale()) return null;
    page[script] = true;
    answer = await call();
  }
  return answer;
}

/**
 * The page shows nothing of the extension, and its reader no longer watches it. `stale`
 * says that a newer reading owns the tab (the page went back to a product): then what
 * it found there is left as it is.
 */
async function clear(tabId: number, page: TabPage, stale: () => boolean): Promise<void> {
  page.key = null;
  page.view = null;
  page.placeCount = 0;
  await setBadge(tabId, 0);
  if (page.panel || page.renderer) await render(tabId, page, { remove: true });
  if (stale()) return;
  page.panel = false;
  if (page.watching) {
    await run(tabId, page, stopWatching, [WATCH_KEY]);
    if (stale()) return;
    page.watching = false;
  }
  forget(tabId, page);
}

/** What the page's readers in `detect.js` find, given what its JSON-LD says. */
async function detectInPage(
  tabId: number,
  page: TabPage,
  adapterId: string,
  jsonLd: JsonLdFacts,
  stale: () => boolean,
): Promise<ProductIdentity | null> {
  const call = () => run(tabId, page, callDetector, [targetOf(page, DETECTOR_KEY), adapterId, jsonLd]);
  return parseIdentity((await callLoaded(tabId, page, 'detector', DETECT_SCRIPT_FILE, call, stale))?.result);
}

/**
 * Reads the page in a tab and shows what there is to show: the panel with the nearby
 * places, the "search nearby" button for a product without GTIN, or nothing. `force`
 * shows the answer again for an unchanged product (new settings); `reporter` is set when
 * the page's reader reported a change (so our code runs there), with the document it
 * reported from where the browser names it.
 */
async function detect(
  tabId: number,
  url: URL,
  how: { force?: boolean; reporter?: string | null } = {},
): Promise<void> {
  const known = await pageOf(tabId, url);
  if (!pageAdapter(url)) {
    // Not (or no longer) a product page: take away what an earlier one showed.
    if (known) {
      leaving(known);
      known.url = url;
      const read = known.reads;
      await clear(tabId, known, () => read !== known.reads || tabs.get(tabId) !== known);
    }
    return;
  }
  // Every product page is remembered, even when nothing runs there yet, so that new
  // settings (a location chosen, a site shown again) reach it.
  const page = known ?? newPage(url);
  tabs.set(tabId, page);
  page.url = url;
  const read = ++page.reads;
  const readStale = () => read !== page.reads || tabs.get(tabId) !== page;

  const settings = await readSettings();
  if (readStale()) return;
  if (!allowed(settings, url)) {
    page.commits += 1;
    // A report proves that our code runs in the page that sent it: clean up there.
    if (how.reporter !== undefined) {
      Object.assign(page, { renderer: true, panel: true, watching: true });
      if (how.reporter) page.documentId = how.reporter;
    }
    return clear(tabId, page, readStale);
  }
  const answer = await run(tabId, page, readPage, [READ_OPTIONS], true);
  const reading = parsePageReading(answer?.result);
  // Another origin answering means another document did: this reading is not the page's.
  if (!reading || readStale() || reading.href.origin !== url.origin) return;
  const newDocument = reading.token !== page.token || answer?.documentId !== page.documentId;
  if (answer?.documentId) page.documentId = answer.documentId;
  else delete page.documentId;
  Object.assign(page, {
    token: reading.token,
    renderer: reading.renderer,
    panel: reading.showing,
    watching: true,
  });
  // The page's own address, when a single-page app moved on since the browser reported it.
  const here = reading.href;
  const adapter = pageAdapter(here);
  if (!adapter || !allowed(settings, here)) {
    page.commits += 1;
    return clear(tabId, page, readStale);
  }
  page.url = here;
  // The reader watches this document: noted, in case the worker sleeps before it is left.
  if (newDocument || !page.traced) remember(tabId, page);
  // Read here, not in the page: the code that walks JSON-LD costs a page more to compile
  // than to run. The variant is chosen against the page's address.
  const jsonLd = readJsonLdTexts(reading.texts, here);
  // A GTIN in the JSON-LD is the best identity a page can give (detect/identity.ts): then
  // the page runs none of the other readers.
  const identity: ProductIdentity | null = jsonLd.gtin
    ? { kind: 'gtin', gtin: jsonLd.gtin, source: 'json-ld' }
    : await detectInPage(tabId, page, adapter.id, jsonLd, readStale);
  if (readStale()) return;
  const key = `${here.origin}${here.pathname}|${identityKey(identity)}`;
  // The same product as the page shows (or the shopper closed), or as a detection under way
  // is about to show: leave it be.
  if (!how.force && key === page.key && (reading.showing || page.pending !== 0)) return;
  page.key = key;
  const mine = ++page.commits;
  page.pending = mine;
  const stale = () => mine !== page.commits || tabs.get(tabId) !== page;
  try {
    await showAnswer(tabId, page, settings, adapter.mounts, identity, stale);
  } finally {
    if (page.pending === mine) page.pending = 0;
  }
}

/** Shows the answer for the page's identity: the panel, the "search nearby" button, or nothing. */
async function showAnswer(
  tabId: number,
  page: TabPage,
  settings: Settings,
  mounts: readonly MountCandidate[],
  identity: ProductIdentity | null,
  stale: () => boolean,
): Promise<void> {
  let places: Places = null;
  if (identity?.kind === 'gtin') {
    try {
      places = await lookup.product(identity.gtin, settings);
    } catch {
      places = null;
    }
    if (stale()) return;
  }
  let view = await show(tabId, page, places, identity?.kind === 'gtin' ? 'exact' : 'similar', settings);
  let similar: SimilarQuery | null = null;
  if (identity?.kind === 'similar') {
    view = similarButton(settings);
    similar = { title: identity.title, ...(identity.brand ? { brand: identity.brand } : {}) };
  }
  if (stale()) return;
  if (!view) {
    await render(tabId, page, { remove: true });
    page.panel = false;
    return;
  }
  const shown = await render(tabId, page, { show: view, mounts, similar }, stale);
  if (stale()) return;
  page.panel = shown;
  // Shown nowhere (the page moved on, or had no place for it): a later reading tries again.
  if (!shown) page.key = null;
}

async function answer(
  request: ContentRequest,
  tabId: number,
  url: URL,
  documentId?: string,
): Promise<ContentAnswer> {
  if (request.type === 'changed') {
    // The reader saw the page's title or JSON-LD change under the same address.
    await detect(tabId, url, { reporter: documentId ?? null });
    return { view: null };
  }
  const settings = await readSettings();
  const page = (await pageOf(tabId, url)) ?? newPage(url);
  // Only the panel asks these: the renderer and the reader's watch are in the sender's document.
  Object.assign(page, { renderer: true, watching: true });
  if (documentId) page.documentId = documentId;
  switch (request.type) {
    case 'dismiss-site': {
      tabs.set(tabId, page);
      // The panel took itself away; a detection under way must not bring it back.
      const read = ++page.reads;
      page.commits += 1;
      page.panel = false;
      if (!settings.dismissedSites.includes(url.hostname)) {
        await writeSettings({ dismissedSites: [...settings.dismissedSites, url.hostname].slice(-200) });
      }
      await clear(tabId, page, () => read !== page.reads || tabs.get(tabId) !== page);
      return { view: null };
    }
    case 'search-similar': {
      if (!allowed(settings, url)) return { view: null };
      tabs.set(tabId, page);
      page.panel = true;
      const owner = page.commits;
      const places = await lookup.similar(request.title, request.brand, settings);
      // The page moved on to another product meanwhile: the answer is for nobody.
      if (owner !== page.commits || tabs.get(tabId) !== page) return { view: null };
      // Asked for by the shopper, so an empty answer is said rather than kept silent.
      return { view: (await show(tabId, page, places, 'similar', settings)) ?? similarButton(settings) };
    }
  }
}

async function answerPage(request: PageRequest): Promise<TabState | GeocodeAnswer> {
  const settings = await readSettings();
  if (request.type === 'tab-state') {
    if (!tabs.has(request.tabId) && settings.location !== null) {
      // The worker slept since the page was read: read it again for the popup.
      const tab = await browser.tabs.get(request.tabId).catch(() => null);
      if (tab?.url) await detect(request.tabId, new URL(tab.url));
    }
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
  const documentId = (sender as { documentId?: unknown }).documentId;
  return answer(request, page.tabId, page.url, typeof documentId === 'string' ? documentId : undefined).catch(
    (): ContentAnswer => ({ view: null }),
  );
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  // The stored GTIN filter is not a setting.
  const keys = Object.keys(changes).filter((key) => !key.startsWith('gtinFilter '));
  if (keys.length === 0) return;
  if (keys.some((key) => ['location', 'radiusInMetres', 'apiBaseUrl'].includes(key))) lookup.clear();
  // Product pages, with or without a panel, are read again with the new settings.
  void detectOpenTabs();
});

/** Reads every open marketplace tab again; a tab the worker forgot while it slept is found by its address. */
async function detectOpenTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({ url: [...PAGE_PATTERNS] })) {
    if (tab.id !== undefined && tab.url) void detect(tab.id, new URL(tab.url), { force: true });
  }
}

/**
 * A page loaded, or changed its address without loading (a single-page app, a variant).
 * The browser tells the address only for the pages the extension has host permission
 * for, the marketplaces: it learns nothing of the shopper's other browsing.
 */
function updated(tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab): void {
  const page = tabs.get(tabId);
  // A new page, not the same one with other query parameters or a fragment.
  const moved = !change.url || new URL(change.url).pathname !== page?.url.pathname;
  if (change.status === 'loading' && page && moved) leaving(page);
  if (!tab.url) {
    // Gone to a site the browser does not name to the extension: nothing of ours is shown there.
    if (change.status === 'loading' && page) {
      tabs.delete(tabId);
      forget(tabId);
    }
    return;
  }
  if (change.status === 'loading' && LOADING_MEANS_NEW_DOCUMENT) {
    // Known from now on, so that no trace of the old document is recalled for the new one.
    if (page) replaced(page);
    else tabs.set(tabId, newPage(new URL(tab.url)));
    forget(tabId, tabs.get(tabId));
  }
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

browser.tabs.onRemoved.addListener((tabId) => {
  tabs.delete(tabId);
  forget(tabId);
});

browser.runtime.onInstalled.addListener(async (details) => {
  // Updated while marketplace pages were open: they show this version's panel in place of
  // the one the last version left there.
  if (details.reason === 'update') return detectOpenTabs();
  if (details.reason !== 'install') return;
  const settings = await readSettings();
  if (!settings.location) await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
});
