// Builds the demo town site into dist/site/: the pages of demo/pages/ in one shared layout,
// the stylesheets of demo/assets/, and a documentation page per element generated from the
// released custom-elements.json, so the docs never fall behind the elements. The site's own
// scripts are compiled by `tsc -p demo` into dist/site/js/ (run after this script, which
// empties dist/site/ first).
// Every page loads the widgets from the versioned CDN folder with its integrity hash,
// exactly as a webmaster's page would; no inline script or style anywhere (strict CSP).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'widgets/package.json'), 'utf8'));
const release = join(root, 'dist/cdn', version);
const out = join(root, 'dist/site');
const pages = join(root, 'demo/pages');

const integrity = JSON.parse(readFileSync(join(release, 'integrity.json'), 'utf8')).files;
const manifest = JSON.parse(readFileSync(join(release, 'custom-elements.json'), 'utf8'));

/** Escapes text for HTML content and attribute values. */
export const escape = (text) =>
  String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** Manifest prose: escaped, with `code` spans and {@link X} kept readable. */
const prose = (text) =>
  escape(String(text ?? '').replace(/\{@link (\w+)\}/g, '$1')).replace(/`([^`]+)`/g, '<code>$1</code>');

const NAV = [
  { href: '/', nl: 'Zoeken', en: 'Search', key: 'home' },
  { href: '/winkels/', nl: 'Winkels', en: 'Shops', key: 'winkels' },
  { href: '/product/', nl: 'Productpagina', en: 'Product page', key: 'product' },
  { href: '/marktplaats/', nl: 'Marktplaats (nep)', en: 'Marketplace (mock)', key: 'marktplaats' },
];
const NAV_WEBMASTER = [
  { href: '/bouwer/', nl: 'Snippetbouwer', en: 'Snippet builder', key: 'bouwer' },
  { href: '/docs/', nl: 'Documentatie', en: 'Documentation', key: 'docs' },
];

const navLink = (item, current) =>
  `<li><a href="${item.href}" data-en="${escape(item.en)}"${item.key === current ? ' aria-current="page"' : ''}>${escape(item.nl)}</a></li>`;

/** The script tag a webmaster pastes: versioned, with its integrity hash. */
export const cdnScript = (origin = '') =>
  `<script type="module" src="${origin}/cdn/${version}/lokaal.js" integrity="${integrity['lokaal.js']}" crossorigin="anonymous"></script>`;

function layout({ title, titleEn, description, nav, body, scripts = [], styles = [] }) {
  const usesWidgets = body.includes('<lokaal-');
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title data-en="${escape(titleEn ?? title)} · Hart van Amersfoort (demo)">${escape(title)} · Hart van Amersfoort (demo)</title>
    <meta name="description" content="${escape(description ?? 'Demo van Lokaal: wat de winkels in de binnenstad van Amersfoort verkopen.')}" />
    <link rel="stylesheet" href="/assets/site.css" />
${styles.map((href) => `    <link rel="stylesheet" href="${href}" />`).join('\n')}
${usesWidgets ? `    ${cdnScript()}\n` : ''}    <script type="module" src="/js/site.js"></script>
${scripts.map((src) => `    <script type="module" src="${src}"></script>`).join('\n')}
  </head>
  <body>
    <a class="skip" href="#inhoud" data-en="Skip to content">Naar de inhoud</a>
    <p class="demo-ribbon" data-en="Demo of Lokaal with an invented town centre: the shops do not exist.">
      Demo van Lokaal met een verzonnen binnenstad: de winkels bestaan niet.
    </p>
    <header class="site-header">
      <div class="site-header-inner">
        <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">A</span><span>Hart van Amersfoort</span></a>
        <nav aria-label="Hoofdmenu" data-en-aria-label="Main menu">
          <ul class="nav">${NAV.map((item) => navLink(item, nav)).join('')}</ul>
          <ul class="nav nav-webmaster" aria-label="Voor webmasters" data-en-aria-label="For webmasters">${NAV_WEBMASTER.map((item) => navLink(item, nav)).join('')}</ul>
        </nav>
        <a class="lang-switch" href="?lang=en" lang="en" hreflang="en" data-lang-switch>English</a>
      </div>
    </header>
    <main id="inhoud">
${body}
    </main>
    <footer class="site-footer">
      <div class="site-footer-inner">
        <p data-en="Lokaal is open, fair and liveable: no commission, no data trading, no tracking. This site sets no cookies.">
          Lokaal is open, eerlijk en leefbaar: geen commissie, geen datahandel, geen tracking. Deze site zet geen cookies.
        </p>
        <ul class="footer-links">
          <li><a href="/docs/gidsen/privacy/" data-en="Privacy">Privacy</a></li>
          <li><a href="/docs/gidsen/toegankelijkheid/" data-en="Accessibility">Toegankelijkheid</a></li>
          <li><a href="/docs/" data-en="Documentation">Documentatie</a></li>
          <li><a href="/v1/openapi.json">OpenAPI</a></li>
        </ul>
      </div>
    </footer>
  </body>
</html>
`;
}

/** A page source starts with a comment holding its JSON metadata. */
function readPage(path) {
  const source = readFileSync(path, 'utf8');
  const match = /^<!--\s*(\{[\s\S]*?\})\s*-->\n?/.exec(source);
  if (!match) throw new Error(`${relative(root, path)}: no metadata comment`);
  return { meta: JSON.parse(match[1]), body: source.slice(match[0].length) };
}

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// ---------------------------------------------------------------------------------------
// Documentation per element, from the manifest.

const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** Live examples on the demo data; the manifest's own @example is the fallback. */
const EXAMPLES = {
  'lokaal-search': {
    main: '<lokaal-search region="GM0307" near="3811" radius="2000" limit="5"></lokaal-search>',
    variant: '<lokaal-search near="Leusden" kind="shop" theme="dark" lang="en" limit="3"></lokaal-search>',
  },
  'lokaal-map': {
    main: '<lokaal-map region="amersfoort-binnenstad" height="320px"></lokaal-map>',
    variant: '<lokaal-map region="GM0327" height="240px" tiles="none" theme="dark"></lokaal-map>',
  },
  'lokaal-shop-card': {
    main: '<lokaal-shop-card place-id="amf-rijwielhandel-van-dalen"></lokaal-shop-card>',
    variant:
      '<lokaal-shop-card place-id="amf-bakkerij-de-korenschoof" theme="dark" lang="en"></lokaal-shop-card>',
    slot: '<lokaal-shop-card place-id="amf-kaaswinkel-het-kaasmes">\n  <p>Deze week: oude Goudse voor de halve prijs.</p>\n</lokaal-shop-card>',
  },
  'lokaal-stock': {
    main: '<lokaal-stock place-id="amf-rijwielhandel-van-dalen" limit="5"></lokaal-stock>',
    variant:
      '<lokaal-stock place-id="amf-kaaswinkel-het-kaasmes" layout="compact" limit="4" theme="dark"></lokaal-stock>',
  },
  'lokaal-nearby': {
    main: '<lokaal-nearby gtin="8761830032532" near="3811" show-empty></lokaal-nearby>',
    variant:
      '<lokaal-nearby gtin="8715452020200" near="Leusden" radius="10000" lang="en" theme="dark" show-empty></lokaal-nearby>',
  },
};

/** Pastel outlines that make each part visible in the parts example. */
const PART_COLOURS = ['#b35c00', '#1a5fb4', '#8f2d8f', '#0b6e4f', '#a3231b', '#5a5a00'];

const THEME_EXAMPLE = {
  '--lokaal-color-accent': '#8f2d56',
  '--lokaal-radius': '0',
  '--lokaal-color-border': '#8f2d56',
};

function exampleBlock({ id, html, caption, captionEn }) {
  return `<figure class="example" id="${id}">
  <div class="example-live">${html}</div>
  <figcaption data-en="${escape(captionEn)}">${escape(caption)}</figcaption>
  <pre class="code"><code>${escape(html)}</code></pre>
</figure>`;
}

function table(headers, rows) {
  if (rows.length === 0) return '<p class="muted" data-en="None.">Geen.</p>';
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${escape(headers[0].nl)}"><table>
  <thead><tr>${headers.map((header) => `<th scope="col" data-en="${escape(header.en)}">${escape(header.nl)}</th>`).join('')}</tr></thead>
  <tbody>${rows.map((row) => `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('\n')}</tbody>
</table></div>`;
}

function docPage(element) {
  const tag = element.tagName;
  const examples = EXAMPLES[tag] ?? { main: element.examples?.[0] ?? `<${tag}></${tag}>` };
  const attributes = element.attributes ?? [];
  const members = new Map((element.members ?? []).map((member) => [member.name, member]));
  const fieldsWithAttribute = new Set(attributes.map((attribute) => attribute.fieldName ?? attribute.name));
  const properties = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' && !member.static && !member.privacy && !fieldsWithAttribute.has(member.name),
  );
  // The analyzer also records dispatchEvent() calls without a name; the @fires tags are the contract.
  const events = (element.events ?? []).filter((event) => event.name?.startsWith('lokaal-'));
  const slots = element.slots ?? [];
  const parts = element.cssParts ?? [];
  const cssProperties = element.cssProperties ?? [];
  const code = (text) => (text ? `<code>${escape(text)}</code>` : '—');

  const sections = [];
  sections.push(`<section aria-labelledby="gebruik">
  <h2 id="gebruik" data-en="Use it">Gebruik</h2>
  <p data-en="One script tag loads every element; then place the element where it belongs. Build a snippet with your own region and colours in the snippet builder.">Eén scripttag laadt alle elementen; zet het element daarna waar het hoort. Maak een snippet met je eigen regio en kleuren in de <a href="/bouwer/?element=${tag}">snippetbouwer</a>.</p>
  <pre class="code"><code>${escape(cdnScript('https://jouw-lokaal-instantie.nl'))}\n${escape(examples.main.replace(`<${tag}`, `<${tag} api="https://jouw-lokaal-instantie.nl"`))}</code></pre>
</section>`);
  sections.push(`<section aria-labelledby="voorbeeld">
  <h2 id="voorbeeld" data-en="Live example">Live voorbeeld</h2>
  ${exampleBlock({ id: 'example-main', html: examples.main, caption: 'Op de demodata van deze instantie.', captionEn: 'On the demo data of this instance.' })}
</section>`);
  sections.push(`<section aria-labelledby="attributen">
  <h2 id="attributen" data-en="Attributes and properties">Attributen en eigenschappen</h2>
  ${table(
    [
      { nl: 'Attribuut', en: 'Attribute' },
      { nl: 'Eigenschap', en: 'Property' },
      { nl: 'Type', en: 'Type' },
      { nl: 'Standaard', en: 'Default' },
      { nl: 'Betekenis', en: 'Meaning' },
    ],
    attributes.map((attribute) => {
      // The field knows what a constant such as DEFAULT_LIMIT stands for; the attribute does not.
      const field = members.get(attribute.fieldName);
      return [
        code(attribute.name),
        code(attribute.fieldName),
        code(field?.type?.text ?? attribute.type?.text),
        code(field?.default ?? attribute.default),
        prose(attribute.description),
      ];
    }),
  )}
  <p data-en="Every element also follows the standard lang attribute (its own or the nearest one up the page).">Elk element volgt ook het gewone <code>lang</code>-attribuut (het eigen, of het dichtstbijzijnde hogerop in de pagina).</p>
  ${
    properties.length
      ? `<h3 data-en="Properties without an attribute">Eigenschappen zonder attribuut</h3>
  ${table(
    [
      { nl: 'Eigenschap', en: 'Property' },
      { nl: 'Type', en: 'Type' },
      { nl: 'Betekenis', en: 'Meaning' },
    ],
    properties.map((property) => [
      code(property.name),
      code(property.type?.text),
      prose(property.description),
    ]),
  )}`
      : ''
  }
  ${examples.variant ? exampleBlock({ id: 'example-attributes', html: examples.variant, caption: 'Andere attributen: donker thema, Engels of een andere plek.', captionEn: 'Other attributes: dark theme, English or another place.' }) : ''}
</section>`);
  sections.push(`<section aria-labelledby="events">
  <h2 id="events" data-en="Events">Events</h2>
  ${table(
    [
      { nl: 'Event', en: 'Event' },
      { nl: 'Type', en: 'Type' },
      { nl: 'Betekenis en detail', en: 'Meaning and detail' },
    ],
    events.map((event) => [code(event.name), code(event.type?.text), prose(event.description)]),
  )}
  ${
    events.length
      ? `<p data-en="Use the live example above: every event it fires appears here with its detail.">Gebruik het live voorbeeld hierboven: elk event dat het afvuurt verschijnt hier met zijn detail.</p>
  <pre class="code event-log" data-event-log="example-main" data-events="${escape(events.map((event) => event.name).join(' '))}" aria-live="polite"><code data-en="(no events yet)">(nog geen events)</code></pre>`
      : ''
  }
</section>`);
  sections.push(`<section aria-labelledby="slots">
  <h2 id="slots" data-en="Slots">Slots</h2>
  ${table(
    [
      { nl: 'Slot', en: 'Slot' },
      { nl: 'Betekenis', en: 'Meaning' },
    ],
    slots.map((slot) => [
      slot.name ? code(slot.name) : '<span data-en="(default)">(standaard)</span>',
      prose(slot.description),
    ]),
  )}
  ${examples.slot ? exampleBlock({ id: 'example-slot', html: examples.slot, caption: 'Eigen inhoud in het slot.', captionEn: 'Your own content in the slot.' }) : ''}
</section>`);
  sections.push(`<section aria-labelledby="parts">
  <h2 id="parts" data-en="Parts">Parts</h2>
  ${table(
    [
      { nl: 'Part', en: 'Part' },
      { nl: 'Betekenis', en: 'Meaning' },
    ],
    parts.map((part) => [code(part.name), prose(part.description)]),
  )}
  ${
    parts.length
      ? `<div class="parts-example">${exampleBlock({ id: 'example-parts', html: examples.main, caption: 'Elk part met een eigen gestippelde rand, via ::part() in de stylesheet van de pagina.', captionEn: 'Each part with its own dashed outline, through ::part() in the page stylesheet.' })}</div>
  <pre class="code"><code>${escape(partsCss(tag, parts))}</code></pre>`
      : ''
  }
</section>`);
  sections.push(`<section aria-labelledby="css">
  <h2 id="css" data-en="CSS custom properties">CSS custom properties</h2>
  ${table(
    [
      { nl: 'Eigenschap', en: 'Property' },
      { nl: 'Betekenis', en: 'Meaning' },
    ],
    cssProperties.map((property) => [code(property.name), prose(property.description)]),
  )}
  <div class="theme-example">${exampleBlock({ id: 'example-theme', html: examples.main, caption: 'Een eigen huisstijl: accentkleur, randen en hoeken.', captionEn: 'A house style of your own: accent colour, borders and corners.' })}</div>
  <pre class="code"><code>${escape(themeCss(tag))}</code></pre>
</section>`);

  const toc = [
    ['gebruik', 'Gebruik', 'Use it'],
    ['voorbeeld', 'Voorbeeld', 'Example'],
    ['attributen', 'Attributen', 'Attributes'],
    ['events', 'Events', 'Events'],
    ['slots', 'Slots', 'Slots'],
    ['parts', 'Parts', 'Parts'],
    ['css', 'CSS', 'CSS'],
  ];
  const body = `<div class="page page-docs">
  <p class="breadcrumb"><a href="/docs/" data-en="Documentation">Documentatie</a> › <span data-en="Elements">Elementen</span></p>
  <h1><code>&lt;${tag}&gt;</code></h1>
  <p class="lead">${prose(element.summary)}</p>
  <p>${prose(element.description)}</p>
  <nav class="toc" aria-label="Op deze pagina" data-en-aria-label="On this page"><ul>${toc.map(([id, nl, en]) => `<li><a href="#${id}" data-en="${en}">${nl}</a></li>`).join('')}</ul></nav>
  ${sections.join('\n  ')}
</div>`;
  return {
    html: layout({
      title: `<${tag}>`,
      titleEn: `<${tag}>`,
      description: element.summary,
      nav: 'docs',
      body,
      scripts: ['/js/docs.js'],
      styles: [`/docs/${tag}/example.css`],
    }),
    css: `${partsCss(tag, parts, '.parts-example ')}\n${themeCss(tag, '.theme-example ')}`,
  };
}

function partsCss(tag, parts, scope = '') {
  return parts
    .map(
      (part, index) =>
        `${scope}${tag}::part(${part.name}) {\n  outline: 2px dashed ${PART_COLOURS[index % PART_COLOURS.length]};\n  outline-offset: 2px;\n}`,
    )
    .join('\n');
}

function themeCss(tag, scope = '') {
  return `${scope}${tag} {\n${Object.entries(THEME_EXAMPLE)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n')}\n}`;
}

function elementList() {
  return `<ul class="cards">${elements
    .map(
      (element) =>
        `<li><a href="/docs/${element.tagName}/"><code>&lt;${element.tagName}&gt;</code></a><span>${prose(element.summary)}</span></li>`,
    )
    .join('')}</ul>`;
}

// ---------------------------------------------------------------------------------------

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(root, 'demo/assets'), join(out, 'assets'), { recursive: true });

for (const path of files(pages).filter((name) => name.endsWith('.html'))) {
  const { meta, body } = readPage(path);
  const html = layout({
    ...meta,
    body: body
      .replaceAll('<!-- lokaal:elements -->', elementList())
      .replaceAll('<!-- lokaal:cdn-script -->', escape(cdnScript('https://jouw-lokaal-instantie.nl')))
      .replaceAll('<!-- lokaal:version -->', escape(version)),
  });
  write(join(out, relative(pages, path)), html);
}

for (const element of elements) {
  const { html, css } = docPage(element);
  write(join(out, 'docs', element.tagName, 'index.html'), html);
  write(join(out, 'docs', element.tagName, 'example.css'), css);
}

if (existsSync(join(root, 'docs/feeds.md'))) cpSync(join(root, 'docs/feeds.md'), join(out, 'docs/feeds.md'));

console.log(
  `Demo site: dist/site/ (${files(out).filter((name) => name.endsWith('.html')).length} pages, ${elements.length} element docs)`,
);
