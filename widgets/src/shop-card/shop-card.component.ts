import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import type { LokaalClient } from '@lokaal/client';
import { formatOpeningState, type Place } from '@lokaal/core';
import { clientFor } from '../shared/api.js';
import { failureOf, RetryWhenOnlineController } from '../shared/failure.js';
import { LokaalPlaceSelectEvent } from '../shared/events.js';
import { LocaleController } from '../shared/localize.js';
import { mapUrl, routeUrl, safeHttpUrl, telUrl } from '../shared/safe-url.js';
import { publishStructuredData } from '../shared/publish-structured-data.js';
import { tokens } from '../shared/styles.js';
import {
  amsterdamDate,
  formatSpans,
  hoursOn,
  parseOpeningHours,
  weekdayNames,
  type WeekHours,
} from './opening-hours.js';
import { shopCardStyles } from './shop-card.styles.js';

/** The part of the API client the card uses; a test or a host may pass its own. */
export type ShopCardClient = Pick<LokaalClient, 'place'>;

/**
 * One place on a page: name, kind, today's hours and the week, open now, address, phone,
 * website and a route.
 *
 * @tagname lokaal-shop-card
 * @summary A card for one shop, café, venue or service.
 *
 * @example
 * <lokaal-shop-card api="https://api.lokaal.example" place-id="amf-boekhandel-veen"></lokaal-shop-card>
 *
 * @slot - The host's own content below the card's, such as a photo or an offer. Always rendered.
 *
 * @csspart base - The card.
 * @csspart header - Name, kind and open state.
 * @csspart hours - Today's hours and the week table.
 * @csspart contact - Address, phone, website and the route and map links.
 *
 * @cssproperty --lokaal-color-accent - Links and buttons (and every other global `--lokaal-color-…` token).
 * @cssproperty --lokaal-color-text - Text (global token, shared by every Lokaal element; dark theme has its own default).
 * @cssproperty --lokaal-color-surface - Background of the element's surfaces (global token).
 * @cssproperty --lokaal-color-border - Borders and dividers (global token).
 * @cssproperty --lokaal-color-focus - The focus ring (global token).
 * @cssproperty --lokaal-radius - Corner radius of fields, buttons and cards (global token, default `0.5rem`).
 * @cssproperty --lokaal-shop-card-background - The card's background; the surface colour by default.
 * @cssproperty --lokaal-shop-card-padding - The card's inner space.
 * @cssproperty --lokaal-shop-card-min-height - The height kept free while loading (22rem).
 *
 * @fires {LokaalPlaceSelectEvent} lokaal-place-select - "Show on map" was activated; the link is still followed.
 *   Detail `{ place: { id, name, point }, source: 'lokaal-shop-card' }`.
 */
export class LokaalShopCard extends LitElement {
  static override styles = [tokens, shopCardStyles];

  private readonly localize = new LocaleController(this);

  private readonly placeTask = new Task(this, {
    task: async ([client, placeId], { signal }) => {
      if (!placeId) return initialState;
      return client.place(placeId, { signal });
    },
    args: () => [this.client ?? clientFor(this.api), this.placeId.trim()] as const,
  });

  // Back online after an offline failure: try again without a click.
  private readonly retryWhenOnline = new RetryWhenOnlineController(this, this.placeTask);

  /** Base URL of the Lokaal API; the page's own origin when empty. */
  @property() api = '';

  /** The id of the place to show, as the API knows it. */
  @property({ attribute: 'place-id' }) placeId = '';

  /** `light` (default), `dark`, or `auto` to follow the visitor's system setting. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** Add schema.org JSON-LD for what the element shows to the page's `<head>`, for search engines; off by default. */
  @property({ type: Boolean, attribute: 'structured-data' }) structuredData = false;

  /** The API client to use instead of one made from `api` (for tests, or a host's own). */
  @property({ attribute: false }) client?: ShopCardClient;

  protected override updated(): void {
    // The place as a LocalBusiness in the page's JSON-LD, with `structured-data`.
    publishStructuredData(this, this.placeTask.value);
  }

  private onShowOnMap(place: Place): void {
    this.dispatchEvent(
      new LokaalPlaceSelectEvent({
        place: { id: place.id, name: place.name, point: place.point },
        source: 'lokaal-shop-card',
      }),
    );
  }

  private onRetry(): void {
    void this.placeTask.run();
  }

  private renderLoading(): TemplateResult {
    return html`<div part="base" class="loading" aria-busy="true">
      <p role="status"><span class="visually-hidden">${this.localize.m.loadingDetails}</span></p>
      <span class="bone title" aria-hidden="true"></span>
      <span class="bone short" aria-hidden="true"></span>
      <span class="bone block" aria-hidden="true"></span>
      <span class="bone" aria-hidden="true"></span>
      <span class="bone short" aria-hidden="true"></span>
      <slot></slot>
    </div>`;
  }

  private renderFailure(error: unknown): TemplateResult {
    const { m } = this.localize;
    const failure = failureOf(error);
    const message =
      failure === 'not-found'
        ? html`<p><strong>${m.placeNotFound}</strong></p>`
        : failure === 'offline'
          ? html`<p><strong>${m.offlineTitle}</strong></p>
              <p>${m.offlineHint}</p>`
          : html`<p><strong>${m.errorTitle}</strong></p>
              <p>${m.errorHint}</p>`;
    return html`<div part="base" class="failure">
      <div class="message" role="alert">
        ${message}
        ${
          failure === 'not-found'
            ? nothing
            : html`<button class="retry" type="button" @click=${this.onRetry}>${m.tryAgain}</button>`
        }
      </div>
      <slot></slot>
    </div>`;
  }

  private renderHours(place: Place): TemplateResult {
    const { m, locale } = this.localize;
    const week = parseOpeningHours(place.opening_hours);
    return html`<section part="hours" aria-labelledby="hours-title">
      <h3 id="hours-title">${m.openingHours}</h3>
      ${
        place.opening_hours === null
          ? html`<p>${m.hoursUnknown}</p>`
          : week
            ? this.renderWeek(week, locale === 'en' ? 'en-GB' : 'nl-NL')
            : html`<p class="raw">${place.opening_hours}</p>`
      }
    </section>`;
  }

  private renderWeek(week: WeekHours, intlLocale: string): TemplateResult {
    const { m } = this.localize;
    const now = new Date();
    const names = weekdayNames(intlLocale);
    const todaySpans = formatSpans(hoursOn(week, now));
    const todayWeekday = amsterdamDate(now).weekday;
    const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase(intlLocale) + text.slice(1);
    return html`<p class="today">${todaySpans ? m.todayHours(todaySpans) : m.closedToday}</p>
      <table>
        <tbody>
          ${week.days.map((day, index) => {
            const name = names[index] ?? '';
            const base = formatSpans(day.spans) ?? m.closedAllDay;
            const exceptions = day.nth.map(
              (rule) => `${m.nthWeekdayOfMonth(rule.nth, name)} ${formatSpans(rule.spans) ?? m.closedAllDay}`,
            );
            const isToday = index === todayWeekday;
            return html`<tr class=${isToday ? 'today' : ''} aria-current=${isToday ? 'date' : nothing}>
              <th scope="row">${capitalise(name)}</th>
              <td>${[base, ...exceptions].join('; ')}</td>
            </tr>`;
          })}
          ${
            week.holidays === null
              ? nothing
              : html`<tr>
                  <th scope="row">${m.publicHolidays}</th>
                  <td>${formatSpans(week.holidays) ?? m.closedAllDay}</td>
                </tr>`
          }
        </tbody>
      </table>`;
  }

  private renderPlace(place: Place): TemplateResult {
    const { m, locale } = this.localize;
    const state = place.open_now === null ? 'unknown' : place.open_now ? 'open' : 'closed';
    const kindLine = [m.kind[place.kind] ?? '', place.categories.join(', ')].filter(Boolean).join(' · ');
    const street = [place.address.street, place.address.housenumber].filter(Boolean).join(' ');
    const town = [place.address.postcode, place.address.town].filter(Boolean).join(' ');
    const phone = telUrl(place.phone);
    const website = safeHttpUrl(place.website);
    return html`<article part="base" aria-labelledby="name">
      <header part="header">
        <h2 class="name" id="name">${place.name}</h2>
        ${kindLine ? html`<p class="kind">${kindLine}</p>` : nothing}
        <p class="state ${state}">${formatOpeningState(place, new Date(), locale)}</p>
      </header>
      ${place.description ? html`<p class="description">${place.description}</p>` : nothing}
      ${this.renderHours(place)}
      <div part="contact">
        <dl>
          ${
            street || town
              ? html`<dt>${m.addressLabel}</dt>
                  <dd>${street}${street && town ? html`<br />` : nothing}${town}</dd>`
              : nothing
          }
          ${
            place.phone
              ? html`<dt>${m.phone}</dt>
                  <dd>${phone ? html`<a href=${phone}>${place.phone}</a>` : place.phone}</dd>`
              : nothing
          }
          ${
            website
              ? html`<dt>${m.website}</dt>
                  <dd><a href=${website} rel="noopener">${new URL(website).host}</a></dd>`
              : nothing
          }
        </dl>
        <ul class="links">
          <li><a class="route" href=${routeUrl(place.point)} rel="noopener">${m.routeTo(place.name)}</a></li>
          <li>
            <a
              class="show-on-map"
              href=${mapUrl(place.point)}
              rel="noopener"
              @click=${() => this.onShowOnMap(place)}
              >${m.showOnMap}</a
            >
          </li>
        </ul>
      </div>
      <slot></slot>
    </article>`;
  }

  protected override render(): TemplateResult {
    return this.placeTask.render({
      initial: () => html`<div part="base"><slot></slot></div>`,
      pending: () => this.renderLoading(),
      complete: (place) => this.renderPlace(place),
      error: (error) => this.renderFailure(error),
    });
  }
}
