/**
 * The worker that parses a large feed for `readFeed` (source.ts): it sends the valid rows
 * in batches as the parser checks them, then the summary, or why the file cannot be read.
 */
import { Buffer } from 'node:buffer';
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseFeed } from './parse.js';
import type { WorkerInput, WorkerMessage } from './source.js';
import { FeedFileError } from './types.js';

const { input, port } = workerData as { input: WorkerInput; port: MessagePort };

function send(message: WorkerMessage): void {
  port.postMessage(message);
  Atomics.add(input.signal, 0, 1);
  Atomics.notify(input.signal, 0);
}

try {
  const body = Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength);
  // The rows went out in batches; what is left is the summary.
  const { format, read, rejected, ignoredColumns } = parseFeed(
    body,
    input.format,
    { maxRows: input.maxRows },
    (rows) => send({ rows }),
  );
  const summary = { format, read, rejected, ignoredColumns };
  send({ done: summary });
} catch (error) {
  send({
    failed: error instanceof Error ? error.message : String(error),
    fileError: error instanceof FeedFileError,
  });
}
