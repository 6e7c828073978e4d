/**
 * What the popup, the options page and the welcome page share: talking to the background,
 * the shopper's language, and choosing a location (postcode or town geocoded by the API
 * through the background, or the browser's point rounded to about 1 km).
 */
import {
  formatDistance,
  messages,
  nlExtension,
  roundPoint,
  type ExtensionMessages,
  type Locale,
  type Messages,
} from '@lokaal/core';
import { enExtension } from '@lokaal/core/messages-en';
import { html, nothing, type TemplateResult } from 'lit-html';
import { browser } from '../lib/browser.js';
import type { GeocodeAnswer, PageRequest } from '../lib/messages.js';
import { RADIUS_CHOICES_IN_METRES, type Settings, type ShopperLocation } from '../lib/settings.js';

export async function askBackground<T>(request: PageRequest): Promise<T> {
  return (await browser.runtime.sendMessage(request)) as T;
}

/** The shared messages (`m`) and the extension's own (`x`) in the shopper's language. */
export function texts(settings: Settings): { m: Messages; x: ExtensionMessages; locale: Locale } {
  document.documentElement.lang = settings.locale;
  const x = settings.locale === 'en' ? enExtension : nlExtension;
  return { m: messages(settings.locale), x, locale: settings.locale };
}

/** The location typed by the shopper, geocoded; `null` when the API does not know it. */
export async function geocodeLocation(query: string): Promise<ShopperLocation | null> {
  const answer = await askBackground<GeocodeAnswer>({ type: 'geocode', query });
  return answer ? { label: query.trim(), point: answer.point, source: 'geocode' } : null;
}

/** The browser's location, rounded to about 1 km before it is kept or sent anywhere. */
export function browserLocation(): Promise<ShopperLocation | null> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) {
      resolve(null);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          label: '',
          point: roundPoint({ lat: position.coords.latitude, lon: position.coords.longitude }),
          source: 'browser',
        }),
      () => resolve(null),
      { enableHighAccuracy: false, maximumAge: 600_000, timeout: 15_000 },
    );
  });
}

export function locationText(location: ShopperLocation | null, m: Messages, x: ExtensionMessages): string {
  if (!location) return m.noLocationYet;
  return x.extLocationCurrent(location.source === 'browser' ? x.extLocationPoint : location.label);
}

/** The location and radius fields, as the popup, the options and the welcome page show them. */
export function locationFields(
  settings: Settings,
  { m, x, locale }: { m: Messages; x: ExtensionMessages; locale: Locale },
  onUseBrowserLocation: () => void,
): TemplateResult {
  return html`
    <p class="current" id="current-location">${locationText(settings.location, m, x)}</p>
    <label for="location">${m.locationLabel}</label>
    <div class="row">
      <input
        id="location"
        name="location"
        autocomplete="postal-code"
        placeholder=${m.locationPlaceholder}
        .value=${settings.location?.source === 'geocode' ? settings.location.label : ''}
      />
      <button type="button" class="secondary" @click=${onUseBrowserLocation}>${m.useMyLocation}</button>
    </div>
    <p class="hint">${m.locationRounded}</p>
    <label for="radius">${m.radiusLabel}</label>
    <select id="radius" name="radius">
      ${RADIUS_CHOICES_IN_METRES.map(
        (metres) =>
          html`<option value=${metres} ?selected=${metres === settings.radiusInMetres}>
            ${formatDistance(metres, locale)}
          </option>`,
      )}
    </select>
  `;
}

/** A status line that screen readers announce. */
export function status(text: string | null, error = false): TemplateResult {
  return html`<p class=${error ? 'status error' : 'status'} role="status">${text ?? nothing}</p>`;
}
