/**
 * The two calls a content script makes, on the browser's own API and without the
 * polyfill: both Chromium (`chrome.runtime`, MV3) and Firefox (`browser.runtime`) return a
 * promise from `sendMessage`, and the content script's listener never answers. This keeps
 * the script that loads on every product page small; everything else goes through
 * `browser.ts`.
 */
import type { Runtime } from './browser.js';

type RuntimeApi = Pick<Runtime.Static, 'sendMessage' | 'onMessage'>;

const globals = globalThis as unknown as {
  browser?: { runtime: RuntimeApi };
  chrome?: { runtime: RuntimeApi };
};

export const runtime: RuntimeApi = (globals.browser ?? globals.chrome)!.runtime;
