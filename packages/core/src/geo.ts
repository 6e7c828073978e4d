import type { BBox, Point } from './types.js';

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine; error under 0.5 % at these scales). */
export function distanceInMetres(from: Point, to: Point): number {
  const dLat = toRadians(to.lat - from.lat);
  const dLon = toRadians(to.lon - from.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The smallest [west, south, east, north] box that holds every point within the radius. */
export function bboxAround(center: Point, radiusInMetres: number): BBox {
  const dLat = (radiusInMetres / EARTH_RADIUS_M) * (180 / Math.PI);
  const cosLat = Math.max(Math.cos(toRadians(center.lat)), 1e-6);
  const dLon = Math.min(180, dLat / cosLat);
  return [
    Math.max(-180, center.lon - dLon),
    Math.max(-90, center.lat - dLat),
    Math.min(180, center.lon + dLon),
    Math.min(90, center.lat + dLat),
  ];
}

/** Latitude step of the privacy grid: 0.01° is about 1.1 km. */
const ROUNDING_STEP_LAT = 0.01;

/**
 * Snaps a point to a grid of about 1 km, so that a location shared with the API says
 * which neighbourhood, never which house. The longitude step widens with latitude to keep
 * the cells roughly square.
 */
export function roundPoint(point: Point): Point {
  const lat = Math.round(point.lat / ROUNDING_STEP_LAT) * ROUNDING_STEP_LAT;
  const lonStep = ROUNDING_STEP_LAT / Math.max(Math.cos(toRadians(lat)), 0.1);
  const lon = Math.round(point.lon / lonStep) * lonStep;
  return { lat: Number(lat.toFixed(5)), lon: Number(lon.toFixed(5)) };
}

/** Whether a point lies inside a [west, south, east, north] box. */
export function bboxContains(bbox: BBox, point: Point): boolean {
  return point.lon >= bbox[0] && point.lat >= bbox[1] && point.lon <= bbox[2] && point.lat <= bbox[3];
}

/** Parses `lat,lon` into a point when both are numbers in range, else `null`. */
export function parseLatLon(text: string): Point | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return null;
  return { lat, lon };
}

/** Dutch postcode: four digits (not starting with 0) and optionally two letters. */
const POSTCODE = /^\s*([1-9]\d{3})\s*([A-Za-z]{2})?\s*$/;

/** Normalises `3811ab`, `3811 AB` or `3811` to `3811 AB` / `3811`; `null` if not a postcode. */
export function normalisePostcode(text: string): string | null {
  const match = POSTCODE.exec(text);
  if (!match) return null;
  const letters = match[2]?.toUpperCase();
  // SA, SD and SS are never issued.
  if (letters && ['SA', 'SD', 'SS'].includes(letters)) return null;
  return letters ? `${match[1]} ${letters}` : match[1]!;
}
