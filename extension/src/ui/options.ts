/** The options page: every setting of the extension. */
import { html, render } from 'lit-html';
import { readSettings } from '../lib/settings-store.js';
import { texts } from './pages.js';
import { SettingsForm } from './settings-form.js';

async function main(): Promise<void> {
  const { x } = texts(await readSettings());
  document.title = x.extOptionsTitle;
  render(
    html`<h1>${x.extOptionsTitle}</h1>
      <div id="form"></div>`,
    document.body,
  );
  await new SettingsForm(document.getElementById('form')!, 'options', (settings) => {
    // The language may have changed: show the page in it.
    document.title = texts(settings).x.extOptionsTitle;
    document.querySelector('h1')!.textContent = texts(settings).x.extOptionsTitle;
  }).start();
}

void main();
