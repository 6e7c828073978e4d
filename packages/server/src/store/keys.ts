/**
 * Per-shop API keys. A key is `lokaal_sk_`, 44 random base62 characters (more than 256
 * bits) and a 6-character base62 CRC32 of them: the prefix lets secret scanners find a
 * leaked key with `lokaal_sk_[0-9A-Za-z]{50}`, and the checksum lets them (and us) reject
 * a mistyped or made-up key without a database lookup. Only a SHA-256 hash of the key is
 * stored; a key is high-entropy, so a slow password hash would add nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const KEY_PREFIX = 'lokaal_sk_';
const RANDOM_LENGTH = 44;
const CHECKSUM_LENGTH = 6;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** How much of a key is shown in listings: enough to tell keys apart, far too little to use. */
const SHOWN_LENGTH = KEY_PREFIX.length + 8;
export const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

function base62(value: number, length: number): string {
  let text = '';
  let rest = value;
  for (let i = 0; i < length; i++) {
    text = ALPHABET[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text;
}

function checksum(randomPart: string): string {
  return base62(crc32(randomPart), CHECKSUM_LENGTH);
}

/** A new key; show it once, store only `hashKey(key)`. */
export function generateKey(): string {
  let randomPart = '';
  // Rejection sampling keeps every character uniform: bytes ≥ 248 would favour the first letters.
  while (randomPart.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && randomPart.length < RANDOM_LENGTH) randomPart += ALPHABET[byte % 62];
    }
  }
  return `${KEY_PREFIX}${randomPart}${checksum(randomPart)}`;
}

/** Whether the text has the shape and checksum of a key (says nothing of whether it is valid here). */
export function isWellFormedKey(text: string): boolean {
  if (!KEY_PATTERN.test(text)) return false;
  const randomPart = text.slice(KEY_PREFIX.length, KEY_PREFIX.length + RANDOM_LENGTH);
  return text.endsWith(checksum(randomPart));
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The part of a key shown in listings and logs. */
export function shownPrefix(key: string): string {
  return key.slice(0, SHOWN_LENGTH);
}
