/**
 * Turns API answers into the panel's text, in the shopper's language. Formatting happens
 * here, in the background, so that the panel's script carries no message catalogue and
 * stays small; it renders these strings escaped and nothing else.
 */
import {
  formatDistance,
  formatFreshness,
  formatOpeningState,
  formatPrice,
  messages,
  nlExtension,
  type Locale,
  type OfferAtPlace,
} from '@lokaal/core';
import { enExtension } from '@lokaal/core/messages-en';
import { routeUrl, safeHttpUrl } from '../../../widgets/src/shared/safe-url.js';
import type { PanelItem, PanelLabels, PanelView } from '../lib/messages.js';

/** The popup lists this many places at most; the badge counts them all. */
export const LISTED_PLACES = 10;

export function panelLabels(locale: Locale): PanelLabels {
  const m = messages(locale);
  const x = locale === 'en' ? enExtension : nlExtension;
  return {
    title: m.availableNearbyTitle,
    similarTitle: x.extSimilarTitle,
    similarHint: x.extSimilarHint,
    similarLabel: x.extSimilarLabel,
    searchNearby: x.extSearchNearby,
    expand: m.showList,
    collapse: m.hideList,
    close: x.extClosePanel,
    dismiss: x.extDismissOnThisSite,
    none: m.notAvailableNearby,
  };
}

/**
 * The nearest offer per place, nearest place first, leaving out what cannot be bought
 * ("available" means a shopper can get it there, as in `<lokaal-nearby>`).
 */
export function nearestPerPlace(offers: readonly OfferAtPlace[]): OfferAtPlace[] {
  const byPlace = new Map<string, OfferAtPlace>();
  for (const offer of offers) {
    if (offer.availability === 'out_of_stock') continue;
    if (!byPlace.has(offer.place.id)) byPlace.set(offer.place.id, offer);
  }
  return [...byPlace.values()].sort(
    (a, b) => (a.distance_m ?? Number.POSITIVE_INFINITY) - (b.distance_m ?? Number.POSITIVE_INFINITY),
  );
}

export function panelItem(offer: OfferAtPlace, locale: Locale, now: Date): PanelItem {
  const m = messages(locale);
  const place = offer.place;
  return {
    placeId: place.id,
    name: place.name,
    title: offer.title,
    distance: offer.distance_m === null ? null : formatDistance(offer.distance_m, locale),
    price: offer.price_cents === null ? m.priceUnknown : formatPrice(offer.price_cents, locale),
    availability: offer.availability,
    availabilityText: m.availability[offer.availability],
    freshness: formatFreshness(offer.updated_at, now, locale),
    stale: offer.stale ? m.staleOffer : null,
    openState: place.open_now === null ? 'unknown' : place.open_now ? 'open' : 'closed',
    openingText: formatOpeningState(place, now, locale),
    route: m.route,
    routeUrl: routeUrl(place.point),
    routeLabel: m.routeTo(place.name),
    shopUrl: safeHttpUrl(offer.url),
    shopLabel: m.viewAtPlace(place.name),
  };
}

export function panelView(
  places: readonly OfferAtPlace[],
  match: PanelView['match'],
  locale: Locale,
  now = new Date(),
): PanelView {
  return {
    lang: locale,
    labels: panelLabels(locale),
    match,
    items: places.slice(0, LISTED_PLACES).map((offer) => panelItem(offer, locale, now)),
  };
}
