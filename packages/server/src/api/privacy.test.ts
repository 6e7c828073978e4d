import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskIp } from './privacy.js';

describe('maskIp', () => {
  it('keeps the network, never the host', () => {
    assert.equal(maskIp('203.0.113.77'), '203.0.113.0');
    assert.equal(maskIp('::ffff:198.51.100.23'), '198.51.100.0');
    assert.equal(maskIp('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3::');
    assert.equal(maskIp('::1'), '::');
    assert.equal(maskIp('garbage'), 'unknown');
  });
});
