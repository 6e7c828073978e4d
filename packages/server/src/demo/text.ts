/** Text helpers shared by the demo generator. */

/** `Crème brûlée & Co.` → `creme-brulee-en-co`: lowercase a-z0-9 and single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A domain label without hyphens, as small shops register them: `dekei`. */
export function compactSlug(text: string): string {
  return slugify(text).replace(/-/g, '');
}

/** Euro cents as shops print them: most prices end in 9 (…,99 / …,49 / …,95 for the cheap ones). */
export function shelfPriceCents(rawCents: number): number {
  if (rawCents < 300) return Math.max(49, Math.round(rawCents / 10) * 10 - 1);
  if (rawCents < 2000) return Math.max(99, Math.round(rawCents / 50) * 50 - 1);
  if (rawCents < 10000) return Math.round(rawCents / 100) * 100 - 1;
  return Math.round(rawCents / 1000) * 1000 - 1;
}
