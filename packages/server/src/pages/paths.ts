/**
 * The URL scheme of the crawlable pages, in one place. Dutch paths, Dutch by default;
 * the English page is the same path under `/en`. A later page of a list carries the
 * cursor as `?na=`.
 *
 * | page | Dutch | English |
 * |---|---|---|
 * | all regions | `/regio` | `/en/regio` |
 * | a region | `/regio/{regionId}` | `/en/regio/{regionId}` |
 * | a category in a region | `/regio/{regionId}/{category}` | `/en/regio/{regionId}/{category}` |
 * | a place | `/plaats/{placeId}` | `/en/plaats/{placeId}` |
 * | a product in a region | `/product/{gtin14}/{regionId}` | `/en/product/{gtin14}/{regionId}` |
 */
import type { Locale } from '@lokaal/core';

export const LOCALE_PREFIX: Record<Locale, string> = { nl: '', en: '/en' };
export const CURSOR_PARAMETER = 'na';

/** A page's path in both languages, and its first page (without a cursor). */
export interface PagePath {
  nl: string;
  en: string;
  cursor: string | null;
  first: { nl: string; en: string };
}

function both(path: string, cursor: string | null): PagePath {
  const query = cursor ? `?${CURSOR_PARAMETER}=${encodeURIComponent(cursor)}` : '';
  return {
    nl: `${LOCALE_PREFIX.nl}${path}${query}`,
    en: `${LOCALE_PREFIX.en}${path}${query}`,
    cursor,
    first: { nl: `${LOCALE_PREFIX.nl}${path}`, en: `${LOCALE_PREFIX.en}${path}` },
  };
}

const segment = encodeURIComponent;

export const regionsPath = (): PagePath => both('/regio', null);
export const regionPath = (regionId: string, cursor: string | null): PagePath =>
  both(`/regio/${segment(regionId)}`, cursor);
export const categoryPath = (regionId: string, category: string, cursor: string | null): PagePath =>
  both(`/regio/${segment(regionId)}/${segment(category)}`, cursor);
export const placePath = (placeId: string, cursor: string | null): PagePath =>
  both(`/plaats/${segment(placeId)}`, cursor);
export const productPath = (gtin: string, regionId: string, cursor: string | null): PagePath =>
  both(`/product/${segment(gtin)}/${segment(regionId)}`, cursor);
