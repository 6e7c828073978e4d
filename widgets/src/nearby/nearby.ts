import { defineElement } from '../shared/define.js';
import { LokaalNearby } from './nearby.component.js';

export * from './nearby.component.js';

defineElement('lokaal-nearby', LokaalNearby);

declare global {
  interface HTMLElementTagNameMap {
    'lokaal-nearby': LokaalNearby;
  }
}
