/** The first-run page: nothing is looked up until the shopper has chosen a location here. */
import { html, nothing, render } from 'lit-html';
import { readSettings } from '../lib/settings-store.js';
import { texts } from './pages.js';
import { SettingsForm } from './settings-form.js';

async function main(): Promise<void> {
  const settings = await readSettings();
  const { x } = texts(settings);
  document.title = x.extWelcomeTitle;
  let done = settings.location !== null;
  const draw = (): void => {
    render(
      html`
        <h1>${x.extWelcomeTitle}</h1>
        <p>${x.extWelcomeIntro}</p>
        <div id="form"></div>
        ${done ? html`<p class="done" role="status">${x.extWelcomeDone}</p>` : nothing}
      `,
      document.body,
    );
  };
  draw();
  await new SettingsForm(document.getElementById('form')!, 'welcome', () => {
    done = true;
    draw();
  }).start();
}

void main();
