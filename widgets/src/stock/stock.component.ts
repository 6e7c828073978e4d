import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { AbortedError, type LokaalClient } from '@lokaal/client';
import {
  AVAILABILITIES,
  formatFreshness,
  formatPrice,
  type Availability,
  type Offer,
  type Page,
} from '@lokaal/core';
import { clientFor } from '../shared/api.js';
import { failureOf, RetryWhenOnlineController } from '../shared/failure.js';
import { LocaleController } from '../shared/localize.js';
import { safeHttpUrl } from '../shared/safe-url.js';
import { publishStructuredData } from '../shared/publish-structured-data.js';
import { tokens } from '../shared/styles.js';
import { stockStyles } from './stock.styles.js';

/** The part of the API client the stock list uses; a test or a host may pass its own. */
export type StockClient = Pick<LokaalClient, 'placeOffers' | 'place'>;

/** How long typing must pause before the list is searched. */
const SEARCH_DEBOUNCE_MS = 250;
const MAX_LIMIT = 100;
/** Category slugs as the API accepts them; anything else is not offered as a filter. */
const CATEGORY_SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * A shop's own range for its own website: search, filter by category and availability,
 * prices, stock and how fresh each line is, a page at a time.
 *
 * @tagname lokaal-stock
 * @summary The stock list of one place.
 *
 * @example
 * <lokaal-stock api="https://api.lokaal.example" place-id="amf-boekhandel-veen" layout="compact"></lokaal-stock>
 *
 * @csspart base - The whole widget.
 * @csspart search - The search box and the filters.
 * @csspart list - The list of products.
 * @csspart item - One product.
 *
 * @cssproperty --lokaal-color-accent - Links and buttons (and every other global `--lokaal-color-…` token).
 * @cssproperty --lokaal-color-text - Text (global token, shared by every Lokaal element; dark theme has its own default).
 * @cssproperty --lokaal-color-surface - Background of the element's surfaces (global token).
 * @cssproperty --lokaal-color-border - Borders and dividers (global token).
 * @cssproperty --lokaal-color-focus - The focus ring (global token).
 * @cssproperty --lokaal-radius - Corner radius of fields, buttons and cards (global token, default `0.5rem`).
 * @cssproperty --lokaal-stock-background - The widget's background; the surface colour by default.
 * @cssproperty --lokaal-stock-min-height - The height kept free for the list while it loads (16rem).
 */
export class LokaalStock extends LitElement {
  static override styles = [tokens, stockStyles];

  private readonly localize = new LocaleController(this);

  /** The first page for the current search; later pages are appended by "more". */
  private readonly offersTask = new Task(this, {
    task: async ([client, placeId, q, category, availability, limit], { signal }) => {
      if (!placeId) return initialState;
      return client.placeOffers(
        placeId,
        {
          ...(q ? { q } : {}),
          ...(category ? { category } : {}),
          ...(availability ? { availability } : {}),
          limit,
        },
        { signal },
      );
    },
    args: () =>
      [
        this.activeClient,
        this.placeId.trim(),
        this.query,
        this.category,
        this.availability,
        this.pageSize,
      ] as const,
  });

  // Back online after an offline failure: try again without a click.
  private readonly retryWhenOnline = new RetryWhenOnlineController(this, this.offersTask);

  /** The place's categories, offered as a filter when there are two or more to choose from. */
  private readonly categoriesTask = new Task(this, {
    task: async ([client, placeId], { signal }) => {
      if (!placeId) return [];
      try {
        const place = await client.place(placeId, { signal });
        return place.categories.filter((category) => CATEGORY_SLUG.test(category));
      } catch (error) {
        if (error instanceof AbortedError) throw error;
        // Without categories the list still works; the filter is left out.
        return [];
      }
    },
    args: () => [this.activeClient, this.placeId.trim()] as const,
  });

  /** The search text once typing has paused. */
  @state() private query = '';
  @state() private category = '';
  @state() private availability: Availability | '' = '';
  /** Pages appended by "more", valid only while `moreBase` is the task's current first page. */
  @state() private morePages: Page<Offer>[] = [];
  @state() private moreLoading = false;
  @state() private moreFailed = false;

  /** Base URL of the Lokaal API; the page's own origin when empty. */
  @property() api = '';

  /** The id of the place whose range is shown. */
  @property({ attribute: 'place-id' }) placeId = '';

  /** `full` (default) shows freshness and links to the shop's own pages; `compact` one line per product. */
  @property({ reflect: true }) layout: 'compact' | 'full' = 'full';

  /** Products per page, 1 to 100. */
  @property({ type: Number }) limit = 20;

  /** `light` (default), `dark`, or `auto` to follow the visitor's system setting. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** The API client to use instead of one made from `api` (for tests, or a host's own). */
  @property({ attribute: false }) client?: StockClient;

  /** Add schema.org JSON-LD for what the element shows to the page's `<head>`, for search engines; off by default. */
  @property({ type: Boolean, attribute: 'structured-data' }) structuredData = false;

  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private moreController: AbortController | null = null;
  private moreBase: Page<Offer> | undefined;
  /** Index of the first product of the page "more" just added, to move focus there. */
  private focusIndex: number | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounceTimer);
    this.moreController?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The listed offers in the page's JSON-LD, with `structured-data`.
    publishStructuredData(this, [this.offersTask.value, ...this.extraPages]);
    if (this.focusIndex !== null) {
      const items = this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]');
      items[this.focusIndex]?.focus();
      this.focusIndex = null;
    }
  }

  private get activeClient(): StockClient {
    return this.client ?? clientFor(this.api);
  }

  /** What "more" has appended to the current first page. */
  private get extraPages(): Page<Offer>[] {
    return this.moreBase !== undefined && this.moreBase === this.offersTask.value ? this.morePages : [];
  }

  /** The cursor of the next page, `null` on the last. */
  private get nextCursor(): string | null {
    const first = this.offersTask.value;
    if (!first) return null;
    const extra = this.extraPages;
    return extra.length > 0 ? (extra.at(-1)?.next_cursor ?? null) : first.next_cursor;
  }

  /** A new search replaces what "more" appended; a "more" still in flight is cancelled. */
  private cancelMore(): void {
    this.moreController?.abort();
    this.moreController = null;
    this.moreLoading = false;
    this.moreFailed = false;
  }

  private get pageSize(): number {
    const limit = Math.round(Number(this.limit));
    return Number.isFinite(limit) ? Math.min(MAX_LIMIT, Math.max(1, limit)) : 20;
  }

  private onInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      if (value.trim() === this.query) return;
      this.cancelMore();
      this.query = value.trim();
    }, SEARCH_DEBOUNCE_MS);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.debounceTimer);
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]');
    const value = (input?.value ?? '').trim();
    if (value === this.query) return;
    this.cancelMore();
    this.query = value;
  }

  private onCategory(event: Event): void {
    this.cancelMore();
    this.category = (event.target as HTMLSelectElement).value;
  }

  private onAvailability(event: Event): void {
    this.cancelMore();
    this.availability = (event.target as HTMLSelectElement).value as Availability | '';
  }

  private onRetry(): void {
    void this.offersTask.run();
  }

  private async onMore(): Promise<void> {
    const first = this.offersTask.value;
    const cursor = this.nextCursor;
    if (!first || !cursor || this.moreLoading) return;
    const extra = this.extraPages;
    const [client, placeId, q, category, availability, limit] = [
      this.activeClient,
      this.placeId.trim(),
      this.query,
      this.category,
      this.availability,
      this.pageSize,
    ];
    const controller = new AbortController();
    this.moreController = controller;
    this.moreLoading = true;
    this.moreFailed = false;
    const shownBefore = first.items.length + extra.reduce((sum, page) => sum + page.items.length, 0);
    try {
      const page = await client.placeOffers(
        placeId,
        {
          ...(q ? { q } : {}),
          ...(category ? { category } : {}),
          ...(availability ? { availability } : {}),
          limit,
          cursor,
        },
        { signal: controller.signal },
      );
      if (controller.signal.aborted || this.offersTask.value !== first) return;
      this.moreBase = first;
      this.morePages = [...extra, page];
      if (page.items.length > 0) this.focusIndex = shownBefore;
    } catch (error) {
      if (controller.signal.aborted || error instanceof AbortedError || this.offersTask.value !== first)
        return;
      this.moreFailed = true;
    } finally {
      if (this.moreController === controller) {
        this.moreController = null;
        this.moreLoading = false;
      }
    }
  }

  private renderControls(): TemplateResult {
    const { m } = this.localize;
    const categories = this.categoriesTask.value ?? [];
    return html`<form part="search" role="search" @submit=${this.onSubmit}>
      <div class="field query">
        <label for="query">${m.stockSearchLabel}</label>
        <input id="query" type="search" name="q" autocomplete="off" maxlength="100" @input=${this.onInput} />
      </div>
      ${
        categories.length > 1
          ? html`<div class="field">
              <label for="category">${m.categoryLabel}</label>
              <select id="category" @change=${this.onCategory}>
                <option value="" ?selected=${this.category === ''}>${m.allCategories}</option>
                ${categories.map(
                  (category) =>
                    html`<option value=${category} ?selected=${this.category === category}>
                      ${category}
                    </option>`,
                )}
              </select>
            </div>`
          : nothing
      }
      <div class="field">
        <label for="availability">${m.availabilityLabel}</label>
        <select id="availability" @change=${this.onAvailability}>
          <option value="" ?selected=${this.availability === ''}>${m.allAvailabilities}</option>
          ${AVAILABILITIES.map(
            (availability) =>
              html`<option value=${availability} ?selected=${this.availability === availability}>
                ${m.availability[availability]}
              </option>`,
          )}
        </select>
      </div>
    </form>`;
  }

  private renderItem(offer: Offer, now: Date): TemplateResult {
    const { m, locale } = this.localize;
    const full = this.layout !== 'compact';
    const url = full ? safeHttpUrl(offer.url) : null;
    const showQuantity =
      offer.quantity !== null && (offer.availability === 'in_stock' || offer.availability === 'limited');
    return html`<li part="item" tabindex="-1">
      <span class="title">${url ? html`<a href=${url} rel="noopener">${offer.title}</a>` : offer.title}</span>
      <span class="price ${offer.price_cents === null ? 'unknown' : ''}">
        ${offer.price_cents === null ? m.priceUnknown : formatPrice(offer.price_cents, locale)}
      </span>
      <span class="availability ${offer.availability}">
        ${m.availability[offer.availability] ?? offer.availability}${
          showQuantity && full ? ` · ${m.quantityLeft(offer.quantity ?? 0)}` : ''
        }${!full && offer.stale ? html` · <span class="stale">${m.staleOffer}</span>` : nothing}
      </span>
      ${
        full
          ? html`<span class="freshness">
              ${formatFreshness(offer.updated_at, now, locale)}${
                offer.stale ? html` · <span class="stale">${m.staleOffer}</span>` : nothing
              }
            </span>`
          : nothing
      }
    </li>`;
  }

  private renderFailure(error: unknown): TemplateResult {
    const { m } = this.localize;
    const failure = failureOf(error);
    return html`<div class="message" role="alert">
      ${
        failure === 'not-found'
          ? html`<p><strong>${m.placeNotFound}</strong></p>`
          : html`<p><strong>${failure === 'offline' ? m.offlineTitle : m.errorTitle}</strong></p>
              <p>${failure === 'offline' ? m.offlineHint : m.errorHint}</p>
              <button class="retry" type="button" @click=${this.onRetry}>${m.tryAgain}</button>`
      }
    </div>`;
  }

  // One template for every state, so that the status line stays the same live region and
  // screen readers hear "loading", the count, or "nothing found" as it changes.
  private renderResults(): TemplateResult {
    const { m } = this.localize;
    const task = this.offersTask;
    const failed = task.status === TaskStatus.ERROR;
    const pending = task.status === TaskStatus.PENDING;
    const first = failed ? undefined : task.value;
    const items = first ? [...first.items, ...this.extraPages.flatMap((page) => page.items)] : [];
    const skeleton = pending && items.length === 0;
    const status = failed
      ? ''
      : pending
        ? m.loadingRange
        : first
          ? items.length === 0
            ? m.stockEmpty
            : m.productsShown(items.length)
          : '';
    const cursor = failed || pending ? null : this.nextCursor;
    const now = new Date();
    return html`<div class="results" aria-busy=${pending ? 'true' : 'false'}>
      <p class="status" role="status">${status}</p>
      ${failed ? this.renderFailure(task.error) : nothing}
      ${skeleton ? [0, 1, 2, 3].map(() => html`<span class="bone" aria-hidden="true"></span>`) : nothing}
      ${
        items.length > 0
          ? html`<ul part="list">
              ${items.map((offer) => this.renderItem(offer, now))}
            </ul>`
          : nothing
      }
      ${this.moreFailed && !failed ? html`<p class="message" role="alert">${m.errorTitle}</p>` : nothing}
      ${
        cursor
          ? html`<button class="more" type="button" ?disabled=${this.moreLoading} @click=${this.onMore}>
              ${this.moreLoading ? m.loadingRange : m.moreProducts}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`<div part="base">${this.renderControls()} ${this.renderResults()}</div>`;
  }
}
