/**
 * The town site's own script: the English switch. The pages are written in Dutch; an
 * element with `data-en` holds its English text, a block with `data-lang="en"` its English
 * version. `?lang=en` in the address turns the page, and the Lokaal elements (which follow
 * the page's `lang`), into English, and keeps it on the site's own links. Nothing is
 * stored: the choice lives in the address only.
 */
import { isEnglish, withLanguage } from './lang.js';

function translate(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-en]')) {
    element.textContent = element.dataset.en ?? '';
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-en-aria-label]')) {
    element.setAttribute('aria-label', element.dataset.enAriaLabel ?? '');
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-lang]')) {
    element.hidden = element.dataset.lang !== 'en';
  }
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (link.hasAttribute('data-lang-switch') || link.getAttribute('href')?.startsWith('#')) continue;
    link.href = withLanguage(link.href);
  }
}

function setUp(): void {
  const english = isEnglish();
  const lang = document.documentElement;
  const switchLink = document.querySelector<HTMLAnchorElement>('[data-lang-switch]');
  if (switchLink) {
    const target = new URL(location.href);
    if (english) target.searchParams.delete('lang');
    else target.searchParams.set('lang', 'en');
    switchLink.href = `${target.pathname}${target.search}${target.hash}`;
    switchLink.textContent = english ? 'Nederlands' : 'English';
    switchLink.lang = english ? 'nl' : 'en';
    switchLink.hreflang = english ? 'nl' : 'en';
  }
  if (!english) return;
  lang.lang = 'en';
  translate(document);
}

setUp();
