/**
 * Telling a feed's format from its content type, its file name, or its first bytes.
 */
import { binaryKind, decodeWindows1252 } from './decode.js';
import { foldKey } from './fields.js';
import type { FeedFormat } from './types.js';

/** How many bytes are looked at when sniffing. */
const SNIFF_BYTES = 64 * 1024;

/** The start of the body as text, without a byte order mark. */
function sniffText(body: Buffer): string {
  const head = body.subarray(0, SNIFF_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  const bytes = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  try {
    // `stream` so a character cut off at the end of the sniffed bytes is not an error.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Whether the first line is a Google local inventory header: tabs, and `store_code` or `id` with `availability`. */
function isGoogleTsvHeader(text: string): boolean {
  const firstLine = text.trimStart().split(/\r?\n|\r/, 1)[0] ?? '';
  if (!firstLine.includes('\t')) return false;
  const names = new Set(firstLine.split('\t').map((name) => foldKey(name.replace(/^"|"$/g, ''))));
  return names.has('storecode') || ((names.has('id') || names.has('itemid')) && names.has('availability'));
}

function jsonFormat(text: string): FeedFormat {
  return /"@context"|"@type"/.test(text) ? 'jsonld' : 'lokaal-json';
}

function plainTextFormat(text: string): FeedFormat {
  return isGoogleTsvHeader(text) ? 'google-tsv' : 'csv';
}

/**
 * The format of a feed: by content type first (parameters such as `; charset=` ignored), then
 * by file extension, then by sniffing the bytes. `application/json`, `.json`, `text/plain` and
 * `.txt` only say "JSON" or "text": the bytes decide between JSON-LD and Lokaal JSON, and between
 * Google's TSV and CSV. `null` for an empty or binary body that nothing else identifies.
 */
export function detectFormat(input: {
  contentType?: string | null;
  filename?: string | null;
  body: Buffer;
}): FeedFormat | null {
  const text = () => sniffText(input.body);
  const contentType = (input.contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  switch (contentType) {
    case 'text/csv':
    case 'application/csv':
    case 'text/comma-separated-values':
      return 'csv';
    case 'text/tab-separated-values':
      return 'google-tsv';
    case 'application/xml':
    case 'text/xml':
    case 'application/rss+xml':
    case 'application/atom+xml':
      return 'google-xml';
    case 'application/ld+json':
      return 'jsonld';
    case 'application/json':
      return jsonFormat(text());
    case 'text/plain':
      return plainTextFormat(text());
  }

  const name = (input.filename ?? '').toLowerCase().replace(/[?#].*$/, '');
  const extension = /\.([a-z]+)$/.exec(name)?.[1];
  switch (extension) {
    case 'csv':
      return 'csv';
    case 'tsv':
      return 'google-tsv';
    case 'txt':
      return plainTextFormat(text());
    case 'xml':
    case 'rss':
    case 'atom':
      return 'google-xml';
    case 'jsonld':
      return 'jsonld';
    case 'json':
      return jsonFormat(text());
  }

  if (binaryKind(input.body) !== null) return null;
  const sniffed = text().trimStart();
  if (sniffed === '' || sniffed.includes('\u0000')) return null;
  if (sniffed.startsWith('<')) return 'google-xml';
  if (sniffed.startsWith('{') || sniffed.startsWith('[')) return jsonFormat(sniffed);
  return plainTextFormat(sniffed);
}
