/**
 * The `lokaal` command as an operator uses it: seed, stats, serve with a rate limit, and
 * logs that keep no full IP address and no search words.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { gs1CheckDigit } from '@lokaal/core';
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

  it('keeps its exit code, without a stack trace, when the reader of its output stops early', () => {
    // As `lokaal import … | head -1` would: the reader takes the first line and goes, and
    // the report comes after the import, into a closed pipe.
    const { dir, dbPath: db } = seededDatabase();
    try {
      const shop = (() => {
        const database = new Database(db, { readonly: true });
        try {
          return (
            database.prepare("SELECT id FROM places WHERE kind = 'shop' LIMIT 1").get() as { id: string }
          ).id;
        } finally {
          database.close();
        }
      })();
      const feed = join(dir, 'voorraad.csv');
      // Over a megabyte, so that it is read in a worker, which keeps the process alive long
      // enough for the closed pipe to be noticed.
      const rows = Array.from({ length: 30_000 }, (_, i) => {
        const body = `871777${String(i).padStart(6, '0')}`;
        return `${body}${gs1CheckDigit(body)};Fietsonderdeel nummer ${i};${1 + (i % 50)},95;${i % 7}`;
      });
      writeFileSync(feed, ['ean;naam;prijs;voorraad', ...rows].join('\n'));
      // Through a shell's pipe, as an operator types it; bash hands back lokaal's own exit code.
      const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
      const command = [
        process.execPath,
        LOKAAL_BIN,
        'import',
        '--place',
        shop,
        '--confirm-shrink',
        '--db',
        db,
        feed,
      ]
        .map(quote)
        .join(' ');
      const piped = spawnSync('bash', ['-c', `${command} | head -1; exit "\${PIPESTATUS[0]}"`], {
        encoding: 'utf8',
      });
      assert.match(piped.stdout, /^Applying voorraad\.csv/);
      assert.doesNotMatch(piped.stderr, /EPIPE|Error/);
      assert.equal(piped.status, 0, piped.stderr);
      assert.match(lokaal('stats', '--db', db).stdout, /offers\s+\d{5}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
