/**
 * Feed imports for the server, applied in a thread of their own with its own connection to
 * the database file: an import of 100,000 offers keeps SQLite busy for seconds, and in the
 * server's thread it would hold up every search, map and widget request for as long. In
 * WAL mode the server's connection goes on reading the last committed data meanwhile, and
 * sees the whole import at once when it commits.
 *
 * Imports are applied one at a time, in the order they came. The server's own writes (a
 * registration, a place edit, a key's last use) take their turn in the same queue
 * (`write`), so that the server's thread never waits for SQLite's write lock, and a
 * stream of imports never keeps them waiting for long.
 * A database in memory, or a server run from its TypeScript sources (whose worker file
 * is not there), imports in the server's thread as before.
 *
 * @example
 * const importer = new Importer(store);
 * const report = await importer.run(placeId, body, 'csv', { mode: 'snapshot', confirmShrink: false, now: new Date() });
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readFeed } from '../feeds/source.js';
import { FeedFileError, type FeedFormat } from '../feeds/types.js';
import type { SqliteStore } from './sqlite.js';
import { ShopWrites, type ImportOptions, type ImportReport } from './writes.js';

/** The import thread's entry, next to this module in the built server. */
const WORKER_FILE = fileURLToPath(new URL('./import-worker.js', import.meta.url));

/** One feed for the import thread. */
export interface ImportJob {
  id: number;
  placeId: string;
  body: Uint8Array;
  format: FeedFormat;
  maxRows: number;
  options: ImportOptions;
}

/** What the import thread answers: the report, or why the import failed. */
export type ImportOutcome =
  { id: number; report: ImportReport } | { id: number; failed: string; fileError: boolean };

export class Importer {
  private worker: Worker | null = null;
  private readonly waiting = new Map<
    number,
    { resolve: (report: ImportReport) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;
  /** The last write queued: each write starts when the one before has finished. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Imports queued or running. */
  private imports = 0;
  private readonly inThread: boolean;

  constructor(private readonly store: SqliteStore) {
    this.inThread = store.path === ':memory:' || store.path === '' || !existsSync(WORKER_FILE);
  }

  /** Whether an import is running or waiting. */
  get busy(): boolean {
    return this.imports > 0;
  }

  /**
   * Applies a feed to a place (`ShopWrites.importOffers`) after the writes queued before it.
   * Rejects with a `FeedFileError` for a problem with the file, as `importOffers` throws it.
   */
  run(
    placeId: string,
    body: Buffer,
    format: FeedFormat,
    maxRows: number,
    options: ImportOptions,
  ): Promise<ImportReport> {
    this.imports += 1;
    const done = this.enqueue(() => this.apply(placeId, body, format, maxRows, options));
    const counted = () => {
      this.imports -= 1;
    };
    done.then(counted, counted);
    return done;
  }

  /**
   * Runs a write of the server's thread after the writes queued before it and before those
   * queued after it: never while an import holds the database's write lock.
   */
  write<T>(task: () => T): Promise<T> {
    return this.enqueue(task);
  }

  /** Stops the import thread; an import still running is rolled back by SQLite. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private apply(
    placeId: string,
    body: Buffer,
    format: FeedFormat,
    maxRows: number,
    options: ImportOptions,
  ): ImportReport | Promise<ImportReport> {
    if (this.inThread) {
      return new ShopWrites(this.store).importOffers(placeId, readFeed(body, format, { maxRows }), options);
    }
    const id = (this.nextId += 1);
    const job: ImportJob = { id, placeId, body, format, maxRows, options };
    return new Promise<ImportReport>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.thread().postMessage(job);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE, { workerData: { path: this.store.path } });
    // An idle import thread does not keep the process alive.
    worker.unref();
    worker.on('message', (outcome: ImportOutcome) => {
      const waiting = this.waiting.get(outcome.id);
      if (!waiting) return;
      this.waiting.delete(outcome.id);
      if ('report' in outcome) waiting.resolve(outcome.report);
      else waiting.reject(outcome.fileError ? new FeedFileError(outcome.failed) : new Error(outcome.failed));
    });
    const stopped = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    worker.on('error', (error) => stopped(error));
    worker.on('exit', (code) => stopped(new Error(`the import thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
