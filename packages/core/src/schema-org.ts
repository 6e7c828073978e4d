/**
 * schema.org JSON-LD for places, products and offers: one builder for the server's
 * crawlable pages and for the widgets' `structured-data` attribute, so search engines read
 * the same description wherever a local offer appears. No DOM, no Node.
 *
 * Honesty rules: an offer no feed confirmed lately (`stale`) never claims to be in stock —
 * it carries no `availability` unless it is out of stock; prices and URLs are given only
 * when the shop published them; a shop's URL is kept only when it is http(s).
 */
import type { Availability, Offer, Place, PlaceKind, PlaceSummary, Product } from './types.js';

export type JsonLd = Record<string, unknown>;

/** The WHATWG URL parser, in every browser and in Node; core is built without DOM or Node types. */
declare const URL: new (value: string) => { protocol: string; href: string };

export const SCHEMA_ORG = 'https://schema.org';

/** The most fitting LocalBusiness subtype for a category, as the demo and feeds name them. */
const CATEGORY_TYPES: Readonly<Record<string, string>> = {
  bakker: 'Bakery',
  bakery: 'Bakery',
  boeken: 'BookStore',
  fietsen: 'BikeStore',
  bloemen: 'Florist',
  kleding: 'ClothingStore',
  schoenen: 'ShoeStore',
  elektronica: 'ElectronicsStore',
  speelgoed: 'ToyStore',
  supermarkt: 'GroceryStore',
  'groente-fruit': 'GroceryStore',
  kaas: 'GroceryStore',
  slager: 'GroceryStore',
  delicatessen: 'GroceryStore',
  dranken: 'LiquorStore',
  ijzerwaren: 'HardwareStore',
  huishoudwinkel: 'HomeGoodsStore',
  keuken: 'HomeGoodsStore',
  warenhuis: 'DepartmentStore',
  sport: 'SportingGoodsStore',
  juwelier: 'JewelryStore',
  dieren: 'PetStore',
  tuin: 'GardenStore',
  meubels: 'FurnitureStore',
  muziek: 'MusicStore',
  cosmetica: 'HealthAndBeautyBusiness',
  kapper: 'HairSalon',
  apotheek: 'Pharmacy',
  opticien: 'Optician',
  sleutels: 'Locksmith',
  restaurant: 'Restaurant',
  cafe: 'CafeOrCoffeeShop',
  lunchroom: 'CafeOrCoffeeShop',
  ijssalon: 'IceCreamShop',
  bioscoop: 'MovieTheater',
  bibliotheek: 'Library',
  museum: 'EntertainmentBusiness',
  theater: 'EntertainmentBusiness',
};

const KIND_TYPES: Readonly<Record<PlaceKind, string>> = {
  shop: 'Store',
  horeca: 'FoodEstablishment',
  culture: 'EntertainmentBusiness',
  service: 'LocalBusiness',
  market: 'LocalBusiness',
};

/** The schema.org type of a place: its first category with a known type, else its kind's. */
export function localBusinessType(place: { kind: PlaceKind; categories?: readonly string[] }): string {
  for (const category of place.categories ?? []) {
    const type = CATEGORY_TYPES[category.toLowerCase()];
    if (type) return type;
  }
  return KIND_TYPES[place.kind] ?? 'LocalBusiness';
}

const AVAILABILITY_URLS: Readonly<Record<Availability, string>> = {
  in_stock: `${SCHEMA_ORG}/InStock`,
  limited: `${SCHEMA_ORG}/LimitedAvailability`,
  out_of_stock: `${SCHEMA_ORG}/OutOfStock`,
  on_order: `${SCHEMA_ORG}/BackOrder`,
};

/**
 * The schema.org availability of an offer, or `null` when it should make no claim: stale
 * stock is not confirmed, so only "out of stock" survives staleness.
 */
export function schemaAvailability(offer: Pick<Offer, 'availability' | 'stale'>): string | null {
  if (offer.stale && offer.availability !== 'out_of_stock') return null;
  return AVAILABILITY_URLS[offer.availability] ?? null;
}

/** An absolute http(s) URL, or `null`: shop data is untrusted. */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function postalAddress(address: PlaceSummary['address']): JsonLd {
  return {
    '@type': 'PostalAddress',
    streetAddress: [address.street, address.housenumber].filter(Boolean).join(' '),
    postalCode: address.postcode,
    addressLocality: address.town,
    addressCountry: 'NL',
  };
}

export interface PlaceJsonLdOptions {
  /** The place's own page; becomes `url` and the base of `@id`. */
  pageUrl?: string | null;
  openingHoursSpecification?: JsonLd[];
  offers?: JsonLd[];
}

/** A place as a LocalBusiness subtype with address, geo, contact and (when given) hours and offers. */
export function placeJsonLd(
  place: PlaceSummary & Partial<Pick<Place, 'categories' | 'phone' | 'website' | 'image' | 'description'>>,
  options: PlaceJsonLdOptions = {},
): JsonLd {
  const website = httpUrlOrNull(place.website);
  const image = httpUrlOrNull(place.image);
  const data: JsonLd = {
    '@type': localBusinessType(place),
    ...(options.pageUrl ? { '@id': `${options.pageUrl}#plaats`, url: options.pageUrl } : {}),
    name: place.name,
    address: postalAddress(place.address),
    geo: { '@type': 'GeoCoordinates', latitude: place.point.lat, longitude: place.point.lon },
  };
  if (place.phone) data.telephone = place.phone;
  if (website) data.sameAs = website;
  if (image) data.image = image;
  if (place.description) data.description = place.description;
  if (options.openingHoursSpecification && options.openingHoursSpecification.length > 0)
    data.openingHoursSpecification = options.openingHoursSpecification;
  if (options.offers && options.offers.length > 0) data.makesOffer = options.offers;
  return data;
}

/** What an offer is of: the product by GTIN, or a local item by its title. */
export function productJsonLd(product: Product | null, title: string, pageUrl?: string | null): JsonLd {
  const data: JsonLd = { '@type': 'Product', name: product?.name ?? title };
  if (pageUrl) data['@id'] = `${pageUrl}#product`;
  if (product) {
    data.gtin14 = product.gtin;
    if (product.brand) data.brand = { '@type': 'Brand', name: product.brand };
    if (product.category) data.category = product.category;
    const image = httpUrlOrNull(product.image);
    if (image) data.image = image;
  }
  return data;
}

export interface OfferJsonLdOptions {
  /** Where it is on offer: a reference (`{ '@id': … }`) or a full place object. */
  availableAtOrFrom: JsonLd;
  /** What is offered; left out when the offer sits inside its Product. */
  itemOffered?: JsonLd;
}

/** One offer: price in euro, honest availability, the place it is at, the shop's own URL. */
export function offerJsonLd(
  offer: Pick<Offer, 'price_cents' | 'availability' | 'stale' | 'url' | 'updated_at'>,
  options: OfferJsonLdOptions,
): JsonLd {
  const data: JsonLd = { '@type': 'Offer' };
  if (offer.price_cents !== null) data.price = (offer.price_cents / 100).toFixed(2);
  data.priceCurrency = 'EUR';
  const availability = schemaAvailability(offer);
  if (availability) data.availability = availability;
  data.availableAtOrFrom = options.availableAtOrFrom;
  const url = httpUrlOrNull(offer.url);
  if (url) data.url = url;
  if (options.itemOffered) data.itemOffered = options.itemOffered;
  return data;
}

/** Wraps one or more nodes into a JSON-LD document with the schema.org context. */
export function jsonLdDocument(nodes: JsonLd | JsonLd[]): JsonLd {
  return Array.isArray(nodes)
    ? { '@context': SCHEMA_ORG, '@graph': nodes }
    : { '@context': SCHEMA_ORG, ...nodes };
}

/**
 * JSON-LD text safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are
 * escaped as `\u003c` and friends, so feed data such as `</script>` cannot close the element;
 * U+2028/U+2029 are escaped for old parsers.
 */
export function jsonLdText(document: JsonLd): string {
  return JSON.stringify(document)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
