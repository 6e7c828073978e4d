/**
 * Documentation pages: shows the events of the live example as they happen, with their
 * detail, so a webmaster sees what a page script would receive.
 */
import { t } from './lang.js';

const MAX_LINES = 6;
const MAX_DETAIL_CHARACTERS = 400;

for (const log of document.querySelectorAll<HTMLElement>('[data-event-log]')) {
  const example = document.getElementById(log.dataset.eventLog ?? '')?.querySelector('.example-live > *');
  const output = log.querySelector('code');
  if (!example || !output) continue;
  const lines: string[] = [];
  for (const name of (log.dataset.events ?? '').split(' ').filter(Boolean)) {
    example.addEventListener(name, (event) => {
      const detail = JSON.stringify((event as CustomEvent).detail ?? null);
      const shown =
        detail.length > MAX_DETAIL_CHARACTERS
          ? `${detail.slice(0, MAX_DETAIL_CHARACTERS)}… ${t(`(${detail.length} tekens)`, `(${detail.length} characters)`)}`
          : detail;
      lines.unshift(`${name}  ${shown}`);
      lines.length = Math.min(lines.length, MAX_LINES);
      output.textContent = lines.join('\n\n');
    });
  }
}
