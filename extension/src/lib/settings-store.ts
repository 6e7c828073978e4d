/** Reading and writing the settings in extension storage (`storage.local`). */
import { browser } from './browser.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings.js';

const KEYS = Object.keys(DEFAULT_SETTINGS);

export async function readSettings(): Promise<Settings> {
  return parseSettings(await browser.storage.local.get(KEYS));
}

export async function writeSettings(change: Partial<Settings>): Promise<void> {
  await browser.storage.local.set(change as Record<string, unknown>);
}
