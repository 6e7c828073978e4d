/**
 * Opening hours in OSM `opening_hours` syntax, the way Dutch shops actually keep them:
 * Monday mornings closed, a late-night shopping evening (koopavond: Thursday in Amersfoort,
 * Friday in Leusden), a shopping Sunday once a month in the city centre, lunch breaks at small
 * shops, closed on public holidays. Horeca opens late and on Sundays.
 */
import type { Random } from './random.js';
import type { TownName } from './streets.js';

export type HoursProfile =
  | 'shop'
  | 'smallShop'
  | 'bakery'
  | 'fresh'
  | 'supermarket'
  | 'cafe'
  | 'lunchroom'
  | 'restaurant'
  | 'icecream'
  | 'museum'
  | 'theatre'
  | 'cinema'
  | 'library'
  | 'hairdresser'
  | 'repair'
  | 'weeklyMarket'
  | 'flowerMarket'
  | 'villageMarket';

/** The evening shops stay open until 21:00. */
const KOOPAVOND: Record<TownName, 'Th' | 'Fr'> = { Amersfoort: 'Th', Leusden: 'Fr' };

interface Context {
  town: TownName;
  inCentre: boolean;
  random: Random;
}

function shop({ town, inCentre, random }: Context): string {
  const opens = random.pick(['09:00', '09:30', '09:30', '10:00']);
  const closes = random.pick(['17:30', '18:00', '18:00']);
  const saturdayCloses = random.pick(['17:00', '17:00', '17:30', '18:00']);
  const monday = random.weighted([
    ['13:00-18:00', 4],
    ['12:00-18:00', 2],
    ['11:00-18:00', 1],
    [null, 2],
    ['same', 2],
  ] as const);
  const rules: string[] = [];
  if (monday === 'same') rules.push(`Mo-Fr ${opens}-${closes}`);
  else {
    if (monday) rules.push(`Mo ${monday}`);
    rules.push(`Tu-Fr ${opens}-${closes}`);
  }
  const koopavond = KOOPAVOND[town];
  if (random.chance(0.7)) rules.push(`${koopavond} ${opens}-21:00`);
  rules.push(`Sa ${random.pick(['09:00', '09:30', '10:00'])}-${saturdayCloses}`);
  // Koopzondag: the centre of Amersfoort opens every first Sunday of the month.
  if (inCentre && town === 'Amersfoort' && random.chance(0.6)) rules.push('Su[1] 12:00-17:00');
  rules.push('PH off');
  return rules.join('; ');
}

function smallShop({ town, random }: Context): string {
  const lunch = random.pick(['12:30-13:30', '12:00-13:00', '12:30-13:15']);
  const [lunchStarts, lunchEnds] = lunch.split('-') as [string, string];
  const opens = random.pick(['09:00', '09:30']);
  const closes = random.pick(['17:30', '17:00', '18:00']);
  const rules = [`Tu-Fr ${opens}-${lunchStarts},${lunchEnds}-${closes}`];
  // Some still close on Wednesday afternoon.
  if (random.chance(0.3)) rules.push(`We ${opens}-${lunchStarts}`);
  if (random.chance(0.3)) rules.push(`${KOOPAVOND[town]} ${opens}-${lunchStarts},${lunchEnds}-21:00`);
  rules.push(`Sa ${opens}-${random.pick(['16:00', '17:00'])}`, 'PH off');
  return rules.join('; ');
}

function bakery({ random }: Context): string {
  const opens = random.pick(['07:30', '08:00', '08:30']);
  return `Mo-Fr ${opens}-18:00; Sa ${opens}-${random.pick(['16:00', '17:00'])}; PH off`;
}

function fresh({ town, random }: Context): string {
  const opens = random.pick(['08:00', '08:30', '09:00']);
  const rules = [random.chance(0.5) ? `Tu-Fr ${opens}-18:00` : `Mo-Fr ${opens}-18:00`];
  if (random.chance(0.3)) rules.push(`${KOOPAVOND[town]} ${opens}-20:00`);
  rules.push(`Sa ${opens}-${random.pick(['16:00', '17:00'])}`, 'PH off');
  return rules.join('; ');
}

function supermarket({ random }: Context): string {
  const closes = random.pick(['21:00', '22:00']);
  const sunday = random.pick(['Su 10:00-20:00', 'Su 12:00-18:00']);
  // Supermarkets open on the second Easter and Whitsun days; shown as reduced holiday hours.
  const holidays = random.chance(0.5) ? 'PH 10:00-18:00' : 'PH off';
  return `Mo-Sa 08:00-${closes}; ${sunday}; ${holidays}`;
}

function cafe({ random }: Context): string {
  return random.pick([
    'Mo-Su 10:00-24:00',
    'Su-Th 11:00-24:00; Fr,Sa 11:00-02:00',
    'Su 12:00-23:00; Mo-Th 12:00-24:00; Fr,Sa 12:00-02:00',
    'Tu-Su 10:00-23:00',
  ]);
}

function lunchroom({ random }: Context): string {
  return random.pick(['Mo-Sa 09:00-18:00; Su 10:00-17:00', 'Tu-Su 08:30-17:00', 'Mo-Su 09:30-17:30']);
}

function restaurant({ random }: Context): string {
  return random.pick([
    'Tu-Su 17:00-22:00',
    'We-Su 17:30-22:30',
    'Mo-Su 12:00-22:00',
    'Tu-Sa 12:00-14:30,17:30-22:00; Su 17:00-21:30',
    'Th-Mo 17:00-22:00',
  ]);
}

function icecream({ random }: Context): string {
  return random.pick([
    'Mar-Oct: Mo-Su 12:00-22:00',
    'Mar-Sep: Mo-Su 11:00-21:30; Oct: Sa,Su 12:00-18:00',
    'Apr-Sep: Mo-Su 12:00-22:00',
  ]);
}

const PROFILES: Record<HoursProfile, (context: Context) => string> = {
  shop,
  smallShop,
  bakery,
  fresh,
  supermarket,
  cafe,
  lunchroom,
  restaurant,
  icecream,
  museum: ({ random }) =>
    random.pick(['Tu-Su 11:00-17:00; Jan 01 off; Dec 25 off', 'Tu-Su 10:00-17:00; Dec 25 off']),
  theatre: () => 'Tu-Sa 12:00-17:00,19:00-23:00; Su 13:00-17:00',
  cinema: () => 'Mo-Su 11:30-24:00',
  library: () => 'Mo 13:00-20:00; Tu-Fr 10:00-20:00; Sa 10:00-17:00; Su 12:00-17:00; PH off',
  hairdresser: ({ town, random }) =>
    random.chance(0.5)
      ? `Tu-Fr 09:00-18:00; ${KOOPAVOND[town]} 09:00-21:00; Sa 08:30-16:00; PH off`
      : 'Mo-Sa 09:00-18:00; PH off',
  repair: ({ random }) =>
    random.chance(0.5)
      ? 'Mo-Fr 08:30-18:00; Sa 09:00-17:00; PH off'
      : 'Mo-Fr 08:30-12:30,13:30-17:30; Sa 09:00-13:00; PH off',
  weeklyMarket: () => 'Fr 08:00-13:00; Sa 08:00-17:00; PH off',
  flowerMarket: () => 'Fr 08:00-13:00; PH off',
  villageMarket: () => 'We 08:30-13:00; PH off',
};

/** OSM `opening_hours` for a place of the given profile. */
export function openingHours(
  profile: HoursProfile,
  town: TownName,
  inCentre: boolean,
  random: Random,
): string {
  return PROFILES[profile]({ town, inCentre, random });
}
