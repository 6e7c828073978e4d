/**
 * The crawlable pages as HTML: plain, semantic markup that needs no script, with the
 * schema.org JSON-LD of what it shows, canonical and hreflang links and Open Graph tags.
 * Every string a visitor reads comes from the message catalogue; every piece of feed data
 * goes through the escaping `html` tag or the JSON-LD escaper.
 */
import {
  AVAILABILITIES,
  PLACE_KINDS,
  distanceInMetres,
  httpUrlOrNull,
  jsonLdDocument,
  jsonLdText,
  localBusinessType,
  messages,
  offerJsonLd,
  pageMessagesEn,
  pageMessagesNl,
  placeJsonLd,
  productJsonLd,
  type JsonLd,
  type Locale,
  type Messages,
  type Offer,
  type PageMessages,
  type Region,
} from '@lokaal/core';
import type { PlacePageData, ProductPageData, RegionPageData } from '../store/pages.js';
import { html, raw, type SafeHtml } from './html.js';
import { distance, freshness, openingStateLine, price } from './format.js';
import { comingWeek, openingHoursSpecification, type DaySpans } from './opening-week.js';
import { categoryPath, placePath, productPath, regionPath, regionsPath, type PagePath } from './paths.js';
import type { PageScripts } from './script.js';

const PAGE_MESSAGES: Record<Locale, PageMessages> = { nl: pageMessagesNl, en: pageMessagesEn };
/** Places on a product page, and so how many the upgraded `<lokaal-nearby>` lists. */
export const PRODUCT_PLACES_ON_A_PAGE = 50;
/** Offers on a place page, and so the page size the upgraded `<lokaal-stock>` asks for. */
export const OFFERS_PER_PAGE = 48;
const OG_LOCALES: Record<Locale, string> = { nl: 'nl_NL', en: 'en_GB' };

export interface RenderContext {
  locale: Locale;
  /** Absolute origin of this instance's pages, without a trailing slash. */
  origin: string;
  now: Date;
  /** The page cursor asked for (`?na=`), `null` on a first page. */
  cursor: string | null;
  /** The scripts that upgrade a page to the widgets; `null` when this instance has none. */
  scripts: PageScripts | null;
}

interface Shell {
  title: string;
  description: string;
  /** This page in both languages (with its cursor), for canonical and hreflang. */
  path: PagePath;
  ogType: string;
  jsonLd: JsonLd | null;
  crumbs: Array<{ name: string; href: string | null }>;
  main: SafeHtml;
  next: string | null;
  noindex?: boolean;
  /** The shop's or product's own image for link previews (fetched by the previewing service, not by visitors). */
  image?: string | null;
  /** The page has a `data-upgrade` block: load the widgets and `/pagina.js`. */
  upgrade?: boolean;
}

function texts(locale: Locale): { m: Messages; p: PageMessages } {
  return { m: messages(locale), p: PAGE_MESSAGES[locale] };
}

/** `groente-fruit` → `Groente fruit`: category slugs as a heading. */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase('nl') + words.slice(1);
}

function layout(context: RenderContext, shell: Shell): string {
  const { locale, origin } = context;
  const { p } = texts(locale);
  const other: Locale = locale === 'nl' ? 'en' : 'nl';
  const here = `${origin}${shell.path[locale]}`;
  const jsonLd = shell.jsonLd
    ? html`<script type="application/ld+json">
        ${raw(jsonLdText(shell.jsonLd))}
      </script>`
    : null;
  const crumbs = shell.crumbs.map((crumb, index) =>
    crumb.href && index < shell.crumbs.length - 1
      ? html`<li><a href="${crumb.href}">${crumb.name}</a></li>`
      : html`<li><span aria-current="page">${crumb.name}</span></li>`,
  );
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${shell.title} · ${p.siteName}</title>
        <meta name="description" content="${shell.description}" />
        ${
          shell.noindex
            ? html`<meta name="robots" content="noindex" />`
            : html`<link rel="canonical" href="${here}" />
                <link rel="alternate" hreflang="nl" href="${origin}${shell.path.nl}" />
                <link rel="alternate" hreflang="en" href="${origin}${shell.path.en}" />
                <link rel="alternate" hreflang="x-default" href="${origin}${shell.path.nl}" />`
        }
        ${shell.next ? html`<link rel="next" href="${shell.next}" />` : null}
        <meta property="og:type" content="${shell.ogType}" />
        <meta property="og:title" content="${shell.title}" />
        <meta property="og:description" content="${shell.description}" />
        <meta property="og:url" content="${here}" />
        ${shell.image ? html`<meta property="og:image" content="${shell.image}" />` : null}
        <meta property="og:site_name" content="${p.siteName}" />
        <meta property="og:locale" content="${OG_LOCALES[locale]}" />
        <meta property="og:locale:alternate" content="${OG_LOCALES[other]}" />
        <link rel="stylesheet" href="/pagina.css" />
        ${
          shell.upgrade && context.scripts
            ? html`<script
                  type="module"
                  src="${context.scripts.widgets.src}"
                  integrity="${context.scripts.widgets.integrity}"
                  crossorigin="anonymous"
                ></script>
                <script
                  type="module"
                  src="${context.scripts.page.src}"
                  integrity="${context.scripts.page.integrity}"
                  crossorigin="anonymous"
                ></script>`
            : null
        }
        ${jsonLd}
      </head>
      <body>
        <a class="skip" href="#inhoud">${p.skipToContent}</a>
        <header class="site">
          <a class="brand" href="${regionsPath()[locale]}">${p.siteName}</a>
          <a href="${shell.path[other]}" hreflang="${other}" lang="${other}"
            >${PAGE_MESSAGES[other].languageName}</a
          >
        </header>
        <nav class="crumbs" aria-label="${p.breadcrumbLabel}">
          <ol>
            ${crumbs}
          </ol>
        </nav>
        <main id="inhoud">${shell.main}</main>
        <footer class="site-footer">
          <p>${p.footer}</p>
          <p><a href="/v1/openapi.json">${p.apiLink}</a></p>
        </footer>
      </body>
    </html> `.value;
}

function pager(context: RenderContext, path: PagePath, next: string | null): SafeHtml | null {
  const { p } = texts(context.locale);
  const first = path.first[context.locale];
  const isLaterPage = path.cursor !== null;
  if (!next && !isLaterPage) return null;
  return html`<nav class="pager" aria-label="${p.paginationLabel}">
    ${isLaterPage ? html`<a href="${first}">${p.previousFirstPage}</a>` : null}
    ${next ? html`<a rel="next" href="${next}">${p.nextPage}</a>` : null}
  </nav>`;
}

function offerLines(
  context: RenderContext,
  offer: Pick<Offer, 'price_cents' | 'availability' | 'stale' | 'updated_at' | 'quantity' | 'url'>,
): SafeHtml {
  const { m, p } = texts(context.locale);
  const shopUrl = httpUrlOrNull(offer.url);
  return html`<p class="price">
      ${offer.price_cents === null ? m.priceUnknown : price(offer.price_cents, context.locale)}
    </p>
    ${
      offer.stale && offer.availability !== 'out_of_stock'
        ? html`<p class="availability stale">${p.staleAvailability(m.availability[offer.availability])}</p>`
        : html`<p class="availability ${offer.availability}">
            ${m.availability[offer.availability]}${
              offer.quantity !== null && offer.availability !== 'out_of_stock'
                ? ` (${m.quantityLeft(offer.quantity)})`
                : ''
            }
          </p>`
    }
    <p class="fresh">
      ${freshness(offer.updated_at, context.now, context.locale)}${
        offer.stale ? html` · <strong class="stale">${m.staleOffer}</strong>` : null
      }
    </p>
    ${shopUrl ? html`<p><a href="${shopUrl}" rel="nofollow ugc noopener">${p.shopLink}</a></p>` : null}`;
}

function weekTable(context: RenderContext, openingHours: string | null, week: DaySpans[] | null): SafeHtml {
  const { m, p } = texts(context.locale);
  if (openingHours === null) return html`<p>${m.hoursUnknown}</p>`;
  if (week === null) return html`<p>${openingHours}</p>`;
  return html`<table>
    <caption class="muted">
      ${p.hoursThisWeek}
    </caption>
    <tbody>
      ${week.map((day) => {
        const text =
          day.spans.length === 0
            ? p.closed
            : day.spans.length === 1 && day.spans[0]![0] === '00:00' && day.spans[0]![1] === '24:00'
              ? p.openDayAndNight
              : day.spans.map(([opens, closes]) => `${opens}–${closes}`).join(', ');
        return html`<tr>
          <th scope="row">${categoryLabel(p.weekdays[day.weekday]!)}</th>
          <td>${text}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function renderPlacePage(context: RenderContext, data: PlacePageData, offerTotal: number): string {
  const { locale, origin } = context;
  const { m, p } = texts(locale);
  const { place, offers, products } = data;
  const path = placePath(place.id, context.cursor);
  const pageUrl = `${origin}${placePath(place.id, null)[locale]}`;
  const placeRef = { '@id': `${pageUrl}#plaats` };
  const homeRegion = data.regions[0] ?? null;
  const regionForProducts = homeRegion?.id ?? null;
  const week = comingWeek(place.opening_hours, context.now);
  const next = offers.next_cursor ? placePath(place.id, offers.next_cursor)[locale] : null;
  const offerNodes = offers.items.map((offer) => {
    const product = offer.gtin ? (products.get(offer.gtin) ?? null) : null;
    const productPage =
      offer.gtin && regionForProducts
        ? `${origin}${productPath(offer.gtin, regionForProducts, null)[locale]}`
        : null;
    return offerJsonLd(offer, {
      availableAtOrFrom: placeRef,
      itemOffered: productJsonLd(product, offer.title, productPage),
    });
  });
  const jsonLd = jsonLdDocument(
    placeJsonLd(place, {
      pageUrl,
      openingHoursSpecification: week ? openingHoursSpecification(week) : undefined,
      offers: offerNodes,
    }),
  );
  const street = [place.address.street, place.address.housenumber].filter(Boolean).join(' ');
  const town = [place.address.postcode, place.address.town].filter(Boolean).join(' ');
  const website = httpUrlOrNull(place.website);
  const phoneDigits = place.phone ? place.phone.replace(/[^+0-9]/g, '') : '';
  const state = place.open_now === null ? 'unknown' : place.open_now ? 'open' : 'closed';
  const regionLinks = data.regions.map(
    (region) => html`<li><a href="${regionPath(region.id, null)[locale]}">${region.name}</a></li>`,
  );
  // A place without offers has nothing for the stock list to search.
  const upgradeable = context.scripts !== null && context.cursor === null && offers.items.length > 0;
  const main = html`<article class="card" aria-labelledby="naam" data-lokaal-place="${place.id}">
      <header>
        <h1 id="naam">${place.name}</h1>
        <p class="kind">
          ${[m.kind[place.kind], place.categories.map(categoryLabel).join(', ')].filter(Boolean).join(' · ')}
        </p>
        <p class="state ${state}">${openingStateLine(place, context.now, locale)}</p>
      </header>
      ${place.description ? html`<p class="description">${place.description}</p>` : null}
      <section aria-labelledby="uren">
        <h2 id="uren">${m.openingHours}</h2>
        ${weekTable(context, place.opening_hours, week)}
      </section>
      <section aria-labelledby="contact">
        <h2 id="contact">${p.contactLabel}</h2>
        <dl>
          <dt>${m.addressLabel}</dt>
          <dd>${street}<br />${town}</dd>
          ${
            phoneDigits
              ? html`<dt>${m.phone}</dt>
                  <dd><a href="tel:${phoneDigits}">${place.phone}</a></dd>`
              : null
          }
          ${
            website
              ? html`<dt>${m.website}</dt>
                  <dd><a href="${website}" rel="nofollow ugc noopener">${new URL(website).host}</a></dd>`
              : null
          }
        </dl>
        <p><a href="${routeUrl(place.point)}" rel="nofollow noopener">${m.routeTo(place.name)}</a></p>
      </section>
      ${
        place.categories.length > 0 && regionForProducts
          ? html`<section aria-labelledby="gebieden">
              <h2 id="gebieden">${p.regionsOfPlace}</h2>
              <ul class="tags">
                ${regionLinks}${place.categories.map(
                  (category) =>
                    html`<li>
                      <a href="${categoryPath(regionForProducts, category, null)[locale]}"
                        >${categoryLabel(category)}</a
                      >
                    </li>`,
                )}
              </ul>
            </section>`
          : null
      }
    </article>
    <section aria-labelledby="assortiment">
      <h2 id="assortiment">${p.offersTitle}</h2>
      ${stockBlock(context, data, offerTotal, regionForProducts, next, path)}
    </section>`;
  return layout(context, {
    title: place.name,
    description: p.placeDescription(place.name, place.address.town),
    path,
    ogType: 'business.business',
    image: httpUrlOrNull(place.image),
    jsonLd,
    crumbs: [
      { name: p.siteName, href: regionsPath()[locale] },
      ...(homeRegion ? [{ name: homeRegion.name, href: regionPath(homeRegion.id, null)[locale] }] : []),
      { name: place.name, href: null },
    ],
    main,
    next,
    upgrade: upgradeable,
  });
}

/** Category slugs as `<lokaal-stock>` offers them as a filter (see its `CATEGORY_SLUG`). */
const STOCK_FILTER_CATEGORY = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * A place's offers laid out exactly as `<lokaal-stock layout="full">` lays them out (the
 * classes mirror its parts; `/pagina.css` mirrors its styles): a status line, one row per
 * offer with title and price, availability, freshness, and the next page as its "more"
 * button. On a first page that `/pagina.js` upgrades, the widget's search controls are
 * reserved too (shown only when scripts run), so widget and block take the same box.
 */
function stockBlock(
  context: RenderContext,
  data: PlacePageData,
  offerTotal: number,
  regionForProducts: string | null,
  next: string | null,
  path: PagePath,
): SafeHtml {
  const { locale } = context;
  const { m, p } = texts(locale);
  const { place, offers } = data;
  const upgradeable = context.scripts !== null && context.cursor === null && offers.items.length > 0;
  const categories = place.categories.filter((category) => STOCK_FILTER_CATEGORY.test(category));
  const controls = upgradeable
    ? html`<div class="stock-controls" aria-hidden="true">
        <div class="field query">
          <span class="label">${m.stockSearchLabel}</span><input type="search" disabled tabindex="-1" />
        </div>
        ${
          categories.length > 1
            ? html`<div class="field">
                <span class="label">${m.categoryLabel}</span
                ><select disabled tabindex="-1">
                  <option>${m.allCategories}</option>
                  ${categories.map((category) => html`<option>${category}</option>`)}
                </select>
              </div>`
            : null
        }
        <div class="field">
          <span class="label">${m.availabilityLabel}</span
          ><select disabled tabindex="-1">
            <option>${m.allAvailabilities}</option>
            ${AVAILABILITIES.map((availability) => html`<option>${m.availability[availability]}</option>`)}
          </select>
        </div>
      </div>`
    : null;
  const rows = offers.items.map((offer) => {
    const shopUrl = httpUrlOrNull(offer.url);
    const title =
      offer.gtin && regionForProducts
        ? html`<a href="${productPath(offer.gtin, regionForProducts, null)[locale]}">${offer.title}</a>`
        : shopUrl
          ? html`<a href="${shopUrl}" rel="nofollow ugc noopener">${offer.title}</a>`
          : offer.title;
    const showQuantity =
      offer.quantity !== null && (offer.availability === 'in_stock' || offer.availability === 'limited');
    return html`<li>
      <span class="title">${title}</span>
      <span class="price${offer.price_cents === null ? ' unknown' : ''}"
        >${offer.price_cents === null ? m.priceUnknown : price(offer.price_cents, locale)}</span
      >
      ${
        offer.stale && offer.availability !== 'out_of_stock'
          ? html`<span class="availability stale"
              >${p.staleAvailability(m.availability[offer.availability])}</span
            >`
          : html`<span class="availability ${offer.availability}"
              >${m.availability[offer.availability]}${showQuantity ? ` · ${m.quantityLeft(offer.quantity!)}` : ''}</span
            >`
      }
      <span class="freshness"
        >${freshness(offer.updated_at, context.now, locale)}${
          offer.stale ? html` · <span class="stale">${m.staleOffer}</span>` : null
        }</span
      >
    </li>`;
  });
  const later = path.cursor !== null;
  const block = html`<div class="stock">
    ${controls}
    <div class="results">
      <p class="status">${offers.items.length === 0 ? p.noOffers : p.offersCount(offerTotal)}</p>
      ${
        offers.items.length > 0
          ? html`<ul class="stock-list">
              ${rows}
            </ul>`
          : null
      }
      ${
        next || later
          ? html`<nav class="stock-more" aria-label="${p.paginationLabel}">
              ${later ? html`<a class="more" href="${path.first[locale]}">${p.previousFirstPage}</a>` : null}
              ${next ? html`<a class="more" rel="next" href="${next}">${p.nextPage}</a>` : null}
            </nav>`
          : null
      }
    </div>
  </div>`;
  return upgradeable
    ? html`<div
        class="upgrade"
        data-upgrade="lokaal-stock"
        data-place-id="${place.id}"
        data-limit="${String(OFFERS_PER_PAGE)}"
        data-layout="full"
        data-theme="auto"
      >
        ${block}
      </div>`
    : block;
}

/** `<lokaal-nearby>`'s largest radius (its `MAX_RADIUS_IN_METRES`). */
const NEARBY_MAX_RADIUS_M = 50_000;

/**
 * How many places offer the product: on a first page that `/pagina.js` upgrades, a link to
 * the list styled as `<lokaal-nearby>`'s badge (`/pagina.css` mirrors `nearby.styles.ts`),
 * which becomes the widget, live, around the region's centre and as far as its corners;
 * otherwise a plain line.
 */
function nearbyBlock(context: RenderContext, data: ProductPageData): SafeHtml {
  const { m } = texts(context.locale);
  const { product, region } = data;
  if (context.scripts === null || context.cursor !== null || data.placeCount === 0)
    return html`<p class="muted">${m.availableNearby(data.placeCount)}</p>`;
  const [west, south, east, north] = region.bbox;
  const toCorner = Math.max(
    distanceInMetres(region.center, { lat: south, lon: west }),
    distanceInMetres(region.center, { lat: north, lon: east }),
  );
  return html`<div
    class="upgrade"
    data-upgrade="lokaal-nearby"
    data-gtin="${product.gtin}"
    data-near="${region.center.lat.toFixed(5)},${region.center.lon.toFixed(5)}"
    data-radius="${String(Math.min(NEARBY_MAX_RADIUS_M, Math.max(1000, Math.ceil(toCorner))))}"
    data-limit="${String(PRODUCT_PLACES_ON_A_PAGE)}"
    data-show-empty=""
    data-theme="auto"
  >
    <div class="nearby">
      <a class="nearby-badge" href="#winkels"
        >${m.availableNearby(data.placeCount)}<span class="chevron" aria-hidden="true"></span
      ></a>
    </div>
  </div>`;
}

export function renderProductPage(context: RenderContext, data: ProductPageData): string {
  const { locale, origin } = context;
  const { m, p } = texts(locale);
  const { product, region, offers } = data;
  const path = productPath(product.gtin, region.id, context.cursor);
  const pageUrl = `${origin}${productPath(product.gtin, region.id, null)[locale]}`;
  const next = offers.next_cursor ? productPath(product.gtin, region.id, offers.next_cursor)[locale] : null;
  const productNode = productJsonLd(product, product.name, pageUrl);
  productNode.url = pageUrl;
  productNode.offers = offers.items.map((offer) =>
    offerJsonLd(offer, {
      availableAtOrFrom: placeJsonLd(offer.place, {
        pageUrl: `${origin}${placePath(offer.place.id, null)[locale]}`,
      }),
    }),
  );
  const title = p.productAt(product.name, region.name);
  const main = html`<article class="card" aria-labelledby="naam">
      <header>
        <h1 id="naam">${title}</h1>
        <dl>
          ${
            product.brand
              ? html`<dt>${p.brandLabel}</dt>
                  <dd>${product.brand}</dd>`
              : null
          }
          <dt>${p.gtinLabel}</dt>
          <dd>${product.gtin}</dd>
          ${
            product.category
              ? html`<dt>${m.categoryLabel}</dt>
                  <dd>${categoryLabel(product.category)}</dd>`
              : null
          }
        </dl>
        ${nearbyBlock(context, data)}
      </header>
    </article>
    <section aria-labelledby="winkels">
      <h2 id="winkels">${p.productPlacesTitle}</h2>
      <ul class="list">
        ${offers.items.map(
          (offer) =>
            html`<li>
              <h3><a href="${placePath(offer.place.id, null)[locale]}">${offer.place.name}</a></h3>
              <p class="muted">
                ${offer.place.address.street} ${offer.place.address.housenumber},
                ${offer.place.address.town}${
                  offer.distance_m !== null ? ` · ${distance(offer.distance_m, locale)}` : ''
                }
              </p>
              <p class="state">${openingStateLine(offer.place, context.now, locale)}</p>
              ${offerLines(context, offer)}
            </li>`,
        )}
      </ul>
      ${pager(context, path, next)}
    </section>`;
  return layout(context, {
    title,
    description: p.productDescription(product.name, region.name, data.placeCount),
    path,
    ogType: 'product',
    image: httpUrlOrNull(product.image),
    jsonLd: jsonLdDocument(productNode),
    upgrade: context.cursor === null && data.placeCount > 0,
    crumbs: [
      { name: p.siteName, href: regionsPath()[locale] },
      { name: region.name, href: regionPath(region.id, null)[locale] },
      { name: product.name, href: null },
    ],
    main,
    next,
  });
}

export function renderRegionPage(
  context: RenderContext,
  data: RegionPageData,
  category: string | null,
): string {
  const { locale, origin } = context;
  const { m, p } = texts(locale);
  const { region, places } = data;
  const cursor = context.cursor;
  const path = category ? categoryPath(region.id, category, cursor) : regionPath(region.id, cursor);
  const firstUrl = `${origin}${(category ? categoryPath(region.id, category, null) : regionPath(region.id, null))[locale]}`;
  const next = places.next_cursor
    ? (category
        ? categoryPath(region.id, category, places.next_cursor)
        : regionPath(region.id, places.next_cursor))[locale]
    : null;
  const label = category ? categoryLabel(category) : null;
  const title = label ? p.regionCategoryTitle(label, region.name) : p.regionTitle(region.name);
  const description = label
    ? p.regionCategoryDescription(label, region.name, data.placeCount)
    : p.regionDescription(region.name, data.placeCount);
  const jsonLd = jsonLdDocument({
    '@type': 'CollectionPage',
    '@id': firstUrl,
    url: firstUrl,
    name: title,
    description,
    inLanguage: locale,
    about: regionJsonLd(region),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: data.placeCount,
      itemListElement: places.items.map((place, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        url: `${origin}${placePath(place.id, null)[locale]}`,
        name: place.name,
      })),
    },
  });
  const main = html`<header>
      <h1>${title}</h1>
      <p class="muted">${description}</p>
    </header>
    ${context.scripts ? searchBlock(context, region.id, category) : null}
    ${
      data.categories.length > 0
        ? html`<section aria-labelledby="categorieen">
            <h2 id="categorieen">${p.categoriesLabel}</h2>
            <ul class="tags">
              ${data.categories.map(
                (entry) =>
                  html`<li>
                    <a
                      href="${categoryPath(region.id, entry.category, null)[locale]}"
                      ${entry.category === category ? raw(' aria-current="page"') : null}
                      >${categoryLabel(entry.category)} (${entry.count})</a
                    >
                  </li>`,
              )}
            </ul>
          </section>`
        : null
    }
    <section aria-labelledby="plekken">
      <h2 id="plekken">${p.placesTitle}</h2>
      ${
        places.items.length === 0
          ? html`<p>${p.noPlaces}</p>`
          : html`<ul class="list">
              ${places.items.map(
                (place) =>
                  html`<li data-type="${localBusinessType(place)}">
                    <h3><a href="${placePath(place.id, null)[locale]}">${place.name}</a></h3>
                    <p class="kind">
                      ${[m.kind[place.kind], place.categories.map(categoryLabel).join(', ')].filter(Boolean).join(' · ')}
                    </p>
                    <p class="muted">${place.street} ${place.housenumber}, ${place.postcode} ${place.town}</p>
                  </li>`,
              )}
            </ul>`
      }
      ${pager(context, path, next)}
    </section>`;
  return layout(context, {
    title,
    description,
    path,
    ogType: 'website',
    jsonLd,
    upgrade: true,
    crumbs: [
      { name: p.siteName, href: regionsPath()[locale] },
      { name: region.name, href: category ? regionPath(region.id, null)[locale] : null },
      ...(label ? [{ name: label, href: null }] : []),
    ],
    main,
    next,
  });
}

/** The search radii `<lokaal-search>` offers (its `RADIUS_CHOICES_IN_METRES`), in km. */
const SEARCH_RADII_KM = [1, 2, 5, 10, 25];

/**
 * Room for `<lokaal-search>` scoped to the region (and category), shown only when scripts
 * run: its idle form, status line and results area with the same fields, texts and styles
 * (`/pagina.css` mirrors `widgets/src/search/search.styles.ts`), kept invisible until
 * `/pagina.js` puts the widget in its place. Without script the page has no trace of it.
 */
function searchBlock(context: RenderContext, regionId: string, category: string | null): SafeHtml {
  const { m } = texts(context.locale);
  return html`<div
    class="upgrade scripted"
    data-upgrade="lokaal-search"
    data-region="${regionId}"
    ${category ? html`data-category="${category}"` : null}
    data-theme="auto"
  >
    <div class="search" aria-hidden="true">
      <div class="form">
        <div class="row">
          <div class="grow">
            <span class="label">${m.searchLabel}</span
            ><input type="search" disabled tabindex="-1" placeholder="${m.searchPlaceholder}" />
          </div>
          <button class="button primary" type="button" disabled tabindex="-1">${m.searchButton}</button>
        </div>
        <div class="row">
          <div class="grow">
            <span class="label">${m.locationLabel}</span
            ><input type="text" disabled tabindex="-1" placeholder="${m.locationPlaceholder}" />
          </div>
          <button class="button" type="button" disabled tabindex="-1">${m.useMyLocation}</button>
          <div>
            <span class="label">${m.radiusLabel}</span
            ><select disabled tabindex="-1">
              ${SEARCH_RADII_KM.map((km) => html`<option>${m.radiusKm(km)}</option>`)}
            </select>
          </div>
        </div>
        <p class="note"></p>
        <div class="filters">
          <div class="field">
            <span class="label">${m.categoryLabel}</span
            ><input
              type="text"
              disabled
              tabindex="-1"
              placeholder="${m.categoryPlaceholder}"
              value="${category ?? ''}"
            />
          </div>
          <div class="field">
            <span class="label">${m.kindLabel}</span
            ><select disabled tabindex="-1">
              <option>${m.allKinds}</option>
              ${PLACE_KINDS.map((kind) => html`<option>${m.kind[kind]}</option>`)}
            </select>
          </div>
          <span class="check"><input type="checkbox" disabled tabindex="-1" /> ${m.inStockOnly}</span>
          <span class="check"><input type="checkbox" disabled tabindex="-1" /> ${m.openNowOnly}</span>
        </div>
      </div>
      <p class="status"></p>
      <div class="area"><p class="hint">${m.searchHint}</p></div>
    </div>
  </div>`;
}

export function renderRegionsPage(context: RenderContext, regions: Region[]): string {
  const { locale, origin } = context;
  const { p } = texts(locale);
  const path = regionsPath();
  const url = `${origin}${path[locale]}`;
  const jsonLd = jsonLdDocument({
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: p.regionsTitle,
    description: p.regionsIntro,
    inLanguage: locale,
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: regions.length,
      itemListElement: regions.map((region, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        url: `${origin}${regionPath(region.id, null)[locale]}`,
        name: region.name,
      })),
    },
  });
  const main = html`<header>
      <h1>${p.regionsTitle}</h1>
      <p class="muted">${p.regionsIntro}</p>
    </header>
    <ul class="list">
      ${regions.map(
        (region) =>
          html`<li>
            <h2><a href="${regionPath(region.id, null)[locale]}">${region.name}</a></h2>
          </li>`,
      )}
    </ul>`;
  return layout(context, {
    title: p.regionsTitle,
    description: p.regionsIntro,
    path,
    ogType: 'website',
    jsonLd,
    crumbs: [{ name: p.siteName, href: null }],
    main,
    next: null,
  });
}

/** The 404 and 400 pages: same look, not indexed. */
export function renderErrorPage(context: RenderContext, status: 400 | 404, path: PagePath): string {
  const { p } = texts(context.locale);
  const title = status === 404 ? p.notFoundTitle : p.badRequestTitle;
  return layout(context, {
    title,
    description: status === 404 ? p.notFoundText : p.badRequestText,
    path,
    ogType: 'website',
    jsonLd: null,
    crumbs: [
      { name: p.siteName, href: regionsPath()[context.locale] },
      { name: title, href: null },
    ],
    main: html`<header><h1>${title}</h1></header>
      <p>${status === 404 ? p.notFoundText : p.badRequestText}</p>
      <p><a href="${regionsPath()[context.locale]}">${p.backToRegions}</a></p>`,
    next: null,
    noindex: true,
  });
}

function regionJsonLd(region: Region): JsonLd {
  const [west, south, east, north] = region.bbox;
  return {
    '@type': region.kind === 'municipality' ? 'AdministrativeArea' : 'Place',
    name: region.name,
    identifier: region.id,
    geo: { '@type': 'GeoShape', box: `${south} ${west} ${north} ${east}` },
  };
}

/** A route link to a point on OpenStreetMap, as the shop card makes it. */
function routeUrl(point: { lat: number; lon: number }): string {
  const lat = point.lat.toFixed(6);
  const lon = point.lon.toFixed(6);
  return `https://www.openstreetmap.org/directions?route=%3B${lat}%2C${lon}#map=17/${lat}/${lon}`;
}
