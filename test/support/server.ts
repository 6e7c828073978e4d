/**
 * Starts the real `lokaal` command on a real SQLite file, as an operator would, and stops
 * it after the tests. The database is seeded with the demo town once per test file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOKAAL_BIN = fileURLToPath(new URL('../../packages/server/dist/bin/lokaal.js', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  dbPath: string;
  /** Everything the server printed, for log assertions. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A fresh directory with a demo database in it. */
export function seededDatabase(): { dir: string; dbPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lokaal-test-'));
  const dbPath = join(dir, 'lokaal.sqlite');
  const seed = spawnSync(process.execPath, [LOKAAL_BIN, 'seed', 'demo', '--db', dbPath], {
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);
  return { dir, dbPath };
}

export async function startServer(
  options: { dbPath?: string; args?: string[]; env?: NodeJS.ProcessEnv; command?: 'serve' | 'demo' } = {},
): Promise<RunningServer> {
  let dir: string | null = null;
  let dbPath = options.dbPath;
  if (!dbPath) {
    const seeded = seededDatabase();
    dir = seeded.dir;
    dbPath = seeded.dbPath;
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      LOKAAL_BIN,
      options.command ?? 'serve',
      '--db',
      dbPath,
      '--port',
      '0',
      '--rate-limit',
      '0',
      ...(options.args ?? []),
    ],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (): void => {
      const match = /API:\s+(http:\/\/[^\s]+)\/v1\/health/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    baseUrl,
    dbPath,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
