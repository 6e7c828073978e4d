/**
 * What the background and the scripts it puts into a page share. The manifest declares
 * no content script: after a product page has loaded, the background injects the reader
 * (detect/read-page.ts) and, only where it needs them, two classic scripts without
 * imports (built by `vite.config.ts`): `detect.js`, the readers for a page whose JSON-LD
 * names no GTIN, and `panel.js`, the panel's renderer, when there is something to show.
 * They run in the extension's isolated world of the page's top frame and leave their
 * entry points on that world's global object, which the page cannot see; the background
 * calls them with the small functions below, which the browser runs in the same world.
 * Those functions are sent as source text, so each stands alone: no names from outside.
 */
import type { MountCandidate } from '../detect/mount.js';
import type { JsonLdFacts } from '../detect/json-ld.js';
import type { ProductIdentity } from '../adapters/types.js';
import type { PanelView } from '../lib/messages.js';

export const DETECT_SCRIPT_FILE = 'detect.js';
export const PANEL_SCRIPT_FILE = 'panel.js';

/** The tag of the panel's host: never defined as a custom element, in either world. */
export const PANEL_TAG = 'lokaal-extension-panel';

/** Where `detect.js` leaves its entry point on the isolated world's global. */
export const DETECTOR_KEY = 'lokaalDetector';
/** Where `panel.js` leaves its entry point. */
export const RENDERER_KEY = 'lokaalPanelRenderer';

/** The identity of the page, read with the adapter's readers, given what its JSON-LD says. */
export type Detector = (adapterId: string, jsonLd: JsonLdFacts) => ProductIdentity | null;

/** Title and brand of a product without GTIN, for the search the shopper may ask for. */
export interface SimilarQuery {
  readonly title: string;
  readonly brand?: string;
}

/** The panel's renderer in the page. */
export interface Renderer {
  /**
   * Shows this view in a panel at the first of `mounts` on the page, replacing any panel
   * shown before in the same frame, so nothing disappears for a frame; an unchanged view
   * changes nothing.
   */
  show(view: PanelView, mounts: readonly MountCandidate[], similar: SimilarQuery | null): void;
  remove(): void;
}

/** What the page's script answered when its entry point is not there (not injected yet). */
export const ABSENT = 'absent';

/** Runs in the page: the identity `detect.js` reads, or `ABSENT`. */
export function callDetector(
  key: string,
  adapterId: string,
  jsonLd: JsonLdFacts,
): ProductIdentity | null | typeof ABSENT {
  const detector = (globalThis as Record<string, unknown>)[key] as Detector | undefined;
  return detector ? detector(adapterId, jsonLd) : 'absent';
}

/** Runs in the page: shows a view with `panel.js`, or removes its panel; `ABSENT` without it. */
export function callRenderer(
  key: string,
  command:
    | {
        readonly show: PanelView;
        readonly mounts: readonly MountCandidate[];
        readonly similar: SimilarQuery | null;
      }
    | { readonly remove: true },
): true | typeof ABSENT {
  const renderer = (globalThis as Record<string, unknown>)[key] as Renderer | undefined;
  if (!renderer) return 'absent';
  if ('show' in command) renderer.show(command.show, command.mounts, command.similar);
  else renderer.remove();
  return true;
}
