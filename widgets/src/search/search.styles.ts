import { css } from 'lit';

export const searchStyles = css`
  :host {
    display: block;
    --_search-max-width: var(--lokaal-search-max-width, 48rem);
    --_search-accent: var(--lokaal-search-accent, var(--_accent));
    --_search-results-min-height: var(--lokaal-search-results-min-height, 18rem);
  }

  [part='base'] {
    max-width: var(--_search-max-width);
    color: var(--_text);
    background: var(--_surface);
    color-scheme: light;
  }

  :host([theme='dark']) [part='base'] {
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) [part='base'] {
      color-scheme: dark;
    }
  }

  [part='form'] {
    display: grid;
    gap: var(--_space);
    margin: 0 0 var(--_space);
  }

  label,
  .label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) / 1.5);
  }

  .grow {
    flex: 1 1 14rem;
    min-width: 0;
  }

  .combo {
    position: relative;
  }

  input[type='search'],
  input[type='text'],
  select {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part='input'] {
    caret-color: var(--_search-accent);
  }

  input[aria-invalid='true'] {
    border-color: var(--_negative);
  }

  input[type='checkbox'] {
    accent-color: var(--_search-accent);
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }

  .button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_search-accent);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }

  .button.primary {
    background: var(--_search-accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  .listbox {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    top: 100%;
    margin: 0.25rem 0 0;
    padding: 0.25rem 0;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.15);
  }

  .listbox[hidden] {
    display: none;
  }

  [role='option'] {
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }

  [role='option'][aria-selected='true'] {
    background: var(--_search-accent);
    color: var(--_on-accent);
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) / 1.5);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }

  .field {
    flex: 1 1 10rem;
    min-width: 0;
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    font-weight: normal;
    margin: 0;
  }

  .note {
    margin: 0;
    min-height: 1.45em;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  [part='status'] {
    margin: 0 0 calc(var(--_space) / 2);
    min-height: 1.45em;
    font-weight: 600;
  }

  .area {
    /* A formatting context of its own: children's margins stay inside the reserved height. */
    display: flow-root;
    min-height: var(--_search-results-min-height);
  }

  .hint,
  .message p {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }

  .message {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .message.error {
    border-color: var(--_negative);
  }

  [part='results'],
  .skeleton,
  .places {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  [part='results'][aria-busy='true'] {
    opacity: 0.6;
  }

  [part='result'] {
    padding: var(--_space) 0;
    border-block-end: 1px solid var(--_border);
  }

  [part='result']:focus-visible {
    outline-offset: -3px;
  }

  .result-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    margin: 0 0 0.25rem;
  }

  .title {
    font-weight: 600;
    font-size: 1.0625rem;
    overflow-wrap: anywhere;
  }

  .brand,
  .meta,
  .count {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .price {
    font-weight: 600;
    white-space: nowrap;
  }

  .place {
    margin-block-start: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_border);
  }

  .place.selected {
    border-inline-start-color: var(--_search-accent);
    background: color-mix(in srgb, var(--_search-accent) 8%, transparent);
  }

  .place-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }

  .place-name {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_search-accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    text-align: start;
    overflow-wrap: anywhere;
  }

  .meta {
    margin: 0.125rem 0 0;
  }

  .meta > * + *::before {
    content: ' · ';
  }

  .availability {
    font-weight: 600;
  }

  [data-availability='in_stock'],
  [data-availability='limited'],
  [data-open='open'] {
    color: var(--_positive);
  }

  [data-availability='out_of_stock'] {
    color: var(--_negative);
  }

  [data-availability='on_order'],
  .stale {
    color: var(--_warning);
  }

  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
  }

  .more {
    margin-block-start: var(--_space);
  }

  .skeleton {
    display: grid;
    gap: var(--_space);
    padding-block: calc(var(--_space) / 2);
  }

  .skeleton li {
    height: 4.5rem;
    border-radius: var(--_radius);
    background: linear-gradient(
      90deg,
      color-mix(in srgb, var(--_border) 60%, transparent),
      color-mix(in srgb, var(--_border) 25%, transparent),
      color-mix(in srgb, var(--_border) 60%, transparent)
    );
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }

  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton li {
      animation: none;
    }
  }
`;
