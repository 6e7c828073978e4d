import { css } from 'lit';

export const stockStyles = css`
  :host {
    display: block;
    --_stock-background: var(--lokaal-stock-background, var(--_surface));
    --_stock-min-height: var(--lokaal-stock-min-height, 16rem);
  }

  [part='base'] {
    background: var(--_stock-background);
    display: grid;
    gap: var(--_space);
  }

  [part='search'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: end;
  }

  .field {
    display: grid;
    gap: 0.2em;
    flex: 1 1 10rem;
  }

  .field.query {
    flex: 3 1 16rem;
  }

  label {
    font-size: 0.9em;
    color: var(--_muted);
  }

  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.45em 0.6em;
    min-height: 2.5em;
    width: 100%;
  }

  .results {
    min-height: var(--_stock-min-height);
  }

  .results[aria-busy='true'] [part='list'] {
    opacity: 0.6;
  }

  .status {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
    font-size: 0.9em;
  }

  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--_border);
  }

  [part='item'] {
    border-bottom: 1px solid var(--_border);
    padding: calc(var(--_space) * 0.6) 0;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15em var(--_space);
  }

  [part='item']:focus {
    outline: none;
  }

  [part='item']:focus-visible {
    outline: 3px solid var(--_focus);
  }

  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .price {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }

  .price.unknown {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .availability,
  .freshness {
    font-size: 0.9em;
  }

  .freshness {
    color: var(--_muted);
    grid-column: 1 / -1;
  }

  .availability.in_stock {
    color: var(--_positive);
  }

  .availability.limited {
    color: var(--_warning);
  }

  .availability.out_of_stock {
    color: var(--_negative);
  }

  .availability.on_order {
    color: var(--_muted);
  }

  .stale {
    color: var(--_warning);
  }

  /* Compact: one line per item, the title taking what is left. */
  :host([layout='compact']) [part='item'] {
    grid-template-columns: minmax(0, 1fr) auto auto;
    align-items: baseline;
    padding: calc(var(--_space) * 0.35) 0;
  }

  :host([layout='compact']) .title {
    font-weight: normal;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .bone {
    display: block;
    height: 2.6em;
    margin: 0 0 0.5em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_border);
    opacity: 0.5;
  }

  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.6s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.25;
      }
    }
  }

  .message {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }

  .message p {
    margin: 0;
  }

  button {
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.45em 1em;
    cursor: pointer;
  }

  .more,
  .retry {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .more {
    margin-top: var(--_space);
  }

  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
`;
