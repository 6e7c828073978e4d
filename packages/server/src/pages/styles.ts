/**
 * The stylesheet of the crawlable pages, served as one file (`/pagina.css`) so the pages
 * run under a CSP without inline styles. It uses the widgets' tokens with the same
 * defaults (see `widgets/src/shared/styles.ts`), so a host that themes the widgets with
 * `--lokaal-color-…` themes these pages the same way, and a widget that replaces a block
 * looks as the block did. No web fonts: the system font is used.
 */
export const PAGE_CSS = `:root {
  --_accent: var(--lokaal-color-accent, #0b6e4f);
  --_on-accent: var(--lokaal-color-on-accent, #ffffff);
  --_text: var(--lokaal-color-text, #1d2521);
  --_muted: var(--lokaal-color-muted, #55615b);
  --_surface: var(--lokaal-color-surface, #ffffff);
  --_border: var(--lokaal-color-border, #c9d1cb);
  --_positive: var(--lokaal-color-positive, #1b7a3a);
  --_warning: var(--lokaal-color-warning, #8a5a00);
  --_negative: var(--lokaal-color-negative, #a3231b);
  --_radius: var(--lokaal-radius, 0.5rem);
  --_space: var(--lokaal-space, 0.75rem);
  --_focus: var(--lokaal-color-focus, #1a5fb4);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --_accent: var(--lokaal-color-accent, #5cc19b);
    --_on-accent: var(--lokaal-color-on-accent, #0d1b15);
    --_text: var(--lokaal-color-text, #e8ede9);
    --_muted: var(--lokaal-color-muted, #a9b6ae);
    --_surface: var(--lokaal-color-surface, #17201b);
    --_border: var(--lokaal-color-border, #3a4a41);
    --_positive: var(--lokaal-color-positive, #6fd493);
    --_warning: var(--lokaal-color-warning, #f0c060);
    --_negative: var(--lokaal-color-negative, #ff8a80);
    --_focus: var(--lokaal-color-focus, #8ab4f8);
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { background: var(--_surface); color: var(--_text); }
body {
  margin: 0 auto;
  max-width: 60rem;
  padding: var(--_space);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  line-height: 1.45;
}
a { color: var(--_accent); }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.skip { position: absolute; left: -100vw; }
.skip:focus { position: static; }
.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: var(--_space); padding-block: var(--_space); border-bottom: 1px solid var(--_border); }
.site .brand { font-weight: bold; font-size: 1.25em; text-decoration: none; }
.crumbs ol { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; list-style: none; margin: var(--_space) 0; padding: 0; color: var(--_muted); }
.crumbs li + li::before { content: '›'; margin-inline-end: 0.5rem; }
main { display: grid; gap: calc(var(--_space) * 1.5); }
h1, h2, h3, p, dl, dd, table, ul { margin: 0; }
h1 { font-size: 1.6em; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; }
h3 { font-size: 1em; overflow-wrap: anywhere; }
.card {
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: calc(var(--_space) * 1.5);
  display: grid;
  gap: var(--_space);
}
.card > header { display: grid; gap: calc(var(--_space) / 3); }
.muted, .kind, .description, .fresh { color: var(--_muted); }
.state.open { color: var(--_positive); font-weight: bold; }
.state.closed { color: var(--_negative); font-weight: bold; }
table { border-collapse: collapse; }
caption { text-align: start; padding-bottom: 0.25rem; }
th, td { text-align: start; padding: 0.15rem 1rem 0.15rem 0; vertical-align: top; font-weight: normal; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem var(--_space); }
dt { color: var(--_muted); }
.list { list-style: none; padding: 0; display: grid; gap: var(--_space); grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
.list > li { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); display: grid; gap: 0.25rem; align-content: start; }
.price { font-weight: bold; }
.availability.in_stock { color: var(--_positive); }
.availability.limited, .availability.on_order, .stale { color: var(--_warning); }
.availability.out_of_stock { color: var(--_negative); }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.tags a { display: inline-block; padding: 0.25rem 0.6rem; border: 1px solid var(--_border); border-radius: 999px; text-decoration: none; }
.pager { display: flex; gap: var(--_space); }
/* The offers of a place, laid out as <lokaal-stock layout="full"> lays out its shadow tree
   (widgets/src/stock/stock.styles.ts, keep the two in step): /pagina.js swaps this block
   for the widget, and the widget must take exactly this box. */
.upgrade { position: relative; }
.upgrade > .lokaal-pending { position: absolute; inset: 0 0 auto; visibility: hidden; pointer-events: none; }
.stock { display: grid; gap: var(--_space); }
.stock-controls { display: none; }
@media (scripting: enabled) {
  .stock-controls { display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2) var(--_space); align-items: end; visibility: hidden; }
}
.stock-controls .field { display: grid; gap: 0.2em; flex: 1 1 10rem; }
.stock-controls .field.query { flex: 3 1 16rem; }
.stock-controls .label { font-size: 0.9em; }
.stock-controls input, .stock-controls select { font: inherit; margin: 0; border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.45em 0.6em; min-height: 2.5em; width: 100%; }
.stock .results { min-height: 16rem; }
.stock .status { margin: 0 0 calc(var(--_space) / 2); color: var(--_muted); font-size: 0.9em; }
.stock-list { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--_border); }
.stock-list > li { border-bottom: 1px solid var(--_border); padding: calc(var(--_space) * 0.6) 0; display: grid; grid-template-columns: 1fr auto; gap: 0.15em var(--_space); }
.stock-list .title { font-weight: 600; overflow-wrap: anywhere; }
.stock-list .price { font-weight: normal; text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
.stock-list .price.unknown { color: var(--_muted); font-size: 0.9em; }
.stock-list .availability, .stock-list .freshness { font-size: 0.9em; }
.stock-list .freshness { color: var(--_muted); grid-column: 1 / -1; }
.stock-list .availability.on_order { color: var(--_muted); }
.stock-more .more { display: inline-block; margin: var(--_space) var(--_space) 0 0; padding: 0.45em 1em; border: 1px solid var(--_accent); border-radius: var(--_radius); background: var(--_accent); color: var(--_on-accent); text-decoration: none; }
/* How many places offer a product, as <lokaal-nearby>'s badge (widgets/src/nearby/nearby.styles.ts). */
.nearby { max-width: 28rem; font-size: 0.9375rem; }
.nearby-badge { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 2.25rem; padding: 0.375rem 0.875rem; border: 1px solid var(--_accent); border-radius: 999px; background: var(--_accent); color: var(--_on-accent); font-weight: 600; text-decoration: none; text-align: start; }
.nearby-badge .chevron { display: inline-block; width: 0.5em; height: 0.5em; border-inline-end: 2px solid currentColor; border-block-end: 2px solid currentColor; transform: rotate(45deg) translateY(-25%); }
/* Room for <lokaal-search> on region pages, as its idle state lays out its shadow tree
   (widgets/src/search/search.styles.ts, keep the two in step); invisible, and only when
   scripts run. */
.upgrade.scripted { display: none; }
@media (scripting: enabled) { .upgrade.scripted { display: block; } }
.search { visibility: hidden; max-width: 48rem; }
.search .form { display: grid; gap: var(--_space); margin: 0 0 var(--_space); }
.search .label { display: block; font-weight: 600; margin-block-end: 0.25rem; }
.search .row, .search .filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: calc(var(--_space) / 1.5); }
.search .grow { flex: 1 1 14rem; min-width: 0; }
.search .field { flex: 1 1 10rem; min-width: 0; }
.search input[type='search'], .search input[type='text'], .search select { width: 100%; min-height: 2.75rem; margin: 0; padding: 0.5rem 0.75rem; font: inherit; border: 1px solid var(--_border); border-radius: var(--_radius); }
.search input[type='checkbox'] { width: 1.25rem; height: 1.25rem; margin: 0; }
.search .button { font: inherit; margin: 0; min-height: 2.75rem; padding: 0.5rem 1rem; border: 1px solid var(--_accent); border-radius: var(--_radius); }
.search .button.primary { font-weight: 600; }
.search .check { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 2.75rem; }
.search .note { margin: 0; min-height: 1.45em; font-size: 0.875rem; }
.search .status { margin: 0 0 calc(var(--_space) / 2); min-height: 1.45em; font-weight: 600; }
.search .area { display: flow-root; min-height: 18rem; }
.search .hint { margin: 0 0 calc(var(--_space) / 2); }
.site-footer { margin-top: calc(var(--_space) * 2); padding-block: var(--_space); border-top: 1px solid var(--_border); color: var(--_muted); display: flex; flex-wrap: wrap; gap: var(--_space); justify-content: space-between; }
`;
