/**
 * `npm run bench`: generates a synthetic national-scale data set (1 M offers by default,
 * `--offers 10000000` for 10 M), loads it into a fresh SQLite file, starts the real
 * `lokaal serve` on it, and drives it from a separate load process for each scenario.
 * Prints load time and a table of p50/p95/p99 latency and requests per second.
 */
process.env.TZ = process.env.LOKAAL_TIME_ZONE ?? 'Europe/Amsterdam';

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { roundPoint } from '@lokaal/core';
import { SqliteStore } from '../store/sqlite.js';
import { benchFilter, printFilterBench } from './filter.js';
import { benchIngest, printIngest } from './ingest.js';
import { benchLocations, benchWords, generateNational } from './national.js';
import { addPageScenarios, printPageBudget } from './pages.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    dir: { type: 'string', default: 'bench-data' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
if (values.only === 'ingest') {
  printIngest(benchIngest());
  process.exit(0);
}
const offerCount = Number(values.offers);
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);

const dir = resolve(values.dir);
mkdirSync(dir, { recursive: true });
const dbPath = join(dir, `national-${offerCount}.sqlite`);
const reuse = values.reuse && existsSync(dbPath);
if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

console.log(`Generating ${offerCount.toLocaleString('en')} offers…`);
let started = performance.now();
const data = generateNational({ offers: offerCount });
const generateSeconds = (performance.now() - started) / 1000;
console.log(
  `  ${data.places.length.toLocaleString('en')} places, ${data.products.length.toLocaleString('en')} products, ${data.offers.length.toLocaleString('en')} offers in ${generateSeconds.toFixed(1)} s`,
);

let loadSeconds = NaN;
if (reuse) {
  console.log(`Reusing ${dbPath} (--reuse): no load time measured.`);
} else {
  console.log('Loading into SQLite (FTS5, R*Tree, cells)…');
  started = performance.now();
  const store = new SqliteStore(dbPath);
  store.replaceAll(data);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('PRAGMA optimize');
  store.close();
  loadSeconds = (performance.now() - started) / 1000;
}
const sizeMb = statSync(dbPath).size / 1_048_576;
console.log(
  `  ${reuse ? 'database' : `loaded in ${loadSeconds.toFixed(1)} s (${Math.round(data.offers.length / loadSeconds).toLocaleString('en')} offers/s),`} ${sizeMb.toFixed(0)} MB`,
);

// Requests as the widgets and the extension make them.
const locations = benchLocations().map(roundPoint);
const words = benchWords();
const gtins = data.offers.filter((_, index) => index % 97 === 0).map((offer) => offer.gtin!);
const paths: Record<string, string[]> = {
  search: Array.from({ length: 2000 }, (_, index) => {
    const at = locations[index % locations.length]!;
    const word = words[(index * 7) % words.length]!;
    const radius = [2000, 5000, 10_000, 25_000][index % 4];
    return `/v1/search?q=${encodeURIComponent(word)}&near=${at.lat},${at.lon}&radius=${radius}`;
  }),
  'places near': Array.from({ length: 2000 }, (_, index) => {
    const at = locations[index % locations.length]!;
    return `/v1/places?near=${at.lat},${at.lon}&radius=${[1000, 2000, 5000][index % 3]}`;
  }),
  'product offers': Array.from({ length: 2000 }, (_, index) => {
    const at = locations[index % locations.length]!;
    return `/v1/products/${gtins[(index * 13) % gtins.length]}/offers?near=${at.lat},${at.lon}&radius=10000`;
  }),
};
addPageScenarios(paths, data, values.only);
// Let the generator's memory go before the server starts.
data.offers.length = 0;

const server = spawn(
  process.execPath,
  [join(here, '../bin/lokaal.js'), 'serve', '--db', dbPath, '--port', '0', '--quiet', '--rate-limit', '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const baseUrl = await new Promise<string>((resolveUrl, reject) => {
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /API:\s+(http:\/\/\S+)\/v1\/health/.exec(output);
    if (match) resolveUrl(match[1]!);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

/** Runs the load generator; the scenario goes through a file, as it is larger than one argument may be. */
function drive(scenarioPaths: string[], seconds: number, clients: number): LoadResult {
  const file = join(dir, 'scenario.json');
  writeFileSync(
    file,
    JSON.stringify({ baseUrl, paths: scenarioPaths, durationSeconds: seconds, connections: clients }),
  );
  const run = spawnSync(process.execPath, [join(here, 'load.js'), file], { encoding: 'utf8' });
  if (run.status !== 0) {
    server.kill('SIGTERM');
    throw new Error(`load generator failed (${run.error?.message ?? run.status}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as LoadResult;
}

// Latency is measured with one connection, so that it is the time one request takes and
// not the queue in front of it; throughput with many connections, as the most the one
// process can serve.
const rows: Array<[string, LoadResult, LoadResult]> = [];
for (const [name, scenarioPaths] of Object.entries(paths)) {
  drive(scenarioPaths, 2, connections); // warm the caches, as on a running instance
  const latency = drive(scenarioPaths, durationSeconds, 1);
  const throughput = drive(scenarioPaths, durationSeconds, connections);
  rows.push([name, latency, throughput]);
}
server.kill('SIGTERM');

const format = (ms: number): string => `${ms.toFixed(1)} ms`.padStart(10);
console.log(
  `\nAPI at ${offerCount.toLocaleString('en')} offers, one server process, ${durationSeconds} s per measurement.`,
);
console.log(`Latency with 1 connection; throughput and its p95 with ${connections} connections.\n`);
console.log(
  `${'scenario'.padEnd(16)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'p99'.padStart(10)}${'req/s'.padStart(10)}${`p95@${connections}`.padStart(12)}${'errors'.padStart(8)}`,
);
for (const [name, latency, throughput] of rows) {
  console.log(
    `${name.padEnd(16)}${format(latency.p50)}${format(latency.p95)}${format(latency.p99)}${Math.round(throughput.requestsPerSecond).toString().padStart(10)}${format(throughput.p95).padStart(12)}${String(latency.errors + latency.non2xx + throughput.errors + throughput.non2xx).padStart(8)}`,
  );
}
console.log(
  reuse
    ? `\ndatabase ${sizeMb.toFixed(0)} MB (reused; run without --reuse to measure the load)`
    : `\nload: ${loadSeconds.toFixed(1)} s for ${offerCount.toLocaleString('en')} offers (${Math.round(offerCount / loadSeconds).toLocaleString('en')} offers/s); database ${sizeMb.toFixed(0)} MB`,
);
const searchP95 = rows.find(([name]) => name === 'search')?.[1].p95;

if (searchP95 !== undefined)
  console.log(
    `budget: search p95 ${searchP95.toFixed(1)} ms (must be ≤ 50 ms at 1 M offers): ${searchP95 <= 50 ? 'met' : 'NOT met'}`,
  );
printPageBudget(rows, offerCount);
rmSync(join(dir, 'scenario.json'), { force: true });
if (!values.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

if (values.only !== 'api' && values.only !== 'pages') printIngest(benchIngest());
if (values.only !== 'api' && values.only !== 'pages') printFilterBench(benchFilter());
