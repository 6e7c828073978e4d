/**
 * The panel's own styles, on top of the widgets' tokens and `<lokaal-nearby>`'s list
 * styles. Everything is scoped to a closed shadow root; `:host` is reset with `all:
 * initial !important`, so that neither the page's rules for the host element nor the
 * styles it would inherit (font size, letter spacing, text transform…) reach in.
 */
export const panelStyles = `
  /* Important declarations of a shadow root's :host win over the page's, important or not. */
  :host {
    all: initial !important;
    display: block !important;
    margin-block: 0.75rem !important;
    font-family: system-ui, sans-serif !important;
    contain: layout style !important;
  }

  /* Where the page has no room that moves nothing: a card fixed in a bottom corner. */
  :host([data-placement='floating']) {
    position: fixed !important;
    inset-block-end: 1rem !important;
    inset-inline-end: 1rem !important;
    z-index: 2147483646 !important;
    margin: 0 !important;
    width: min(22rem, calc(100vw - 2rem)) !important;
  }

  :host([data-placement='floating'][data-side='start']) {
    inset-inline-end: auto !important;
    inset-inline-start: 1rem !important;
  }

  :host([data-placement='floating']) [part='base'] {
    max-height: calc(100vh - 2rem);
    overflow: auto;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
  }

  [part='base'] {
    max-width: 28rem;
    padding: 0.625rem 0.75rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.9375rem;
  }

  .bar {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }

  h2 {
    flex: 1;
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
    color: var(--_text);
  }

  .toggle,
  .icon {
    min-width: 2rem;
    min-height: 2rem;
    padding: 0.25rem 0.5rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    cursor: pointer;
  }

  .toggle {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding-inline-start: 0;
    text-align: start;
  }

  .toggle:hover,
  .icon:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }

  [part='list'] {
    border: 0;
    margin-top: 0.25rem;
  }

  [part='item'] {
    padding-inline: 0;
  }

  .similar {
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .hint {
    margin: 0.25rem 0 0.5rem;
    color: var(--_muted);
  }

  .search {
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }

  /* The page's own display rules never reach here, but ours would beat [hidden]. */
  [hidden] {
    display: none !important;
  }

  .footer {
    display: flex;
    justify-content: flex-end;
    margin-top: 0.25rem;
  }

  .dismiss {
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: var(--_muted);
    font-size: 0.8125rem;
    text-decoration: underline;
    cursor: pointer;
  }
`;
