/**
 * The one message catalogue of Lokaal: every string a shopper or webmaster sees in a
 * widget or in the extension. Dutch is the default, English sits beside it. Numbers,
 * prices, distances, times and "how long ago" are formatted per locale with `Intl`.
 */
import type { Availability, PlaceKind } from './types.js';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

/** Every message, as text or as a function of its parameters. Both locales implement all. */
export interface Messages {
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  locationLabel: string;
  locationPlaceholder: string;
  useMyLocation: string;
  locating: string;
  locationDenied: string;
  radiusLabel: string;
  categoryLabel: string;
  allCategories: string;
  kindLabel: string;
  allKinds: string;
  inStockOnly: string;
  openNowOnly: string;
  suggestions: string;
  resultsCount: (count: number) => string;
  moreResults: string;
  loading: string;
  noResults: (query: string) => string;
  noResultsHint: string;
  errorTitle: string;
  errorHint: string;
  offlineTitle: string;
  offlineHint: string;
  tryAgain: string;
  availability: Record<Availability, string>;
  kind: Record<PlaceKind, string>;
  updatedAgo: (relative: string) => string;
  updatedUnknown: string;
  openNow: string;
  closedNow: string;
  hoursUnknown: string;
  openUntil: (time: string) => string;
  opensAt: (when: string) => string;
  today: string;
  tomorrow: string;
  closedAllDay: string;
  openingHours: string;
  route: string;
  routeTo: (name: string) => string;
  website: string;
  phone: string;
  showOnMap: string;
  priceFrom: (price: string) => string;
  priceUnknown: string;
  atPlaces: (count: number) => string;
  availableNearby: (count: number) => string;
  availableNearbyTitle: string;
  notAvailableNearby: string;
  showList: string;
  hideList: string;
  close: string;
  mapLabel: string;
  mapListLabel: string;
  stockSearchLabel: string;
  stockEmpty: string;
  quantityLeft: (count: number) => string;
  staleOffer: string;
  noLocationYet: string;
  radiusKm: (km: number) => string;
  placesCount: (count: number) => string;
  mapNoTiles: string;
  closedToday: string;
  todayHours: (hours: string) => string;
  availabilityLabel: string;
  allAvailabilities: string;
  placeNotFound: string;
  // search & nearby (helper A adds below this line)
  searchHint: string;
  filtersLabel: string;
  categoryPlaceholder: string;
  resultsLabel: string;
  whereToBuy: string;
  loadingMore: string;
  unknownLocation: string;
  noResultsFilterHint: string;
  viewAtPlace: (name: string) => string;
  locationRounded: string;
  // shop card, stock & map (helper B adds below this line)
  loadingDetails: string;
  addressLabel: string;
  publicHolidays: string;
  nthWeekdayOfMonth: (nth: number, weekday: string) => string;
  moreProducts: string;
  productsShown: (count: number) => string;
  loadingRange: string;
  loadingMap: string;
  mapEmpty: string;
  mapCapped: (count: number) => string;
  mapKeyboardHint: string;
  mapUnavailable: string;
  clusterLabel: (count: number) => string;
  zoomIn: string;
  zoomOut: string;
  tilesPdokAttribution: string;
  tilesOsmAttribution: string;
}

const nl: Messages = {
  searchLabel: 'Zoek een product of winkel',
  searchPlaceholder: 'Bijvoorbeeld fietsbel, kookboek of koffie',
  searchButton: 'Zoeken',
  locationLabel: 'Postcode of plaats',
  locationPlaceholder: 'Bijvoorbeeld 3811 of Amersfoort',
  useMyLocation: 'Gebruik mijn locatie',
  locating: 'Locatie bepalen…',
  locationDenied: 'Je locatie is niet gedeeld. Vul een postcode of plaats in.',
  radiusLabel: 'Afstand',
  categoryLabel: 'Categorie',
  allCategories: 'Alle categorieën',
  kindLabel: 'Soort',
  allKinds: 'Alles',
  inStockOnly: 'Alleen op voorraad',
  openNowOnly: 'Nu open',
  suggestions: 'Suggesties',
  resultsCount: (count) => (count === 1 ? '1 resultaat' : `${formatNumber(count, 'nl')} resultaten`),
  moreResults: 'Meer resultaten',
  loading: 'Bezig met zoeken…',
  noResults: (query) => `Niets gevonden voor „${query}” in de buurt.`,
  noResultsHint: 'Probeer een ander woord of een grotere afstand.',
  errorTitle: 'Er ging iets mis bij het ophalen.',
  errorHint: 'Probeer het over een moment opnieuw.',
  offlineTitle: 'Je bent offline.',
  offlineHint: 'Controleer je verbinding en probeer het opnieuw.',
  tryAgain: 'Opnieuw proberen',
  availability: {
    in_stock: 'Op voorraad',
    limited: 'Beperkt op voorraad',
    out_of_stock: 'Niet op voorraad',
    on_order: 'Te bestellen',
  },
  kind: {
    shop: 'Winkel',
    horeca: 'Horeca',
    culture: 'Cultuur',
    service: 'Dienstverlening',
    market: 'Markt',
  },
  updatedAgo: (relative) => `bijgewerkt ${relative}`,
  updatedUnknown: 'onbekend wanneer bijgewerkt',
  openNow: 'Nu open',
  closedNow: 'Nu gesloten',
  hoursUnknown: 'Openingstijden onbekend',
  openUntil: (time) => `open tot ${time}`,
  opensAt: (when) => `opent ${when}`,
  today: 'vandaag',
  tomorrow: 'morgen',
  closedAllDay: 'gesloten',
  openingHours: 'Openingstijden',
  route: 'Route',
  routeTo: (name) => `Route naar ${name}`,
  website: 'Website',
  phone: 'Telefoon',
  showOnMap: 'Toon op kaart',
  priceFrom: (price) => `vanaf ${price}`,
  priceUnknown: 'prijs in de winkel',
  atPlaces: (count) => (count === 1 ? 'bij 1 winkel' : `bij ${count} winkels`),
  availableNearby: (count) =>
    count === 1 ? 'Verkrijgbaar bij 1 winkel in de buurt' : `Verkrijgbaar bij ${count} winkels in de buurt`,
  availableNearbyTitle: 'Ook verkrijgbaar in de buurt',
  notAvailableNearby: 'Niet gevonden bij winkels in de buurt',
  showList: 'Toon winkels',
  hideList: 'Verberg winkels',
  close: 'Sluiten',
  mapLabel: 'Kaart met winkels',
  mapListLabel: 'Winkels op de kaart',
  stockSearchLabel: 'Zoek in het assortiment',
  stockEmpty: 'Geen producten gevonden in dit assortiment.',
  quantityLeft: (count) => `nog ${count}`,
  staleOffer: 'mogelijk niet actueel',
  noLocationYet: 'Vul een postcode of plaats in, of gebruik je locatie.',
  radiusKm: (km) => `${formatNumber(km, 'nl')} km`,
  placesCount: (count) => (count === 1 ? '1 plek' : `${formatNumber(count, 'nl')} plekken`),
  mapNoTiles: 'Kaart zonder achtergrond: de kaartlaag is niet bereikbaar.',
  closedToday: 'Vandaag gesloten',
  todayHours: (hours) => `Vandaag ${hours}`,
  availabilityLabel: 'Beschikbaarheid',
  allAvailabilities: 'Alles',
  placeNotFound: 'Deze plek is niet gevonden.',
  // search & nearby (helper A adds below this line)
  searchHint: 'Typ wat je zoekt en vind het bij winkels in de buurt.',
  filtersLabel: 'Filters',
  categoryPlaceholder: 'Bijvoorbeeld fietsen',
  resultsLabel: 'Zoekresultaten',
  whereToBuy: 'Hier te koop',
  loadingMore: 'Meer resultaten laden…',
  unknownLocation: 'Deze postcode of plaats kennen we niet. Probeer een andere.',
  noResultsFilterHint: 'Of zet een filter uit.',
  viewAtPlace: (name) => `Bekijk bij ${name}`,
  locationRounded: 'Je locatie is afgerond op ongeveer 1 km.',
  // shop card, stock & map (helper B adds below this line)
  loadingDetails: 'Gegevens laden…',
  addressLabel: 'Adres',
  publicHolidays: 'Feestdagen',
  nthWeekdayOfMonth: (nth, weekday) =>
    nth < 0 ? `laatste ${weekday} van de maand` : `${nth}e ${weekday} van de maand`,
  moreProducts: 'Meer producten',
  productsShown: (count) => (count === 1 ? '1 product' : `${formatNumber(count, 'nl')} producten`),
  loadingRange: 'Assortiment laden…',
  loadingMap: 'Kaart laden…',
  mapEmpty: 'Geen plekken op deze kaart.',
  mapCapped: (count) => `De eerste ${formatNumber(count, 'nl')} plekken worden getoond.`,
  mapKeyboardHint:
    'Pijltjestoetsen verschuiven de kaart, plus en min zoomen in en uit. Met Tab ga je langs de plekken.',
  mapUnavailable: 'De kaart kon niet worden geladen. De lijst toont dezelfde plekken.',
  clusterLabel: (count) => `${formatNumber(count, 'nl')} plekken, kies om in te zoomen`,
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  tilesPdokAttribution: 'Kaartgegevens © Kadaster',
  tilesOsmAttribution: '© OpenStreetMap-bijdragers',
};

/**
 * The browser extension's own strings (popup, options, welcome, panel). They are kept
 * apart from `Messages` so that the widgets' bundle, which cannot drop unused keys of one
 * object, does not carry them: the extension picks `nlExtension` or `enExtension` itself.
 */
export interface ExtensionMessages {
  extSimilarTitle: string;
  extSearchNearby: string;
  extDismissOnThisSite: string;
  extSimilarHint: string;
  extSimilarLabel: string;
  extClosePanel: string;
  extPopupTitle: string;
  extPopupEmpty: string;
  extPopupNoLocation: string;
  extSave: string;
  extSaved: string;
  extAllSettings: string;
  extOptionsTitle: string;
  extLocationHeading: string;
  extLocationCurrent: (label: string) => string;
  extLocationPoint: string;
  extMarketplacesLabel: string;
  extLanguageLabel: string;
  extEndpointLabel: string;
  extEndpointHint: string;
  extEndpointInvalid: string;
  extPermissionDenied: string;
  extHiddenOnSites: string;
  extShowAgain: (site: string) => string;
  extPrivacyNote: string;
  extWelcomeTitle: string;
  extWelcomeIntro: string;
  extWelcomeDone: string;
  languageName: Record<Locale, string>;
}

export const nlExtension: ExtensionMessages = {
  extSimilarTitle: 'Vergelijkbare producten in de buurt',
  extSearchNearby: 'Zoek in de buurt',
  extDismissOnThisSite: 'Niet meer tonen op deze site',
  extSimilarHint: 'Geen productcode op deze pagina. Zoek vergelijkbare producten bij winkels in de buurt.',
  extSimilarLabel: 'vergelijkbaar product',
  extClosePanel: 'Verberg voor deze pagina',
  extPopupTitle: 'Lokaal: in de buurt',
  extPopupEmpty: 'Geen winkels in de buurt voor deze pagina.',
  extPopupNoLocation: 'Kies eerst waar je bent. Tot dan zoekt Lokaal niets op.',
  extSave: 'Opslaan',
  extSaved: 'Opgeslagen.',
  extAllSettings: 'Alle instellingen',
  extOptionsTitle: 'Instellingen van Lokaal',
  extLocationHeading: 'Waar ben je?',
  extLocationCurrent: (label) => `Nu ingesteld: ${label}`,
  extLocationPoint: 'mijn locatie (afgerond op 1 km)',
  extMarketplacesLabel: 'Tonen op deze sites',
  extLanguageLabel: 'Taal',
  extEndpointLabel: 'Adres van de Lokaal-server',
  extEndpointHint: 'Een gemeente of regio kan een eigen Lokaal-server hebben. Laat leeg voor de standaard.',
  extEndpointInvalid: 'Vul een volledig https-adres in.',
  extPermissionDenied: 'Zonder toestemming kan de extensie deze server niet gebruiken.',
  extHiddenOnSites: 'Verborgen op',
  extShowAgain: (site) => `Weer tonen op ${site}`,
  extPrivacyNote:
    'Lokaal stuurt alleen de productcode en je afgeronde locatie naar de Lokaal-server: geen adressen van pagina’s, geen geschiedenis, geen cookies.',
  extWelcomeTitle: 'Welkom bij Lokaal',
  extWelcomeIntro:
    'Zie op webwinkels welke winkels in de buurt hetzelfde product hebben. Kies eerst waar je bent: tot dan zoekt Lokaal niets op.',
  extWelcomeDone: 'Klaar. Je ziet het voortaan bij de koopknop van een product.',
  languageName: { nl: 'Nederlands', en: 'English' },
};

/**
 * Dutch is always here; English is registered by importing `@lokaal/core/messages-en`, so
 * that a Dutch page does not download it (the widgets load it when a page asks for it).
 */
const catalogue: Partial<Record<Locale, Messages>> & { nl: Messages } = { nl };

export function registerMessages(locale: Locale, entries: Messages): void {
  catalogue[locale] = entries;
}

/** Whether the messages of a locale are loaded. */
export function hasMessages(locale: Locale): boolean {
  return catalogue[locale] !== undefined;
}

/** Picks the best supported locale for a `lang` value such as `en-GB`; Dutch otherwise. */
export function resolveLocale(lang: string | null | undefined): Locale {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : DEFAULT_LOCALE;
}

/** The messages for a locale (or a `lang` value), Dutch by default. */
export function messages(lang?: string | null): Messages {
  return catalogue[resolveLocale(lang)] ?? catalogue.nl;
}

const intlTag: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const TIME_ZONE = 'Europe/Amsterdam';

export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(intlTag[locale]).format(value);
}

/** `€ 12,95` in Dutch, `€12.95` in English. */
export function formatPrice(cents: number, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(intlTag[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** `350 m` below one kilometre (rounded to 10 m), `1,2 km` below ten, `14 km` above. */
export function formatDistance(metres: number, locale: Locale = DEFAULT_LOCALE): string {
  if (metres < 1000) {
    const rounded = Math.max(10, Math.round(metres / 10) * 10);
    return new Intl.NumberFormat(intlTag[locale], { style: 'unit', unit: 'meter' }).format(rounded);
  }
  const km = metres / 1000;
  return new Intl.NumberFormat(intlTag[locale], {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}

/** `17:30` in the Dutch time zone, whatever the device's zone. */
export function formatTime(instant: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.DateTimeFormat(intlTag[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: TIME_ZONE,
  }).format(new Date(instant));
}

function dayKey(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);
}

/** `vandaag 13:00`, `morgen 09:00` or `zaterdag 10:00`, relative to `now`. */
export function formatWhen(
  instant: Date | string,
  now: Date = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): string {
  const date = new Date(instant);
  const time = formatTime(date, locale);
  const m = messages(locale);
  if (dayKey(date) === dayKey(now)) return `${m.today} ${time}`;
  if (dayKey(date) === dayKey(new Date(now.getTime() + 86_400_000))) return `${m.tomorrow} ${time}`;
  const weekday = new Intl.DateTimeFormat(intlTag[locale], { weekday: 'long', timeZone: TIME_ZONE }).format(
    date,
  );
  return `${weekday} ${time}`;
}

/** `2 uur geleden` / `2 hours ago`, in the largest unit that fits. */
export function formatAgo(
  instant: Date | string,
  now: Date = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): string {
  const seconds = Math.round((new Date(instant).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(intlTag[locale], { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(0, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86_400 * 30) return format.format(Math.round(seconds / 86_400), 'day');
  if (abs < 86_400 * 365) return format.format(Math.round(seconds / (86_400 * 30)), 'month');
  return format.format(Math.round(seconds / (86_400 * 365)), 'year');
}

/** `bijgewerkt 2 uur geleden`. */
export function formatFreshness(
  updatedAt: string | null,
  now: Date = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): string {
  const m = messages(locale);
  return updatedAt ? m.updatedAgo(formatAgo(updatedAt, now, locale)) : m.updatedUnknown;
}

/**
 * The one-line opening state shown next to a place: `Nu open · open tot 17:30`,
 * `Nu gesloten · opent morgen 09:00`, or that the hours are unknown.
 */
export function formatOpeningState(
  state: { open_now: boolean | null; opens_at: string | null; closes_at: string | null },
  now: Date = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): string {
  const m = messages(locale);
  if (state.open_now === null) return m.hoursUnknown;
  if (state.open_now) {
    return state.closes_at ? `${m.openNow} · ${m.openUntil(formatTime(state.closes_at, locale))}` : m.openNow;
  }
  return state.opens_at
    ? `${m.closedNow} · ${m.opensAt(formatWhen(state.opens_at, now, locale))}`
    : m.closedNow;
}

// crawlable pages (the server's HTML pages; kept apart so that the widget bundle, which
// never imports them, does not carry them)

/** The messages of the server-rendered pages (`/plaats/…`, `/product/…`, `/regio/…`). */
export interface PageMessages {
  siteName: string;
  languageName: string;
  skipToContent: string;
  breadcrumbLabel: string;
  regionsTitle: string;
  regionsIntro: string;
  placeDescription: (name: string, town: string) => string;
  offersTitle: string;
  offersCount: (count: number) => string;
  noOffers: string;
  nextPage: string;
  previousFirstPage: string;
  paginationLabel: string;
  regionsOfPlace: string;
  categoriesLabel: string;
  contactLabel: string;
  productAt: (product: string, region: string) => string;
  productDescription: (product: string, region: string, count: number) => string;
  productPlacesTitle: string;
  brandLabel: string;
  gtinLabel: string;
  priceLabel: string;
  regionTitle: (region: string) => string;
  regionDescription: (region: string, count: number) => string;
  regionCategoryTitle: (category: string, region: string) => string;
  regionCategoryDescription: (category: string, region: string, count: number) => string;
  placesTitle: string;
  noPlaces: string;
  notFoundTitle: string;
  notFoundText: string;
  badRequestTitle: string;
  badRequestText: string;
  backToRegions: string;
  weekdays: readonly [string, string, string, string, string, string, string];
  hoursThisWeek: string;
  closed: string;
  openDayAndNight: string;
  shopLink: string;
  /** A stale offer: no claim of stock, only what the shop last said. */
  staleAvailability: (lastReported: string) => string;
  viewProductInRegion: string;
  footer: string;
  apiLink: string;
}

export const pageMessagesNl: PageMessages = {
  siteName: 'Lokaal',
  languageName: 'Nederlands',
  skipToContent: 'Naar de inhoud',
  breadcrumbLabel: 'Kruimelpad',
  regionsTitle: 'Lokaal kopen in de buurt',
  regionsIntro: 'Kies een gemeente of winkelgebied en zie welke winkels, horeca en voorzieningen er zijn.',
  placeDescription: (name, town) => `${name} in ${town}: adres, openingstijden en wat er te koop is.`,
  offersTitle: 'Assortiment',
  offersCount: (count) => (count === 1 ? '1 product' : `${formatNumber(count, 'nl')} producten`),
  noOffers: 'Deze plek heeft nog geen producten gepubliceerd.',
  nextPage: 'Volgende pagina',
  previousFirstPage: 'Eerste pagina',
  paginationLabel: 'Paginering',
  regionsOfPlace: 'Gebieden',
  categoriesLabel: 'Categorieën',
  contactLabel: 'Contact',
  productAt: (product, region) => `${product} kopen in ${region}`,
  productDescription: (product, region, count) =>
    `${product} is te koop bij ${count === 1 ? '1 winkel' : `${count} winkels`} in ${region}. Prijs, voorraad en openingstijden.`,
  productPlacesTitle: 'Hier te koop, dichtst bij het centrum eerst',
  brandLabel: 'Merk',
  gtinLabel: 'GTIN',
  priceLabel: 'Prijs',
  regionTitle: (region) => `Winkels en voorzieningen in ${region}`,
  regionDescription: (region, count) =>
    `${count === 1 ? '1 plek' : `${formatNumber(count, 'nl')} plekken`} in ${region}: winkels, horeca, cultuur en diensten, met hun assortiment.`,
  regionCategoryTitle: (category, region) => `${category} in ${region}`,
  regionCategoryDescription: (category, region, count) =>
    `${count === 1 ? '1 plek' : `${formatNumber(count, 'nl')} plekken`} voor ${category} in ${region}.`,
  placesTitle: 'Plekken',
  noPlaces: 'Hier zijn nog geen plekken.',
  notFoundTitle: 'Niet gevonden',
  notFoundText: 'Deze pagina bestaat niet (meer). Misschien is de winkel of het product verdwenen.',
  badRequestTitle: 'Ongeldig adres',
  badRequestText: 'Dit adres klopt niet. Controleer de link.',
  backToRegions: 'Naar alle gebieden',
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  hoursThisWeek: 'Openingstijden komende week',
  closed: 'gesloten',
  openDayAndNight: 'dag en nacht open',
  shopLink: 'Bij de winkel bekijken',
  staleAvailability: (lastReported) => `Voorraad onzeker (laatst gemeld: ${lastReported.toLowerCase()})`,
  viewProductInRegion: 'Waar nog meer te koop',
  footer: 'Lokaal — open, zonder tracking en zonder commissie.',
  apiLink: 'Open API',
};
