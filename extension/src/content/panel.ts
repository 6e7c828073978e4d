/**
 * The panel "Ook verkrijgbaar in de buurt", built into a closed shadow root on an element
 * of our own: the page's CSS cannot restyle it and the page's scripts cannot read it. It
 * needs no custom element (in a content script `customElements` is null), and it reuses
 * the widgets' tokens and `<lokaal-nearby>`'s list styles.
 *
 * It is built with plain DOM calls: a few dozen elements, rebuilt whole on the shopper's
 * rare clicks, cost less to create than lit-html costs to load and prepare its templates
 * on a page that shows the panel once. Every text goes in as a text node, never as HTML.
 *
 * It is rendered completely before it enters the page, and only grows or shrinks when the
 * shopper clicks, so the page's layout does not shift under the shopper.
 */
import { tokens } from '../../../widgets/src/shared/styles.js';
import { nearbyStyles } from '../../../widgets/src/nearby/nearby.styles.js';
import type { MountPoint } from '../adapters/types.js';
import type { PanelItem, PanelView } from '../lib/messages.js';
import { panelStyles } from './panel.styles.js';
import { PANEL_TAG } from './scripts.js';

export interface PanelActions {
  /** The shopper asked to search for similar products; resolves with what was found. */
  searchSimilar(): Promise<PanelView | null>;
  /** The shopper does not want the panel on this site. */
  dismissSite(): void;
  /** The shopper closed the panel (for this product on this page). */
  closed(): void;
}

/** The nearest places the panel shows; the popup lists more. Few, to stay unobtrusive. */
const PANEL_PLACES = 3;

const httpUrl = (url: string | null): string | null => (url && /^https?:\/\//.test(url) ? url : null);

/**
 * A constructed stylesheet is not subject to the page's CSP (`style-src` without
 * `'unsafe-inline'` blocks a `<style>` element); where the content script cannot adopt
 * one (Firefox's content-script sandbox), a `<style>` element is the fallback.
 */
let sharedSheet: CSSStyleSheet | undefined;

function adoptStyles(root: ShadowRoot, cssText: string): void {
  try {
    // One sheet for every panel of this page (a single-page app mounts one per product).
    if (!sharedSheet) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
      sharedSheet = sheet;
    }
    root.adoptedStyleSheets = [sharedSheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = cssText;
    root.append(style);
  }
}

/**
 * Whether an element that follows `node` in its parent was on screen before the panel
 * pushed it down by `shiftInPixels` (and so would be seen to move).
 */
function visibleFollower(node: Element, shiftInPixels: number): boolean {
  for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
    const rect = next.getBoundingClientRect();
    if (rect.height > 0 && rect.top - shiftInPixels < innerHeight && rect.bottom - shiftInPixels > 0)
      return true;
  }
  return false;
}

/**
 * The panel shifts what follows it in its parent, and what follows each ancestor that grew
 * because of it; an ancestor that kept its height (a grid column beside a taller one)
 * stops the shift there.
 */
function movesVisibleContent(
  host: Element,
  ancestors: ReadonlyArray<{ element: Element; height: number }>,
): boolean {
  if (visibleFollower(host, host.getBoundingClientRect().height)) return true;
  for (const { element, height } of ancestors) {
    const growth = element.getBoundingClientRect().height - height;
    if (growth <= 0) return false;
    if (visibleFollower(element, growth)) return true;
  }
  return false;
}

/** What a shopper can click or type in: the floating panel must never lie over one. */
const CONTROLS =
  'a[href], button, input, select, textarea, summary, label, iframe, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"]), [contenteditable]:not([contenteditable="false"])';

/** Whether the topmost page element under any of nine points of the host is, or is in, a control. */
function coversControl(host: Element): boolean {
  const rect = host.getBoundingClientRect();
  for (const x of [rect.left + 2, (rect.left + rect.right) / 2, rect.right - 2]) {
    for (const y of [rect.top + 2, (rect.top + rect.bottom) / 2, rect.bottom - 2]) {
      const below = document.elementsFromPoint(x, y).find((element) => element !== host);
      if (below?.closest(CONTROLS)) return true;
    }
  }
  return false;
}

/**
 * An element with attributes (`true` sets a boolean attribute, `false` leaves it out)
 * and children; strings become text nodes, so page or shop data is never parsed as HTML.
 */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean>,
  ...children: Array<Node | string | null>
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) created.setAttribute(name, '');
    else if (value !== false) created.setAttribute(name, value);
  }
  for (const child of children) if (child !== null) created.append(child);
  return created;
}

export class Panel {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private expanded = true;
  private searching = false;
  /** A similar-products panel has been searched (before that it offers a button only). */
  private searched = false;

  constructor(
    private view: PanelView,
    private readonly actions: PanelActions,
  ) {
    this.host = document.createElement(PANEL_TAG);
    this.root = this.host.attachShadow({ mode: 'closed' });
    adoptStyles(this.root, `${tokens.cssText}${nearbyStyles.cssText}${panelStyles}`);
    this.update();
  }

  /**
   * Puts the finished panel into the page next to the buy block. Where that would move
   * something the shopper can see, it takes the panel out again before the next frame (so
   * no shift is ever painted) and floats it, collapsed, in a bottom corner that covers no
   * control of the page; where both corners would, it returns `false` and the badge and
   * the popup still show the places.
   */
  mount(point: MountPoint): boolean {
    const parent =
      point.position === 'afterbegin' || point.position === 'beforeend'
        ? point.element
        : point.element.parentElement;
    const ancestors: Array<{ element: Element; height: number }> = [];
    for (let element = parent; element && element !== document.body; element = element.parentElement) {
      ancestors.push({ element, height: element.getBoundingClientRect().height });
    }
    point.element.insertAdjacentElement(point.position, this.host);
    if (!movesVisibleContent(this.host, ancestors)) return true;
    this.host.remove();
    return this.float();
  }

  /** Fixed in a corner of the window: it moves nothing, and it opens only when asked. */
  private float(): boolean {
    if (this.view.match === 'exact') {
      this.expanded = false;
      this.update();
    }
    this.host.dataset.placement = 'floating';
    for (const side of ['end', 'start']) {
      this.host.dataset.side = side;
      document.body.append(this.host);
      if (!coversControl(this.host)) return true;
      this.host.remove();
    }
    delete this.host.dataset.placement;
    delete this.host.dataset.side;
    return false;
  }

  remove(): void {
    this.host.remove();
  }

  private update(): void {
    // Rebuilt whole: keep the keyboard focus on the control the shopper used.
    const focused = (this.root.activeElement as HTMLElement | null)?.className;
    this.root.replaceChildren(...this.styleFallback(), this.template());
    if (focused) this.root.querySelector<HTMLElement>(`.${focused}`)?.focus();
  }

  /** The `<style>` element of `adoptStyles`' fallback, kept across rebuilds. */
  private styleFallback(): Node[] {
    return [...this.root.children].filter((child) => child.localName === 'style');
  }

  private toggle = (): void => {
    this.expanded = !this.expanded;
    this.update();
  };

  private close = (): void => {
    this.remove();
    this.actions.closed();
  };

  private dismiss = (): void => {
    this.remove();
    this.actions.dismissSite();
  };

  private search = async (): Promise<void> => {
    if (this.searching) return;
    this.searching = true;
    this.update();
    const found = await this.actions.searchSimilar();
    this.searching = false;
    this.view = found ?? { ...this.view, items: [] };
    this.searched = true;
    this.update();
  };

  private item(item: PanelItem, similar: boolean): HTMLElement {
    const shopUrl = httpUrl(item.shopUrl);
    const routeUrl = httpUrl(item.routeUrl);
    const links = element('p', { class: 'links' });
    if (routeUrl) {
      links.append(
        element(
          'a',
          { href: routeUrl, target: '_blank', rel: 'noopener noreferrer', 'aria-label': item.routeLabel },
          item.route,
        ),
      );
    }
    if (shopUrl) {
      links.append(
        element('a', { href: shopUrl, target: '_blank', rel: 'noopener noreferrer' }, item.shopLabel),
      );
    }
    return element(
      'li',
      { part: 'item', 'data-place-id': item.placeId },
      element(
        'div',
        { class: 'head' },
        element('strong', { class: 'place' }, item.name),
        item.distance === null ? null : element('span', { class: 'distance' }, item.distance),
        element('span', { class: 'price' }, item.price),
      ),
      similar
        ? element('p', { class: 'meta similar' }, `${this.view.labels.similarLabel}: ${item.title}`)
        : null,
      element(
        'p',
        { class: 'meta' },
        element('span', { 'data-availability': item.availability }, item.availabilityText),
        element('span', {}, item.freshness),
        item.stale ? element('span', { class: 'stale' }, item.stale) : null,
      ),
      element('p', { class: 'meta' }, element('span', { 'data-open': item.openState }, item.openingText)),
      links,
    );
  }

  private body(): Node[] {
    const { labels, match, items } = this.view;
    if (match === 'similar' && !this.searched) {
      const search = element(
        'button',
        { class: 'search', type: 'button', disabled: this.searching },
        labels.searchNearby,
      );
      search.addEventListener('click', this.search);
      return [element('p', { class: 'hint' }, labels.similarHint), search];
    }
    if (items.length === 0) return [element('p', { class: 'empty' }, labels.none)];
    return [
      element(
        'ul',
        { part: 'list', id: 'list', hidden: !this.expanded },
        ...items.slice(0, PANEL_PLACES).map((item) => this.item(item, match === 'similar')),
      ),
    ];
  }

  private template(): HTMLElement {
    const { labels, match, lang } = this.view;
    const title = match === 'similar' ? labels.similarTitle : labels.title;
    const collapsible = match === 'exact' || this.searched;
    let heading: Node = document.createTextNode(title);
    if (collapsible) {
      heading = element(
        'button',
        {
          class: 'toggle',
          type: 'button',
          'aria-expanded': this.expanded ? 'true' : 'false',
          'aria-controls': 'list',
          title: this.expanded ? labels.collapse : labels.expand,
        },
        title,
        element('span', { class: 'chevron', 'aria-hidden': 'true' }),
      );
      heading.addEventListener('click', this.toggle);
    }
    // U+00D7 is in every font; a rarer cross makes layout search the system's fonts for it.
    const close = element(
      'button',
      { class: 'icon', type: 'button', 'aria-label': labels.close, title: labels.close },
      '×',
    );
    close.addEventListener('click', this.close);
    const dismiss = element('button', { class: 'dismiss', type: 'button' }, labels.dismiss);
    dismiss.addEventListener('click', this.dismiss);
    return element(
      'section',
      { part: 'base', lang, 'aria-label': title },
      element('div', { class: 'bar' }, element('h2', {}, heading), close),
      ...(this.expanded ? this.body() : []),
      element('div', { class: 'footer', hidden: !this.expanded }, dismiss),
    );
  }
}
