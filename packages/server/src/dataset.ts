import type { Offer, Place, Product, Region } from '@lokaal/core';

/** A place as stored: the opening state is computed at response time, never stored. */
export type PlaceRecord = Omit<Place, 'open_now' | 'opens_at' | 'closes_at'>;

/** An offer as a feed or seed delivers it; the store assigns the id. */
export interface OfferRecord extends Omit<Offer, 'id' | 'currency' | 'stale'> {
  /** The shop's own key for an item without GTIN (its SKU); defaults to the title. */
  sku?: string;
}

/** A whole data set, as the demo town and the bench generator produce it. */
export interface DataSet {
  regions: Region[];
  places: PlaceRecord[];
  products: Product[];
  offers: OfferRecord[];
}
