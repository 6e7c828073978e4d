/**
 * The background of the extension (a service worker in Chromium, an event page in
 * Firefox): it alone reads the settings and calls the API. Content scripts ask it about
 * the product on their page; it answers with the panel's text or with silence, and keeps
 * the toolbar badge of each tab in step.
 */
import { findAdapter } from '../adapters/index.js';
import { readJsonLdTexts } from '../detect/json-ld.js';
import { browser, type Runtime } from '../lib/browser.js';
import {
  parseContentRequest,
  parsePageRequest,
  type GeocodeAnswer,
  type PageRequest,
  type ContentAnswer,
  type ContentNotice,
  type ContentRequest,
  type PanelView,
  type TabState,
} from '../lib/messages.js';
import { PANEL_SCRIPT_FILE } from '../lib/scripts.js';
import { readSettings, writeSettings } from '../lib/settings-store.js';
import type { Settings } from '../lib/settings.js';
import { Lookup, type Places } from './lookup.js';
import { panelLabels, panelView } from './view.js';

const BADGE_COLOUR = '#0b6e4f';
const WELCOME_PAGE = 'src/ui/welcome.html';

const lookup = new Lookup(undefined, undefined, {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (key, value) => browser.storage.local.set({ [key]: value }),
});
/** What each tab's page shows, for the badge and the popup. Lost when the worker sleeps. */
const tabs = new Map<number, { view: PanelView | null; placeCount: number }>();

/** The page a content script runs in, from the browser's own record of the sender, never from the message. */
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

/** Whether the panel may appear on this page at all: a location is set, the site is on and not dismissed. */
function allowed(settings: Settings, url: URL): boolean {
  const adapter = findAdapter(url);
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

async function show(tabId: number, places: Places, match: PanelView['match'], settings: Settings) {
  const view = places && places.length > 0 ? panelView(places, match, settings.locale) : null;
  const placeCount = view ? (places?.length ?? 0) : 0;
  tabs.set(tabId, { view, placeCount });
  await setBadge(tabId, placeCount);
  return view;
}

/**
 * Puts the panel's renderer into the tab's top frame (where the asking content script runs;
 * `senderPage` accepts no other), before the answer that needs it. Only the background
 * decides to do this, and only with a panel to show; the request merely says the page
 * does not have the code yet.
 */
async function withRenderer(
  request: { needsRenderer: boolean },
  tabId: number,
  view: PanelView | null,
): Promise<PanelView | null> {
  if (!view || !request.needsRenderer) return view;
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PANEL_SCRIPT_FILE] });
    return view;
  } catch {
    // The tab navigated or closed meanwhile: nothing to show there.
    return null;
  }
}

async function answer(request: ContentRequest, tabId: number, url: URL): Promise<ContentAnswer> {
  const settings = await readSettings();
  // Every tab with a content script is remembered, so that new settings reach it.
  tabs.set(tabId, { view: null, placeCount: 0 });
  switch (request.type) {
    case 'clear':
      await setBadge(tabId, 0);
      return { view: null };
    case 'dismiss-site':
      await setBadge(tabId, 0);
      if (!settings.dismissedSites.includes(url.hostname)) {
        await writeSettings({ dismissedSites: [...settings.dismissedSites, url.hostname].slice(-200) });
      }
      return { view: null };
    case 'json-ld': {
      // Read here, not in the page: the code that walks JSON-LD costs a page more to
      // compile than to run. The variant is chosen against the browser's record of the URL.
      const jsonLd = readJsonLdTexts(request.texts, url);
      if (!jsonLd.gtin || !allowed(settings, url)) return { view: null, jsonLd };
      try {
        const places = await lookup.product(jsonLd.gtin, settings);
        return {
          view: await withRenderer(request, tabId, await show(tabId, places, 'exact', settings)),
          jsonLd,
        };
      } catch {
        return { view: null, jsonLd };
      }
    }
    case 'lookup': {
      if (!allowed(settings, url)) return { view: null };
      const places = await lookup.product(request.gtin, settings);
      return { view: await withRenderer(request, tabId, await show(tabId, places, 'exact', settings)) };
    }
    case 'similar-status':
      // No request to the API: a page without GTIN only gets a button until the shopper asks.
      await setBadge(tabId, 0);
      return {
        view: await withRenderer(
          request,
          tabId,
          allowed(settings, url)
            ? { lang: settings.locale, labels: panelLabels(settings.locale), match: 'similar', items: [] }
            : null,
        ),
      };
    case 'search-similar': {
      if (!allowed(settings, url)) return { view: null };
      const places = await lookup.similar(request.title, request.brand, settings);
      const view = await show(tabId, places, 'similar', settings);
      // Asked for by the shopper, so an empty answer is said rather than kept silent.
      return {
        view: view ?? {
          lang: settings.locale,
          labels: panelLabels(settings.locale),
          match: 'similar',
          items: [],
        },
      };
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
    // Only the extension's own pages may ask: their URL is ours (a content script's is the page's).
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
  // Pages showing (or not showing) the panel look again with the new settings.
  const notice: ContentNotice = { type: 'refresh' };
  for (const tabId of tabs.keys()) {
    browser.tabs.sendMessage(tabId, notice).catch(() => tabs.delete(tabId));
  }
});

browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));

browser.runtime.onInstalled.addListener(async (details) => {
  if (details.reason !== 'install') return;
  const settings = await readSettings();
  if (!settings.location) await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
});
