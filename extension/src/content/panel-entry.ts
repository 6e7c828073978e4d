/**
 * The entry of `panel.js`, the panel's renderer and styles: the background injects it
 * with `scripting.executeScript` into a page only when it has something to show there,
 * so pages without a match never load, compile or run it.
 */
import { Panel } from './panel.js';
import { provideRenderer } from './renderer.js';

provideRenderer((view, actions) => new Panel(view, actions));
