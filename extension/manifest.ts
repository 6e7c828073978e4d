/**
 * The manifest, written once for both browsers. Host permissions are the marketplaces'
 * own match patterns and the default API (a custom API asks for its origin at run time);
 * no `<all_urls>`, `tabs`, `history` or `webRequest`. `scripting` serves to read the
 * marketplaces' product pages and to show the panel there.
 */
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { PUBLIC_API_BASE_URL } from './src/lib/endpoint.js';
import { PAGE_PATTERNS } from './src/lib/pages.js';

export type TargetBrowser = 'chromium' | 'firefox';

/** The extension's id in Firefox (AMO keeps it for the extension's whole life). */
export const GECKO_ID = 'extension@lokaal.example';

/**
 * The manifest crxjs builds from. It declares no content script: the background injects
 * the reader into a marketplace's product page after it has loaded (lib/pages.ts), and
 * the readers and the panel only where they are needed. Nothing is web-accessible, so a
 * page cannot probe for the extension.
 */
export function manifest(browser: TargetBrowser, version: string): ManifestV3Export {
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
    // `scripting`: the background reads a marketplace's product page (one of the host
    // permissions above) once it has loaded, and shows the panel there.
    permissions: ['storage', 'scripting'],
    host_permissions: [...PAGE_PATTERNS, apiOrigin],
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
