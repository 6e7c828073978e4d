/**
 * The extension's two scripts for pages, both classic scripts without imports (built by
 * `vite.config.ts`): the detector, which the manifest injects on the marketplaces' product
 * pages, and the panel's renderer, which the background injects only where it has
 * something to show.
 */
export const CONTENT_SCRIPT_FILE = 'content.js';
export const PANEL_SCRIPT_FILE = 'panel.js';
