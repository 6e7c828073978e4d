/**
 * Streets of the demo towns: real names, each modelled as a short polyline of WGS84 points
 * that follows the street's course closely enough for maps and distance sorting to look
 * right (tens of metres, not survey grade). Houses are placed along the line with odd
 * numbers on one side and even numbers on the other.
 */
import type { Address, Point } from '@lokaal/core';
import type { Random } from './random.js';

export type TownName = 'Amersfoort' | 'Leusden';

/** How a street is used, so that shops land on shopping streets and terraces on squares. */
export type StreetCharacter = 'shopping' | 'square' | 'quiet' | 'station' | 'village';

export interface Street {
  name: string;
  town: TownName;
  /** [lat, lon] points along the street, in house-number order. */
  path: readonly (readonly [number, number])[];
  /** House numbers run from 1 to this. */
  lastHouseNumber: number;
  /** Postcodes in house-number order; each covers an equal share of the numbers. */
  postcodes: readonly string[];
  character: StreetCharacter;
  /** Within the Binnenstad district (inside the second city wall). */
  inCentre: boolean;
}

/** Onze Lieve Vrouwetoren: the origin of the Dutch national grid (RD), in WGS84. */
export const AMERSFOORT_CENTER: Point = { lat: 52.15616, lon: 5.38764 };
export const LEUSDEN_CENTER: Point = { lat: 52.1325, lon: 5.429 };

const amersfoort = (
  name: string,
  character: StreetCharacter,
  lastHouseNumber: number,
  postcodes: readonly string[],
  path: readonly (readonly [number, number])[],
): Street => ({
  name,
  town: 'Amersfoort',
  path,
  lastHouseNumber,
  postcodes,
  character,
  inCentre: character !== 'station',
});

const leusden = (
  name: string,
  lastHouseNumber: number,
  postcodes: readonly string[],
  path: readonly (readonly [number, number])[],
): Street => ({
  name,
  town: 'Leusden',
  path,
  lastHouseNumber,
  postcodes,
  character: 'village',
  inCentre: false,
});

export const STREETS: readonly Street[] = [
  // The main axis: Utrechtsestraat – Varkensmarkt – Langestraat – Kamperbinnenpoort – Kamp.
  amersfoort(
    'Langestraat',
    'shopping',
    143,
    ['3811 AA', '3811 AB', '3811 AC', '3811 AD', '3811 AE', '3811 AG'],
    [
      [52.15522, 5.38647],
      [52.15549, 5.38749],
      [52.1558, 5.38866],
      [52.15612, 5.38984],
      [52.15647, 5.39101],
      [52.15683, 5.39203],
      [52.15712, 5.39279],
    ],
  ),
  amersfoort(
    'Utrechtsestraat',
    'shopping',
    64,
    ['3811 LT', '3811 LV', '3811 LW'],
    [
      [52.15423, 5.38252],
      [52.1545, 5.38369],
      [52.15481, 5.38486],
      [52.15506, 5.386],
    ],
  ),
  amersfoort(
    'Varkensmarkt',
    'square',
    24,
    ['3811 LM', '3811 LN'],
    [
      [52.15531, 5.38588],
      [52.15533, 5.38654],
      [52.15495, 5.38662],
      [52.1549, 5.38591],
    ],
  ),
  amersfoort(
    'Arnhemsestraat',
    'shopping',
    48,
    ['3811 LE', '3811 LG'],
    [
      [52.15492, 5.38621],
      [52.15409, 5.38612],
      [52.15319, 5.38603],
    ],
  ),
  amersfoort(
    'Scherbierstraat',
    'quiet',
    22,
    ['3811 GL'],
    [
      [52.15526, 5.38679],
      [52.15501, 5.38694],
      [52.15479, 5.3872],
    ],
  ),
  amersfoort(
    'Zuidsingel',
    'quiet',
    110,
    ['3811 HA', '3811 HB', '3811 HC', '3811 HD'],
    [
      [52.1549, 5.3865],
      [52.15436, 5.38764],
      [52.15387, 5.3891],
      [52.15391, 5.39057],
      [52.15454, 5.39203],
      [52.15562, 5.3932],
      [52.1567, 5.39364],
      [52.15733, 5.39342],
    ],
  ),
  amersfoort(
    'Muurhuizen',
    'quiet',
    220,
    ['3811 EA', '3811 EB', '3811 EC', '3811 ED', '3811 EE', '3811 EG'],
    [
      [52.15501, 5.38698],
      [52.15461, 5.38786],
      [52.15416, 5.38918],
      [52.15423, 5.3905],
      [52.15481, 5.39174],
      [52.15576, 5.39276],
      [52.15665, 5.39309],
      [52.15706, 5.39291],
    ],
  ),
  amersfoort(
    'Kortegracht',
    'quiet',
    44,
    ['3811 KG', '3811 KH'],
    [
      [52.15537, 5.38708],
      [52.15492, 5.38793],
      [52.1545, 5.38866],
      [52.15418, 5.38918],
    ],
  ),
  amersfoort(
    'Langegracht',
    'quiet',
    70,
    ['3811 BT', '3811 BV', '3811 BW'],
    [
      [52.15542, 5.38698],
      [52.15616, 5.38679],
      [52.15706, 5.3867],
      [52.15782, 5.38676],
    ],
  ),
  // The square where the Lieve Vrouwekerk stood; the tower remains at its west end.
  amersfoort(
    'Lieve Vrouwekerkhof',
    'square',
    30,
    ['3811 BP', '3811 BR'],
    [
      [52.15594, 5.38713],
      [52.15585, 5.38823],
      [52.15629, 5.38845],
      [52.15665, 5.38823],
      [52.15665, 5.38735],
      [52.15634, 5.38698],
    ],
  ),
  amersfoort(
    'Lieve Vrouwestraat',
    'shopping',
    36,
    ['3811 BL', '3811 BM'],
    [
      [52.15668, 5.3883],
      [52.15715, 5.38845],
      [52.15764, 5.38864],
    ],
  ),
  amersfoort(
    'Krankeledenstraat',
    'quiet',
    40,
    ['3811 BN'],
    [
      [52.15668, 5.38732],
      [52.15715, 5.38717],
      [52.15764, 5.38703],
    ],
  ),
  amersfoort(
    'Groenmarkt',
    'square',
    20,
    ['3811 BH'],
    [
      [52.1567, 5.38869],
      [52.15661, 5.38922],
      [52.15695, 5.3894],
      [52.15704, 5.38887],
    ],
  ),
  // The Hof, the market square south of the Sint-Joriskerk.
  amersfoort(
    'Hof',
    'square',
    44,
    ['3811 BD', '3811 BE', '3811 BG'],
    [
      [52.15623, 5.38928],
      [52.15629, 5.38998],
      [52.15643, 5.39074],
      [52.15665, 5.39086],
      [52.1567, 5.39013],
      [52.15659, 5.38937],
    ],
  ),
  amersfoort(
    'Appelmarkt',
    'square',
    16,
    ['3811 BJ'],
    [
      [52.15675, 5.39089],
      [52.1569, 5.39112],
      [52.15704, 5.3913],
    ],
  ),
  amersfoort(
    'Krommestraat',
    'shopping',
    60,
    ['3811 CA', '3811 CB', '3811 CC'],
    [
      [52.15706, 5.38884],
      [52.15733, 5.38823],
      [52.1576, 5.38749],
      [52.15785, 5.38683],
    ],
  ),
  amersfoort(
    'Hellestraat',
    'shopping',
    30,
    ['3811 GA'],
    [
      [52.15636, 5.39064],
      [52.15567, 5.39104],
      [52.15501, 5.39148],
    ],
  ),
  amersfoort(
    'Westsingel',
    'quiet',
    62,
    ['3811 BA', '3811 BB', '3811 BC'],
    [
      [52.15533, 5.38585],
      [52.15598, 5.38577],
      [52.15697, 5.386],
      [52.1579, 5.38621],
      [52.15852, 5.38644],
    ],
  ),
  amersfoort(
    'Havik',
    'square',
    50,
    ['3811 CH', '3811 CJ'],
    [
      [52.15791, 5.38673],
      [52.15832, 5.38603],
      [52.15877, 5.38515],
    ],
  ),
  amersfoort(
    'Breestraat',
    'quiet',
    90,
    ['3811 BX', '3811 BZ'],
    [
      [52.15767, 5.38874],
      [52.15825, 5.38928],
      [52.15886, 5.38984],
    ],
  ),
  amersfoort(
    'Bloemendalsestraat',
    'shopping',
    40,
    ['3811 ES', '3811 ET'],
    [
      [52.15672, 5.39137],
      [52.15742, 5.39124],
      [52.15823, 5.3911],
      [52.15902, 5.39095],
    ],
  ),
  amersfoort(
    'Zevenhuizen',
    'quiet',
    30,
    ['3811 EV'],
    [
      [52.15735, 5.392],
      [52.15769, 5.39221],
      [52.158, 5.39241],
    ],
  ),
  amersfoort(
    'Kamp',
    'shopping',
    104,
    ['3811 AM', '3811 AN', '3811 AP', '3811 AR'],
    [
      [52.15722, 5.39309],
      [52.15767, 5.39408],
      [52.15816, 5.39508],
      [52.15866, 5.39606],
    ],
  ),
  amersfoort(
    'Achter de Kamp',
    'quiet',
    40,
    ['3811 AX', '3811 AZ'],
    [
      [52.15767, 5.39259],
      [52.15819, 5.39347],
      [52.15872, 5.3943],
    ],
  ),
  amersfoort(
    "'t Zand",
    'quiet',
    40,
    ['3811 CR', '3811 CT'],
    [
      [52.15902, 5.38474],
      [52.15929, 5.38386],
      [52.15956, 5.38298],
    ],
  ),
  // In front of Amersfoort Centraal, outside the old town and so outside the district.
  amersfoort(
    'Stationsplein',
    'station',
    40,
    ['3812 AA', '3812 AB'],
    [
      [52.15291, 5.37552],
      [52.15264, 5.37487],
      [52.15246, 5.37424],
    ],
  ),

  leusden(
    'Hamersveldseweg',
    120,
    ['3833 GA', '3833 GB', '3831 JA', '3831 JB', '3832 RA'],
    [
      [52.13879, 5.42959],
      [52.13538, 5.42932],
      [52.1325, 5.429],
      [52.12944, 5.42874],
      [52.12639, 5.42844],
    ],
  ),
  leusden(
    'De Biezen',
    60,
    ['3831 KA', '3831 KB'],
    [
      [52.13322, 5.4282],
      [52.13333, 5.42644],
      [52.13306, 5.42461],
    ],
  ),
  leusden(
    'Hessenweg',
    160,
    ['3832 AA', '3832 AB', '3832 AC'],
    [
      [52.13014, 5.42315],
      [52.1298, 5.429],
      [52.12952, 5.43485],
    ],
  ),
  leusden(
    'Burgemeester de Beaufortweg',
    70,
    ['3833 AG', '3833 AH'],
    [
      [52.13477, 5.42985],
      [52.13432, 5.43339],
      [52.13385, 5.43702],
    ],
  ),
  leusden(
    'Groene Zoom',
    90,
    ['3831 LA', '3831 LB'],
    [
      [52.13162, 5.42537],
      [52.1334, 5.42435],
      [52.1352, 5.42347],
    ],
  ),
];

const METRES_PER_DEGREE_LAT = 111_250;
/** Houses stand this far from the street's centre line. */
const FRONTAGE_OFFSET_M = 7;

function metresPerDegreeLon(lat: number): number {
  return 111_320 * Math.cos((lat * Math.PI) / 180);
}

/** The point at fraction `t` (0..1) of the street's length, and the unit normal there. */
function pointAlong(
  path: Street['path'],
  t: number,
): { lat: number; lon: number; normalX: number; normalY: number } {
  const lonScale = metresPerDegreeLon(path[0]?.[0] ?? 52);
  const segments: { from: readonly [number, number]; dx: number; dy: number; length: number }[] = [];
  let totalLength = 0;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    const dx = (to[1] - from[1]) * lonScale;
    const dy = (to[0] - from[0]) * METRES_PER_DEGREE_LAT;
    const length = Math.hypot(dx, dy);
    segments.push({ from, dx, dy, length });
    totalLength += length;
  }
  let remaining = Math.min(Math.max(t, 0), 1) * totalLength;
  for (const segment of segments) {
    if (remaining <= segment.length || segment === segments[segments.length - 1]) {
      const share = segment.length === 0 ? 0 : Math.min(remaining / segment.length, 1);
      return {
        lat: segment.from[0] + (segment.dy * share) / METRES_PER_DEGREE_LAT,
        lon: segment.from[1] + (segment.dx * share) / lonScale,
        normalX: segment.length === 0 ? 0 : -segment.dy / segment.length,
        normalY: segment.length === 0 ? 0 : segment.dx / segment.length,
      };
    }
    remaining -= segment.length;
  }
  throw new Error('a street needs at least two points');
}

/** Hands out house numbers street by street, never the same address twice. */
export class AddressBook {
  private readonly usedNumbers = new Map<string, Set<number>>();

  constructor(private readonly random: Random) {}

  /** Free house numbers left on the street. */
  capacity(street: Street): number {
    return street.lastHouseNumber - (this.usedNumbers.get(street.name)?.size ?? 0);
  }

  /** A new address on the street with its point on the right side of the road. */
  allocate(street: Street): { address: Address; point: Point } {
    const used = this.usedNumbers.get(street.name) ?? new Set<number>();
    this.usedNumbers.set(street.name, used);
    if (used.size >= street.lastHouseNumber) throw new Error(`no house numbers left on ${street.name}`);
    let houseNumber = this.random.int(1, street.lastHouseNumber);
    while (used.has(houseNumber)) houseNumber = (houseNumber % street.lastHouseNumber) + 1;
    used.add(houseNumber);

    const fraction = (houseNumber - 1) / Math.max(street.lastHouseNumber - 1, 1);
    const along = pointAlong(street.path, fraction);
    // Odd numbers on the left of the direction of numbering, even on the right, as in most Dutch streets.
    const side = houseNumber % 2 === 1 ? 1 : -1;
    const lonScale = metresPerDegreeLon(along.lat);
    const lat = along.lat + (side * FRONTAGE_OFFSET_M * along.normalY) / METRES_PER_DEGREE_LAT;
    const lon = along.lon + (side * FRONTAGE_OFFSET_M * along.normalX) / lonScale;

    const postcodeIndex = Math.min(
      Math.floor(((houseNumber - 1) / street.lastHouseNumber) * street.postcodes.length),
      street.postcodes.length - 1,
    );
    // A letter suffix ("12a") for the odd upstairs shop or split building.
    const suffix = this.random.chance(0.06) ? this.random.pick(['a', 'b']) : '';
    return {
      address: {
        street: street.name,
        housenumber: `${houseNumber}${suffix}`,
        postcode: street.postcodes[postcodeIndex]!,
        town: street.town,
      },
      point: { lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) },
    };
  }
}
