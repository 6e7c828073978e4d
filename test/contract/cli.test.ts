/**
 * The `lokaal` command as an operator uses it: seed, stats, serve with a rate limit, and
 * logs that keep no full IP address and no search words.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { LOKAAL_BIN, seededDatabase, startServer } from '../support/server.js';

let dbPath: string;

before(() => {
  dbPath = seededDatabase().dbPath;
});

after(() => {
  rmSync(dirname(dbPath), { recursive: true, force: true });
});

const lokaal = (...args: string[]) =>
  spawnSync(process.execPath, [LOKAAL_BIN, ...args], { encoding: 'utf8' });

describe('lokaal', () => {
  it('prints what the database holds', () => {
    const stats = lokaal('stats', '--db', dbPath);
    assert.equal(stats.status, 0, stats.stderr);
    assert.match(stats.stdout, /places\s+\d{3}/);
    assert.match(stats.stdout, /offers\s+\d{5}/);
  });

  it('refuses to seed over existing data without --force, and changes nothing', () => {
    const before = lokaal('stats', '--db', dbPath).stdout;
    const seed = lokaal('seed', 'demo', '--db', dbPath);
    assert.equal(seed.status, 1);
    assert.match(seed.stderr, /already holds .* --force/);
    assert.equal(lokaal('stats', '--db', dbPath).stdout, before);
  });

  it('explains wrong usage', () => {
    const unknown = lokaal('frobnicate');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    const port = lokaal('serve', '--port', 'eighty', '--db', dbPath);
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port/);
    assert.equal(lokaal('--help').status, 0);
  });

  it('limits requests per client with 429, Retry-After and a problem', async () => {
    const server = await startServer({ dbPath, args: ['--rate-limit', '3'] });
    try {
      const statuses: number[] = [];
      let limited: Response | undefined;
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${server.baseUrl}/v1/regions`);
        statuses.push(response.status);
        if (response.status === 429) limited = response;
        else await response.arrayBuffer();
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.ok(Number(limited!.headers.get('retry-after')) > 0);
      assert.match(limited!.headers.get('content-type') ?? '', /application\/problem\+json/);
      const body = (await limited!.json()) as { status: number; title: string };
      assert.equal(body.status, 429);
    } finally {
      await server.stop();
    }
  });

  it('logs requests without the full client address and without what was searched', async () => {
    const server = await startServer({ dbPath, args: ['--rate-limit', '0'] });
    try {
      await (await fetch(`${server.baseUrl}/v1/search?q=geheimwoord&near=3811`)).arrayBuffer();
      await (await fetch(`${server.baseUrl}/v1/places/amf-niet-bestaand`)).arrayBuffer();
    } finally {
      await server.stop();
    }
    const logLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const requests = logLines.filter((line) => line.includes('"request"'));
    assert.equal(requests.length, 2, server.output());
    for (const line of requests) assert.doesNotMatch(line, /127\.0\.0\.1/);
    for (const line of logLines) assert.doesNotMatch(line, /geheimwoord|niet-bestaand/);
    assert.match(requests[0]!, /"client":"127\.0\.0\.0"/);
    assert.match(requests[0]!, /"route":"\/v1\/search"/);
  });
});
