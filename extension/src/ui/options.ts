/** The options page: every setting of the extension. */
import { html, render } from 'lit-html';
import { readSettings } from '../lib/settings.js';
import { texts } from './pages.js';
import { SettingsForm } from './settings-form.js';

async function main(): Promise<void> {
  const { m } = texts(await readSettings());
  document.title = m.extOptionsTitle;
  render(
    html`<h1>${m.extOptionsTitle}</h1>
      <div id="form"></div>`,
    document.body,
  );
  await new SettingsForm(document.getElementById('form')!, 'options', (settings) => {
    // The language may have changed: show the page in it.
    document.title = texts(settings).m.extOptionsTitle;
    document.querySelector('h1')!.textContent = texts(settings).m.extOptionsTitle;
  }).start();
}

void main();
