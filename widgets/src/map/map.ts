import { defineElement } from '../shared/define.js';
import { LokaalMap } from './map.component.js';

export { LokaalMap };
export type { MapClient } from './map.component.js';

defineElement('lokaal-map', LokaalMap);

declare global {
  interface HTMLElementTagNameMap {
    'lokaal-map': LokaalMap;
  }
}
