/**
 * Shop data is untrusted: a URL becomes a link only when it parses as an absolute http(s)
 * URL. Anything else (`javascript:`, `data:`, relative paths, garbage) is dropped.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A route link to a point, on OpenStreetMap (no tracking parameters, no Big Tech service). */
export function routeUrl(point: { lat: number; lon: number }): string {
  const lat = point.lat.toFixed(6);
  const lon = point.lon.toFixed(6);
  return `https://www.openstreetmap.org/directions?route=%3B${lat}%2C${lon}#map=17/${lat}/${lon}`;
}

/** A map link to a point on OpenStreetMap. */
export function mapUrl(point: { lat: number; lon: number }): string {
  return `https://www.openstreetmap.org/?mlat=${point.lat.toFixed(6)}&mlon=${point.lon.toFixed(6)}#map=18/${point.lat.toFixed(6)}/${point.lon.toFixed(6)}`;
}

/** A phone number as a `tel:` link, digits and + only. */
export function telUrl(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^+0-9]/g, '');
  return digits.length >= 6 ? `tel:${digits}` : null;
}
