import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SitemapEntries } from '../store/pages.js';
import { PART_SIZE, sitemapPart, sitemapRoot } from './sitemap.js';

const ORIGIN = 'https://lokaal.example';

function entries(placeCount: number): SitemapEntries {
  return {
    places: Array.from({ length: placeCount }, (_, index) => ({
      id: `plek-${index}`,
      lastModified: '2026-11-01T10:00:00.000Z',
    })),
    products: [],
    regions: [],
  };
}

/** `<loc>` → the hreflang alternates of that `<url>`. */
function urls(xml: string): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  for (const match of xml.matchAll(/<url><loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g)) {
    const alternates: Record<string, string> = {};
    for (const link of match[2]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g))
      alternates[link[1]!] = link[2]!;
    found.set(match[1]!, alternates);
  }
  return found;
}

describe('sitemap', () => {
  it('lists each language version as its own URL with the full set of alternates', () => {
    const listed = urls(sitemapRoot(ORIGIN, entries(1)));
    const alternates = {
      nl: `${ORIGIN}/plaats/plek-0`,
      en: `${ORIGIN}/en/plaats/plek-0`,
      'x-default': `${ORIGIN}/plaats/plek-0`,
    };
    assert.deepEqual(listed.get(`${ORIGIN}/plaats/plek-0`), alternates);
    assert.deepEqual(listed.get(`${ORIGIN}/en/plaats/plek-0`), alternates);
    assert.deepEqual(listed.get(`${ORIGIN}/regio`)?.en, `${ORIGIN}/en/regio`);
    assert.ok(listed.has(`${ORIGIN}/en/regio`));
    assert.equal(listed.size, 4);
  });

  it('splits into parts that keep the language versions of a page together', () => {
    const root = sitemapRoot(ORIGIN, entries(PART_SIZE + 1));
    assert.match(root, /<sitemapindex/);
    assert.ok(root.includes(`<loc>${ORIGIN}/sitemaps/plaatsen-2.xml</loc>`));
    const first = urls(sitemapPart(ORIGIN, entries(PART_SIZE + 1), 'plaatsen', 1)!);
    const second = urls(sitemapPart(ORIGIN, entries(PART_SIZE + 1), 'plaatsen', 2)!);
    assert.equal(first.size, PART_SIZE * 2);
    assert.deepEqual(
      [...second.keys()],
      [`${ORIGIN}/plaats/plek-${PART_SIZE}`, `${ORIGIN}/en/plaats/plek-${PART_SIZE}`],
    );
    assert.ok(first.size <= 50_000, 'within the protocol limit');
  });
});
