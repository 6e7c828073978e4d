import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE_SCRIPT, pageScriptsFrom } from './script.js';

const sha384 = (text: string): string => `sha384-${createHash('sha384').update(text).digest('base64')}`;

/** A CDN release folder as `scripts/release-files.mjs` writes it. */
function release(bundle: string, integrity: string, version = '1.2.3'): string {
  const root = mkdtempSync(join(tmpdir(), 'lokaal-cdn-'));
  for (const folder of [version, 'latest']) {
    mkdirSync(join(root, folder));
    writeFileSync(join(root, folder, 'lokaal.js'), bundle);
    writeFileSync(
      join(root, folder, 'integrity.json'),
      JSON.stringify({ version, files: { 'lokaal.js': integrity } }),
    );
  }
  return root;
}

describe('page scripts', () => {
  it('load the versioned bundle and /pagina.js, each with its integrity hash', () => {
    const root = release('export {};', sha384('export {};'));
    try {
      assert.deepEqual(pageScriptsFrom(root), {
        widgets: { src: '/cdn/1.2.3/lokaal.js', integrity: sha384('export {};') },
        page: { src: '/pagina.js', integrity: sha384(PAGE_SCRIPT) },
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('are left out without a release, or when the bundle does not match its hash', () => {
    assert.equal(pageScriptsFrom(null), null);
    assert.equal(pageScriptsFrom(join(tmpdir(), 'lokaal-no-such-folder')), null);
    const root = release('export {};', sha384('something else'));
    try {
      assert.equal(pageScriptsFrom(root), null);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is a module that needs no inline script or style', () => {
    assert.doesNotMatch(PAGE_SCRIPT, /\beval\(|new Function|innerHTML|setAttribute\('style'/);
  });
});
