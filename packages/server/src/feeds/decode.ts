/**
 * Turning the bytes of an uploaded feed into text, and offsets in that text into line numbers.
 */
import { FeedFileError } from './types.js';

/**
 * Windows-1252 code points for the bytes 0x80–0x9F, where it differs from Latin-1. Node 20's
 * `TextDecoder('windows-1252')` decodes these as Latin-1 C1 controls (nodejs/node#56542,
 * #60888), so they are mapped here; on a fixed Node the mapping is simply a no-op.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

const C1_RANGE = /[\u0080-\u009f]/g;

/** Decodes Windows-1252 bytes (the usual encoding of Dutch till and Excel exports). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(C1_RANGE, (char) =>
      String.fromCodePoint(CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char.charCodeAt(0)),
    );
}

export interface DecodeOptions {
  /** Fall back to Windows-1252 when the bytes are not valid UTF-8 (CSV, TSV, XML); JSON must be UTF-8. */
  legacy: boolean;
}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

function startsWith(body: Uint8Array, ...bytes: number[]): boolean {
  return bytes.every((byte, i) => body[i] === byte);
}

/** A clear message when a binary file (a spreadsheet, an archive, a PDF) was sent instead of a feed. */
export function binaryKind(body: Uint8Array): string | null {
  if (startsWith(body, 0x50, 0x4b, 0x03, 0x04)) {
    return 'this is a ZIP archive or an Excel workbook (.xlsx), not a text feed; save the sheet as "CSV UTF-8" and send that';
  }
  if (startsWith(body, 0xd0, 0xcf, 0x11, 0xe0)) {
    return 'this is an old Excel workbook (.xls), not a text feed; save the sheet as "CSV UTF-8" and send that';
  }
  if (startsWith(body, 0x25, 0x50, 0x44, 0x46)) return 'this is a PDF document, not a feed';
  if (startsWith(body, 0x1f, 0x8b)) return 'this is a gzip archive; send the feed uncompressed';
  return null;
}

/**
 * The text of a feed: a byte order mark (UTF-8 or UTF-16) decides the encoding and is removed;
 * otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252 when `legacy` is set.
 */
export function decodeFeed(body: Uint8Array, options: DecodeOptions): DecodedText {
  const binary = binaryKind(body);
  if (binary !== null) throw new FeedFileError(binary);
  let decoded: DecodedText;
  if (startsWith(body, 0xff, 0xfe)) {
    decoded = { text: new TextDecoder('utf-16le').decode(body.subarray(2)), encoding: 'utf-16le' };
  } else if (startsWith(body, 0xfe, 0xff)) {
    decoded = { text: new TextDecoder('utf-16be').decode(body.subarray(2)), encoding: 'utf-16be' };
  } else {
    const hasBom = startsWith(body, 0xef, 0xbb, 0xbf);
    const bytes = hasBom ? body.subarray(3) : body;
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      if (!options.legacy) {
        const line = lineOfFirstBadUtf8(bytes);
        throw new FeedFileError(
          `line ${line}: the file is not valid UTF-8; save it with the UTF-8 encoding and send it again`,
        );
      }
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
  }
  const nul = decoded.text.indexOf('\u0000');
  if (nul >= 0) {
    throw new FeedFileError(
      `line ${new LineIndex(decoded.text).lineAt(nul)}: the file holds binary data (a NUL byte); ` +
        'expected text in UTF-8 or Windows-1252',
    );
  }
  return decoded;
}

function lineOfFirstBadUtf8(bytes: Uint8Array): number {
  // Decoded non-fatally, the first bad byte becomes the first U+FFFD.
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.indexOf('\ufffd');
  return bad < 0 ? 1 : new LineIndex(text).lineAt(bad);
}

/** Maps offsets in a text to 1-based line and column numbers. `\r\n`, `\n` and `\r` end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        this.starts.push(i + 1);
      } else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i += 1;
        this.starts.push(i + 1);
      }
    }
  }

  /** The 1-based line of the character at `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** The 1-based column of the character at `offset`. */
  columnAt(offset: number): number {
    return offset - this.starts[this.lineAt(offset) - 1]! + 1;
  }
}
