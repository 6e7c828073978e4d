/**
 * The worker that parses a large feed for `readFeed` (source.ts): it sends the valid rows
 * in batches as the parser checks them, then the summary, or why the file cannot be read.
 * It loads only the parser of the feed's format: the XML and JSON parsers' libraries take
 * longer to load than a CSV takes to reach its first batch.
 */
import { Buffer } from 'node:buffer';
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PlaceTerms } from '../store/terms.js';
import type { ParseOptions } from './rows.js';
import { withTerms, type WorkerInput, type WorkerMessage, type WorkerRequest } from './source.js';
import { FeedFileError, type FeedFormat, type ParsedFeed } from './types.js';

type Parser = (body: Buffer, options: ParseOptions) => ParsedFeed;

const PARSERS: Record<FeedFormat, () => Promise<Parser>> = {
  csv: async () => (await import('./csv.js')).parseCsv,
  'google-tsv': async () => (await import('./csv.js')).parseGoogleTsv,
  'google-xml': async () => (await import('./google.js')).parseGoogleXml,
  jsonld: async () => (await import('./jsonld.js')).parseJsonLd,
  'lokaal-json': async () => (await import('./lokaal-json.js')).parseLokaalJson,
};

const { input, port } = workerData as { input: WorkerInput; port: MessagePort };

function send(message: WorkerMessage): void {
  port.postMessage(message);
  Atomics.add(input.signal, 0, 1);
  Atomics.notify(input.signal, 0);
}

/** The place whose index terms the rows carry, once the reader has said which. */
let placeTerms: PlaceTerms | null = null;

try {
  const parse = await PARSERS[input.format]();
  const body = Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength);
  // The rows went out in batches; what is left is the summary.
  const { format, read, rejected, ignoredColumns } = parse(body, {
    maxRows: input.maxRows,
    now: new Date(),
    onRows: (rows) => {
      placeTerms ??= (receiveMessageOnPort(port)?.message as WorkerRequest | undefined)?.placeTerms ?? null;
      if (placeTerms !== null) for (const row of rows) withTerms(row, placeTerms);
      send({ rows });
    },
  });
  send({ done: { format, read, rejected, ignoredColumns } });
} catch (error) {
  send({
    failed: error instanceof Error ? error.message : String(error),
    fileError: error instanceof FeedFileError,
  });
}
