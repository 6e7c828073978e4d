/**
 * The API's JSON Schemas: one source for request validation, response serialisation,
 * the TypeScript types and the OpenAPI document. `contract-types.ts` proves at compile
 * time that they describe exactly the types in `@lokaal/core`.
 */
import { Type } from 'typebox';
import { AVAILABILITIES, PLACE_KINDS, type BBox } from '@lokaal/core';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const PointSchema = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false, description: 'A WGS84 point in degrees.' },
);

// Written as a plain array of four numbers: TypeBox's tuple form is draft-07 only, and the
// OpenAPI 3.1 document must be valid JSON Schema 2020-12.
export const BBoxSchema = Type.Unsafe<BBox>({
  type: 'array',
  items: { type: 'number' },
  minItems: 4,
  maxItems: 4,
  description: '[west, south, east, north] in WGS84 degrees.',
});

export const PlaceKindSchema = Type.Enum(PLACE_KINDS, { description: 'What kind of place it is.' });

export const AvailabilitySchema = Type.Enum(AVAILABILITIES, { description: 'Stock state of an offer.' });

const Instant = (description: string) => Type.String({ format: 'date-time', description });

export const AddressSchema = Type.Object(
  { street: Type.String(), housenumber: Type.String(), postcode: Type.String(), town: Type.String() },
  { additionalProperties: false },
);

const openingStateProperties = {
  open_now: Nullable(
    Type.Boolean({ description: 'Open at the time of the response; null when hours are unknown.' }),
  ),
  opens_at: Nullable(Instant('Next opening, when closed.')),
  closes_at: Nullable(Instant('Next closing, when open.')),
};

const placeProperties = {
  id: Type.String(),
  kind: PlaceKindSchema,
  name: Type.String(),
  categories: Type.Array(Type.String()),
  address: AddressSchema,
  point: PointSchema,
  opening_hours: Nullable(Type.String({ description: 'OSM opening_hours syntax.' })),
  phone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  image: Nullable(Type.String()),
  description: Nullable(Type.String()),
  region_ids: Type.Array(Type.String()),
  updated_at: Instant('When the place was last changed.'),
  ...openingStateProperties,
};

export const PlaceSchema = Type.Object(placeProperties, { additionalProperties: false });

export const PlaceNearSchema = Type.Object(
  { ...placeProperties, distance_m: Nullable(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);

export const PlaceSummarySchema = Type.Object(
  {
    id: Type.String(),
    kind: PlaceKindSchema,
    name: Type.String(),
    address: AddressSchema,
    point: PointSchema,
    ...openingStateProperties,
  },
  { additionalProperties: false },
);

export const ProductSchema = Type.Object(
  {
    gtin: Type.String({ pattern: '^\\d{14}$', description: 'GTIN-14.' }),
    name: Type.String(),
    brand: Nullable(Type.String()),
    category: Nullable(Type.String()),
    image: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

const offerProperties = {
  id: Type.String(),
  place_id: Type.String(),
  gtin: Nullable(Type.String({ pattern: '^\\d{14}$' })),
  title: Type.String(),
  price_cents: Nullable(Type.Integer({ minimum: 0, description: 'Price in euro cents.' })),
  currency: Type.Literal('EUR'),
  availability: AvailabilitySchema,
  quantity: Nullable(Type.Integer({ minimum: 0 })),
  url: Nullable(Type.String()),
  updated_at: Instant('When the shop last confirmed this offer.'),
  stale: Type.Boolean({ description: 'No feed confirmed this offer lately; it may be out of date.' }),
};

export const OfferSchema = Type.Object(offerProperties, { additionalProperties: false });

export const OfferAtPlaceSchema = Type.Object(
  { ...offerProperties, place: PlaceSummarySchema, distance_m: Nullable(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);

export const RegionSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('municipality'), Type.Literal('town'), Type.Literal('district')]),
    name: Type.String(),
    center: PointSchema,
    bbox: BBoxSchema,
  },
  { additionalProperties: false },
);

export const SearchResultSchema = Type.Object(
  {
    key: Type.String(),
    product: Nullable(ProductSchema),
    title: Type.String(),
    score: Type.Number(),
    min_price_cents: Nullable(Type.Integer({ minimum: 0 })),
    offers: Type.Array(OfferAtPlaceSchema),
    place_count: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

const NextCursor = Nullable(
  Type.String({ description: 'Pass as `cursor` for the next page; null on the last.' }),
);

export const pageOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), next_cursor: NextCursor }, { additionalProperties: false });

export const SearchResponseSchema = Type.Object(
  {
    items: Type.Array(SearchResultSchema),
    next_cursor: NextCursor,
    near: Nullable(PointSchema),
    radius_m: Nullable(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const GeocodeResultSchema = Type.Object(
  {
    query: Type.String(),
    kind: Type.Union([Type.Literal('postcode'), Type.Literal('town'), Type.Literal('region')]),
    name: Type.String(),
    point: PointSchema,
  },
  { additionalProperties: false },
);

export const HealthSchema = Type.Object(
  {
    status: Type.Literal('ok'),
    version: Type.String(),
    places: Type.Integer(),
    products: Type.Integer(),
    offers: Type.Integer(),
  },
  { additionalProperties: false },
);

const FeedErrorSchema = Type.Object(
  { line: Type.Integer(), field: Type.String(), reason: Type.String(), value: Type.String() },
  { additionalProperties: false },
);

export const ImportReportSchema = Type.Object(
  {
    place_id: Type.String(),
    mode: Type.Union([Type.Literal('snapshot'), Type.Literal('delta')]),
    format: Type.String(),
    result: Type.Union([Type.Literal('applied'), Type.Literal('held_back')]),
    read: Type.Integer(),
    imported: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    removed: Type.Integer(),
    skipped: Type.Integer(),
    rejected: Type.Integer(),
    errors: Type.Array(FeedErrorSchema),
    message: Type.String(),
    finished_at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    parameter: Type.Optional(Type.String({ description: 'The request parameter that was wrong.' })),
    instance: Type.Optional(Type.String()),
    report: Type.Optional(ImportReportSchema),
  },
  { description: 'RFC 9457 problem details; a held-back feed carries its import report.' },
);

// Request parameters. Limits are part of the contract: each breach is a 400 naming the parameter.
export const LIMITS = {
  queryLength: 100,
  radiusMaxM: 50_000,
  radiusDefaultM: 5_000,
  limitDefault: 20,
  limitMax: 100,
  cursorLength: 200,
  bboxMaxDegrees: 1,
} as const;

const Query = Type.String({
  maxLength: LIMITS.queryLength,
  description: 'Words to search for; prefixes match.',
});
const Near = Type.String({
  maxLength: LIMITS.queryLength,
  description: '`lat,lon`, a Dutch postcode (`3811`, `3811 AB`) or a town name.',
});
const Radius = Type.Integer({
  minimum: 1,
  maximum: LIMITS.radiusMaxM,
  description: `Search radius in metres (default ${LIMITS.radiusDefaultM}).`,
});
const Limit = Type.Integer({ minimum: 1, maximum: LIMITS.limitMax, default: LIMITS.limitDefault });
const Cursor = Type.String({ minLength: 1, maxLength: LIMITS.cursorLength });
const Category = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'A category slug.' });
const Flag = (description: string) => Type.Boolean({ description });
const RegionId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' });

export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Query),
    near: Type.Optional(Near),
    region: Type.Optional(RegionId),
    radius: Type.Optional(Radius),
    category: Type.Optional(Category),
    kind: Type.Optional(PlaceKindSchema),
    in_stock: Type.Optional(Flag('Only offers in stock or in limited stock.')),
    open_now: Type.Optional(Flag('Only places open now.')),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const PlacesQuerySchema = Type.Object(
  {
    q: Type.Optional(Query),
    near: Type.Optional(Near),
    region: Type.Optional(RegionId),
    radius: Type.Optional(Radius),
    bbox: Type.Optional(
      Type.String({ maxLength: 100, description: '`west,south,east,north`, at most 1 degree across.' }),
    ),
    category: Type.Optional(Category),
    kind: Type.Optional(PlaceKindSchema),
    open_now: Type.Optional(Flag('Only places open now.')),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const PlaceParamsSchema = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' }),
});

export const PlaceOffersQuerySchema = Type.Object(
  {
    q: Type.Optional(Query),
    category: Type.Optional(Category),
    availability: Type.Optional(AvailabilitySchema),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const GtinParamsSchema = Type.Object({
  gtin: Type.String({ minLength: 1, maxLength: 32, description: 'GTIN-8, UPC-A, EAN-13, GTIN-14 or ISBN.' }),
});

export const ProductOffersQuerySchema = Type.Object(
  {
    near: Type.Optional(Near),
    radius: Type.Optional(Radius),
    in_stock: Type.Optional(Flag('Only offers in stock or in limited stock.')),
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

export const GeocodeQuerySchema = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: LIMITS.queryLength }) },
  { additionalProperties: false },
);

export const RegionParamsSchema = Type.Object({ id: RegionId });
