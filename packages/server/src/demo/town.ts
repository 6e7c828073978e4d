/**
 * A deterministic demo data set: the historic centre of Amersfoort with about 180 invented
 * shops, cafés, museums and services on its real streets, plus the village centre of Leusden
 * next door (30 places). Same `now` → byte-identical output; `now` only shifts the timestamps.
 */
import type { Availability, Point, Product, Region } from '@lokaal/core';
import type { DataSet, OfferRecord, PlaceRecord } from '../dataset.js';
import { buildCatalogue, type CatalogueItem } from './catalogue.js';
import { openingHours } from './hours.js';
import { LOCAL_ITEMS, PLACE_TYPES, type PlaceName, type PlaceType } from './places.js';
import { Random } from './random.js';
import {
  AddressBook,
  AMERSFOORT_CENTER,
  LEUSDEN_CENTER,
  STREETS,
  type Street,
  type TownName,
} from './streets.js';
import { compactSlug, shelfPriceCents, slugify } from './text.js';

export const DEMO_REGION_ID = 'GM0307';
/** The Onze Lieve Vrouwetoren, the heart of the old town. */
export const DEMO_CENTER: Point = Object.freeze({ ...AMERSFOORT_CENTER });

const LEUSDEN_REGION_ID = 'GM0327';
const CENTRE_DISTRICT_ID = 'amersfoort-binnenstad';

/** Changing the seed reshuffles the whole town; bump it only on purpose. */
const SEED = 'lokaal-demo-amersfoort-1';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function buildRegions(): Region[] {
  return [
    {
      id: DEMO_REGION_ID,
      kind: 'municipality',
      name: 'Amersfoort',
      center: { ...AMERSFOORT_CENTER },
      bbox: [5.305, 52.134, 5.462, 52.219],
    },
    {
      id: LEUSDEN_REGION_ID,
      kind: 'municipality',
      name: 'Leusden',
      center: { ...LEUSDEN_CENTER },
      bbox: [5.345, 52.075, 5.515, 52.147],
    },
    {
      id: CENTRE_DISTRICT_ID,
      kind: 'district',
      name: 'Binnenstad Amersfoort',
      center: { ...AMERSFOORT_CENTER },
      bbox: [5.3815, 52.1525, 5.3975, 52.1605],
    },
  ];
}

/** A generated place with the type it was made from, needed again for its offers. */
interface TownPlace {
  record: PlaceRecord;
  type: PlaceType;
}

const TOWN_PREFIX: Record<TownName, string> = { Amersfoort: 'amf', Leusden: 'leu' };

/** In Leusden shops cluster around the shopping centre De Biezen and the Hamersveldseweg. */
const LEUSDEN_STREET_WEIGHT: Readonly<Record<string, number>> = { 'De Biezen': 4, Hamersveldseweg: 3 };

function chooseStreet(type: PlaceType, town: TownName, addressBook: AddressBook, random: Random): Street {
  const candidates: [Street, number][] = [];
  for (const street of STREETS) {
    if (street.town !== town || addressBook.capacity(street) === 0) continue;
    let weight: number;
    if (town === 'Leusden') weight = LEUSDEN_STREET_WEIGHT[street.name] ?? 1;
    else {
      const rank = type.streets.indexOf(street.character);
      if (rank < 0) continue;
      // Long shopping streets hold more shops than a short alley; prefer the first characters listed.
      weight = [4, 1.5, 0.6][rank] ?? 0.3;
      weight *= street.lastHouseNumber;
      if (street.character === 'station') weight *= 0.3;
    }
    candidates.push([street, weight]);
  }
  if (candidates.length === 0) throw new Error(`no street for ${type.key} in ${town}`);
  return random.weighted(candidates);
}

function streetByName(name: string, town: TownName): Street {
  const street = STREETS.find((candidate) => candidate.name === name && candidate.town === town);
  if (!street) throw new Error(`unknown street ${name} in ${town}`);
  return street;
}

/** A shop named after its street ("Apotheek Varkensmarkt") is on that street. */
function streetInName(name: string, town: TownName): Street | undefined {
  return STREETS.find((street) => street.town === town && ` ${name} `.includes(` ${street.name} `));
}

function websiteFor(name: string, town: TownName, random: Random): string {
  const style = random.next();
  if (style < 0.6) return `https://www.${compactSlug(name)}.nl`;
  if (style < 0.85) return `https://${slugify(name)}.nl`;
  return `https://www.${compactSlug(name)}-${town.toLowerCase()}.nl`;
}

function isoBefore(nowMs: number, ageMs: number): string {
  return new Date(nowMs - Math.round(ageMs / 1000) * 1000).toISOString();
}

function buildPlaces(nowMs: number): TownPlace[] {
  const random = new Random(`${SEED}:places`);
  const addressBook = new AddressBook(new Random(`${SEED}:addresses`));
  const usedIds = new Set<string>();
  const usedPhones = new Set<string>();
  const places: TownPlace[] = [];

  for (const type of PLACE_TYPES) {
    const towns: [TownName, readonly PlaceName[]][] = [
      ['Amersfoort', type.amersfoort],
      ['Leusden', type.leusden],
    ];
    for (const [town, names] of towns) {
      for (const placeName of names) {
        const {
          name,
          street: pinnedStreetName,
          description: ownDescription,
        } = typeof placeName === 'string' ? { name: placeName } : placeName;
        const street = pinnedStreetName
          ? streetByName(pinnedStreetName, town)
          : (streetInName(name, town) ?? chooseStreet(type, town, addressBook, random));
        const { address, point } = addressBook.allocate(street);

        let id = `${TOWN_PREFIX[town]}-${slugify(name)}`;
        for (let n = 2; usedIds.has(id); n++) id = `${TOWN_PREFIX[town]}-${slugify(name)}-${n}`;
        usedIds.add(id);

        let phone: string;
        do phone = `033 4${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`;
        while (usedPhones.has(phone));
        usedPhones.add(phone);

        // About one place in twenty has not told anyone its hours; markets always publish them.
        const hoursUnknown = type.kind !== 'market' && random.chance(0.05);
        const description = ownDescription ?? random.pick(type.descriptions);
        const since =
          town === 'Leusden'
            ? ` Sinds ${random.int(1955, 2021)} een vertrouwd adres in Leusden.`
            : ` Sinds ${random.int(1925, 2022)} in de binnenstad.`;
        const regionIds =
          town === 'Leusden'
            ? [LEUSDEN_REGION_ID]
            : street.inCentre
              ? [DEMO_REGION_ID, CENTRE_DISTRICT_ID]
              : [DEMO_REGION_ID];

        places.push({
          type,
          record: {
            id,
            kind: type.kind,
            name,
            categories: [...type.categories],
            address,
            point,
            opening_hours: hoursUnknown ? null : openingHours(type.hours, town, street.inCentre, random),
            phone,
            website: random.chance(0.82) ? websiteFor(name, town, random) : null,
            image: null,
            description:
              type.kind !== 'market' && random.chance(0.4) ? `${description}${since}` : description,
            region_ids: regionIds,
            updated_at: isoBefore(nowMs, random.between(1, 120) * DAY_MS),
          },
        });
      }
    }
  }
  return places;
}

type Freshness = 'live' | 'daily' | 'weekly' | 'stale';

/** How old a feed's offers are: shops with a live stock link are minutes old, paper-based ones weeks. */
const OFFER_AGE_MS: Record<Freshness, readonly [number, number]> = {
  live: [2 * MINUTE_MS, 3 * HOUR_MS],
  daily: [HOUR_MS, 2 * DAY_MS],
  weekly: [DAY_MS, 9 * DAY_MS],
  stale: [10 * DAY_MS, 40 * DAY_MS],
};

const AVAILABILITY_WEIGHTS: readonly (readonly [Availability, number])[] = [
  ['in_stock', 70],
  ['limited', 12],
  ['out_of_stock', 10],
  ['on_order', 8],
];

function stockQuantity(availability: Availability, random: Random): number | null {
  switch (availability) {
    case 'in_stock':
      // Not every till system reports a count.
      return random.chance(0.15)
        ? null
        : random.weighted([
            [random.int(4, 8), 5],
            [random.int(9, 24), 3],
            [random.int(25, 60), 1],
          ] as const);
    case 'limited':
      return random.int(1, 3);
    case 'out_of_stock':
      return 0;
    case 'on_order':
      return null;
  }
}

/** Local item prices as shops write them on a board: €3,25, €17,95. */
function boardPriceCents(minCents: number, maxCents: number, random: Random): number {
  const cents = random.between(minCents, maxCents);
  return cents < 1000 ? Math.round(cents / 25) * 25 : Math.round(cents / 50) * 50 - 5;
}

interface OfferContext {
  place: PlaceRecord;
  random: Random;
  nowMs: number;
  freshness: Freshness;
  priceLevel: number;
}

function productOffer(item: CatalogueItem, context: OfferContext): OfferRecord {
  const { place, random, nowMs, freshness, priceLevel } = context;
  const product = item.product;
  const availability = random.weighted(AVAILABILITY_WEIGHTS);
  // Books have a fixed retail price in the Netherlands (Wet op de vaste boekenprijs).
  const isBook = product.category === 'boeken';
  let priceCents: number | null = isBook
    ? item.basePriceCents
    : shelfPriceCents(item.basePriceCents * priceLevel * random.between(0.97, 1.03));
  // A few items on order are "price on request".
  if (availability === 'on_order' && random.chance(0.1)) priceCents = null;
  const title =
    !isBook && product.brand && random.chance(0.15) ? `${product.brand} ${product.name}` : product.name;
  const [minAgeMs, maxAgeMs] = OFFER_AGE_MS[freshness];
  return {
    place_id: place.id,
    gtin: product.gtin,
    title,
    price_cents: priceCents,
    availability,
    quantity: stockQuantity(availability, random),
    url: place.website ? `${place.website}/p/${item.slug}` : null,
    updated_at: isoBefore(nowMs, random.between(minAgeMs, maxAgeMs)),
  };
}

function buildOffers(
  places: readonly TownPlace[],
  catalogue: readonly CatalogueItem[],
  nowMs: number,
): OfferRecord[] {
  const byCategory = new Map<string, CatalogueItem[]>();
  for (const item of catalogue) {
    const category = item.product.category ?? '';
    const list = byCategory.get(category) ?? [];
    list.push(item);
    byCategory.set(category, list);
  }

  const offers: OfferRecord[] = [];
  const offeredGtins = new Set<string>();
  const contexts = new Map<string, OfferContext>();

  for (const { record: place, type } of places) {
    const random = new Random(`${SEED}:offers:${place.id}`);
    const context: OfferContext = {
      place,
      random,
      nowMs,
      freshness: random.weighted([
        ['live', 35],
        ['daily', 40],
        ['weekly', 18],
        ['stale', 7],
      ] as const),
      priceLevel: random.between(0.95, 1.08),
    };
    contexts.set(place.id, context);

    const stocked = new Set<string>();
    for (const rule of type.assortment) {
      const pool = (byCategory.get(rule.category) ?? []).filter(
        (item) => !rule.segments || rule.segments.includes(item.segment),
      );
      const count = Math.round(pool.length * random.between(rule.share[0], rule.share[1]));
      for (const item of random.sampleWeighted(pool, (candidate) => candidate.popularity, count)) {
        if (stocked.has(item.product.gtin)) continue;
        stocked.add(item.product.gtin);
        offeredGtins.add(item.product.gtin);
        offers.push(productOffer(item, context));
      }
    }

    const localList = type.localItems ? LOCAL_ITEMS[type.localItems] : undefined;
    if (localList) {
      const share = random.between(localList.share[0], localList.share[1]);
      localList.items.forEach(([title, minCents, maxCents], index) => {
        if (!random.chance(share)) return;
        const availability: Availability = localList.isService
          ? 'in_stock'
          : random.weighted([
              ['in_stock', 85],
              ['limited', 10],
              ['out_of_stock', 5],
            ] as const);
        const [minAgeMs, maxAgeMs] = OFFER_AGE_MS[context.freshness];
        offers.push({
          place_id: place.id,
          gtin: null,
          sku: `${localList.code}-${String(index + 1).padStart(3, '0')}`,
          title,
          price_cents: boardPriceCents(minCents, maxCents, random),
          availability,
          quantity:
            localList.isService || availability === 'in_stock'
              ? null
              : availability === 'limited'
                ? random.int(1, 3)
                : 0,
          url: place.website ? `${place.website}/p/${slugify(title)}` : null,
          updated_at: isoBefore(nowMs, random.between(minAgeMs, maxAgeMs)),
        });
      });
    }
  }

  // Every product in the catalogue is sold somewhere: hand the leftovers to a shop that carries the category.
  const fallbackRandom = new Random(`${SEED}:fallback`);
  for (const item of catalogue) {
    if (offeredGtins.has(item.product.gtin)) continue;
    const sellers = places.filter(({ type }) =>
      type.assortment.some(
        (rule) =>
          rule.category === item.product.category && (!rule.segments || rule.segments.includes(item.segment)),
      ),
    );
    if (sellers.length === 0) continue;
    const seller = fallbackRandom.pick(sellers);
    const context = contexts.get(seller.record.id);
    if (!context) continue;
    offeredGtins.add(item.product.gtin);
    offers.push(productOffer(item, context));
  }
  return offers;
}

/** The demo data set: regions, places, products and offers of Amersfoort and Leusden. */
export function generateDemoTown(options: { now?: Date } = {}): DataSet {
  const nowMs = (options.now ?? new Date()).getTime();
  const catalogue = buildCatalogue(SEED);
  const places = buildPlaces(nowMs);
  const offers = buildOffers(places, catalogue, nowMs);
  const products: Product[] = catalogue.map((item) => ({ ...item.product }));
  return {
    regions: buildRegions(),
    places: places.map((place) => place.record),
    products,
    offers,
  };
}
