/**
 * The shops directory: every shop of the chosen town from the open API (`/v1/places`),
 * grouped by its main category, each linking to the site's own shop page. Shop data is
 * untrusted: it goes into the page as text only.
 */
import { element, t, withLanguage } from './lang.js';

interface PlaceSummary {
  id: string;
  name: string;
  categories: string[];
  address: { street: string; housenumber: string; postcode: string; town: string };
  open_now: boolean | null;
  description?: string | null;
}

const CATEGORY_NAMES: Record<string, [string, string]> = {
  kleding: ['Kleding', 'Clothing'],
  schoenen: ['Schoenen', 'Shoes'],
  cadeaus: ['Cadeaus', 'Gifts'],
  fietsen: ['Fietsen', 'Bicycles'],
  boeken: ['Boeken', 'Books'],
  bakker: ['Bakker', 'Bakery'],
  supermarkt: ['Supermarkt', 'Supermarket'],
  elektronica: ['Elektronica', 'Electronics'],
  speelgoed: ['Speelgoed', 'Toys'],
  opticien: ['Opticien', 'Optician'],
  drogisterij: ['Drogisterij', 'Chemist'],
  cosmetica: ['Cosmetica', 'Cosmetics'],
  bloemen: ['Bloemen', 'Flowers'],
  slager: ['Slager', 'Butcher'],
  keuken: ['Keuken', 'Kitchen'],
  kaas: ['Kaas', 'Cheese'],
  ijzerwaren: ['IJzerwaren', 'Hardware'],
  'groente-fruit': ['Groente en fruit', 'Greengrocer'],
  delicatessen: ['Delicatessen', 'Delicatessen'],
  dranken: ['Dranken', 'Drinks'],
  apotheek: ['Apotheek', 'Pharmacy'],
  warenhuis: ['Warenhuis', 'Department store'],
  sport: ['Sport', 'Sports'],
  huishoudwinkel: ['Huishoudwinkel', 'Household goods'],
};

function categoryName(slug: string): string {
  const names = CATEGORY_NAMES[slug];
  if (names) return t(...names);
  const text = slug.replaceAll('-', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const status = document.getElementById('status')!;
const guide = document.getElementById('gids')!;
const categoryNav = document.getElementById('categorie-nav')!;
const categoryList = document.getElementById('categorie-lijst')!;
const form = document.getElementById('filter') as HTMLFormElement;
const nameFilter = document.getElementById('filter-tekst') as HTMLInputElement;
const townSelect = document.getElementById('filter-plaats') as HTMLSelectElement;

let places: PlaceSummary[] = [];
let loading: AbortController | null = null;

async function load(region: string): Promise<void> {
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  status.textContent = t('Winkels laden…', 'Loading shops…');
  const byId = new Map<string, PlaceSummary>();
  let cursor: string | null = null;
  try {
    do {
      const url = new URL('/v1/places', location.origin);
      url.searchParams.set('region', region);
      url.searchParams.set('kind', 'shop');
      url.searchParams.set('limit', '100');
      if (cursor) url.searchParams.set('cursor', cursor);
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = (await response.json()) as { items: PlaceSummary[]; next_cursor: string | null };
      for (const place of page.items) byId.set(place.id, place);
      cursor = page.next_cursor;
    } while (cursor && byId.size < 1000);
  } catch (error) {
    if (controller.signal.aborted) return;
    status.textContent = t(
      'De winkels konden niet worden geladen. Probeer het later opnieuw.',
      'The shops could not be loaded. Please try again later.',
    );
    console.warn(error);
    return;
  }
  // A municipality's box reaches into its neighbour's streets: list the chosen town's own shops.
  const town = townSelect.selectedOptions[0]?.textContent?.trim();
  places = [...byId.values()].filter((place) => !town || place.address.town === town);
  render();
}

function render(): void {
  const needle = nameFilter.value.trim().toLocaleLowerCase('nl');
  const shown = places.filter((place) => place.name.toLocaleLowerCase('nl').includes(needle));
  const groups = new Map<string, PlaceSummary[]>();
  for (const place of shown) {
    const category = place.categories[0] ?? 'overig';
    groups.set(category, [...(groups.get(category) ?? []), place]);
  }
  const categories = [...groups.keys()].sort((a, b) => categoryName(a).localeCompare(categoryName(b), 'nl'));
  status.textContent =
    shown.length === 0
      ? t('Geen winkels gevonden.', 'No shops found.')
      : t(
          `${shown.length} winkels in ${categories.length} categorieën`,
          `${shown.length} shops in ${categories.length} categories`,
        );
  categoryList.replaceChildren(
    ...categories.map((category) =>
      element('li', {}, element('a', { href: `#cat-${category}` }, categoryName(category))),
    ),
  );
  categoryNav.hidden = categories.length === 0;
  guide.replaceChildren(
    ...categories.map((category) => {
      const section = element('section', { className: 'directory-group' });
      section.setAttribute('aria-labelledby', `cat-${category}`);
      const heading = element('h2', { id: `cat-${category}` }, categoryName(category));
      const list = element('ul', { className: 'shop-list' });
      for (const place of (groups.get(category) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nl'))) {
        const link = element(
          'a',
          { href: withLanguage(`/winkel/?id=${encodeURIComponent(place.id)}`) },
          place.name,
        );
        const address = element(
          'span',
          { className: 'shop-address' },
          `${place.address.street} ${place.address.housenumber}, ${place.address.town}`,
        );
        const open = element(
          'span',
          { className: place.open_now ? 'open-state is-open' : 'open-state' },
          place.open_now ? t('Nu open', 'Open now') : t('Nu gesloten', 'Closed now'),
        );
        list.append(element('li', {}, link, address, open));
      }
      section.append(heading, list);
      return section;
    }),
  );
}

form.addEventListener('submit', (event) => event.preventDefault());
nameFilter.addEventListener('input', render);
townSelect.addEventListener('change', () => void load(townSelect.value));
void load(townSelect.value);
