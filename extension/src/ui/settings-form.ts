/**
 * The settings form. The welcome page and the popup show its location and radius; the
 * options page shows everything: marketplaces, language, the API endpoint (asking for
 * host permission when it is not the default) and the sites where the panel is hidden.
 */
import { LOCALES, type Locale } from '@lokaal/core';
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { adapters } from '../adapters/index.js';
import { browser } from '../lib/browser.js';
import {
  DEFAULT_API_BASE_URL,
  normaliseApiBaseUrl,
  type Settings,
  type ShopperLocation,
} from '../lib/settings.js';
import { readSettings, writeSettings } from '../lib/settings-store.js';
import { browserLocation, geocodeLocation, locationFields, status, texts } from './pages.js';

export type FormMode = 'welcome' | 'popup' | 'options';

export class SettingsForm {
  private settings: Settings | null = null;
  /** The browser's point, chosen but not saved yet. */
  private pendingLocation: ShopperLocation | null = null;
  private message: { text: string; error: boolean } | null = null;
  private busy = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly mode: FormMode,
    /** Called after a successful save (the welcome page says it is done). */
    private readonly onSaved: (settings: Settings) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.settings = await readSettings();
    this.update();
  }

  private update(): void {
    if (!this.settings) return;
    render(this.template(this.settings), this.container);
  }

  private useBrowserLocation = async (): Promise<void> => {
    if (!this.settings) return;
    const { m } = texts(this.settings);
    this.message = { text: m.locating, error: false };
    this.update();
    const location = await browserLocation();
    this.pendingLocation = location;
    this.message = location ? null : { text: m.locationDenied, error: true };
    if (location) {
      const input = this.container.querySelector<HTMLInputElement>('#location');
      if (input) input.value = '';
      this.settings = { ...this.settings, location };
    }
    this.update();
  };

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.settings || this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const before = this.settings;
    const { m, x } = texts(before);
    const change: { -readonly [K in keyof Settings]?: Settings[K] } = {};

    // Ask for host permission first, while the click still counts as the shopper's gesture.
    let permission: Promise<boolean> = Promise.resolve(true);
    if (this.mode === 'options') {
      const typed = String(data.get('api') ?? '').trim();
      const api = typed === '' ? DEFAULT_API_BASE_URL : normaliseApiBaseUrl(typed);
      // A new endpoint must be https; one set before (by an operator's policy or a test) stays as it is.
      if (
        !api ||
        (api !== DEFAULT_API_BASE_URL && api !== before.apiBaseUrl && !api.startsWith('https://'))
      ) {
        this.message = { text: x.extEndpointInvalid, error: true };
        this.update();
        return;
      }
      if (api !== before.apiBaseUrl) {
        change.apiBaseUrl = api;
        if (api !== DEFAULT_API_BASE_URL) {
          permission = browser.permissions
            .request({ origins: [`${new URL(api).origin}/*`] })
            .catch(() => false);
        }
      }
      change.disabledMarketplaces = adapters
        .filter((adapter) => data.get(`marketplace-${adapter.id}`) === null)
        .map((adapter) => adapter.id);
      const locale = String(data.get('locale'));
      if ((LOCALES as readonly string[]).includes(locale)) change.locale = locale as Locale;
    }
    this.busy = true;
    try {
      if (!(await permission)) {
        this.message = { text: x.extPermissionDenied, error: true };
        return;
      }
      const radius = Number(data.get('radius'));
      if (Number.isFinite(radius) && radius > 0) change.radiusInMetres = radius;
      const typedLocation = String(data.get('location') ?? '').trim();
      if (
        typedLocation &&
        (before.location?.source !== 'geocode' || typedLocation !== before.location.label)
      ) {
        if (change.apiBaseUrl) await writeSettings({ apiBaseUrl: change.apiBaseUrl });
        const location = await geocodeLocation(typedLocation);
        if (!location) {
          this.message = { text: m.unknownLocation, error: true };
          return;
        }
        change.location = location;
      } else if (!typedLocation && this.pendingLocation) {
        change.location = this.pendingLocation;
      }
      if (!change.location && !before.location) {
        this.message = { text: m.noLocationYet, error: true };
        return;
      }
      await writeSettings(change);
      this.settings = await readSettings();
      this.pendingLocation = null;
      this.message = { text: texts(this.settings).x.extSaved, error: false };
      this.onSaved(this.settings);
    } finally {
      this.busy = false;
      this.update();
    }
  };

  private showAgain = async (site: string): Promise<void> => {
    if (!this.settings) return;
    await writeSettings({ dismissedSites: this.settings.dismissedSites.filter((item) => item !== site) });
    this.settings = await readSettings();
    this.update();
  };

  private optionsFields(settings: Settings): TemplateResult {
    const { x } = texts(settings);
    return html`
      <fieldset>
        <legend>${x.extMarketplacesLabel}</legend>
        ${adapters.map(
          (adapter) => html`
            <label class="check">
              <input
                type="checkbox"
                name=${`marketplace-${adapter.id}`}
                ?checked=${!settings.disabledMarketplaces.includes(adapter.id)}
              />
              ${adapter.name}
            </label>
          `,
        )}
      </fieldset>
      ${
        settings.dismissedSites.length > 0
          ? html`<fieldset>
              <legend>${x.extHiddenOnSites}</legend>
              ${settings.dismissedSites.map(
                (site) =>
                  html`<button type="button" class="secondary" @click=${() => this.showAgain(site)}>
                    ${x.extShowAgain(site)}
                  </button>`,
              )}
            </fieldset>`
          : nothing
      }
      <label for="locale">${x.extLanguageLabel}</label>
      <select id="locale" name="locale">
        ${LOCALES.map(
          (locale) =>
            html`<option value=${locale} ?selected=${locale === settings.locale}>
              ${x.languageName[locale]}
            </option>`,
        )}
      </select>
      <label for="api">${x.extEndpointLabel}</label>
      <input
        id="api"
        name="api"
        type="url"
        inputmode="url"
        placeholder=${DEFAULT_API_BASE_URL}
        .value=${settings.apiBaseUrl === DEFAULT_API_BASE_URL ? '' : settings.apiBaseUrl}
      />
      <p class="hint">${x.extEndpointHint}</p>
    `;
  }

  private template(settings: Settings): TemplateResult {
    const { m, x, locale } = texts(settings);
    return html`
      <form @submit=${this.submit} novalidate>
        <fieldset>
          <legend>${x.extLocationHeading}</legend>
          ${locationFields(settings, { m, x, locale }, this.useBrowserLocation)}
        </fieldset>
        ${this.mode === 'options' ? this.optionsFields(settings) : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${x.extSave}</button>
        </div>
        ${status(this.message?.text ?? null, this.message?.error)}
        ${this.mode === 'popup' ? nothing : html`<p class="hint">${x.extPrivacyNote}</p>`}
      </form>
    `;
  }
}
