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
import { JSON_LD_LIMITS } from '../detect/json-ld-texts.js';
import type { MountCandidate } from '../detect/mount.js';
import type { ReadOptions, Watch } from '../detect/read-page.js';
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
/** Where the reader keeps its watch, with the token that names the document. */
export const WATCH_KEY = 'lokaalWatch';

/** What the background runs the reader with. */
export const READ_OPTIONS: ReadOptions = {
  ...JSON_LD_LIMITS,
  // Quiet time after the page's last change before it is read again.
  settleMs: 400,
  // The longest wait for that quiet.
  maxWaitMs: 3_000,
  // Changes of title or JSON-LD reported per address.
  maxReports: 60,
  watch: true,
  watchKey: WATCH_KEY,
  rendererKey: RENDERER_KEY,
  panelTag: PANEL_TAG,
};

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
  /** Whether a panel is shown, or about to be at the next frame. */
  showing(): boolean;
}

/**
 * What a call answers when its entry point is not in the page (not injected yet). In
 * another document than the one the background read (the token differs) it answers
 * `'elsewhere'`, and the background does nothing more there.
 */
export const ABSENT = 'absent';

/** Where a call is meant to run: the document the background read, named by its token. */
export interface CallTarget {
  readonly watchKey: string;
  readonly token: string;
  /** Where the entry point to call sits. */
  readonly key: string;
}

/** Runs in the page: the identity `detect.js` reads; `ABSENT` without it, `'elsewhere'` in another document. */
export function callDetector(
  target: CallTarget,
  adapterId: string,
  jsonLd: JsonLdFacts,
): ProductIdentity | null | 'absent' | 'elsewhere' {
  const world = globalThis as unknown as Record<string, unknown>;
  if ((world[target.watchKey] as Watch | undefined)?.token !== target.token) return 'elsewhere';
  const detector = world[target.key] as Detector | undefined;
  return detector ? detector(adapterId, jsonLd) : 'absent';
}

/** Runs in the page: shows a view with `panel.js`, or removes its panel; `ABSENT` without it. */
export function callRenderer(
  target: CallTarget,
  command:
    | {
        readonly show: PanelView;
        readonly mounts: readonly MountCandidate[];
        readonly similar: SimilarQuery | null;
      }
    | { readonly remove: true },
): true | 'absent' | 'elsewhere' {
  const world = globalThis as unknown as Record<string, unknown>;
  // Removing is right in any document; showing only in the one that was read.
  if ('show' in command && (world[target.watchKey] as Watch | undefined)?.token !== target.token)
    return 'elsewhere';
  const renderer = world[target.key] as Renderer | undefined;
  if (!renderer) return 'absent';
  if ('show' in command) renderer.show(command.show, command.mounts, command.similar);
  else renderer.remove();
  return true;
}
