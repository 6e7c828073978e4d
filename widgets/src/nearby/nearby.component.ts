import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  formatDistance,
  formatFreshness,
  formatOpeningState,
  formatPrice,
  parseGtin,
  type Locale,
  type Messages,
  type OfferAtPlace,
  type PlaceSummary,
} from '@lokaal/core';
import type { LokaalClient, ProductOffersParams } from '@lokaal/client';
import { clientFor } from '../shared/api.js';
import { LokaalPlaceSelectEvent } from '../shared/events.js';
import { LocaleController } from '../shared/localize.js';
import { routeUrl, safeHttpUrl } from '../shared/safe-url.js';
import { tokens } from '../shared/styles.js';
import { nearbyStyles } from './nearby.styles.js';
import type { PrivateLookupClient } from './nearby.private.js';

/**
 * The part of the API client this element calls; tests pass a small fake. With `private`,
 * the element uses the private-lookup calls when the client has them.
 */
export type NearbyClient = Pick<LokaalClient, 'productOffers'> & Partial<PrivateLookupClient>;

type Status = 'idle' | 'invalid' | 'loading' | 'found' | 'none' | 'error' | 'offline';

const DEFAULT_RADIUS_IN_METRES = 5000;
const MAX_RADIUS_IN_METRES = 50_000;
const DEFAULT_LIMIT = 5;
const SOURCE = 'lokaal-nearby';

/**
 * A small badge that says where a product is on offer nearby ("Verkrijgbaar bij 3
 * winkels in de buurt") and opens the list of those places: distance, price, stock and
 * how fresh it is, open now or when it opens, and a route link. It shows nothing at all
 * (and takes no space) while loading, when no place nearby has the product, on an error,
 * and for an invalid GTIN — unless `show-empty` asks to say so.
 *
 * Kept small on purpose (no map, no heavy imports): the browser extension reuses it.
 *
 * With `private`, the element never sends the GTIN: it downloads the filter of every GTIN
 * on offer in the instance, checks it locally, and only on a hit asks for the offers of a
 * whole bucket of GTINs near a postcode or a point rounded to about 1 km, then keeps its
 * own. That code is loaded only when `private` is set. `near` must then be a postcode or
 * `lat,lon`.
 *
 * @tagname lokaal-nearby
 * @summary "Available nearby" for one product, by GTIN.
 *
 * @example
 * <lokaal-nearby gtin="9789026337376" near="3811" radius="5000"></lokaal-nearby>
 * <lokaal-nearby private gtin="9789026337376" near="3811"></lokaal-nearby>
 *
 * @csspart base - The wrapper of the badge and the list.
 * @csspart badge - The button that says how many places nearby have it and opens the list.
 * @csspart list - The list of places.
 * @csspart item - One place in the list.
 *
 * @cssproperty --lokaal-nearby-accent - Badge and links (default `--lokaal-color-accent`).
 * @cssproperty --lokaal-nearby-max-width - The widest the element grows (default `28rem`).
 * @cssproperty --lokaal-color-accent - The global accent colour, shared by every Lokaal element.
 * @cssproperty --lokaal-color-text - Text (global token, shared by every Lokaal element; dark theme has its own default).
 * @cssproperty --lokaal-color-surface - Background of the element's surfaces (global token).
 * @cssproperty --lokaal-color-border - Borders and dividers (global token).
 * @cssproperty --lokaal-color-focus - The focus ring (global token).
 * @cssproperty --lokaal-radius - Corner radius of fields, buttons and cards (global token, default `0.5rem`).
 *
 * @fires {LokaalPlaceSelectEvent} lokaal-place-select - The shopper chose a place in the list. Detail `{ place: { id, name, point }, source: 'lokaal-nearby' }`.
 */
export class LokaalNearby extends LitElement {
  static override styles = [tokens, nearbyStyles];

  private readonly localize = new LocaleController(this);

  @state() private status: Status = 'idle';
  @state() private offers: OfferAtPlace[] = [];
  @state() private expanded = false;

  /** The product, in any GTIN form (EAN-13, UPC-A, GTIN-8/14, ISBN-13 with hyphens, ISBN-10). */
  @property() gtin: string | null = null;
  /** Where the shopper is: `lat,lon`, a postcode or a town. Without it, the whole instance's area. */
  @property() near: string | null = null;
  /** Search radius in metres around `near`. */
  @property({ type: Number }) radius = DEFAULT_RADIUS_IN_METRES;
  /** Base URL of the Lokaal API; the page's own origin when absent. */
  @property() api: string | null = null;
  /** The language of the element (`nl` or `en`); the page's `lang` when absent. */
  @property({ reflect: true }) override lang!: string;
  /** How many places to ask for at most (1–100). */
  @property({ type: Number }) limit = DEFAULT_LIMIT;
  /** Say "not found nearby" (or that loading failed) instead of showing nothing. */
  @property({ type: Boolean, attribute: 'show-empty' }) showEmpty = false;
  /** Colour scheme: `light`, `dark` or `auto` (follows the device). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Look up without sending the GTIN: a local filter, then a k-anonymous bucket query (see above). */
  @property({ type: Boolean, attribute: 'private' }) privateLookup = false;
  /** An API client to use instead of the one for `api` (for tests and for the extension). */
  @property({ attribute: false }) client: NearbyClient | null = null;

  private readonly internals: ElementInternals;
  private request: AbortController | null = null;
  private warned = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while a request ran: the disconnect aborted it, so ask again.
    if (this.hasUpdated && this.status === 'loading' && !this.request) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.request?.abort();
    this.request = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (
      ['gtin', 'near', 'radius', 'limit', 'api', 'client', 'privateLookup'].some((name) => changed.has(name))
    ) {
      void this.load();
    }
    this.setSilent(!this.visible());
  }

  private visible(): boolean {
    if (this.status === 'found') return true;
    return this.showEmpty && (this.status === 'none' || this.status === 'error' || this.status === 'offline');
  }

  /** `:state(silent)` hides the host completely, so that nothing on the page moves. */
  private setSilent(silent: boolean): void {
    try {
      if (silent) this.internals.states.add('silent');
      else this.internals.states.delete('silent');
    } catch {
      // Browsers without custom states: the empty render takes no space either.
    }
  }

  private async load(): Promise<void> {
    this.request?.abort();
    this.request = null;
    this.expanded = false;
    this.offers = [];
    if (!this.gtin) {
      this.status = 'idle';
      return;
    }
    const parsed = parseGtin(this.gtin);
    if (!parsed.ok) {
      this.status = 'invalid';
      if (!this.warned) {
        this.warned = true;
        console.warn(
          `<lokaal-nearby>: "${this.gtin}" is not a valid GTIN (${parsed.message}); showing nothing.`,
        );
      }
      return;
    }
    const request = new AbortController();
    this.request = request;
    this.status = 'loading';
    const limit = Number.isFinite(this.limit)
      ? Math.min(Math.max(Math.round(this.limit), 1), 100)
      : DEFAULT_LIMIT;
    const params: ProductOffersParams = { limit };
    const near = this.near?.trim();
    if (near) {
      params.near = near;
      const radius = Number.isFinite(this.radius) && this.radius > 0 ? this.radius : DEFAULT_RADIUS_IN_METRES;
      params.radius = Math.min(Math.round(radius), MAX_RADIUS_IN_METRES);
    }
    try {
      const offers = this.privateLookup
        ? await this.loadPrivately(parsed.gtin14, params, request.signal)
        : (
            await (this.client ?? clientFor(this.api)).productOffers(parsed.gtin14, params, {
              signal: request.signal,
            })
          ).items;
      if (request.signal.aborted) return;
      this.request = null;
      // "Available" means a shopper can get it there: out-of-stock offers are left out.
      this.offers = offers.filter((offer) => offer.availability !== 'out_of_stock');
      this.status = this.offers.length > 0 ? 'found' : 'none';
    } catch (error) {
      if (request.signal.aborted) return;
      this.request = null;
      const kind = (error as { kind?: unknown } | null)?.kind;
      this.status =
        kind === 'network' || kind === 'timeout' || navigator.onLine === false ? 'offline' : 'error';
    }
  }

  private async loadPrivately(
    gtin14: string,
    params: ProductOffersParams,
    signal: AbortSignal,
  ): Promise<OfferAtPlace[]> {
    const { lookUpPrivately } = await import('./nearby.private.js');
    return lookUpPrivately(this.client, this.api, gtin14, params, signal);
  }

  private placeCount(): number {
    return new Set(this.offers.map((offer) => offer.place.id)).size;
  }

  private toggle(): void {
    this.expanded = !this.expanded;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.expanded) return;
    this.expanded = false;
    this.renderRoot.querySelector<HTMLElement>("[part='badge']")?.focus();
  }

  private selectPlace(place: PlaceSummary): void {
    this.dispatchEvent(
      new LokaalPlaceSelectEvent({
        place: { id: place.id, name: place.name, point: place.point },
        source: SOURCE,
      }),
    );
  }

  private renderItem(offer: OfferAtPlace, m: Messages, locale: Locale, now: Date): TemplateResult {
    const place = offer.place;
    const shopUrl = safeHttpUrl(offer.url);
    const openState = place.open_now === null ? 'unknown' : place.open_now ? 'open' : 'closed';
    return html`
      <li part="item" data-place-id=${place.id}>
        <div class="head">
          <button class="name" type="button" @click=${() => this.selectPlace(place)}>${place.name}</button>
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
          <span data-availability=${offer.availability}>${m.availability[offer.availability]}</span>
          <span>${formatFreshness(offer.updated_at, now, locale)}</span>
          ${offer.stale ? html`<span class="stale">${m.staleOffer}</span>` : nothing}
        </p>
        <p class="meta"><span data-open=${openState}>${formatOpeningState(place, now, locale)}</span></p>
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
              ? html`<a href=${shopUrl} target="_blank" rel="noopener noreferrer"
                  >${m.viewAtPlace(place.name)}</a
                >`
              : nothing
          }
        </p>
      </li>
    `;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.visible()) return nothing;
    const m = this.localize.m;
    const locale = this.localize.locale;
    if (this.status !== 'found') {
      const text =
        this.status === 'none'
          ? m.notAvailableNearby
          : this.status === 'offline'
            ? m.offlineTitle
            : m.errorTitle;
      return html`<div part="base" lang=${locale}><p class="empty">${text}</p></div>`;
    }
    const now = new Date();
    return html`
      <div part="base" lang=${locale} @keydown=${this.onKeyDown}>
        <button
          part="badge"
          type="button"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls="list"
          @click=${this.toggle}
        >
          ${m.availableNearby(this.placeCount())}
          <span class="chevron" aria-hidden="true"></span>
        </button>
        <ul part="list" id="list" aria-label=${m.availableNearbyTitle} ?hidden=${!this.expanded}>
          ${this.offers.map((offer) => this.renderItem(offer, m, locale, now))}
        </ul>
      </div>
    `;
  }
}
