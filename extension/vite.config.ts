/**
 * One source, two builds: `LOKAAL_BROWSER=chromium` (service worker) writes
 * `dist/chromium`, `LOKAAL_BROWSER=firefox` (background script) writes `dist/firefox`.
 * `scripts/build.mjs` runs both and reports the size of what pages load.
 *
 * crxjs builds the background, popup, options and welcome pages from the manifest. The
 * scripts the background injects into pages with `scripting.executeScript` are built
 * here, each as one classic script (IIFE) with no imports: the readers for pages whose
 * JSON-LD names no GTIN (`detect.js`) and the panel's renderer (`panel.js`). They start
 * without a module loader and need no `web_accessible_resources`, so a page cannot probe
 * for the extension. (The reader every product page runs is a function of the background,
 * detect/read-page.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import { manifest, type TargetBrowser } from './manifest.js';
import { DETECT_SCRIPT_FILE, PANEL_SCRIPT_FILE } from './src/content/scripts.js';

const target: TargetBrowser = process.env.LOKAAL_BROWSER === 'firefox' ? 'firefox' : 'chromium';
const browserTarget = target === 'firefox' ? 'firefox128' : 'chrome121';
const root = import.meta.dirname;
const outDir = join(root, 'dist', process.env.VITE_LOKAAL_DEMO === '1' ? `${target}-demo` : target);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

// Lit's modules register their versions on `globalThis`; in the extension that is noise.
const treeshake = {
  moduleSideEffects: (id: string) =>
    !/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id),
};

function contentScript(): Plugin {
  return {
    name: 'lokaal-content-script',
    apply: 'build',
    async closeBundle() {
      const scripts = [
        { entry: 'src/content/detect-entry.ts', name: 'lokaalDetect', file: DETECT_SCRIPT_FILE },
        { entry: 'src/content/panel-entry.ts', name: 'lokaalPanel', file: PANEL_SCRIPT_FILE },
      ];
      for (const script of scripts) {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: false,
            target: browserTarget,
            // LOKAAL_NO_MINIFY=1 keeps the names, for reading a profile of the page scripts.
            minify: process.env.LOKAAL_NO_MINIFY !== '1',
            sourcemap: false,
            copyPublicDir: false,
            lib: {
              entry: join(root, script.entry),
              formats: ['iife'],
              name: script.name,
              fileName: () => script.file,
            },
            rollupOptions: { treeshake },
          },
        });
      }
    },
  };
}

export default defineConfig({
  root,
  // lib/pages.ts: whether this build also reads pages on this computer (the demo build).
  define: {
    __LOKAAL_DEMO__: JSON.stringify(process.env.VITE_LOKAAL_DEMO === '1'),
    __LOKAAL_BROWSER__: JSON.stringify(target),
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: browserTarget,
    minify: true,
    sourcemap: false,
    modulePreload: false,
    rollupOptions: { input: { welcome: 'src/ui/welcome.html' }, treeshake },
  },
  plugins: [
    crx({ manifest: manifest(target, version), browser: target === 'firefox' ? 'firefox' : 'chrome' }),
    contentScript(),
  ],
});
