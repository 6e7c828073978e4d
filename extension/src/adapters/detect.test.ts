import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { readIdentity, readProduct, readWith } from '../detect/page.js';
import {
  MAX_JSON_LD_ARRAY,
  MAX_JSON_LD_CHARS,
  MAX_JSON_LD_NODES,
  MAX_JSON_LD_SCRIPTS,
  MAX_SPEC_LABELS,
  MAX_TEXT_CHARS,
  MAX_JSON_LD_TOTAL_CHARS,
} from '../detect/limits.js';
import { jsonLdTexts } from '../detect/json-ld-texts.js';
import { findMountPoint } from '../detect/mount.js';
import { adapters } from './index.js';

const SHOP = new URL('https://winkel.example/p/ding');

function page(head: string, body = '<h1>Ding</h1>'): Document {
  return (
    parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`) as unknown as {
      document: Document;
    }
  ).document;
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${typeof value === 'string' ? value : JSON.stringify(value)}</script>`;
}

const gtinOf = (document: Document, url = SHOP) => {
  const identity = readIdentity(document, url);
  return identity?.kind === 'gtin' ? `${identity.source} ${identity.gtin}` : null;
};

describe('reading the GTIN', () => {
  it('prefers JSON-LD over microdata, meta tags and specification rows', () => {
    const document = page(
      jsonLd({ '@type': 'Product', name: 'Ding', gtin13: '8712345000011' }) +
        '<meta property="product:ean" content="8712345000028">',
      '<meta itemprop="gtin13" content="8712345000035"><table><tr><th>EAN</th><td>8712345000042</td></tr></table>',
    );
    assert.equal(gtinOf(document), 'json-ld 08712345000011');
  });

  it('reads every GTIN key and form JSON-LD uses', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ gtin8: '96385074' }, '00000096385074'],
      [{ gtin12: '036000291452' }, '00036000291452'],
      [{ gtin14: '18712345000018' }, '18712345000018'],
      [{ gtin: 8712345000011 }, '08712345000011'],
      [{ gtin12: 36000291452 }, '00036000291452'],
      [{ gtin13: { '@value': '8712345000011' } }, '08712345000011'],
      [{ 'schema:gtin13': '8712345000011' }, '08712345000011'],
      [{ 'https://schema.org/gtin13': '8712345000011' }, '08712345000011'],
      [{ isbn: '978-90-263-3737-6' }, '09789026337376'],
      [{ gtin13: ['', 'nope', '8712345000011'] }, '08712345000011'],
      [
        { identifier: { '@type': 'PropertyValue', propertyID: 'EAN', value: '8712345000011' } },
        '08712345000011',
      ],
      [{ gtin13: 'ean:8712345000011' }, '08712345000011'],
    ];
    for (const [keys, expected] of cases) {
      const document = page(
        jsonLd({ '@context': 'https://schema.org', '@type': 'Product', name: 'Ding', ...keys }),
      );
      assert.equal(gtinOf(document), `json-ld ${expected}`, JSON.stringify(keys));
    }
  });

  it('skips a GTIN with a wrong check digit and tries the next source', () => {
    const document = page(
      jsonLd({ '@type': 'Product', gtin13: '8712345000012' }) +
        '<meta name="product:ean" content="8712345000013">',
      '<dl><dt>EAN</dt><dd>8712345000014</dd><dt>GTIN</dt><dd>8712345000011</dd></dl>',
    );
    assert.equal(gtinOf(document), 'spec-table 08712345000011');
  });

  it('takes the variant the URL names, by URL or SKU', () => {
    const group = {
      '@type': 'ProductGroup',
      name: 'Schoen',
      hasVariant: [
        { '@type': 'Product', sku: 'schoen-41', gtin13: '8712345000011' },
        { '@type': 'Product', sku: 'schoen-42', gtin13: '8712345000028' },
      ],
    };
    const document = page(jsonLd(group));
    assert.equal(
      gtinOf(document, new URL('https://winkel.example/p/schoen?sku=schoen-42')),
      'json-ld 08712345000028',
    );
    assert.equal(
      gtinOf(document, new URL('https://winkel.example/p/schoen/schoen-42')),
      'json-ld 08712345000028',
    );
    assert.equal(gtinOf(document, new URL('https://winkel.example/p/schoen')), 'json-ld 08712345000011');
  });

  it('does not give a sibling’s GTIN when the variant the URL names has a wrong one', () => {
    const document = page(
      jsonLd({
        '@type': 'ProductGroup',
        name: 'Schoen',
        hasVariant: [
          { '@type': 'Product', sku: 'schoen-41', gtin13: '8712345000011' },
          { '@type': 'Product', sku: 'schoen-42', gtin13: '8712345000029' },
        ],
      }),
    );
    const identity = readIdentity(document, new URL('https://winkel.example/p/schoen?sku=schoen-42'));
    assert.equal(identity?.kind, 'similar');
  });

  it('reads specification rows in Dutch, German, French and English, also outside tables', () => {
    const labels = [
      'EAN',
      'EAN-code',
      'EAN-Nummer:',
      'Code EAN',
      'GTIN-13',
      'ISBN-13',
      'EAN / UPC',
      'Streepjescode',
    ];
    for (const label of labels) {
      const document = page('', `<table><tr><td>${label}</td><td>8712345000011</td></tr></table>`);
      assert.equal(gtinOf(document), 'spec-table 08712345000011', label);
    }
    for (const label of ['Artikelnummer', 'EAN-compatibel laadstation', 'Verpakking']) {
      const document = page('', `<table><tr><td>${label}</td><td>8712345000011</td></tr></table>`);
      assert.equal(gtinOf(document), null, label);
    }
    const bullets = page('', '<ul id="specs"><li><b>EAN:</b> 8712345000011</li></ul>');
    assert.equal(
      readIdentity(bullets, SHOP, { specTable: { labels: '#specs b' } })?.kind === 'gtin',
      true,
      'a label without a value element reads the rest of its line',
    );
  });

  it('reads microdata inside the product, with its own name rather than its brand’s', () => {
    const document = page(
      '',
      `<div itemscope itemtype="https://schema.org/Product">
        <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Hario</span></span>
        <h1 itemprop="name">Koffiemolen</h1>
        <meta itemprop="gtin13" content="8712345000011">
      </div>
      <div itemscope itemtype="https://schema.org/Product"><meta itemprop="gtin13" content="8712345000028"></div>`,
    );
    assert.deepEqual(readIdentity(document, SHOP), {
      kind: 'gtin',
      gtin: '08712345000011',
      source: 'microdata',
      title: 'Koffiemolen',
      brand: 'Hario',
    });
    const outside = page('', '<meta itemprop="gtin13" content="8712345000011"><h1>Los</h1>');
    assert.equal(gtinOf(outside), null, 'a GTIN outside any product scope is not the page’s product');
  });

  it('gives a similar identity with the marketplace id when no GTIN is valid', () => {
    const document = page('<meta property="og:title" content="Ding &amp; zo">', '<h1>Kop</h1>');
    assert.deepEqual(readIdentity(document, SHOP, { marketplaceId: { scheme: 'bol', value: '123' } }), {
      kind: 'similar',
      title: 'Ding & zo',
      marketplaceId: { scheme: 'bol', value: '123' },
    });
  });

  it('finds nothing on a page without product data for the generic adapter', () => {
    const generic = adapters.at(-1)!;
    assert.equal(readWith(generic, page('<meta property="og:type" content="article">'), SHOP), null);
    assert.equal(readProduct(page(''), SHOP), null);
  });
});

describe('malformed and hostile pages', () => {
  it('never throws on any JSON in a JSON-LD script', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const document = page(jsonLd(value) + jsonLd({ '@type': 'Product', gtin: value, hasVariant: value }));
        for (const adapter of adapters) readWith(adapter, document, SHOP);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on broken JSON or odd shapes', () => {
    const scripts = [
      '{',
      'null',
      '[]',
      '"Product"',
      '{"@type": 5, "gtin13": {}}',
      '{"@graph": "x", "hasVariant": 3}',
      '{"@type": ["Product", null], "gtin13": [null, {"@value": null}], "brand": [[[]]]}',
      '{"@type": "Product", "identifier": [null, 1, {"propertyID": 7}]}',
      '{"@type": "Product", "url": "http://[::1", "sku": "x"}',
      '['.repeat(50_000) + ']'.repeat(50_000),
    ];
    for (const script of scripts) {
      const document = page(
        jsonLd(script),
        '<table><tr><td></td></tr><tr><th>EAN</th></tr></table><dl><dt>EAN</dt></dl>',
      );
      for (const adapter of adapters) {
        assert.doesNotThrow(() =>
          readWith(adapter, document, new URL('https://www.bol.com/nl/nl/p/x/9200000091093424/')),
        );
        assert.doesNotThrow(() => findMountPoint(document, adapter.mounts));
      }
    }
  });

  it('never throws on random text in specification rows and meta tags', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (label, value) => {
        const attribute = value.replace(/"/g, '&quot;');
        const document = page(
          `<meta property="product:ean" content="${attribute}">`,
          `<dl><dt></dt><dd></dd></dl><table><tr><th>${label.replace(/</g, '&lt;')}</th><td>${value.replace(/</g, '&lt;')}</td></tr></table>`,
        );
        readIdentity(document, SHOP);
      }),
      { numRuns: 150 },
    );
  });

  it('returns null instead of throwing when reading the page fails', () => {
    const broken = {
      querySelector() {
        throw new Error('hostile getter');
      },
      querySelectorAll() {
        throw new Error('hostile getter');
      },
    } as unknown as Document;
    assert.equal(readProduct(broken, SHOP), null);
  });

  it('reads no more than the first JSON-LD scripts', () => {
    const product = jsonLd({ '@type': 'Product', gtin13: '8712345000011' });
    const filler = jsonLd({ '@type': 'WebPage' }).repeat(MAX_JSON_LD_SCRIPTS);
    assert.equal(
      gtinOf(page(filler.slice(0, -jsonLd({ '@type': 'WebPage' }).length) + product)),
      'json-ld 08712345000011',
    );
    assert.equal(gtinOf(page(filler + product)), null);
  });

  it('skips a JSON-LD script longer than the limit unparsed', () => {
    const padding = ' '.repeat(MAX_JSON_LD_CHARS);
    assert.equal(gtinOf(page(jsonLd(`{"@type":"Product","gtin13":"8712345000011"}${padding}`))), null);
  });

  it('reads no more JSON-LD text in all than the limit, skipping what would go over', () => {
    const product = jsonLd({ '@type': 'Product', gtin13: '8712345000011' });
    const bulky = jsonLd({ '@type': 'WebPage', text: 'x'.repeat(MAX_JSON_LD_TOTAL_CHARS * 0.4) });
    const texts = jsonLdTexts(page(bulky + bulky + bulky + product));
    assert.equal(texts.length, 3, 'the third bulky script would go over the limit; the product fits');
    assert.ok(texts.reduce((sum, text) => sum + text.length, 0) <= MAX_JSON_LD_TOTAL_CHARS);
    assert.equal(gtinOf(page(bulky + bulky + bulky + product)), 'json-ld 08712345000011');
  });

  it('reads only the first variants of a huge product group', () => {
    const variants = Array.from({ length: MAX_JSON_LD_ARRAY * 5 }, (_, index) => ({
      '@type': 'Product',
      sku: `v${index}`,
      gtin13: index === MAX_JSON_LD_ARRAY * 4 ? '8712345000011' : '8712345000012',
    }));
    assert.equal(gtinOf(page(jsonLd({ '@type': 'ProductGroup', hasVariant: variants }))), null);
  });

  it('stops walking JSON-LD after a bounded number of objects', () => {
    // Each filler script is one object holding a graph of objects: MAX_JSON_LD_ARRAY in all.
    const nodesPerScript = MAX_JSON_LD_ARRAY;
    const scriptsToSpend = Math.ceil(MAX_JSON_LD_NODES / nodesPerScript);
    const filler = jsonLd({
      '@graph': Array.from({ length: nodesPerScript - 1 }, () => ({ '@type': 'Thing' })),
    });
    const product = jsonLd({ '@type': 'Product', gtin13: '8712345000011' });
    assert.ok(scriptsToSpend < MAX_JSON_LD_SCRIPTS, 'the budget, not the script count, must be what stops');
    assert.equal(gtinOf(page(filler.repeat(scriptsToSpend - 1) + product)), 'json-ld 08712345000011');
    assert.equal(gtinOf(page(filler.repeat(scriptsToSpend) + product)), null);
  });

  it('reads a bounded number of specification rows', () => {
    const rows = (count: number) => '<tr><th>Kleur</th><td>blauw</td></tr>'.repeat(count);
    const ean = '<tr><th>EAN</th><td>8712345000011</td></tr>';
    assert.equal(gtinOf(page('', `<table>${rows(10)}${ean}</table>`)), 'spec-table 08712345000011');
    assert.equal(gtinOf(page('', `<table>${rows(MAX_SPEC_LABELS)}${ean}</table>`)), null);
  });

  it('cuts a huge title and ignores a huge GTIN value', () => {
    const document = page(
      jsonLd({ '@type': 'Product', gtin13: '8'.repeat(100_000) }),
      `<h1>${'x'.repeat(1_000_000)}</h1><table><tr><th>EAN</th><td>${'8712345000011 '.repeat(10_000)}</td></tr></table>`,
    );
    const identity = readIdentity(document, SHOP);
    assert.equal(identity?.kind, 'similar');
    assert.equal(identity?.title.length, MAX_TEXT_CHARS);
  });

  it('keeps markup in a title as text', () => {
    const title = '<img src=x onerror="alert(1)">Ding';
    const identity = readIdentity(page(jsonLd({ '@type': 'Product', name: title })), SHOP);
    assert.equal(identity?.title, title);
  });
});

describe('the mount point', () => {
  it('takes the first candidate on the page', () => {
    const document = page('', '<h1>Ding</h1><div class="a"></div><div class="b"></div>');
    const mount = findMountPoint(document, [
      ['.missing', 'afterend'],
      ['.b', 'beforebegin'],
      ['.a', 'afterend'],
    ]);
    assert.equal(mount?.element.className, 'b');
    assert.equal(mount?.position, 'beforebegin');
  });

  it('moves out of buttons, links, labels and forms', () => {
    const document = page(
      '',
      '<form id="f"><label><button><span class="price">9</span></button></label></form><a href="/"><span class="in-link"></span></a>',
    );
    const mount = findMountPoint(document, [['.price', 'afterend']]);
    assert.equal(mount?.element.id, 'f');
    assert.equal(mount?.position, 'afterend');
    const inLink = findMountPoint(document, [['.in-link', 'beforeend']]);
    assert.equal(inLink?.element.localName, 'a');
    assert.equal(inLink?.position, 'afterend');
  });

  it('goes beside a list or table, not into it', () => {
    const mount = findMountPoint(page('', '<ul class="usp"><li>Gratis</li></ul>'), [['.usp', 'beforeend']]);
    assert.equal(mount?.element.localName, 'ul');
    assert.equal(mount?.position, 'afterend');
  });

  it('falls back to the end of the body on a page without title or candidates', () => {
    const mount = findMountPoint(page('', '<p>tekst</p>'), [['.buy', 'afterend']]);
    assert.equal(mount?.element.localName, 'body');
    assert.equal(mount?.position, 'beforeend');
  });
});
