import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, raw } from './html.js';

describe('html template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = '</script><img src=x onerror="alert(1)">\'';
    const out = html`<p title="${name}">${name}</p>`.value;
    assert.equal(
      out,
      '<p title="&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;">&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;</p>',
    );
  });

  it('keeps nested templates and raw markup, joins arrays, drops null and false', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    assert.equal(
      html`<ul>
        ${items}${null}${false}${raw('<hr>')}
      </ul>`.value.replace(/>\s+</g, '><'),
      '<ul><li>a&amp;b</li><li>c</li><hr></ul>',
    );
  });

  it('escapes the five characters that matter', () => {
    assert.equal(escapeHtml(`<>&"'`), '&lt;&gt;&amp;&quot;&#39;');
  });
});
