/**
 * Compile-time proof that the API's schemas and the shared types in `@lokaal/core`
 * describe the same shapes. If one changes without the other, `tsc` fails here.
 */
import type { Static } from 'typebox';
import type {
  GeocodeResult,
  Health,
  ImportReport,
  Offer,
  OfferAtPlace,
  Page,
  Place,
  PlaceNear,
  Product,
  Region,
  SearchResponse,
} from '@lokaal/core';
import type {
  GeocodeResultSchema,
  HealthSchema,
  ImportReportSchema,
  OfferAtPlaceSchema,
  OfferSchema,
  PlaceNearSchema,
  PlaceSchema,
  ProductSchema,
  RegionSchema,
  SearchResponseSchema,
  pageOf,
} from './schemas.js';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Same<A, B> = Equals<Normalise<A>, Normalise<B>>;
/** Flattens intersections and readonly arrays so that structurally equal types compare equal. */
type Normalise<T> = T extends readonly (infer Item)[]
  ? T extends readonly [unknown, ...unknown[]]
    ? { -readonly [K in keyof T]: Normalise<T[K]> }
    : Normalise<Item>[]
  : T extends object
    ? { -readonly [K in keyof T]: Normalise<T[K]> }
    : T;
type Assert<T extends true> = T;

export type ContractChecks = [
  Assert<Same<Static<typeof PlaceSchema>, Place>>,
  Assert<Same<Static<typeof PlaceNearSchema>, PlaceNear>>,
  Assert<Same<Static<typeof ProductSchema>, Product>>,
  Assert<Same<Static<typeof OfferSchema>, Offer>>,
  Assert<Same<Static<typeof OfferAtPlaceSchema>, OfferAtPlace>>,
  Assert<Same<Static<typeof RegionSchema>, Region>>,
  Assert<Same<Static<typeof SearchResponseSchema>, SearchResponse>>,
  Assert<Same<Static<typeof GeocodeResultSchema>, GeocodeResult>>,
  Assert<Same<Static<typeof HealthSchema>, Health>>,
  Assert<Same<Static<ReturnType<typeof pageOf<typeof PlaceNearSchema>>>, Page<PlaceNear>>>,
  Assert<Same<Static<typeof ImportReportSchema>, ImportReport>>,
];
