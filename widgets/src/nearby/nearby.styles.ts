import { css } from 'lit';

export const nearbyStyles = css`
  :host {
    display: block;
    --_nearby-accent: var(--lokaal-nearby-accent, var(--_accent));
    --_nearby-max-width: var(--lokaal-nearby-max-width, 28rem);
  }

  /* Nothing to show: the element takes no space at all. */
  :host(:state(silent)) {
    display: none;
  }

  [part='base'] {
    max-width: var(--_nearby-max-width);
    font-size: 0.9375rem;
  }

  [part='badge'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_nearby-accent);
    border-radius: 999px;
    background: var(--_nearby-accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
    text-align: start;
  }

  .chevron {
    display: inline-block;
    width: 0.5em;
    height: 0.5em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(45deg) translateY(-25%);
  }

  [aria-expanded='true'] .chevron {
    transform: rotate(-135deg) translateY(-25%);
  }

  [part='list'] {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part='list'][hidden] {
    display: none;
  }

  [part='item'] {
    padding: 0.5rem 0.75rem;
  }

  [part='item'] + [part='item'] {
    border-block-start: 1px solid var(--_border);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }

  .name {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_nearby-accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    text-align: start;
    overflow-wrap: anywhere;
  }

  .price {
    font-weight: 600;
    margin-inline-start: auto;
  }

  .meta,
  .distance {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .meta {
    margin: 0.125rem 0 0;
  }

  .meta > * + *::before {
    content: ' · ';
  }

  [data-availability='in_stock'],
  [data-availability='limited'],
  [data-open='open'] {
    color: var(--_positive);
    font-weight: 600;
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

  .empty {
    margin: 0;
    color: var(--_muted);
  }
`;
