/** The site's language lives in the address (`?lang=en`), never in storage. */
export function isEnglish(): boolean {
  return new URLSearchParams(location.search).get('lang') === 'en';
}

/** A same-site link that keeps the English choice; other links are left alone. */
export function withLanguage(href: string): string {
  const url = new URL(href, location.href);
  if (!isEnglish() || url.origin !== location.origin) return href;
  if (url.pathname.startsWith('/v1/') || url.pathname.startsWith('/cdn/')) return href;
  url.searchParams.set('lang', 'en');
  return url.href;
}

/** Dutch or English text, by the page's language. */
export function t(nl: string, en: string): string {
  return isEnglish() ? en : nl;
}

/** Creates an element with text only: shop data never goes in as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = Object.assign(document.createElement(tag), properties);
  created.append(...children);
  return created;
}
