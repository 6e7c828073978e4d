import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { hasMessages, messages, resolveLocale, type Locale, type Messages } from '@lokaal/core';

/** English is fetched the first time an element asks for it; Dutch pages never load it. */
let english: Promise<unknown> | null = null;

/**
 * Picks the element's language: its own `lang`, else the nearest `lang` up the tree (the
 * page's), else Dutch. Re-renders when the element's or the page's `lang` changes.
 */
export class LocaleController implements ReactiveController {
  private observer: MutationObserver | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get locale(): Locale {
    const lang = this.host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    return resolveLocale(lang);
  }

  get m(): Messages {
    const locale = this.locale;
    if (!hasMessages(locale) && locale === 'en') {
      english ??= import('@lokaal/core/messages-en');
      void english.then(() => this.host.requestUpdate());
    }
    return messages(locale);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    // The element's own `lang` stays a native attribute (it is inherited through
    // `closest('[lang]')`), so its changes are watched here rather than declared by each element.
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
