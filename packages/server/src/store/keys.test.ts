import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_PATTERN, generateKey, hashKey, isWellFormedKey, shownPrefix } from './keys.js';

describe('API keys', () => {
  it('are recognisable, carry over 256 bits and a checksum', () => {
    const key = generateKey();
    assert.match(key, KEY_PATTERN);
    assert.match(key, /^lokaal_sk_[0-9A-Za-z]{50}$/);
    assert.ok(44 * Math.log2(62) > 256);
    assert.ok(isWellFormedKey(key));
    assert.notEqual(generateKey(), key);
  });

  it('reject a key with one character changed, by checksum alone', () => {
    const key = generateKey();
    for (let at = 10; at < key.length; at++) {
      const changed = key.slice(0, at) + (key[at] === 'a' ? 'b' : 'a') + key.slice(at + 1);
      assert.equal(isWellFormedKey(changed), false, `position ${at}`);
    }
    assert.equal(isWellFormedKey('lokaal_sk_short'), false);
  });

  it('are stored as a hash and shown only by their first characters', () => {
    const key = generateKey();
    assert.equal(hashKey(key).length, 64);
    assert.ok(!hashKey(key).includes(key.slice(10, 20)));
    assert.equal(shownPrefix(key).length, 18);
  });
});
