import type { PlaceSummary } from '@lokaal/core';

export interface PlaceSelectDetail {
  place: Pick<PlaceSummary, 'id' | 'name' | 'point'>;
  /** Which element the selection came from. */
  source: string;
}

/**
 * A place was chosen in one element (a result, a marker, a list entry). Bubbles and is
 * composed, so the page and the other Lokaal elements hear it across shadow roots.
 */
export class LokaalPlaceSelectEvent extends Event {
  static readonly type = 'lokaal-place-select';
  constructor(readonly detail: PlaceSelectDetail) {
    super(LokaalPlaceSelectEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lokaal-place-select': LokaalPlaceSelectEvent;
  }
}
