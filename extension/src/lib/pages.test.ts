import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adapters } from '../adapters/index.js';
import { DEMO_ORIGINS, PAGE_PATTERNS, matchesPattern, pageAdapter } from './pages.js';

describe('the pages the extension reads', () => {
  it('are the product pages of the marketplaces, each read by its own adapter', () => {
    for (const adapter of adapters) {
      if (adapter.id === 'generic') continue;
      for (const url of adapter.exampleUrls.product) assert.equal(pageAdapter(new URL(url)), adapter, url);
      for (const url of adapter.exampleUrls.notProduct)
        assert.equal(pageAdapter(new URL(url)), undefined, url);
    }
  });

  it('leave every other site alone in a release build, whatever it publishes', () => {
    assert.deepEqual(DEMO_ORIGINS, []);
    for (const url of [
      'https://www.fietsenwinkel-dewit.nl/product/gazelle-ultimate-c380',
      'http://localhost:8080/marktplaats/',
      'https://api.lokaal.example/v1/products/08710856026353',
      'https://www.bol.com.evil.example/nl/nl/p/x/9200000091093424/',
      'http://www.bol.com/nl/nl/p/x/9200000091093424/',
    ]) {
      assert.equal(pageAdapter(new URL(url)), undefined, url);
    }
  });

  it('match as the browser matches its patterns', () => {
    assert.ok(matchesPattern(new URL('https://www.bol.com/nl/nl/?q=1'), 'https://www.bol.com/*'));
    assert.ok(!matchesPattern(new URL('https://bol.com/nl/'), 'https://www.bol.com/*'));
    assert.ok(matchesPattern(new URL('http://localhost:8080/x'), 'http://localhost/*'));
    assert.ok(matchesPattern(new URL('https://shop.example.nl/p'), 'https://*.example.nl/*'));
    assert.ok(matchesPattern(new URL('https://example.nl/p'), 'https://*.example.nl/*'));
    assert.ok(!matchesPattern(new URL('https://badexample.nl/p'), 'https://*.example.nl/*'));
    assert.ok(matchesPattern(new URL('https://a.example/p/1'), '*://a.example/p/*'));
    assert.ok(!matchesPattern(new URL('https://a.example/q/1'), '*://a.example/p/*'));
    assert.ok(!matchesPattern(new URL('https://a.example/'), 'not a pattern'));
    assert.ok(PAGE_PATTERNS.every((pattern) => pattern.startsWith('https://')));
  });
});
