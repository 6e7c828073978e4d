/**
 * The one call the panel makes, on the browser's own API and without the polyfill: both
 * Chromium (`chrome.runtime`, MV3) and Firefox (`browser.runtime`) return a promise from
 * `sendMessage`. The API is looked up at the call, not when the script loads: a page pays
 * to set up the extension's bindings on their first use, and most panels are never clicked.
 */
import type { Runtime } from './browser.js';

type RuntimeApi = Pick<Runtime.Static, 'sendMessage'>;

/** Sends a message to the background; `undefined` when the extension has been updated or removed since. */
export async function sendMessage(message: unknown): Promise<unknown> {
  const globals = globalThis as unknown as {
    browser?: { runtime: RuntimeApi };
    chrome?: { runtime: RuntimeApi };
  };
  try {
    return await (globals.browser ?? globals.chrome)!.runtime.sendMessage(message);
  } catch {
    return undefined;
  }
}
