// The CDN build: one file a webmaster pastes (`lokaal.js`, every element, Lit bundled) and
// the map's Leaflet chunk, loaded only when a <lokaal-map> is on the page. Input is the
// TypeScript output of `tsc -b widgets` (the npm build, which keeps Lit external).
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/** Budgets from DESIGN.md, in gzip bytes. */
const BUDGETS = [
  {
    name: 'lokaal.js with what it loads (all elements but the map view, Lit included)',
    match: /^lokaal\.js$/,
    bytes: 25 * 1024,
    withImports: true,
  },
  {
    name: 'map chunks (the element, Leaflet and clustering)',
    match: /^chunks\/map-.*\.js$/,
    bytes: 60 * 1024,
    withImports: false,
  },
];

function sizeBudgets() {
  return {
    name: 'lokaal-size-budgets',
    generateBundle(_options, bundle) {
      const gzip = (fileName) => gzipSync(bundle[fileName].code, { level: 9 }).length;
      /** What loading a chunk costs: the chunk and everything it imports statically. */
      const closure = (fileName, seen = new Set()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const imported of bundle[fileName].imports) closure(imported, seen);
        return seen;
      };
      const lines = [];
      const broken = [];
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        lines.push(
          `  ${fileName.padEnd(36)} ${(output.code.length / 1024).toFixed(1).padStart(7)} KB  ${(gzip(fileName) / 1024).toFixed(1).padStart(6)} KB gzip`,
        );
      }
      console.log(`CDN files:\n${lines.sort().join('\n')}`);
      for (const budget of BUDGETS) {
        const matching = Object.keys(bundle).filter((name) => budget.match.test(name));
        if (matching.length === 0) {
          broken.push(`${budget.name}: not built`);
          continue;
        }
        // The map chunks are charged for themselves only: what they share with lokaal.js is loaded already.
        const files = budget.withImports
          ? [...new Set(matching.flatMap((name) => [...closure(name)]))]
          : matching;
        const bytes = files.reduce((sum, name) => sum + gzip(name), 0);
        const verdict = bytes <= budget.bytes ? 'ok' : 'OVER';
        console.log(
          `budget ${budget.name}: ${(bytes / 1024).toFixed(1)} KB gzip of ${(budget.bytes / 1024).toFixed(0)} KB: ${verdict}`,
        );
        if (bytes > budget.bytes)
          broken.push(
            `${budget.name}: ${(bytes / 1024).toFixed(1)} KB gzip > ${(budget.bytes / 1024).toFixed(0)} KB`,
          );
      }
      if (broken.length > 0) this.error(`size budget broken:\n  ${broken.join('\n  ')}`);
    },
  };
}

export default {
  input: { lokaal: 'widgets/dist/lokaal.js' },
  // Shared code stays in lokaal.js itself, so that its integrity hash covers it.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'widgets/dist/cdn',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    // Chunk names carry hashes: start from an empty folder so no stale chunk is published.
    {
      name: 'lokaal-clean-output',
      buildStart: () => rmSync('widgets/dist/cdn', { recursive: true, force: true }),
    },
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    // Lit's html`` and css`` templates keep their whitespace through terser; this strips it.
    minifyHtmlLiterals(),
    terser({
      ecma: 2020,
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
    }),
    sizeBudgets(),
  ],
  onwarn(warning, warn) {
    // A missing export means a broken bundle (Leaflet's UMD entry does this): fail.
    if (warning.code === 'MISSING_EXPORT' || warning.code === 'UNRESOLVED_IMPORT')
      throw new Error(warning.message);
    warn(warning);
  },
};
