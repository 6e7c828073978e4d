import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  PLACE_KINDS,
  formatDistance,
  formatFreshness,
  formatOpeningState,
  formatPrice,
  roundPoint,
  type Locale,
  type Messages,
  type OfferAtPlace,
  type PlaceKind,
  type PlaceSummary,
  type Point,
  type SearchResult,
} from '@lokaal/core';
import type { LokaalClient, SearchParams } from '@lokaal/client';
import { clientFor } from '../shared/api.js';
import { LokaalPlaceSelectEvent } from '../shared/events.js';
import { LocaleController } from '../shared/localize.js';
import { routeUrl, safeHttpUrl } from '../shared/safe-url.js';
import { publishStructuredData } from '../shared/publish-structured-data.js';
import { tokens } from '../shared/styles.js';
import { LokaalResultsEvent, LokaalSearchEvent, type SearchQuery } from './events.js';
import { searchStyles } from './search.styles.js';

export { LokaalResultsEvent, LokaalSearchEvent } from './events.js';
export type { ResultsDetail, SearchQuery } from './events.js';

/** The part of the API client this element calls; tests pass a small fake. */
export type SearchClient = Pick<LokaalClient, 'search'>;

type Status = 'idle' | 'loading' | 'results' | 'empty' | 'error' | 'offline';

interface Failure {
  detail: string | null;
  /** The request parameter the API rejected, when it named one. */
  parameter: string | null;
}

const RADIUS_CHOICES_IN_METRES = [1000, 2000, 5000, 10_000, 25_000];
const DEFAULT_RADIUS_IN_METRES = 5000;
const MAX_RADIUS_IN_METRES = 50_000;
const TYPE_AHEAD_DELAY_MS = 250;
const TYPE_AHEAD_MIN_LENGTH = 2;
const MAX_SUGGESTIONS = 5;
const PLACES_PER_RESULT = 3;
const QUERY_MAX_LENGTH = 100;
const SOURCE = 'lokaal-search';

/** The names `sync-url` uses in the page URL. */
const URL_PARAMS = {
  q: 'q',
  near: 'near',
  radius: 'radius',
  category: 'category',
  kind: 'kind',
  inStock: 'in_stock',
  openNow: 'open_now',
} as const;

/** The API takes category slugs (`fietsen`, `boeken-en-tijdschriften`): `Boeken & Tijdschriften` becomes one. */
function categorySlug(text: string | null | undefined): string | null {
  const slug = (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || null;
}

function isPlaceKind(value: unknown): value is PlaceKind {
  return typeof value === 'string' && (PLACE_KINDS as readonly string[]).includes(value);
}

function validRadius(value: number): number {
  return Number.isFinite(value) && value > 0
    ? Math.min(Math.round(value), MAX_RADIUS_IN_METRES)
    : DEFAULT_RADIUS_IN_METRES;
}

/** The client throws only its own typed errors; their `kind` says which (robust across bundle copies). */
function errorKind(error: unknown): string | null {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? kind : null;
}

/**
 * A search box for what local shops sell, with type-ahead suggestions, a location
 * (postcode, town or the shopper's rounded position), filters and a list of results with
 * the nearest places, their prices, stock, freshness, opening state and a route link.
 *
 * @tagname lokaal-search
 * @summary Search local shops' products near a postcode, town or the shopper's location.
 *
 * @example
 * <lokaal-search id="zoek" api="https://api.lokaal.example" near="3811" sync-url></lokaal-search>
 * <lokaal-map for="zoek"></lokaal-map>
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The search form (query, location, distance and filters).
 * @csspart input - The search text field (a combobox with suggestions).
 * @csspart status - The line that says how many results there are (a polite live region).
 * @csspart results - The list of results.
 * @csspart result - One result: a product or local item and where to get it.
 *
 * @cssproperty --lokaal-search-max-width - The widest the element grows (default `48rem`).
 * @cssproperty --lokaal-search-accent - Buttons, links and highlights (default `--lokaal-color-accent`).
 * @cssproperty --lokaal-search-results-min-height - Height kept for the results, so that nothing below jumps while loading (default `18rem`).
 * @cssproperty --lokaal-color-accent - The global accent colour, shared by every Lokaal element.
 * @cssproperty --lokaal-color-text - Text (global token, shared by every Lokaal element; dark theme has its own default).
 * @cssproperty --lokaal-color-surface - Background of the element's surfaces (global token).
 * @cssproperty --lokaal-color-border - Borders and dividers (global token).
 * @cssproperty --lokaal-color-focus - The focus ring (global token).
 * @cssproperty --lokaal-radius - Corner radius of fields, buttons and cards (global token, default `0.5rem`).
 *
 * @fires {LokaalSearchEvent} lokaal-search - A search starts; `detail` is the {@link SearchQuery}.
 * @fires {LokaalResultsEvent} lokaal-results - The results changed; `detail` is `{ items, near, radiusInMetres }`.
 * @fires {LokaalPlaceSelectEvent} lokaal-place-select - The shopper chose a place in a result. Detail `{ place: { id, name, point }, source: 'lokaal-search' }`.
 */
export class LokaalSearch extends LitElement {
  static override styles = [tokens, searchStyles];

  private readonly localize = new LocaleController(this);

  @state() private status: Status = 'idle';
  @state() private items: SearchResult[] = [];
  @state() private nextCursor: string | null = null;
  @state() private moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  @state() private failure: Failure | null = null;
  /** The text in the search field. */
  @state() private query = '';
  /** The text in the location field: a postcode, a town or a rounded `lat,lon`. */
  @state() private location = '';
  /** The location came from the device (rounded): it is never written into the page URL. */
  @state() private geolocated = false;
  @state() private locating = false;
  @state() private locationNote = '';
  @state() private inStock = false;
  @state() private openNow = false;
  @state() private suggestions: string[] = [];
  @state() private suggestionsOpen = false;
  @state() private activeSuggestion = -1;
  @state() private selectedPlaceId: string | null = null;

  /** Base URL of the Lokaal API; the page's own origin when absent. */
  @property() api: string | null = null;
  /** A region id (such as `GM0307`) to search in. */
  @property() region: string | null = null;
  /** The starting location: `lat,lon`, a postcode or a town. */
  @property() near: string | null = null;
  /** Search radius in metres around the location. */
  @property({ type: Number }) radius = DEFAULT_RADIUS_IN_METRES;
  /** A category to filter on (text or slug). */
  @property() category: string | null = null;
  /** A kind of place to filter on: `shop`, `horeca`, `culture`, `service` or `market`. */
  @property() kind: PlaceKind | null = null;
  /** The language of the element (`nl` or `en`); the page's `lang` when absent. */
  @property({ reflect: true }) override lang!: string;
  /** Placeholder text of the search field; a Dutch or English example by default. */
  @property() placeholder: string | null = null;
  /** Keep the search in the page URL (read on load, written on submit) so links and the back button work. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Results per page (1–100). */
  @property({ type: Number }) limit = 10;
  /** Colour scheme: `light`, `dark` or `auto` (follows the device). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** An API client to use instead of the one for `api` (for tests and for pages that bring their own). */
  @property({ attribute: false }) client: SearchClient | null = null;
  /** Add schema.org JSON-LD for what the element shows to the page's `<head>`, for search engines; off by default. */
  @property({ type: Boolean, attribute: 'structured-data' }) structuredData = false;

  private request: AbortController | null = null;
  /** What the shown (or loading) results were asked for, to skip asking the same twice. */
  private requestKey: string | null = null;
  private lastQuery: SearchQuery | null = null;
  private typeAheadTimer: ReturnType<typeof setTimeout> | undefined;
  /** A typed search is under way and its titles may be offered as suggestions. */
  private awaitingSuggestions = false;
  private listeners: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    document.addEventListener(
      LokaalPlaceSelectEvent.type,
      (event) => this.onPlaceSelected(event as LokaalPlaceSelectEvent),
      { signal },
    );
    window.addEventListener('popstate', () => this.onPopState(), { signal });
    window.addEventListener(
      'online',
      () => {
        if (this.status === 'offline') this.retry();
      },
      { signal },
    );
    // Moved in the page while a request ran: the disconnect aborted it, so ask again.
    if (this.moreStatus === 'loading') this.moreStatus = 'idle';
    if (this.hasUpdated && this.status === 'loading') this.startSearch('retry');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listeners?.abort();
    this.listeners = null;
    clearTimeout(this.typeAheadTimer);
    this.request?.abort();
    this.request = null;
    this.requestKey = null;
  }

  protected override updated(): void {
    // The shown results as Products with Offers in the page's JSON-LD, with `structured-data`.
    publishStructuredData(this, this.items);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('near')) {
      this.location = this.near ?? '';
      this.geolocated = false;
    }
    if (!this.hasUpdated) {
      if (this.syncUrl) this.readUrl();
      if (this.query.trim()) this.startSearch('url');
      return;
    }
    if (changed.has('api') || changed.has('client')) this.requestKey = null;
    const searchInputs = [
      'near',
      'radius',
      'category',
      'kind',
      'region',
      'limit',
      'api',
      'client',
      'location',
      'inStock',
      'openNow',
    ] as const;
    if (searchInputs.some((name) => changed.has(name))) {
      if (this.query.trim() || this.lastQuery) this.startSearch('change');
    }
  }

  /** Runs the search now (as if the shopper pressed the search button). */
  submit(): void {
    this.closeSuggestions();
    this.startSearch('submit');
  }

  private get apiClient(): SearchClient {
    return this.client ?? clientFor(this.api);
  }

  private currentQuery(): SearchQuery {
    return {
      q: this.query.trim().slice(0, QUERY_MAX_LENGTH),
      near: this.location.trim() || null,
      radiusInMetres: validRadius(this.radius),
      category: categorySlug(this.category),
      kind: isPlaceKind(this.kind) ? this.kind : null,
      inStock: this.inStock,
      openNow: this.openNow,
    };
  }

  private searchParams(query: SearchQuery, cursor: string | null): SearchParams {
    const limit = Number.isFinite(this.limit) ? Math.min(Math.max(Math.round(this.limit), 1), 100) : 10;
    const params: SearchParams = { q: query.q, limit };
    if (query.near) {
      params.near = query.near;
      params.radius = query.radiusInMetres;
    }
    if (this.region) params.region = this.region;
    if (query.category) params.category = query.category;
    if (query.kind) params.kind = query.kind;
    if (query.inStock) params.in_stock = true;
    if (query.openNow) params.open_now = true;
    if (cursor) params.cursor = cursor;
    return params;
  }

  /**
   * Starts a search from the current inputs. `typed` comes from type-ahead, `submit`
   * writes a new history entry (with `sync-url`), `change` (a filter or an attribute)
   * replaces the current one, `url` and `retry` leave the URL alone.
   */
  private startSearch(trigger: 'typed' | 'submit' | 'change' | 'url' | 'retry'): void {
    clearTimeout(this.typeAheadTimer);
    const query = this.currentQuery();
    if (this.syncUrl && (trigger === 'submit' || trigger === 'change')) {
      this.writeUrl(query, trigger === 'submit' ? 'push' : 'replace');
    }
    if (!query.q) {
      this.showIdle();
      return;
    }
    const key = JSON.stringify(this.searchParams(query, null));
    const settled = this.status === 'error' || this.status === 'offline';
    if (trigger !== 'retry' && key === this.requestKey && !settled) return;
    this.requestKey = key;
    void this.fetchPage(query, null, trigger === 'typed');
  }

  private showIdle(): void {
    this.request?.abort();
    this.request = null;
    this.requestKey = null;
    this.lastQuery = null;
    this.status = 'idle';
    this.failure = null;
    this.closeSuggestions();
    this.suggestions = [];
    this.setResults([], null, null, null);
  }

  private async fetchPage(query: SearchQuery, cursor: string | null, typed = false): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    const appending = cursor !== null;
    if (appending) {
      this.moreStatus = 'loading';
    } else {
      this.status = 'loading';
      this.failure = null;
      this.moreStatus = 'idle';
      this.lastQuery = query;
      this.dispatchEvent(new LokaalSearchEvent(query));
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.request = null;
      this.fail(appending, 'offline', null);
      return;
    }
    try {
      const response = await this.apiClient.search(this.searchParams(query, cursor), {
        signal: request.signal,
      });
      if (request.signal.aborted) return;
      this.request = null;
      const items = appending ? [...this.items, ...response.items] : response.items;
      const firstNew = this.items.length;
      this.status = items.length > 0 ? 'results' : 'empty';
      this.moreStatus = 'idle';
      this.setResults(items, response.next_cursor, response.near, response.radius_m);
      if (typed && this.awaitingSuggestions) this.offerSuggestions(items);
      if (appending && response.items.length > 0) void this.focusResult(firstNew);
    } catch (error) {
      if (request.signal.aborted || errorKind(error) === 'aborted') return;
      this.request = null;
      const kind = errorKind(error);
      const offline =
        kind === 'network' ||
        kind === 'timeout' ||
        (typeof navigator !== 'undefined' && navigator.onLine === false);
      const problem = kind === 'problem' ? (error as { detail?: string; parameter?: string }) : null;
      this.fail(appending, offline ? 'offline' : 'error', {
        detail: problem?.detail ?? null,
        parameter: problem?.parameter ?? null,
      });
    }
  }

  private fail(appending: boolean, status: 'error' | 'offline', failure: Failure | null): void {
    if (appending) {
      this.moreStatus = 'error';
      return;
    }
    this.status = status;
    this.failure = failure;
    this.closeSuggestions();
    this.setResults([], null, null, null);
  }

  private setResults(
    items: SearchResult[],
    nextCursor: string | null,
    near: Point | null,
    radiusInMetres: number | null,
  ): void {
    const changed = items.length > 0 || this.items.length > 0;
    this.items = items;
    this.nextCursor = nextCursor;
    if (changed) this.dispatchEvent(new LokaalResultsEvent({ items, near, radiusInMetres }));
  }

  private offerSuggestions(items: SearchResult[]): void {
    const titles: string[] = [];
    for (const item of items) {
      if (!titles.includes(item.title)) titles.push(item.title);
      if (titles.length === MAX_SUGGESTIONS) break;
    }
    this.suggestions = titles;
    this.activeSuggestion = -1;
    const focused = this.shadowRoot?.activeElement?.id === 'q';
    this.suggestionsOpen = focused && titles.length > 0;
  }

  private closeSuggestions(): void {
    this.awaitingSuggestions = false;
    this.suggestionsOpen = false;
    this.activeSuggestion = -1;
  }

  private retry(): void {
    if (this.moreStatus === 'error') {
      this.loadMore();
      return;
    }
    this.startSearch('retry');
  }

  private loadMore(): void {
    if (!this.nextCursor || !this.lastQuery) return;
    void this.fetchPage(this.lastQuery, this.nextCursor);
  }

  private async focusResult(index: number): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part='result'][data-index='${index}']`)?.focus();
  }

  private readUrl(): void {
    const params = new URL(window.location.href).searchParams;
    const q = params.get(URL_PARAMS.q);
    if (q !== null) this.query = q.slice(0, QUERY_MAX_LENGTH);
    const near = params.get(URL_PARAMS.near);
    if (near !== null) {
      this.location = near;
      this.geolocated = false;
    }
    const radius = Number(params.get(URL_PARAMS.radius));
    if (params.has(URL_PARAMS.radius) && radius > 0) this.radius = validRadius(radius);
    const category = params.get(URL_PARAMS.category);
    if (category !== null) this.category = category || null;
    const kind = params.get(URL_PARAMS.kind);
    if (kind !== null) this.kind = isPlaceKind(kind) ? kind : null;
    this.inStock = params.get(URL_PARAMS.inStock) === 'true';
    this.openNow = params.get(URL_PARAMS.openNow) === 'true';
  }

  private writeUrl(query: SearchQuery, mode: 'push' | 'replace'): void {
    const url = new URL(window.location.href);
    const set = (name: string, value: string | null): void => {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    };
    set(URL_PARAMS.q, query.q || null);
    // A position from the device stays out of the URL: a shared link would tell where the shopper is.
    set(URL_PARAMS.near, this.geolocated ? null : query.near);
    set(URL_PARAMS.radius, query.near ? String(query.radiusInMetres) : null);
    set(URL_PARAMS.category, query.category);
    set(URL_PARAMS.kind, query.kind);
    set(URL_PARAMS.inStock, query.inStock ? 'true' : null);
    set(URL_PARAMS.openNow, query.openNow ? 'true' : null);
    if (url.href === window.location.href) return;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  private onPopState(): void {
    if (!this.syncUrl) return;
    this.readUrl();
    this.closeSuggestions();
    this.startSearch('url');
  }

  private onPlaceSelected(event: LokaalPlaceSelectEvent): void {
    const id = event.detail?.place?.id;
    if (typeof id !== 'string') return;
    this.selectedPlaceId = id;
    if (event.target === this) return;
    // Chosen elsewhere (on a map): bring the first result with that place into view.
    void this.updateComplete.then(() => {
      this.renderRoot
        .querySelector(`.place.selected`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    });
  }

  private selectPlace(place: PlaceSummary): void {
    this.selectedPlaceId = place.id;
    this.dispatchEvent(
      new LokaalPlaceSelectEvent({
        place: { id: place.id, name: place.name, point: place.point },
        source: SOURCE,
      }),
    );
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    // Enter in a field submits before its `change` may have been handled: read the fields now.
    const location = form.querySelector<HTMLInputElement>('#near')?.value ?? this.location;
    if (location !== this.location) {
      this.location = location;
      this.geolocated = false;
    }
    const category = form.querySelector<HTMLInputElement>('#category')?.value ?? '';
    this.category = category || null;
    this.submit();
  }

  private onQueryInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.activeSuggestion = -1;
    clearTimeout(this.typeAheadTimer);
    const text = this.query.trim();
    if (!text) {
      this.showIdle();
      return;
    }
    if (text.length < TYPE_AHEAD_MIN_LENGTH) {
      this.closeSuggestions();
      return;
    }
    this.typeAheadTimer = setTimeout(() => {
      this.awaitingSuggestions = true;
      this.startSearch('typed');
    }, TYPE_AHEAD_DELAY_MS);
  }

  /** The keyboard of the WAI-ARIA 1.2 combobox pattern (list autocomplete, focus stays in the field). */
  private onQueryKeyDown(event: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!this.suggestionsOpen) {
          this.suggestionsOpen = true;
          this.activeSuggestion = event.altKey ? -1 : 0;
        } else {
          this.activeSuggestion = (this.activeSuggestion + 1) % count;
        }
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        if (!this.suggestionsOpen) {
          this.suggestionsOpen = true;
          this.activeSuggestion = count - 1;
        } else {
          this.activeSuggestion = this.activeSuggestion <= 0 ? count - 1 : this.activeSuggestion - 1;
        }
        break;
      case 'Enter':
        if (this.suggestionsOpen && this.activeSuggestion >= 0) {
          event.preventDefault();
          this.chooseSuggestion(this.activeSuggestion);
        }
        break;
      case 'Escape':
        if (this.suggestionsOpen) {
          event.preventDefault();
          this.closeSuggestions();
        }
        break;
    }
  }

  private chooseSuggestion(index: number): void {
    const title = this.suggestions[index];
    if (title === undefined) return;
    this.query = title;
    this.submit();
  }

  private onLocationChange(event: Event): void {
    this.location = (event.target as HTMLInputElement).value;
    this.geolocated = false;
    this.locationNote = '';
  }

  private useMyLocation(): void {
    if (this.locating) return;
    const m = this.localize.m;
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      this.locationNote = m.locationDenied;
      return;
    }
    this.locating = true;
    this.locationNote = m.locating;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!this.isConnected) return;
        const point = roundPoint({ lat: position.coords.latitude, lon: position.coords.longitude });
        this.locating = false;
        this.location = `${point.lat},${point.lon}`;
        this.geolocated = true;
        this.locationNote = this.localize.m.locationRounded;
      },
      () => {
        this.locating = false;
        this.locationNote = this.localize.m.locationDenied;
      },
      { enableHighAccuracy: false, maximumAge: 600_000, timeout: 15_000 },
    );
  }

  private radiusChoices(): number[] {
    const current = validRadius(this.radius);
    return [...new Set([...RADIUS_CHOICES_IN_METRES, current])].sort((a, b) => a - b);
  }

  private filtersActive(query: SearchQuery | null): boolean {
    return Boolean(query && (query.category || query.kind || query.inStock || query.openNow));
  }

  private renderForm(m: Messages): TemplateResult {
    const open = this.suggestionsOpen && this.suggestions.length > 0;
    const active = open && this.activeSuggestion >= 0 ? `suggestion-${this.activeSuggestion}` : null;
    const locationRejected = this.status === 'error' && this.failure?.parameter === 'near';
    const categories = [
      ...new Set(this.items.map((item) => item.product?.category).filter(Boolean)),
    ] as string[];
    return html`
      <form part="form" role="search" novalidate @submit=${this.onSubmit}>
        <div class="row">
          <div class="grow">
            <label for="q">${m.searchLabel}</label>
            <div class="combo">
              <input
                id="q"
                part="input"
                type="search"
                role="combobox"
                autocomplete="off"
                enterkeyhint="search"
                maxlength=${QUERY_MAX_LENGTH}
                aria-autocomplete="list"
                aria-controls="suggestions"
                aria-expanded=${open ? 'true' : 'false'}
                aria-activedescendant=${active ?? nothing}
                placeholder=${this.placeholder ?? m.searchPlaceholder}
                .value=${live(this.query)}
                @input=${this.onQueryInput}
                @keydown=${this.onQueryKeyDown}
                @blur=${this.closeSuggestions}
              />
              <ul
                id="suggestions"
                class="listbox"
                role="listbox"
                aria-label=${m.suggestions}
                ?hidden=${!open}
              >
                ${
                  open
                    ? this.suggestions.map(
                        (title, index) => html`
                          <li
                            id="suggestion-${index}"
                            role="option"
                            aria-selected=${index === this.activeSuggestion ? 'true' : 'false'}
                            @mousedown=${(event: MouseEvent) => event.preventDefault()}
                            @click=${() => this.chooseSuggestion(index)}
                          >
                            ${title}
                          </li>
                        `,
                      )
                    : nothing
                }
              </ul>
            </div>
          </div>
          <button class="button primary" type="submit">${m.searchButton}</button>
        </div>
        <div class="row">
          <div class="grow">
            <label for="near">${m.locationLabel}</label>
            <input
              id="near"
              type="text"
              autocomplete="off"
              placeholder=${m.locationPlaceholder}
              aria-invalid=${locationRejected ? 'true' : nothing}
              aria-describedby=${locationRejected ? 'failure' : nothing}
              .value=${live(this.location)}
              @change=${this.onLocationChange}
            />
          </div>
          <button class="button" type="button" aria-describedby="location-note" @click=${this.useMyLocation}>
            ${m.useMyLocation}
          </button>
          <div>
            <label for="radius">${m.radiusLabel}</label>
            <select
              id="radius"
              @change=${(event: Event) => (this.radius = Number((event.target as HTMLSelectElement).value))}
            >
              ${this.radiusChoices().map(
                (metres) =>
                  html`<option value=${metres} ?selected=${metres === validRadius(this.radius)}>
                    ${m.radiusKm(metres / 1000)}
                  </option>`,
              )}
            </select>
          </div>
        </div>
        <p id="location-note" class="note" role="status">${this.locationNote}</p>
        <fieldset>
          <legend class="visually-hidden">${m.filtersLabel}</legend>
          <div class="field">
            <label for="category">${m.categoryLabel}</label>
            <input
              id="category"
              type="text"
              list="categories"
              autocomplete="off"
              placeholder=${m.categoryPlaceholder}
              .value=${live(this.category ?? '')}
              @change=${(event: Event) => (this.category = (event.target as HTMLInputElement).value || null)}
            />
            <datalist id="categories">
              ${categories.map((category) => html`<option value=${category}></option>`)}
            </datalist>
          </div>
          <div class="field">
            <label for="kind">${m.kindLabel}</label>
            <select
              id="kind"
              @change=${(event: Event) => {
                const value = (event.target as HTMLSelectElement).value;
                this.kind = isPlaceKind(value) ? value : null;
              }}
            >
              <option value="" ?selected=${!isPlaceKind(this.kind)}>${m.allKinds}</option>
              ${PLACE_KINDS.map(
                (kind) =>
                  html`<option value=${kind} ?selected=${kind === this.kind}>${m.kind[kind]}</option>`,
              )}
            </select>
          </div>
          <label class="check">
            <input
              type="checkbox"
              .checked=${live(this.inStock)}
              @change=${(event: Event) => (this.inStock = (event.target as HTMLInputElement).checked)}
            />
            ${m.inStockOnly}
          </label>
          <label class="check">
            <input
              type="checkbox"
              .checked=${live(this.openNow)}
              @change=${(event: Event) => (this.openNow = (event.target as HTMLInputElement).checked)}
            />
            ${m.openNowOnly}
          </label>
        </fieldset>
      </form>
    `;
  }

  private statusText(m: Messages): string {
    switch (this.status) {
      case 'results':
        return m.resultsCount(this.items.length);
      case 'empty':
        return m.noResults(this.lastQuery?.q ?? '');
      case 'error':
        return m.errorTitle;
      case 'offline':
        return m.offlineTitle;
      default:
        return '';
    }
  }

  private renderPlace(offer: OfferAtPlace, m: Messages, locale: Locale, now: Date): TemplateResult {
    const place = offer.place;
    const shopUrl = safeHttpUrl(offer.url);
    const selected = place.id === this.selectedPlaceId;
    const openState = place.open_now === null ? 'unknown' : place.open_now ? 'open' : 'closed';
    return html`
      <li
        class="place ${selected ? 'selected' : ''}"
        data-place-id=${place.id}
        aria-current=${selected ? 'true' : nothing}
      >
        <div class="place-head">
          <button class="place-name" type="button" @click=${() => this.selectPlace(place)}>
            ${place.name}
          </button>
          ${
            offer.distance_m === null
              ? nothing
              : html`<span class="distance">${formatDistance(offer.distance_m, locale)}</span>`
          }
          <span class="price"
            >${offer.price_cents === null ? m.priceUnknown : formatPrice(offer.price_cents, locale)}</span
          >
        </div>
        <p class="meta">
          <span class="availability" data-availability=${offer.availability}
            >${m.availability[offer.availability]}</span
          >
          <span class="freshness">${formatFreshness(offer.updated_at, now, locale)}</span>
          ${offer.stale ? html`<span class="stale">${m.staleOffer}</span>` : nothing}
        </p>
        <p class="meta">
          <span class="opening" data-open=${openState}>${formatOpeningState(place, now, locale)}</span>
        </p>
        <p class="links">
          <a
            href=${routeUrl(place.point)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label=${m.routeTo(place.name)}
          >
            ${m.route}
          </a>
          ${
            shopUrl
              ? html`<a class="shop-link" href=${shopUrl} target="_blank" rel="noopener noreferrer"
                  >${m.viewAtPlace(place.name)}</a
                >`
              : nothing
          }
        </p>
      </li>
    `;
  }

  private renderResult(
    result: SearchResult,
    index: number,
    m: Messages,
    locale: Locale,
    now: Date,
  ): TemplateResult {
    const price =
      result.min_price_cents === null
        ? m.priceUnknown
        : result.place_count > 1
          ? m.priceFrom(formatPrice(result.min_price_cents, locale))
          : formatPrice(result.min_price_cents, locale);
    return html`
      <li part="result" tabindex="-1" data-index=${index} data-key=${result.key}>
        <div class="result-head">
          <span>
            <span class="title">${result.title}</span>
            ${result.product?.brand ? html`<span class="brand">${result.product.brand}</span>` : nothing}
          </span>
          <span
            ><span class="price">${price}</span>
            <span class="count">${m.atPlaces(result.place_count)}</span></span
          >
        </div>
        <ul class="places" aria-label=${m.whereToBuy}>
          ${result.offers.slice(0, PLACES_PER_RESULT).map((offer) => this.renderPlace(offer, m, locale, now))}
        </ul>
      </li>
    `;
  }

  private renderBody(m: Messages, locale: Locale): TemplateResult {
    const retryButton = html`<button class="button" type="button" @click=${this.retry}>
      ${m.tryAgain}
    </button>`;
    switch (this.status) {
      case 'idle':
        return html`<p class="hint">${m.searchHint}</p>
          ${this.location.trim() || this.region ? nothing : html`<p class="hint">${m.noLocationYet}</p>`}`;
      case 'empty':
        return html`<div class="message">
          <p>${m.noResultsHint}</p>
          ${this.filtersActive(this.lastQuery) ? html`<p>${m.noResultsFilterHint}</p>` : nothing}
        </div>`;
      case 'error': {
        const detail =
          this.failure?.parameter === 'near' ? m.unknownLocation : (this.failure?.detail ?? m.errorHint);
        return html`<div class="message error">
          <p id="failure">${detail}</p>
          ${retryButton}
        </div>`;
      }
      case 'offline':
        return html`<div class="message error">
          <p id="failure">${m.offlineHint}</p>
          ${retryButton}
        </div>`;
      case 'loading':
        if (this.items.length === 0) {
          return html`<ul class="skeleton" aria-hidden="true">
            <li></li>
            <li></li>
            <li></li>
          </ul>`;
        }
      // Refining a search: keep the results in place (dimmed) rather than jumping to a skeleton.
      // falls through
      case 'results': {
        const now = new Date();
        return html`
          <ul
            part="results"
            aria-label=${m.resultsLabel}
            aria-busy=${this.status === 'loading' ? 'true' : 'false'}
          >
            ${this.items.map((result, index) => this.renderResult(result, index, m, locale, now))}
          </ul>
          ${this.renderMore(m)}
        `;
      }
    }
  }

  private renderMore(m: Messages): TemplateResult | typeof nothing {
    if (this.moreStatus === 'error') {
      return html`<div class="more message error">
        <p>${m.errorTitle}</p>
        <button class="button" type="button" @click=${this.retry}>${m.tryAgain}</button>
      </div>`;
    }
    if (!this.nextCursor || this.status !== 'results') return nothing;
    const loading = this.moreStatus === 'loading';
    return html`<button
      class="button more"
      type="button"
      aria-disabled=${loading ? 'true' : 'false'}
      @click=${() => {
        if (!loading) this.loadMore();
      }}
    >
      ${loading ? m.loadingMore : m.moreResults}
    </button>`;
  }

  protected override render(): TemplateResult {
    const m = this.localize.m;
    const locale = this.localize.locale;
    return html`
      <div part="base" lang=${locale}>
        ${this.renderForm(m)}
        <p part="status" role="status">${this.statusText(m)}</p>
        <div class="area">${this.renderBody(m, locale)}</div>
      </div>
    `;
  }
}
