/**
 * The JSON-LD the widgets add to their host page with `structured-data`: the same schema.org
 * builders the server's crawlable pages use, so a place or an offer reads the same wherever
 * it appears. A chunk of its own, imported only when an element asks for it.
 */
import {
  jsonLdDocument,
  jsonLdText,
  offerJsonLd,
  placeJsonLd,
  productJsonLd,
  type JsonLd,
  type Offer,
  type Page,
  type Place,
  type SearchResult,
} from '@lokaal/core';
import type { StructuredDataHost } from './publish-structured-data.js';

/** The crawlable page of a place on the instance the element reads from. */
function placePageUrl(api: string | null | undefined, placeId: string): string | null {
  try {
    return new URL(`/plaats/${encodeURIComponent(placeId)}`, api || document.baseURI).href;
  } catch {
    return null;
  }
}

function withGtin(product: JsonLd, gtin: string | null): JsonLd {
  return gtin ? { ...product, gtin14: gtin } : product;
}

function searchGraph(results: SearchResult[], api: string | null | undefined): JsonLd {
  return {
    '@type': 'ItemList',
    itemListElement: results.map((result, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: {
        ...productJsonLd(result.product, result.title),
        offers: result.offers.map((offer) =>
          offerJsonLd(offer, {
            availableAtOrFrom: placeJsonLd(offer.place, { pageUrl: placePageUrl(api, offer.place.id) }),
          }),
        ),
      },
    })),
  };
}

function stockGraph(pages: Array<Page<Offer>>, api: string | null | undefined): JsonLd {
  const offers = pages.flatMap((page) => page.items);
  return {
    '@type': 'OfferCatalog',
    itemListElement: offers.map((offer) => {
      const pageUrl = placePageUrl(api, offer.place_id);
      return offerJsonLd(offer, {
        availableAtOrFrom: pageUrl ? { '@id': `${pageUrl}#plaats` } : { name: offer.place_id },
        itemOffered: withGtin(productJsonLd(null, offer.title), offer.gtin),
      });
    }),
  };
}

/**
 * The JSON-LD text for what an element shows, or `null` when it shows nothing: a place for
 * `<lokaal-shop-card>`, results for `<lokaal-search>`, pages of offers for `<lokaal-stock>`.
 */
export function structuredData(tag: string, shown: unknown, api: string | null | undefined): string | null {
  if (tag === 'lokaal-shop-card') {
    const place = shown as Place | undefined;
    return place
      ? jsonLdText(jsonLdDocument(placeJsonLd(place, { pageUrl: placePageUrl(api, place.id) })))
      : null;
  }
  if (tag === 'lokaal-search') {
    const results = shown as SearchResult[];
    return results.length > 0 ? jsonLdText(jsonLdDocument(searchGraph(results, api))) : null;
  }
  const pages = shown as Array<Page<Offer> | undefined>;
  return pages[0] ? jsonLdText(jsonLdDocument(stockGraph(pages as Array<Page<Offer>>, api))) : null;
}

/** Same data: the same object, or arrays of the same objects. */
function same(a: unknown, b: unknown): boolean {
  return (
    a === b ||
    (Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => item === b[index]))
  );
}

interface Published {
  data: unknown;
  script: HTMLScriptElement;
}

const published = new WeakMap<StructuredDataHost, Published>();

/**
 * Puts the JSON-LD of what `host` shows into one `<script type="application/ld+json">` in the
 * page's `<head>` (text only), keeps it current, and removes it when the element leaves the
 * page, when `structured-data` is turned off, or when it shows nothing.
 */
export function publish(host: StructuredDataHost, shown: unknown): void {
  let entry = published.get(host);
  if (!entry) {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    const created: Published = { data: undefined, script };
    entry = created;
    published.set(host, created);
    host.addController({
      hostConnected: () => host.requestUpdate(),
      hostUpdated: () => {
        if (!host.structuredData) {
          created.script.remove();
          created.data = undefined;
        }
      },
      hostDisconnected: () => {
        created.script.remove();
        created.data = undefined;
      },
    });
  }
  if (!host.isConnected || same(entry.data, shown)) return;
  entry.data = shown;
  const text = structuredData(host.localName, shown, host.api);
  if (text === null) {
    entry.script.remove();
    return;
  }
  entry.script.textContent = text;
  if (!entry.script.isConnected) document.head.append(entry.script);
}
