import { css } from 'lit';

/**
 * The design tokens every element shares. A host page themes Lokaal by setting these
 * custom properties (they inherit through shadow roots); component tokens such as
 * `--lokaal-search-…` fall back to them. No web fonts: the host's font is inherited.
 */
export const tokens = css`
  :host {
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
    --_font: var(--lokaal-font, inherit);
    --_focus: var(--lokaal-color-focus, #1a5fb4);
  }

  /* The dark values stand twice on purpose: gzip makes the repeat nearly free, while
     interpolating one shared block costs 0.3 KB in the bundle. */
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
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

  :host([theme='dark']) {
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

  :host([hidden]) {
    display: none !important;
  }

  /* A hostile page's global CSS does not reach into the shadow root, but inherited
     properties do: reset the ones that would break the layout. */
  [part='base'] {
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: 1rem;
    font-style: normal;
    font-weight: normal;
    letter-spacing: normal;
    line-height: 1.45;
    text-align: start;
    text-transform: none;
    white-space: normal;
    word-spacing: normal;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  a {
    color: var(--_accent);
  }

  button {
    font: inherit;
    color: inherit;
  }
`;
