import { defineElement } from '../shared/define.js';
import { LokaalStock } from './stock.component.js';

export { LokaalStock };
export type { StockClient } from './stock.component.js';

defineElement('lokaal-stock', LokaalStock);

declare global {
  interface HTMLElementTagNameMap {
    'lokaal-stock': LokaalStock;
  }
}
