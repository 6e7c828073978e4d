import { InvalidCursorError } from './store.js';

/** A cursor is the sort key of the last item served, so pages stay correct while data changes. */
export type CursorKey = [number | string, number | string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null): CursorKey | null {
  if (cursor === null) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((part) => typeof part === 'number' || typeof part === 'string')
    ) {
      return value as CursorKey;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError();
}

/** Whether `key` sorts after the cursor in ascending (first, second) order. */
export function isAfter(key: CursorKey, cursor: CursorKey | null): boolean {
  if (cursor === null) return true;
  if (key[0] !== cursor[0]) return key[0] > cursor[0];
  return key[1] > cursor[1];
}
