/**
 * The English messages of the server's crawlable pages. Apart from `messages-en` so that
 * the widgets' English chunk, which a browser fetches, does not carry strings only the
 * server uses; the Dutch ones sit in `messages.ts`, where the bundler drops them.
 */
import { formatNumber, type PageMessages } from './messages.js';

export const pageMessagesEn: PageMessages = {
  siteName: 'Lokaal',
  languageName: 'English',
  skipToContent: 'Skip to content',
  breadcrumbLabel: 'Breadcrumb',
  regionsTitle: 'Buy local nearby',
  regionsIntro: 'Choose a municipality or shopping area and see its shops, food and drink and services.',
  placeDescription: (name, town) => `${name} in ${town}: address, opening hours and what is on sale.`,
  offersTitle: 'Range',
  offersCount: (count) => (count === 1 ? '1 product' : `${formatNumber(count, 'en')} products`),
  noOffers: 'This place has not published any products yet.',
  nextPage: 'Next page',
  previousFirstPage: 'First page',
  paginationLabel: 'Pagination',
  regionsOfPlace: 'Areas',
  categoriesLabel: 'Categories',
  contactLabel: 'Contact',
  productAt: (product, region) => `Buy ${product} in ${region}`,
  productDescription: (product, region, count) =>
    `${product} is on sale at ${count === 1 ? '1 shop' : `${count} shops`} in ${region}. Price, stock and opening hours.`,
  productPlacesTitle: 'On sale here, nearest to the centre first',
  brandLabel: 'Brand',
  gtinLabel: 'GTIN',
  priceLabel: 'Price',
  regionTitle: (region) => `Shops and services in ${region}`,
  regionDescription: (region, count) =>
    `${count === 1 ? '1 place' : `${formatNumber(count, 'en')} places`} in ${region}: shops, food and drink, culture and services, with their range.`,
  regionCategoryTitle: (category, region) => `${category} in ${region}`,
  regionCategoryDescription: (category, region, count) =>
    `${count === 1 ? '1 place' : `${formatNumber(count, 'en')} places`} for ${category} in ${region}.`,
  placesTitle: 'Places',
  noPlaces: 'There are no places here yet.',
  notFoundTitle: 'Not found',
  notFoundText: 'This page does not exist (any more). The shop or the product may have gone.',
  badRequestTitle: 'Invalid address',
  badRequestText: 'This address is not right. Check the link.',
  backToRegions: 'To all areas',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  hoursThisWeek: 'Opening hours in the coming week',
  closed: 'closed',
  openDayAndNight: 'open day and night',
  shopLink: 'View at the shop',
  staleAvailability: (lastReported) => `Stock uncertain (last reported: ${lastReported.toLowerCase()})`,
  viewProductInRegion: 'Where else to buy',
  footer: 'Lokaal — open, without tracking and without commission.',
  apiLink: 'Open API',
};
