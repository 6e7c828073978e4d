/**
 * A feed as the importer reads it: its valid rows, then what the parser counted and
 * rejected. A large file is parsed in a worker thread and handed over in batches, so the
 * import writes the first rows to the database while the rest of the file is still being
 * checked: on two cores, parsing then costs an import little more than its first batch.
 * A small file is parsed here, at once: starting a worker would cost more than it saves.
 *
 * The import runs in one synchronous SQLite transaction, so it waits for the next batch
 * with `Atomics.wait` and takes it with `receiveMessageOnPort`, without giving up the
 * transaction (or the thread) in between.
 *
 * @example
 * const feed = readFeed(body, 'csv', { maxRows: 200_000 });
 * for (const row of feed.rows) apply(row); // throws FeedFileError for a problem with the file
 * const { read, rejected } = feed.summary();
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { rowTerms, type PlaceTerms } from '../store/terms.js';
import { parseFeed } from './parse.js';
import { FeedFileError, type FeedFormat, type FeedLimits, type FeedRow, type ParsedFeed } from './types.js';

/** What the parser counted besides the valid rows. */
export type FeedSummary = Omit<ParsedFeed, 'rows'>;

export interface FeedSource {
  /**
   * The valid rows, in file order; read once. Throws a `FeedFileError` when the file turns
   * out to be unreadable, which may be after some rows (the import then rolls back).
   */
  readonly rows: Iterable<FeedRow>;
  /** The format, rows read and rows rejected; known once `rows` has been read to its end. */
  summary(): FeedSummary;
  /**
   * Asks a reader with a worker to give each row the index terms of its offer at this place
   * (`rowTerms`), made in the worker, so that the import's thread need not make them. Rows
   * sent before the worker has the message come without. A feed parsed in-line has no
   * such method: the import's thread makes the terms of the offers that need them.
   */
  indexFor?(placeTerms: PlaceTerms): void;
}

/** From this size on, a feed is parsed in a worker (about 20,000 CSV rows). */
export const WORKER_FROM_BYTES = 1 << 20;

/** A worker that sends nothing for this long is taken to have died. */
const STALL_MS = 60_000;

/** The worker's entry, next to this module in the built server. */
const WORKER_FILE = fileURLToPath(new URL('./read-worker.js', import.meta.url));

/** What the worker sends: a batch of rows, the summary at the end, or why it stopped. */
export type WorkerMessage =
  { rows: FeedRow[] } | { done: FeedSummary } | { failed: string; fileError: boolean };

export interface WorkerInput {
  body: Uint8Array;
  format: FeedFormat;
  maxRows: number;
  /** Counts the messages sent, so that the reader can wait for the next one. */
  signal: Int32Array;
}

/** What the reader sends the worker: the place whose index terms the rows should carry. */
export interface WorkerRequest {
  placeTerms: PlaceTerms;
}

/** Gives a row the index terms of its offer at a place, when it has any (`rowTerms`). */
export function withTerms(row: FeedRow, placeTerms: PlaceTerms): void {
  const terms = rowTerms(row, placeTerms);
  if (terms !== undefined) row.terms = terms;
}

/** A feed already parsed whole. */
export function parsedSource(parsed: ParsedFeed): FeedSource {
  const { rows, ...summary } = parsed;
  return { rows, summary: () => summary };
}

/**
 * The feed in `body`, parsed in a worker when it is large (and the worker's file is
 * there: a server run from its TypeScript sources parses in-line).
 */
export function readFeed(
  body: Buffer,
  format: FeedFormat,
  limits: FeedLimits,
  workerFromBytes = WORKER_FROM_BYTES,
): FeedSource {
  if (body.length < workerFromBytes || !existsSync(WORKER_FILE)) {
    return parsedSource(parseFeed(body, format, limits));
  }
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = { body, format, maxRows: limits.maxRows, signal };
  const worker = new Worker(WORKER_FILE, { workerData: { input, port: port2 }, transferList: [port2] });
  let summary: FeedSummary | null = null;

  function* rows(): Generator<FeedRow> {
    try {
      for (;;) {
        const sent = Atomics.load(signal, 0);
        const message = receiveMessageOnPort(port1)?.message as WorkerMessage | undefined;
        if (message === undefined) {
          if (Atomics.wait(signal, 0, sent, STALL_MS) === 'timed-out') {
            throw new Error(`reading the feed stopped: no answer from its worker for ${STALL_MS / 1000} s`);
          }
          continue;
        }
        if ('rows' in message) {
          yield* message.rows;
        } else if ('done' in message) {
          summary = message.done;
          return;
        } else {
          throw message.fileError ? new FeedFileError(message.failed) : new Error(message.failed);
        }
      }
    } finally {
      port1.close();
      void worker.terminate();
    }
  }

  return {
    rows: rows(),
    indexFor: (placeTerms) => port1.postMessage({ placeTerms } satisfies WorkerRequest),
    summary: () => {
      if (!summary) throw new Error('the feed has not been read to its end');
      return summary;
    },
  };
}
