import { defineElement } from '../shared/define.js';
import { LokaalShopCard } from './shop-card.component.js';

export { LokaalShopCard };
export type { ShopCardClient } from './shop-card.component.js';

defineElement('lokaal-shop-card', LokaalShopCard);

declare global {
  interface HTMLElementTagNameMap {
    'lokaal-shop-card': LokaalShopCard;
  }
}
