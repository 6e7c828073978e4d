import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { cssPath } from '../detect/css-path.js';
import { findMountPoint } from '../detect/mount.js';
import { readProduct, readWith } from '../detect/page.js';
import { adapters, findAdapter } from './index.js';
import type { ProductIdentity } from './types.js';

const FIXTURES = new URL('../../test/fixtures/', import.meta.url);
const CONTROLS = 'a, button, label, select, option, textarea, input, summary, form, [role="button"]';

interface Fixture {
  readonly name: string;
  readonly html: string;
  readonly expected: {
    readonly url: string;
    readonly identity: ProductIdentity | null;
    readonly mount: { readonly path: string; readonly position: string } | null;
  };
}

function documentOf(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

function fixturesOf(adapterId: string): Fixture[] {
  const folder = new URL(`${adapterId}/`, FIXTURES);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const expectedFile = new URL(file.replace(/\.html$/, '.expected.json'), folder);
      assert.ok(existsSync(expectedFile), `${adapterId}/${file} has no .expected.json next to it`);
      return {
        name: file,
        html: readFileSync(new URL(file, folder), 'utf8'),
        expected: JSON.parse(readFileSync(expectedFile, 'utf8')) as Fixture['expected'],
      };
    });
}

describe('the adapter list', () => {
  it('ends with the generic schema.org adapter and has unique ids', () => {
    assert.equal(adapters.at(-1)?.id, 'generic');
    assert.equal(new Set(adapters.map((adapter) => adapter.id)).size, adapters.length);
  });

  it('gives every adapter at least two saved pages and example URLs of both kinds', () => {
    for (const adapter of adapters) {
      assert.ok(
        fixturesOf(adapter.id).length >= 2,
        `${adapter.id} needs saved pages in test/fixtures/${adapter.id}/`,
      );
      assert.ok(adapter.exampleUrls.product.length > 0, `${adapter.id} has no example product URL`);
      assert.ok(adapter.exampleUrls.notProduct.length > 0, `${adapter.id} has no example non-product URL`);
    }
  });

  it('keeps no saved pages for an adapter that does not exist, nor a page without its expectation', () => {
    const ids = new Set(adapters.map((adapter) => adapter.id));
    for (const folder of readdirSync(FIXTURES)) {
      assert.ok(ids.has(folder), `test/fixtures/${folder}/ belongs to no adapter`);
      for (const file of readdirSync(new URL(`${folder}/`, FIXTURES))) {
        assert.match(
          file,
          /\.(?:html|expected\.json)$/,
          `${folder}/${file} is neither a page nor an expectation`,
        );
        const page = file.replace(/\.expected\.json$/, '.html');
        assert.ok(existsSync(new URL(`${folder}/${page}`, FIXTURES)), `${folder}/${file} has no page`);
      }
    }
  });

  it('has a product example URL for every site an adapter matches', () => {
    for (const adapter of adapters) {
      for (const pattern of adapter.matches) {
        const match = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(pattern);
        assert.ok(match, `${adapter.id}: ${pattern} is not a plain https host pattern`);
        assert.ok(
          adapter.exampleUrls.product.some((url) => new URL(url).hostname === match[1]),
          `${adapter.id} has no example product URL on ${match[1]}`,
        );
      }
    }
  });
});

for (const adapter of adapters) {
  describe(`${adapter.name} (${adapter.id})`, () => {
    it('sees a product page in each example product URL, and in no other example URL', () => {
      for (const url of adapter.exampleUrls.product) {
        assert.equal(adapter.isProductUrl(new URL(url)), true, url);
        assert.equal(findAdapter(new URL(url)), adapter, `${url} is claimed by an earlier adapter`);
      }
      for (const url of adapter.exampleUrls.notProduct) {
        assert.equal(adapter.isProductUrl(new URL(url)), false, url);
      }
    });

    it('leaves the other marketplaces’ product pages to them', () => {
      if (adapter.id === 'generic') return;
      for (const other of adapters) {
        if (other === adapter || other.id === 'generic') continue;
        for (const url of other.exampleUrls.product)
          assert.equal(adapter.isProductUrl(new URL(url)), false, url);
      }
    });

    it('mounts below the title of a page without its usual blocks', () => {
      const document = documentOf('<html><body><main><h1>Iets</h1><p>tekst</p></main></body></html>');
      const mount = findMountPoint(document, adapter.mounts);
      assert.equal(mount?.element.localName, 'h1');
      assert.equal(mount?.position, 'afterend');
    });

    for (const fixture of fixturesOf(adapter.id)) {
      it(`reads ${fixture.name}`, () => {
        const url = new URL(fixture.expected.url);
        const document = documentOf(fixture.html);
        assert.equal(findAdapter(url), adapter, `${url.href} should be read by ${adapter.id}`);
        assert.deepEqual(readWith(adapter, document, url), fixture.expected.identity);
        const detected = readProduct(document, url);
        assert.deepEqual(detected?.identity ?? null, fixture.expected.identity);

        const mount = findMountPoint(document, adapter.mounts);
        assert.ok(mount, 'a product page always has a mount point');
        assert.deepEqual({ path: cssPath(mount.element), position: mount.position }, fixture.expected.mount);
        const inside = mount.position === 'afterbegin' || mount.position === 'beforeend';
        const container = inside ? mount.element : mount.element.parentElement;
        assert.equal(
          container?.closest(CONTROLS) ?? null,
          null,
          'the panel must not go inside a control or form',
        );
      });
    }
  });
}
