/**
 * The one door to the WebExtension APIs. Chromium's `chrome.*` and Firefox's `browser.*`
 * differ in small ways; the polyfill papers over them. This is the only file that imports
 * it, so dropping the polyfill later (both browsers now return promises) is a one-file change.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
