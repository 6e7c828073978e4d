/**
 * Debian's Chromium as every browser test starts it: headless, as root without the
 * sandbox, and without the background traffic this closed network refuses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Where the tests leave their screenshots for review. */
export const SCREENSHOTS = fileURLToPath(new URL('../../screenshots/', import.meta.url));

/** axe-core, to inject into a page under test. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
