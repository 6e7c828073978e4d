/**
 * The load generator, run as its own process so that it does not share a CPU budget or
 * an event loop with the server it measures. Reads a scenario from the JSON file named on its command line, drives
 * the server with autocannon, and prints one JSON line with exact latency percentiles.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

interface Scenario {
  baseUrl: string;
  paths: string[];
  durationSeconds: number;
  connections: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const scenario = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Scenario;
let next = 0;
const latencies: number[] = [];
let errors = 0;
let non2xx = 0;

let finish: (result: autocannon.Result) => void = () => undefined;
const finished = new Promise<autocannon.Result>((resolve) => (finish = resolve));
const instance = autocannon(
  {
    url: scenario.baseUrl,
    connections: scenario.connections,
    duration: scenario.durationSeconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: scenario.paths[next++ % scenario.paths.length]! }),
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    finish(result);
  },
);
instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
  latencies.push(responseTimeMs);
  if (statusCode < 200 || statusCode >= 300) non2xx += 1;
});
instance.on('reqError', () => {
  errors += 1;
});
const result = await finished;
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    requests: latencies.length,
    requestsPerSecond: latencies.length / scenario.durationSeconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    errors: errors + result.errors + result.timeouts,
    non2xx,
  }),
);
