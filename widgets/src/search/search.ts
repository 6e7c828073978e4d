import { defineElement } from '../shared/define.js';
import { LokaalSearch } from './search.component.js';

export * from './search.component.js';

defineElement('lokaal-search', LokaalSearch);

declare global {
  interface HTMLElementTagNameMap {
    'lokaal-search': LokaalSearch;
  }
}
