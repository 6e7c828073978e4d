/**
 * The `lokaal` command: run an instance, seed the demo town, print statistics.
 * Every command takes the same `--db` so that they all work on one file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from './api/app.js';
import { generateDemoTown } from './demo/town.js';
import { SqliteStore } from './store/sqlite.js';
import { runImport, runKeys, runPlaces } from './cli-shop.js';

const DEFAULT_DB = 'data/lokaal.sqlite';
const DEFAULT_PORT = 8080;

const USAGE = `Usage: lokaal <command> [options]

Commands:
  serve            run the API server
  demo             seed the demo town on first run, then serve the API and the demo site
  seed demo        fill the database with the demo town (refuses a database with data unless --force)
  stats            print what the database holds
  import --place ID [--delta] [--confirm-shrink] [--format F] [--store-code C] FILE|URL
                   import a shop's feed: a snapshot replaces its offers, --delta changes some
  places register --name N --kind K --street S --housenumber H --postcode P --town T --email E
                  [--category C]… [--kvk N] [--phone P] [--website URL] [--hours H] [--lat L --lon L]
  places pending   list registrations waiting for approval
  places approve ID [--lat L --lon L]   create the place and print its key (shown once)
  places reject ID
  keys list [--place ID]                 keys by their prefix, never whole
  keys create --place ID [--place ID]…   a key for one or more places (printed once)
  keys rotate PREFIX                     revoke a key and print its replacement
  keys revoke PREFIX                     stops working at once

Options:
  --db FILE        SQLite database file (default ${DEFAULT_DB}; created when missing)
  --port N         port to listen on (default ${DEFAULT_PORT}, or $PORT)
  --host ADDR      address to listen on (default 127.0.0.1; 0.0.0.0 to serve a network)
  --rate-limit N   requests per minute per client network (default 600; 0 turns it off)
  --force          with seed: replace what is in the database
  --stale-days N   offers no feed confirmed for N days are shown as stale (default 14)
  --quiet          log warnings and errors only
  -h, --help       show this help`;

/** The built demo site (`npm run build` writes it from demo/), when it is there. */
function demoSiteRoot(): string | null {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/site');
  return existsSync(resolve(root, 'index.html')) ? root : null;
}

function openStore(path: string, staleAfterDays = 14): SqliteStore {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  return new SqliteStore(path, { staleAfterDays });
}

function seedDemo(store: SqliteStore): void {
  const started = performance.now();
  const data = generateDemoTown();
  store.replaceAll(data);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Seeded the demo town: ${data.places.length} places, ${data.products.length} products, ${data.offers.length} offers, ${data.regions.length} regions (${seconds} s).`,
  );
}

async function serve(
  store: SqliteStore,
  options: { port: number; host: string; rateLimit: number; quiet: boolean; demo: boolean },
): Promise<void> {
  const staticRoot = options.demo ? demoSiteRoot() : null;
  const cdnRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/cdn');
  const app = await buildApp({
    store,
    rateLimitPerMinute: options.rateLimit,
    staticRoot,
    cdnRoot: existsSync(cdnRoot) ? cdnRoot : null,
    logLevel: options.quiet ? 'warn' : 'info',
  });
  const shutdown = (): void => {
    void app.close().then(() => {
      store.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(`lokaal: port ${options.port} is in use; choose another with --port or PORT.`);
      process.exit(1);
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const base = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
  const lines = [
    `Lokaal is running.`,
    `  API:      ${base}/v1/health`,
    `  OpenAPI:  ${base}/v1/openapi.json`,
  ];
  if (staticRoot)
    lines.splice(1, 0, `  Demo:     ${base}/`, `  Builder:  ${base}/bouwer/`, `  Docs:     ${base}/docs/`);
  lines.push(`  Try:      ${base}/v1/search?q=fietsbel&near=3811`);
  console.log(lines.join('\n'));
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: DEFAULT_DB },
      port: { type: 'string', default: process.env.PORT ?? String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'rate-limit': { type: 'string', default: '600' },
      force: { type: 'boolean', default: false },
      'stale-days': { type: 'string', default: '14' },
      place: { type: 'string', multiple: true },
      delta: { type: 'boolean', default: false },
      'confirm-shrink': { type: 'boolean', default: false },
      format: { type: 'string' },
      'store-code': { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      category: { type: 'string', multiple: true },
      street: { type: 'string' },
      housenumber: { type: 'string' },
      postcode: { type: 'string' },
      town: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      website: { type: 'string' },
      hours: { type: 'string' },
      kvk: { type: 'string' },
      lat: { type: 'string' },
      lon: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, argument, third] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`lokaal: --port must be a number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  const rateLimit = Number(values['rate-limit']);
  if (!Number.isInteger(rateLimit) || rateLimit < 0) {
    console.error(`lokaal: --rate-limit must be a whole number ≥ 0, not "${values['rate-limit']}"`);
    return 2;
  }
  const staleDays = Number(values['stale-days']);
  if (!Number.isInteger(staleDays) || staleDays < 1) {
    console.error(`lokaal: --stale-days must be a whole number ≥ 1, not "${values['stale-days']}"`);
    return 2;
  }
  const serveOptions = { port, host: values.host, rateLimit, quiet: values.quiet };

  switch (command) {
    case 'serve': {
      await serve(openStore(values.db, staleDays), { ...serveOptions, demo: false });
      return -1;
    }
    case 'demo': {
      const store = openStore(values.db, staleDays);
      if (store.counts().places === 0) seedDemo(store);
      await serve(store, { ...serveOptions, demo: true });
      return -1;
    }
    case 'seed': {
      if (argument !== 'demo') {
        console.error('lokaal: seed knows one data set: `lokaal seed demo`');
        return 2;
      }
      const store = openStore(values.db);
      const counts = store.counts();
      if (counts.places > 0 && !values.force) {
        console.error(
          `lokaal: ${values.db} already holds ${counts.places} places and ${counts.offers} offers; nothing was changed. Use --force to replace them with the demo town.`,
        );
        store.close();
        return 1;
      }
      seedDemo(store);
      store.close();
      return 0;
    }
    case 'stats': {
      if (!existsSync(values.db)) {
        console.error(`lokaal: no database at ${values.db}`);
        return 1;
      }
      const store = openStore(values.db);
      const counts = store.counts();
      console.log(
        [
          `database  ${resolve(values.db)}`,
          `regions   ${counts.regions}`,
          `places    ${counts.places}`,
          `products  ${counts.products}`,
          `offers    ${counts.offers}`,
        ].join('\n'),
      );
      store.close();
      return 0;
    }
    case 'import':
      return runImport(values, argument);
    case 'places':
      return runPlaces(values, argument, third);
    case 'keys':
      return runKeys(values, argument, third);
    default:
      console.error(`lokaal: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
