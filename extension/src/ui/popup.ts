/** The toolbar popup: the places nearby for the current tab, and location and radius. */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { browser } from '../lib/browser.js';
import type { PanelItem, TabState } from '../lib/messages.js';
import { readSettings } from '../lib/settings-store.js';
import { askBackground, texts } from './pages.js';
import { SettingsForm } from './settings-form.js';

function place(item: PanelItem) {
  return html`
    <li data-place-id=${item.placeId}>
      <div class="head">
        <strong>${item.name}</strong>
        ${item.distance === null ? nothing : html`<span class="muted">${item.distance}</span>`}
        <span class="price">${item.price}</span>
      </div>
      <p class="muted">
        <span data-availability=${item.availability}>${item.availabilityText}</span> ·
        <span data-open=${item.openState}>${item.openingText}</span>
      </p>
      <a href=${item.routeUrl} target="_blank" rel="noopener noreferrer" aria-label=${item.routeLabel}
        >${item.route}</a
      >
    </li>
  `;
}

async function places(): Promise<TemplateResult> {
  const settings = await readSettings();
  const { x } = texts(settings);
  // `?tab=` opens the popup for a given tab in a tab of its own (tests, assistive tools).
  const given = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
  const tabId = Number.isInteger(given)
    ? given
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const state =
    tabId === undefined
      ? null
      : await askBackground<TabState>({ type: 'tab-state', tabId }).catch(() => null);
  const view = state?.view ?? null;
  if (!settings.location) return html`<p>${x.extPopupNoLocation}</p>`;
  if (!view || view.items.length === 0) return html`<p>${x.extPopupEmpty}</p>`;
  return html`<h2>${view.match === 'similar' ? view.labels.similarTitle : view.labels.title}</h2>
    <ul class="places">
      ${view.items.map(place)}
    </ul>`;
}

async function main(): Promise<void> {
  const { x } = texts(await readSettings());
  render(
    html`
      <h1>${x.extPopupTitle}</h1>
      <section id="places" aria-live="polite"></section>
      <div id="form"></div>
      <p><button type="button" class="link" id="all-settings">${x.extAllSettings}</button></p>
    `,
    document.body,
  );
  const section = document.getElementById('places')!;
  render(await places(), section);
  document.getElementById('all-settings')?.addEventListener('click', () => {
    void browser.runtime.openOptionsPage();
    window.close();
  });
  await new SettingsForm(document.getElementById('form')!, 'popup', () => {
    // The tab looks again with the new settings; the list follows once it has answered.
    void places().then((list) => render(list, section));
  }).start();
}

void main();
