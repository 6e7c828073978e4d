/**
 * `/pagina.js`: the pages' own small module that turns a server-rendered block into the
 * interactive widget once scripts run, without moving anything on the page.
 *
 * A block that can be upgraded is marked `data-upgrade="lokaal-stock"` (a place's offers)
 * or `data-upgrade="lokaal-search"` (the room for a region's search); its other `data-*`
 * attributes become the widget's attributes. The server renders the block with the
 * widget's own layout (same rows, same spacing, the widget's controls reserved under
 * `@media (scripting: enabled)`), so the two occupy the same box. The script then
 *
 * 1. renders the widget hidden and out of flow on top of the block (same width),
 * 2. waits until it shows its data (results, its controls, the page's language), and
 * 3. swaps both in one frame: the block is hidden, the widget takes its place. Were the
 *    widget shorter, it keeps the block's height; were it taller while what follows is in
 *    view, the swap is undone in that same frame and tried again once what follows is out
 *    of view. So nothing visible ever moves.
 *
 * When the widget fails (API down, offline) the block stays as the server sent it. The
 * widgets themselves come from the CDN bundle (`lokaal.js`, with its integrity hash) and
 * carry none of this: their size budget has no byte to spare.
 *
 * Plain JavaScript in a string, as `PAGE_CSS` is plain CSS: it is sent as is and needs no
 * build step; the end-to-end test of the pages runs it in Chromium.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PAGE_SCRIPT = `// Lokaal pages: upgrade server-rendered blocks to the interactive widgets, moving nothing.
const GIVE_UP_MS = 15000;

/** Whether a widget shows what the block shows: 'ready', 'pending' or 'failed'. */
const STATES = {
  'lokaal-stock'(root, block) {
    if (root.querySelector('[role="alert"]')) return 'failed';
    const results = root.querySelector('.results');
    if (!results || results.getAttribute('aria-busy') !== 'false') return 'pending';
    if (!root.querySelector('.status')?.textContent.trim()) return 'pending';
    // The category filter arrives with its own request; the block reserved room for it.
    if (root.querySelectorAll('select').length !== block.querySelectorAll('select').length) return 'pending';
    // English messages load after the first render.
    const label = block.querySelector('.label')?.textContent.trim();
    if (label && root.querySelector('label')?.textContent.trim() !== label) return 'pending';
    return 'ready';
  },
  'lokaal-nearby'(root, block) {
    if (root.querySelector('.empty')) return 'ready';
    const badge = root.querySelector('[part="badge"]');
    if (!badge) return 'pending';
    // English messages load after the first render: wait for the block's first word.
    const word = (text) => text.trim().split(/\\s+/)[0];
    return word(badge.textContent) === word(block.textContent) ? 'ready' : 'pending';
  },
  'lokaal-search'(root, block) {
    // Its idle state needs no data: ready once drawn in the page's language.
    const label = block.querySelector('.label')?.textContent.trim();
    return root.querySelector('label')?.textContent.trim() === label ? 'ready' : 'pending';
  },
};

function whenReady(widget, block, state) {
  return new Promise((resolve) => {
    let observer = null;
    const timer = setTimeout(() => finish('failed'), GIVE_UP_MS);
    function finish(result) {
      clearTimeout(timer);
      observer?.disconnect();
      resolve(result);
    }
    function check() {
      const result = widget.shadowRoot ? state(widget.shadowRoot, block) : 'pending';
      if (result !== 'pending') finish(result);
      return result;
    }
    customElements.whenDefined(widget.localName).then(async () => {
      await widget.updateComplete;
      if (check() !== 'pending' || !widget.shadowRoot) return;
      observer = new MutationObserver(check);
      observer.observe(widget.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Resolves once focus is not inside the block, so that the swap never drops it. */
function whenNotFocused(block) {
  if (!block.contains(document.activeElement)) return Promise.resolve();
  return new Promise((resolve) => {
    block.addEventListener('focusout', function leave(event) {
      if (block.contains(event.relatedTarget)) return;
      block.removeEventListener('focusout', leave);
      resolve();
    });
  });
}

/** Swaps block and widget in this frame; undoes it and says false if that would move what follows into view. */
function swap(region, block, widget) {
  const before = region.getBoundingClientRect();
  block.hidden = true;
  widget.classList.remove('lokaal-pending');
  const after = region.getBoundingClientRect();
  if (after.height > before.height + 0.5 && before.bottom > 0 && before.bottom < innerHeight) {
    block.hidden = false;
    widget.classList.add('lokaal-pending');
    return false;
  }
  if (after.height < before.height) widget.style.minHeight = before.height + 'px';
  widget.removeAttribute('aria-hidden');
  region.dataset.upgraded = '';
  return true;
}

async function upgrade(region) {
  const tag = region.dataset.upgrade;
  const state = STATES[tag];
  const block = region.firstElementChild;
  if (!state || !block) return;
  const widget = document.createElement(tag);
  for (const { name, value } of region.attributes)
    if (name.startsWith('data-') && name !== 'data-upgrade') widget.setAttribute(name.slice(5), value);
  widget.className = 'lokaal-pending';
  widget.setAttribute('aria-hidden', 'true');
  region.append(widget);
  if ((await whenReady(widget, block, state)) !== 'ready') {
    widget.remove();
    return;
  }
  for (;;) {
    await whenNotFocused(block);
    await nextFrame();
    if (block.contains(document.activeElement)) continue;
    if (swap(region, block, widget)) return;
    await new Promise((resolve) => addEventListener('scroll', resolve, { once: true, passive: true }));
  }
}

for (const region of document.querySelectorAll('[data-upgrade]')) upgrade(region);
`;

/** A script the pages load, with its Subresource Integrity hash. */
export interface PageScript {
  src: string;
  integrity: string;
}

/** What the pages load to upgrade: the widgets' CDN bundle and `/pagina.js`. */
export interface PageScripts {
  widgets: PageScript;
  page: PageScript;
}

export const PAGE_SCRIPT_PATH = '/pagina.js';

const sri = (text: string | Buffer): string => `sha384-${createHash('sha384').update(text).digest('base64')}`;

/**
 * The scripts from the CDN release folder (`dist/cdn`, served at `/cdn/`): the versioned
 * `lokaal.js` with the hash from its `integrity.json`. `null` when there is no release, and
 * the pages then go without script.
 */
export function pageScriptsFrom(cdnRoot: string | null | undefined): PageScripts | null {
  if (!cdnRoot) return null;
  try {
    const release = JSON.parse(readFileSync(join(cdnRoot, 'latest', 'integrity.json'), 'utf8')) as {
      version?: unknown;
      files?: Record<string, unknown>;
    };
    const version = release.version;
    if (typeof version !== 'string' || !/^[0-9A-Za-z.+-]+$/.test(version)) return null;
    const bundle = readFileSync(join(cdnRoot, version, 'lokaal.js'));
    const integrity = sri(bundle);
    if (release.files?.['lokaal.js'] !== integrity) return null;
    return {
      widgets: { src: `/cdn/${version}/lokaal.js`, integrity },
      page: { src: PAGE_SCRIPT_PATH, integrity: sri(PAGE_SCRIPT) },
    };
  } catch {
    return null;
  }
}
