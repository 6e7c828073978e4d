/**
 * The crawlable pages in `npm run bench`: requests for place, product-in-region, region and
 * category-in-region pages over the national data set, measured like the API scenarios,
 * and the budget line (p95 under 50 ms at 1 M offers). `--only pages` measures just these.
 */
import type { DataSet } from '../dataset.js';

/** Page scenarios added to the bench's table; the API ones are dropped with `--only pages`. */
export function addPageScenarios(
  paths: Record<string, string[]>,
  data: DataSet,
  only: string | undefined,
): void {
  if (only === 'pages') for (const name of Object.keys(paths)) delete paths[name];
  const regionOf = new Map(data.places.map((place) => [place.id, place.region_ids[0] ?? null]));
  const categoriesByRegion = new Map<string, string[]>();
  for (const place of data.places) {
    for (const regionId of place.region_ids) {
      const list = categoriesByRegion.get(regionId) ?? [];
      for (const category of place.categories) if (!list.includes(category)) list.push(category);
      categoriesByRegion.set(regionId, list);
    }
  }
  const productPairs: string[] = [];
  for (let index = 0; index < data.offers.length && productPairs.length < 2000; index += 487) {
    const offer = data.offers[index]!;
    const regionId = regionOf.get(offer.place_id);
    if (offer.gtin && regionId) productPairs.push(`/product/${offer.gtin}/${regionId}`);
  }
  const regionIds = [...categoriesByRegion.keys()];
  paths['place page'] = Array.from(
    { length: 2000 },
    (_, index) => `/plaats/${data.places[(index * 7919) % data.places.length]!.id}`,
  );
  paths['product page'] = productPairs;
  paths['region page'] = regionIds.map((id) => `/regio/${id}`);
  paths['category page'] = regionIds.flatMap((id) =>
    categoriesByRegion.get(id)!.map((category) => `/regio/${id}/${encodeURIComponent(category)}`),
  );
}

interface Latency {
  p95: number;
  p99: number;
}

/** The budget line of the pages: the slowest page type's p95 against 50 ms. */
export function printPageBudget(rows: Array<[string, Latency, unknown]>, offerCount: number): void {
  const pages = rows.filter(([name]) => name.endsWith(' page'));
  if (pages.length === 0) return;
  const [name, latency] = pages.reduce((worst, row) => (row[1].p95 > worst[1].p95 ? row : worst));
  console.log(
    `budget: pages p95 ${latency.p95.toFixed(1)} ms (slowest: ${name}; must be < 50 ms at 1 M offers, measured at ${offerCount.toLocaleString('en')}): ${latency.p95 < 50 ? 'met' : 'NOT met'}`,
  );
}
