/**
 * What the detector (`content.js`, injected on every product page) and the panel's
 * renderer (`panel.js`, injected by the background only when there is something to show)
 * share. Both run in the extension's isolated world of the same frame, so the renderer
 * hands itself over on that world's global object, which the page cannot see.
 */
import type { MountPoint } from '../adapters/types.js';
import type { PanelView } from '../lib/messages.js';

/** The tag of the panel's host: never defined as a custom element, in either world. */
export const PANEL_TAG = 'lokaal-extension-panel';

/** The key under which `panel.js` leaves its entry point on the isolated world's global. */
export const RENDERER_KEY = 'lokaalPanelRenderer';

export interface PanelActions {
  /** The shopper asked to search for similar products; resolves with what was found. */
  searchSimilar(): Promise<PanelView | null>;
  /** The shopper does not want the panel on this site. */
  dismissSite(): void;
}

/** A rendered panel, not yet or already in the page. */
export interface PanelHandle {
  /** Puts the panel into the page; `false` when there is no place that moves nothing. */
  mount(point: MountPoint): boolean;
  remove(): void;
}

export type Renderer = (view: PanelView, actions: PanelActions) => PanelHandle;

type RendererGlobal = { [RENDERER_KEY]?: Renderer };

/** The renderer, once the background has injected `panel.js` into this frame. */
export function loadedRenderer(): Renderer | undefined {
  return (globalThis as RendererGlobal)[RENDERER_KEY];
}

/** Called by `panel.js` when it is evaluated. */
export function provideRenderer(renderer: Renderer): void {
  (globalThis as RendererGlobal)[RENDERER_KEY] = renderer;
}
