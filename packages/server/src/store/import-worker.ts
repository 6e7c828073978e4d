/**
 * The import thread of the server (see importer.ts): its own connection to the database
 * file, and one import at a time, in the order the jobs come.
 */
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { readFeed } from '../feeds/source.js';
import { FeedFileError } from '../feeds/types.js';
import type { ImportJob, ImportOutcome } from './importer.js';
import { SqliteStore } from './sqlite.js';
import { ShopWrites } from './writes.js';

const store = new SqliteStore((workerData as { path: string }).path);
const writes = new ShopWrites(store);

parentPort!.on('message', (job: ImportJob) => {
  let outcome: ImportOutcome;
  try {
    const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
    const report = writes.importOffers(
      job.placeId,
      readFeed(body, job.format, { maxRows: job.maxRows }),
      job.options,
    );
    outcome = { id: job.id, report };
  } catch (error) {
    outcome = {
      id: job.id,
      failed: error instanceof Error ? error.message : String(error),
      fileError: error instanceof FeedFileError,
    };
  }
  parentPort!.postMessage(outcome);
});
