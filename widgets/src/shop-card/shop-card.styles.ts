import { css } from 'lit';

export const shopCardStyles = css`
  :host {
    display: block;
    --_card-background: var(--lokaal-shop-card-background, var(--_surface));
    --_card-padding: var(--lokaal-shop-card-padding, calc(var(--_space) * 1.5));
    --_card-min-height: var(--lokaal-shop-card-min-height, 22rem);
  }

  [part='base'] {
    background: var(--_card-background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_card-padding);
    display: grid;
    gap: var(--_space);
  }

  /* The skeleton holds the space the card will take, so nothing below it jumps. */
  [part='base'].loading {
    min-height: var(--_card-min-height);
    align-content: start;
  }

  .bone {
    display: block;
    height: 1em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_border);
    opacity: 0.55;
  }

  .bone.title {
    height: 1.5em;
    width: 60%;
  }

  .bone.short {
    width: 40%;
  }

  .bone.block {
    height: 9rem;
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

  h2,
  h3,
  p,
  dl,
  dd,
  table {
    margin: 0;
  }

  [part='header'] {
    display: grid;
    gap: calc(var(--_space) / 3);
  }

  .name {
    font-size: 1.25em;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  .kind,
  .description {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .state {
    font-weight: 600;
  }

  .state.open {
    color: var(--_positive);
  }

  .state.closed {
    color: var(--_negative);
  }

  .state.unknown {
    color: var(--_muted);
  }

  [part='hours'] {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  h3 {
    font-size: 1em;
  }

  table {
    border-collapse: collapse;
    width: 100%;
    max-width: 26rem;
  }

  th,
  td {
    text-align: start;
    padding: 0.15em 0.5em 0.15em 0;
    vertical-align: top;
    font-weight: normal;
  }

  tr.today th,
  tr.today td {
    font-weight: 700;
  }

  .raw {
    overflow-wrap: anywhere;
  }

  [part='contact'] {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2em var(--_space);
  }

  dt {
    color: var(--_muted);
  }

  dd {
    overflow-wrap: anywhere;
  }

  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .show-on-map {
    font-size: 0.9em;
  }

  .message {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }

  .message strong {
    font-weight: 700;
  }

  .retry {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    border-radius: var(--_radius);
    padding: 0.4em 0.9em;
    cursor: pointer;
  }
`;
