/**
 * Places and offers as the API sends them, for the component tests: one shop in the
 * Langestraat, open for three more hours, and its offer of a bicycle bell.
 */
import type { OfferAtPlace, PlaceSummary } from '@lokaal/core';

export const HOUR_MS = 3_600_000;

export function placeSummary(id: string, name: string, overrides: Partial<PlaceSummary> = {}): PlaceSummary {
  return {
    id,
    kind: 'shop',
    name,
    address: { street: 'Langestraat', housenumber: '42', postcode: '3811 AB', town: 'Amersfoort' },
    point: { lat: 52.155657, lon: 5.388379 },
    open_now: true,
    opens_at: null,
    closes_at: new Date(Date.now() + 3 * HOUR_MS).toISOString(),
    ...overrides,
  };
}

export function offerAt(place: PlaceSummary, overrides: Partial<OfferAtPlace> = {}): OfferAtPlace {
  return {
    id: `offer-${place.id}`,
    place_id: place.id,
    gtin: '08710856026353',
    title: 'Fietsbel aluminium goud',
    price_cents: 1149,
    currency: 'EUR',
    availability: 'in_stock',
    quantity: 6,
    url: `https://www.${place.id}.nl/p/fietsbel`,
    updated_at: new Date(Date.now() - 2 * HOUR_MS).toISOString(),
    stale: false,
    place,
    distance_m: 114,
    ...overrides,
  };
}
