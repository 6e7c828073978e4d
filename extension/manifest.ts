/**
 * The manifest, written once for both browsers. Content scripts run only on the
 * marketplaces' own match patterns; host permissions are those and the default API (a
 * custom API asks for its origin at run time); no `<all_urls>`, `tabs`, `history` or
 * `webRequest`. `scripting` only serves to load the panel's renderer where it is needed.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { adapters } from './src/adapters/index.js';
import { PUBLIC_API_BASE_URL } from './src/lib/endpoint.js';
import { CONTENT_SCRIPT_FILE } from './src/lib/scripts.js';

export type TargetBrowser = 'chromium' | 'firefox';

/** The extension's id in Firefox (AMO keeps it for the extension's whole life). */
export const GECKO_ID = 'extension@lokaal.example';

/**
 * The demo build (`LOKAAL_DEMO=1`, written to `dist/chromium-demo`) also runs on the
 * demo town on this computer, so that its mock marketplace page can be tried; the
 * release builds never match a local origin.
 */
export const DEMO_ORIGINS: readonly string[] =
  process.env.LOKAAL_DEMO === '1' ? ['http://localhost/*', 'http://127.0.0.1/*'] : [];

/** The content script runs only on the marketplaces' own pages. */
export function contentScripts() {
  const matches = [...new Set([...adapters.flatMap((adapter) => adapter.matches), ...DEMO_ORIGINS])];
  return [{ matches, js: [CONTENT_SCRIPT_FILE], run_at: 'document_idle' as const }];
}

/**
 * The manifest crxjs builds from. The content script is added after the build by
 * `vite.config.ts`: crxjs would load it as a module through web-accessible files, which
 * pages can probe to learn that the extension is installed.
 */
export function manifest(browser: TargetBrowser, version: string): ManifestV3Export {
  const marketplaces = [...new Set([...adapters.flatMap((adapter) => adapter.matches), ...DEMO_ORIGINS])];
  const apiOrigin = `${new URL(process.env.VITE_LOKAAL_API ?? PUBLIC_API_BASE_URL).origin}/*`;
  const background =
    browser === 'firefox'
      ? { scripts: ['src/background/index.ts'], type: 'module' as const }
      : { service_worker: 'src/background/index.ts', type: 'module' as const };
  return {
    manifest_version: 3,
    name: 'Lokaal: ook in de buurt',
    short_name: 'Lokaal',
    description:
      'Ziet dat een product op een webwinkel ook bij een winkel in de buurt te koop is. Open, zonder tracking.',
    version,
    icons: { '16': 'icons/16.png', '32': 'icons/32.png', '48': 'icons/48.png', '128': 'icons/128.png' },
    action: {
      default_title: 'Lokaal',
      default_popup: 'src/ui/popup.html',
      default_icon: { '16': 'icons/16.png', '32': 'icons/32.png' },
    },
    options_ui: { page: 'src/ui/options.html', open_in_tab: true },
    background,
    // `scripting`: the background injects the panel's renderer into a marketplace page (one
    // of the host permissions above) only when it has a panel to show there.
    permissions: ['storage', 'scripting'],
    host_permissions: [...marketplaces, apiOrigin],
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // The product code of the page and the shopper's rounded location go to the API.
              data_collection_permissions: { required: ['locationInfo', 'websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '121' }),
  } as ManifestV3Export;
}
