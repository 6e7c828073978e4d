/**
 * The entry of `panel.js`, the panel's renderer and styles: the background injects it
 * with `scripting.executeScript` into a page only when it has something to show there,
 * so pages without a match never load, compile or run it. The background then shows a
 * view with `callRenderer` (scripts.ts).
 */
import { findMountPoint } from '../detect/mount.js';
import type { ContentAnswer, ContentRequest } from '../lib/messages.js';
import { sendMessage } from '../lib/runtime.js';
import { Panel } from './panel.js';
import { PANEL_TAG, RENDERER_KEY, WATCH_KEY, type Renderer } from './scripts.js';

const ask = async (request: ContentRequest) =>
  ((await sendMessage(request)) as ContentAnswer | undefined)?.view ?? null;

let panel: Panel | null = null;
/** What is shown, or about to be: an unchanged view is not rebuilt. */
let shown = '';
/** Whether the shopper closed the panel of `shown`: the same view does not come back. */
let closed = false;
let frame = 0;

/**
 * Takes every panel out of the page before this renderer mounts its own: also one that an
 * earlier version of the extension left when it was updated while the page stayed open.
 */
const removeAll = (): void => {
  for (const host of [...document.getElementsByTagName(PANEL_TAG)]) host.remove();
};

const renderer: Renderer = {
  show(view, mounts, similar) {
    const key = JSON.stringify([view, mounts, similar]);
    if (key === shown && (closed || frame !== 0 || panel?.host.isConnected)) return;
    shown = key;
    closed = false;
    cancelAnimationFrame(frame);
    // Built and mounted right before the next frame, in place of the panel shown before:
    // the layout the panel reads there is the one that frame has to compute anyway, a
    // hidden tab does the work only when it is shown, and nothing is painted without it.
    frame = requestAnimationFrame(() => {
      frame = 0;
      const next = new Panel(view, {
        searchSimilar: () => (similar ? ask({ type: 'search-similar', ...similar }) : Promise.resolve(null)),
        dismissSite: () => {
          panel = null;
          void ask({ type: 'dismiss-site' });
        },
        closed: () => {
          panel = null;
          closed = true;
        },
      });
      removeAll();
      const point = findMountPoint(document, mounts);
      panel = point && next.mount(point) ? next : null;
    });
  },
  remove() {
    cancelAnimationFrame(frame);
    frame = 0;
    shown = '';
    closed = false;
    // Only its own: an earlier version's renderer, still in its world, must not take away a
    // newer version's panel.
    panel?.remove();
    panel = null;
  },
  // A panel the shopper closed counts as shown: it is not shown again for the same view.
  showing: () => closed || frame !== 0 || panel?.host.isConnected === true,
};

// Evaluated again in the same page (the background lost track of it), the first renderer
// stays: it holds the panel.
// Nor does it settle in a document the reader has not read (one that replaced it meanwhile).
const world = globalThis as Record<string, unknown>;
if (!world[RENDERER_KEY] && world[WATCH_KEY]) {
  world[RENDERER_KEY] = renderer;
  // A page kept for the back button comes back without its panel: the background shows it
  // again if it still should (the shopper may have dismissed the site meanwhile).
  addEventListener('pagehide', (event) => {
    if (event.persisted) renderer.remove();
  });
}
