/**
 * The CDN entry: registers every Lokaal element. `<lokaal-map>` and Leaflet are a separate
 * chunk, fetched only when a map is on the page, so pages without one never pay for it.
 *
 * @example
 * <script type="module" src="https://…/lokaal.js"></script>
 * <lokaal-search region="GM0307"></lokaal-search>
 */
import './search/search.js';
import './nearby/nearby.js';
import './shop-card/shop-card.js';
import './stock/stock.js';

export { VERSION } from './shared/define.js';

/**
 * Loads the map module as soon as a `<lokaal-map>` is in the document, now or later (a CMS
 * or a single-page app may add one after load). This entry is the one module meant to act
 * on the page when it loads; the elements themselves never touch `document` at load.
 */
function loadMapWhenPresent(): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined' || customElements === null)
    return;
  const load = (): void => {
    void import('./map/map.js').catch((error: unknown) =>
      console.warn('<lokaal-map> could not be loaded:', error),
    );
  };
  if (document.querySelector('lokaal-map')) {
    load();
    return;
  }
  const observer = new MutationObserver(() => {
    if (document.querySelector('lokaal-map')) {
      observer.disconnect();
      load();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

loadMapWhenPresent();
