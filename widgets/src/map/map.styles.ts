import { css } from 'lit';

export const mapStyles = css`
  :host {
    display: block;
    --_marker-color: var(--lokaal-map-marker-color, var(--_accent));
    --_marker-selected-color: var(--lokaal-map-marker-selected-color, var(--_focus));
    --_map-background: var(--lokaal-map-background, #e8ece9);
  }

  /* The element paints its own surface, as the others do: in the dark theme its muted
     text would otherwise sit on the host page's light background. */
  [part='base'] {
    display: grid;
    gap: calc(var(--_space) / 2);
    background: var(--_surface);
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
  }

  .status,
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .toggle {
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    border-radius: var(--_radius);
    padding: 0.35em 0.9em;
    cursor: pointer;
  }

  [part='map'] {
    position: relative;
    width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_map-background);
    z-index: 0;
    isolation: isolate;
  }

  [part='map'][hidden] {
    display: none;
  }

  [part='map']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Markers: our own pin, coloured by the theme. */
  .lokaal-marker {
    background: none;
    border: 0;
    cursor: pointer;
  }

  .lokaal-pin,
  .lokaal-pin svg {
    display: block;
  }

  .lokaal-pin-body {
    fill: var(--_marker-color);
    stroke: #ffffff;
    stroke-width: 2;
  }

  .lokaal-pin-dot {
    fill: #ffffff;
  }

  .lokaal-marker.is-selected .lokaal-pin-body {
    fill: var(--_marker-selected-color);
  }

  .lokaal-marker:focus-visible,
  .lokaal-cluster:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 50%;
  }

  .lokaal-cluster {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_marker-color);
    color: var(--_on-accent);
    border: 3px solid #ffffff;
    box-shadow: 0 1px 4px rgb(0 0 0 / 35%);
    font-weight: 700;
    font-size: 0.9rem;
    cursor: pointer;
  }

  .lokaal-popup {
    display: grid;
    gap: 0.2em;
    font: inherit;
    color: #1d2521;
  }

  .lokaal-popup-name {
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }

  .lokaal-popup-state.open {
    color: #1b7a3a;
  }

  .lokaal-popup-state.closed {
    color: #a3231b;
  }

  .lokaal-popup-route {
    color: var(--_accent);
  }

  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-height: var(--lokaal-map-list-max-height, 20rem);
    overflow-y: auto;
  }

  [part='list'][hidden] {
    display: none;
  }

  [part='list'] li + li {
    border-top: 1px solid var(--_border);
  }

  .place {
    display: grid;
    gap: 0.1em;
    width: 100%;
    text-align: start;
    background: var(--_surface);
    border: 0;
    padding: 0.5em 0.75em;
    cursor: pointer;
  }

  .place:hover {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }

  .place[aria-current='true'] {
    box-shadow: inset 4px 0 0 var(--_accent);
  }

  .place-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .place-detail {
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }

  .message {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }

  .message p {
    margin: 0;
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
