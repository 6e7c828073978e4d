/**
 * A synthetic national-scale data set for benchmarks: places clustered around real Dutch
 * towns in proportion to their size, products with valid GTINs and Dutch-shaped names,
 * and as many offers as asked. Deterministic for a given size.
 */
import { gs1CheckDigit, type PlaceKind, type Product, type Region } from '@lokaal/core';
import type { DataSet, OfferRecord, PlaceRecord } from '../dataset.js';
import { Random } from '../demo/random.js';

/** Town centres with a weight roughly proportional to their number of shops. */
const TOWNS: Array<[name: string, lat: number, lon: number, weight: number, postcode: number]> = [
  ['Amsterdam', 52.3728, 4.8936, 90, 1012],
  ['Rotterdam', 51.9225, 4.4792, 65, 3011],
  ['Den Haag', 52.0786, 4.2887, 55, 2511],
  ['Utrecht', 52.0907, 5.1214, 40, 3511],
  ['Eindhoven', 51.4416, 5.4697, 25, 5611],
  ['Groningen', 53.2194, 6.5665, 22, 9711],
  ['Tilburg', 51.5555, 5.0913, 20, 5038],
  ['Almere', 52.3508, 5.2647, 18, 1315],
  ['Breda', 51.5719, 4.7683, 18, 4811],
  ['Nijmegen', 51.8426, 5.8546, 18, 6511],
  ['Apeldoorn', 52.2112, 5.9699, 15, 7311],
  ['Haarlem', 52.3874, 4.6462, 16, 2011],
  ['Arnhem', 51.9851, 5.8987, 16, 6811],
  ['Enschede', 52.2215, 6.8937, 15, 7511],
  ['Amersfoort', 52.1561, 5.3878, 15, 3811],
  ['Zwolle', 52.5168, 6.083, 14, 8011],
  ['Leiden', 52.1601, 4.497, 14, 2311],
  ['Maastricht', 50.8514, 5.691, 14, 6211],
  ['Dordrecht', 51.8133, 4.6901, 11, 3311],
  ['Zoetermeer', 52.0575, 4.4931, 10, 2711],
  ['Den Bosch', 51.6978, 5.3037, 14, 5211],
  ['Leeuwarden', 53.2012, 5.7999, 11, 8911],
  ['Delft', 52.0116, 4.3571, 10, 2611],
  ['Alkmaar', 52.6324, 4.7534, 10, 1811],
  ['Venlo', 51.3704, 6.1724, 9, 5911],
  ['Deventer', 52.2661, 6.1552, 9, 7411],
  ['Hilversum', 52.2292, 5.1669, 9, 1211],
  ['Gouda', 52.0115, 4.7105, 8, 2801],
  ['Middelburg', 51.4988, 3.6136, 6, 4331],
  ['Assen', 52.9925, 6.5649, 6, 9401],
];

const KINDS: Array<[PlaceKind, number]> = [
  ['shop', 80],
  ['horeca', 12],
  ['service', 4],
  ['culture', 3],
  ['market', 1],
];

const CATEGORIES = [
  'boeken',
  'fietsen',
  'speelgoed',
  'keuken',
  'elektronica',
  'drogisterij',
  'kleding',
  'supermarkt',
];
const NOUNS: Record<string, string[]> = {
  boeken: ['roman', 'kookboek', 'thriller', 'prentenboek', 'reisgids', 'dichtbundel', 'atlas', 'biografie'],
  fietsen: [
    'fietsbel',
    'fietslamp',
    'binnenband',
    'fietsslot',
    'fietstas',
    'zadel',
    'bagagedrager',
    'fietspomp',
  ],
  speelgoed: ['puzzel', 'bouwset', 'knuffel', 'bordspel', 'pop', 'racebaan', 'kleurboek', 'speelkaarten'],
  keuken: ['koekenpan', 'steelpan', 'snijplank', 'koksmes', 'theepot', 'vergiet', 'garde', 'ovenschaal'],
  elektronica: [
    'koptelefoon',
    'oplader',
    'powerbank',
    'speaker',
    'usb-kabel',
    'batterijen',
    'wekker',
    'ledlamp',
  ],
  drogisterij: [
    'shampoo',
    'tandpasta',
    'zonnebrand',
    'handcrème',
    'deodorant',
    'douchegel',
    'pleisters',
    'vitamines',
  ],
  kleding: ['sokken', 'sjaal', 'muts', 'handschoenen', 'trui', 'regenjas', 'spijkerbroek', 'overhemd'],
  supermarkt: ['koffie', 'thee', 'hagelslag', 'stroopwafels', 'pindakaas', 'kaas', 'chocolade', 'drop'],
};
const ADJECTIVES = [
  'klassiek',
  'compact',
  'duurzaam',
  'luxe',
  'extra',
  'mini',
  'groot',
  'stevig',
  'zacht',
  'snel',
];
const COLOURS = ['zwart', 'wit', 'rood', 'blauw', 'groen', 'grijs', 'geel', 'oranje'];
const BRANDS = [
  'Holland',
  'Dutch Basics',
  'Polder',
  'Molen',
  'Tulp',
  'Delta',
  'Veluwe',
  'Noordzee',
  'Kade',
  'Gracht',
];
const AVAILABILITY: Array<[OfferRecord['availability'], number]> = [
  ['in_stock', 70],
  ['limited', 12],
  ['out_of_stock', 10],
  ['on_order', 8],
];

function weighted<T>(random: Random, entries: Array<[T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)]!;
}

export interface NationalSize {
  offers: number;
}

/** About 200 offers a shop and 10 offers a product, as in a real national data set. */
export function generateNational(
  { offers: offerCount }: NationalSize,
  now = new Date('2026-11-01T12:00:00Z'),
): DataSet {
  const random = new Random(`national-${offerCount}`);
  const placeCount = Math.max(50, Math.round(offerCount / 200));
  const productCount = Math.max(500, Math.round(offerCount / 10));
  const totalWeight = TOWNS.reduce((sum, town) => sum + town[3], 0);

  const regions: Region[] = TOWNS.map(([name, lat, lon], index) => ({
    id: `GM${String(1000 + index).padStart(4, '0')}`,
    kind: 'municipality',
    name,
    center: { lat, lon },
    bbox: [lon - 0.15, lat - 0.1, lon + 0.15, lat + 0.1],
  }));

  const places: PlaceRecord[] = [];
  for (let index = 0; index < placeCount; index++) {
    let roll = random.next() * totalWeight;
    let townIndex = 0;
    while (roll >= TOWNS[townIndex]![3]) roll -= TOWNS[townIndex++]![3];
    const [town, lat, lon, , postcode] = TOWNS[townIndex]!;
    // Shops crowd the centre: a normal-ish spread of a few kilometres.
    const spread = () => (random.next() + random.next() + random.next() - 1.5) * 0.04;
    const kind = weighted(random, KINDS);
    const categories = kind === 'shop' ? [pick(random, CATEGORIES)] : [kind];
    places.push({
      id: `nl-${index}`,
      kind,
      name: `${pick(random, ['De', 'Het', 'Bij', 'Van'])} ${pick(random, BRANDS)} ${pick(random, NOUNS[categories[0]!] ?? ['zaak'])}`,
      categories,
      address: {
        street: 'Marktstraat',
        housenumber: String(1 + (index % 200)),
        postcode: `${postcode + (index % 9)} ${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(66 + (index % 20))}`,
        town,
      },
      point: { lat: lat + spread(), lon: lon + spread() * 1.6 },
      opening_hours: pick(random, [
        'Mo 13:00-18:00; Tu-Fr 09:30-18:00; Sa 09:30-17:00; PH off',
        'Mo-Sa 09:00-18:00; Th 09:00-21:00; Su[1] 12:00-17:00; PH off',
        'Tu-Fr 09:00-12:30,13:30-17:30; Sa 09:00-16:00; PH off',
        'Mo-Su 10:00-23:00',
        null,
      ]),
      phone: null,
      website: null,
      image: null,
      description: null,
      region_ids: [regions[townIndex]!.id],
      updated_at: now.toISOString(),
    });
  }

  const products: Product[] = [];
  for (let index = 0; index < productCount; index++) {
    const category = CATEGORIES[index % CATEGORIES.length]!;
    const body = `87${String(10_000_000_000 + index * 7919).slice(-10)}`;
    products.push({
      gtin: `0${body}${gs1CheckDigit(body)}`,
      name: `${pick(random, NOUNS[category]!)} ${pick(random, ADJECTIVES)} ${pick(random, COLOURS)}`.replace(
        /^./,
        (c) => c.toUpperCase(),
      ),
      brand: pick(random, BRANDS),
      category,
      image: null,
    });
  }
  const productsByCategory = new Map<string, Product[]>();
  for (const product of products) {
    const list = productsByCategory.get(product.category!) ?? [];
    list.push(product);
    productsByCategory.set(product.category!, list);
  }

  const offers: OfferRecord[] = [];
  const perPlace = Math.ceil(offerCount / placeCount);
  for (const place of places) {
    const pool = productsByCategory.get(place.categories[0]!) ?? products;
    const start = random.int(0, pool.length - 1);
    const stride = 1 + random.int(0, 6) * 2;
    const offered = new Set<string>();
    for (let n = 0; n < perPlace && n < pool.length && offers.length < offerCount; n++) {
      const product = pool[(start + n * stride) % pool.length]!;
      // A stride that shares a factor with the pool size comes round again: one offer per product.
      if (offered.has(product.gtin)) break;
      offered.add(product.gtin);
      offers.push({
        place_id: place.id,
        gtin: product.gtin,
        title: product.name,
        price_cents: random.int(199, 9999),
        availability: weighted(random, AVAILABILITY),
        quantity: random.int(0, 20),
        url: null,
        updated_at: new Date(now.getTime() - random.int(0, 14 * 86_400) * 1000).toISOString(),
      });
    }
  }
  return { regions, places, products, offers };
}

/** Where people search from in the benchmark: around the towns of the data set. */
export function benchLocations(): Array<{ lat: number; lon: number }> {
  return TOWNS.map(([, lat, lon]) => ({ lat, lon }));
}

/** Words shoppers type, full and half-typed. */
export function benchWords(): string[] {
  const words = Object.values(NOUNS).flat();
  return [...words, ...words.map((word) => word.slice(0, 4))];
}
