import { LitElement, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { NetworkError, type LokaalClient } from '@lokaal/client';
import { formatOpeningState, type BBox, type PlaceSummary } from '@lokaal/core';
import { clientFor } from '../shared/api.js';
import { LokaalPlaceSelectEvent } from '../shared/events.js';
import { LocaleController } from '../shared/localize.js';
import { tokens } from '../shared/styles.js';
// Types only: Leaflet and supercluster stay out of this module and load with the view.
import type { MapView, MapViewLabels, TilesName } from './map-view.js';
import { mapStyles } from './map.styles.js';

/** The part of the API client the map uses; a test or a host may pass its own. */
export type MapClient = Pick<LokaalClient, 'region' | 'places'>;

/** A region can hold thousands of places; the map shows at most this many. */
const MAX_PLACES = 500;
const PAGE_SIZE = 100;
const DEFAULT_HEIGHT = '400px';
const TILE_NAMES: readonly TilesName[] = ['pdok', 'osm', 'none'];
const EMPTY: readonly PlaceSummary[] = [];

interface LoadedPlaces {
  area: BBox;
  places: PlaceSummary[];
  /** More places exist than the map shows. */
  capped: boolean;
}

/** `west,south,east,north` in degrees, or `null` when it is not one. */
function parseBBox(value: string): BBox | null {
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) return null;
  const [west, south, east, north] = parts as [number, number, number, number];
  if (west >= east || south >= north || south < -90 || north > 90 || west < -180 || east > 180) return null;
  return [west, south, east, north];
}

/** Search results come from another element: check their shape before trusting it. */
function isPlaceSummary(value: unknown): value is PlaceSummary {
  if (typeof value !== 'object' || value === null) return false;
  const place = value as Partial<PlaceSummary>;
  return (
    typeof place.id === 'string' &&
    typeof place.name === 'string' &&
    typeof place.address === 'object' &&
    place.address !== null &&
    typeof place.point === 'object' &&
    place.point !== null &&
    Number.isFinite(place.point.lat) &&
    Number.isFinite(place.point.lon)
  );
}

/** The places in the results of a `<lokaal-search>`, once each. */
function placesOfResults(detail: unknown): PlaceSummary[] {
  const items = (detail as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  const places = new Map<string, PlaceSummary>();
  for (const item of items) {
    const offers = (item as { offers?: unknown } | null)?.offers;
    if (!Array.isArray(offers)) continue;
    for (const offer of offers) {
      const place = (offer as { place?: unknown } | null)?.place;
      if (isPlaceSummary(place) && !places.has(place.id)) places.set(place.id, place);
    }
  }
  return [...places.values()];
}

/**
 * A street map of places: those of a region, of a bounding box, or of the results of a
 * `<lokaal-search>` on the same page. Leaflet loads in its own chunk only when a map is
 * on the page; until then, and always for keyboard and screen-reader users, a list of the
 * same places is there.
 *
 * @tagname lokaal-map
 * @summary A map of shops, with an accessible list of the same places.
 *
 * @example
 * <lokaal-search id="zoek" region="GM0307"></lokaal-search>
 * <lokaal-map for="zoek" region="GM0307" height="480px"></lokaal-map>
 *
 * @csspart base - The whole widget.
 * @csspart map - The map container (focusable, with an accessible name).
 * @csspart list - The list of the places on the map.
 *
 * @cssproperty --lokaal-color-accent - Markers, links and buttons (and every other global `--lokaal-color-…` token).
 * @cssproperty --lokaal-color-text - Text (global token, shared by every Lokaal element; dark theme has its own default).
 * @cssproperty --lokaal-color-surface - Background of the element's surfaces (global token).
 * @cssproperty --lokaal-color-border - Borders and dividers (global token).
 * @cssproperty --lokaal-color-focus - The focus ring (global token).
 * @cssproperty --lokaal-radius - Corner radius of fields, buttons and cards (global token, default `0.5rem`).
 * @cssproperty --lokaal-map-marker-color - The markers and clusters; the accent colour by default.
 * @cssproperty --lokaal-map-marker-selected-color - The chosen place's marker; the focus colour by default.
 * @cssproperty --lokaal-map-background - Behind the tiles, and the whole map with `tiles="none"`.
 * @cssproperty --lokaal-map-list-max-height - The list scrolls beyond this height (20rem).
 *
 * @fires {LokaalPlaceSelectEvent} lokaal-place-select - A place was chosen on the map or in the list.
 *   Detail `{ place: { id, name, point }, source: 'lokaal-map' }`.
 */
export class LokaalMap extends LitElement {
  static override styles = [tokens, mapStyles];

  private readonly localize = new LocaleController(this);

  private readonly placesTask = new Task(this, {
    task: async ([client, region, bbox], { signal }): Promise<LoadedPlaces | typeof initialState> => {
      const ownArea = parseBBox(bbox);
      if (!region && !ownArea) return initialState;
      const area = region ? (await client.region(region, { signal })).bbox : (ownArea as BBox);
      const places: PlaceSummary[] = [];
      let cursor: string | null = null;
      do {
        const page = await client.places(
          { bbox: area, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          { signal },
        );
        places.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && places.length < MAX_PLACES);
      return {
        area,
        places: places.slice(0, MAX_PLACES),
        capped: cursor !== null || places.length > MAX_PLACES,
      };
    },
    args: () => [this.client ?? clientFor(this.api), this.region.trim(), this.bbox.trim()] as const,
  });

  /** The places of the linked search's last results; `null` shows the region's or box's. */
  @state() private resultPlaces: PlaceSummary[] | null = null;
  @state() private listOpen = false;
  @state() private viewState: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private tilesFailed = false;
  @state() private selectedId: string | null = null;

  /** Base URL of the Lokaal API; the page's own origin when empty. */
  @property() api = '';

  /** A region id (`GM0307`, `amersfoort-binnenstad`): the map shows the places in its box. */
  @property() region = '';

  /** `west,south,east,north` in WGS84 degrees, when there is no `region`. */
  @property() bbox = '';

  /** The id of a `<lokaal-search>` whose results the map shows. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** `pdok` (default: the Dutch public base map), `osm`, or `none` for no background at all. */
  @property() tiles: TilesName = 'pdok';

  /** Height of the map as a CSS length (400px). */
  @property() height = DEFAULT_HEIGHT;

  /** `light` (default), `dark`, or `auto` to follow the visitor's system setting. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** The API client to use instead of one made from `api` (for tests, or a host's own). */
  @property({ attribute: false }) client?: MapClient;

  private view: MapView | null = null;
  private viewGeneration = 0;
  private shownPlaces: readonly PlaceSummary[] | null = null;
  private pendingSelection: LokaalPlaceSelectEvent['detail']['place'] | null = null;
  private listeners: AbortController | null = null;
  private leafletStylesAdopted = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    document.addEventListener('lokaal-results', (event) => this.onResults(event), { signal });
    document.addEventListener(
      'lokaal-place-select',
      (event) => this.onPlaceSelect(event as LokaalPlaceSelectEvent),
      {
        signal,
      },
    );
    window.addEventListener(
      'online',
      () => {
        if (this.placesTask.status === TaskStatus.ERROR) void this.placesTask.run();
      },
      { signal },
    );
    if (this.hasUpdated) void this.loadView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listeners?.abort();
    this.listeners = null;
    this.viewGeneration += 1;
    this.view?.destroy();
    this.view = null;
    this.shownPlaces = null;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    void this.loadView();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Through the CSSOM, not a style attribute: pages with a strict CSP forbid inline styles.
    const container = this.renderRoot.querySelector<HTMLElement>('[part~="map"]');
    if (container && container.style.height !== this.mapHeight) container.style.height = this.mapHeight;
    const view = this.view;
    if (!view) return;
    view.setTiles(this.tileName);
    const places = this.displayedPlaces;
    if (places !== this.shownPlaces) {
      this.shownPlaces = places;
      view.setPlaces(places, this.resultPlaces ? null : (this.placesTask.value?.area ?? null));
      view.setSelected(this.selectedId);
    }
    if (this.pendingSelection) {
      const { id, point } = this.pendingSelection;
      this.pendingSelection = null;
      view.showPlace(id, point);
    }
  }

  /** What the map shows now. */
  private get displayedPlaces(): readonly PlaceSummary[] {
    return this.resultPlaces ?? this.placesTask.value?.places ?? EMPTY;
  }

  private get tileName(): TilesName {
    return TILE_NAMES.includes(this.tiles) ? this.tiles : 'pdok';
  }

  private get mapHeight(): string {
    const height = (this.height ?? '').trim();
    return height && CSS.supports('height', height) ? height : DEFAULT_HEIGHT;
  }

  private labels = (): MapViewLabels => {
    const { m, locale } = this.localize;
    return {
      openingState: (place) => formatOpeningState(place, new Date(), locale),
      routeTo: m.routeTo,
      cluster: m.clusterLabel,
      close: m.close,
      zoomIn: m.zoomIn,
      zoomOut: m.zoomOut,
      pdokAttribution: m.tilesPdokAttribution,
      osmAttribution: m.tilesOsmAttribution,
    };
  };

  private async loadView(): Promise<void> {
    if (this.view) return;
    const generation = ++this.viewGeneration;
    this.viewState = 'loading';
    try {
      const module = await import('./map-view.js');
      if (generation !== this.viewGeneration || !this.isConnected) return;
      this.adoptLeafletStyles(module.leafletStyles);
      const container = this.renderRoot.querySelector<HTMLElement>('[part="map"]');
      if (!container) return;
      this.view = new module.MapView(container, {
        tiles: this.tileName,
        labels: this.labels,
        onSelect: (place) => this.select(place, false),
        onTileError: () => {
          this.tilesFailed = true;
        },
      });
      this.shownPlaces = null;
      this.viewState = 'ready';
    } catch {
      // Leaflet could not load or start (offline chunk, Trusted Types): the list remains.
      if (generation === this.viewGeneration) this.viewState = 'failed';
    }
  }

  /** Leaflet's stylesheet travels in the map chunk and is adopted when the chunk arrives. */
  private adoptLeafletStyles(styles: CSSResult): void {
    const root = this.renderRoot;
    const sheet = styles.styleSheet;
    if (this.leafletStylesAdopted || !(root instanceof ShadowRoot) || !sheet) return;
    root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    this.leafletStylesAdopted = true;
  }

  private onResults(event: Event): void {
    if (!this.htmlFor) return;
    const origin = event.composedPath()[0];
    const matches = [origin, event.target].some(
      (node) => node instanceof Element && node.id === this.htmlFor,
    );
    if (!matches) return;
    const places = placesOfResults((event as Event & { detail?: unknown }).detail);
    // Cleared results bring back the region's places (or nothing, without a region).
    this.resultPlaces = places.length > 0 ? places : null;
  }

  private onPlaceSelect(event: LokaalPlaceSelectEvent): void {
    if (event.composedPath().includes(this)) return;
    const place = event.detail?.place;
    if (!place || typeof place.id !== 'string') return;
    this.selectedId = place.id;
    if (this.view && this.shownPlaces === this.displayedPlaces) {
      this.view.showPlace(place.id, place.point);
    } else {
      this.pendingSelection = place;
    }
  }

  private select(place: PlaceSummary, fromList: boolean): void {
    this.selectedId = place.id;
    if (fromList) this.view?.showPlace(place.id);
    this.dispatchEvent(
      new LokaalPlaceSelectEvent({
        place: { id: place.id, name: place.name, point: place.point },
        source: 'lokaal-map',
      }),
    );
  }

  private onToggleList(): void {
    this.listOpen = !this.listOpen;
  }

  private onRetry(): void {
    void this.placesTask.run();
  }

  private renderStatus(): TemplateResult {
    const { m } = this.localize;
    const task = this.placesTask;
    const places = this.displayedPlaces;
    let text = '';
    if (this.resultPlaces === null && task.status === TaskStatus.PENDING) text = m.loadingMap;
    else if (this.resultPlaces !== null || task.status === TaskStatus.COMPLETE) {
      text =
        places.length === 0
          ? m.mapEmpty
          : [
              m.placesCount(places.length),
              this.resultPlaces === null && task.value?.capped ? m.mapCapped(places.length) : '',
            ]
              .filter(Boolean)
              .join(' ');
    } else if (this.viewState === 'loading') text = m.loadingMap;
    return html`<p class="status" role="status">${text}</p>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const { m } = this.localize;
    const task = this.placesTask;
    if (this.resultPlaces !== null || task.status !== TaskStatus.ERROR) return nothing;
    const offline =
      task.error instanceof NetworkError || (typeof navigator !== 'undefined' && navigator.onLine === false);
    return html`<div class="message" role="alert">
      <p><strong>${offline ? m.offlineTitle : m.errorTitle}</strong></p>
      <p>${offline ? m.offlineHint : m.errorHint}</p>
      <button class="retry" type="button" @click=${this.onRetry}>${m.tryAgain}</button>
    </div>`;
  }

  private renderPlace(place: PlaceSummary): TemplateResult {
    const { locale } = this.localize;
    const street = [place.address.street, place.address.housenumber].filter(Boolean).join(' ');
    const detail = [street, place.address.town, formatOpeningState(place, new Date(), locale)]
      .filter(Boolean)
      .join(' · ');
    return html`<li>
      <button
        class="place"
        type="button"
        aria-current=${this.selectedId === place.id ? 'true' : 'false'}
        @click=${() => this.select(place, true)}
      >
        <span class="place-name">${place.name}</span>
        <span class="place-detail">${detail}</span>
      </button>
    </li>`;
  }

  protected override render(): TemplateResult {
    const { m } = this.localize;
    const failed = this.viewState === 'failed';
    const listShown = this.listOpen || failed;
    const places = this.displayedPlaces;
    return html`<div part="base">
      <div class="bar">
        ${this.renderStatus()}
        <button
          class="toggle"
          type="button"
          aria-expanded=${listShown ? 'true' : 'false'}
          aria-controls="places"
          ?hidden=${failed}
          @click=${this.onToggleList}
        >
          ${listShown ? m.hideList : m.showList}
        </button>
      </div>
      ${this.renderFailure()} ${failed ? html`<p class="note">${m.mapUnavailable}</p>` : nothing}
      ${this.tilesFailed && this.tileName !== 'none' ? html`<p class="note">${m.mapNoTiles}</p>` : nothing}
      <!-- The list follows its toggle, before the map, so Tab reaches it without crossing every marker. -->
      <ul id="places" part="list" aria-label=${m.mapListLabel} ?hidden=${!listShown}>
        ${places.map((place) => this.renderPlace(place))}
      </ul>
      <p id="map-hint" class="visually-hidden">${m.mapKeyboardHint}</p>
      <div
        part="map"
        tabindex="0"
        role="region"
        aria-label=${m.mapLabel}
        aria-describedby="map-hint"
        ?hidden=${failed}
      ></div>
    </div>`;
  }
}
