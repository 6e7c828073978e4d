import '@lokaal/core/messages-en';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { OfferAtPlace, PlaceSummary } from '@lokaal/core';
import { buildGtinFilter, gtinPrefix, serializeFilter } from '@lokaal/filter';
import type { ByPrefixAnswer, ByPrefixParams } from './nearby.private.js';
import type { LokaalNearby } from './nearby.js';
import './nearby.js';

((globalThis as unknown as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set()).add(
  'dev-mode',
);

/** Sold nearby, on the page as its EAN-13. */
const GTIN = '08710856026353';
const EAN = '8710856026353';
/** Sold nowhere in the instance. */
const UNSOLD = '05412345000013';
/** Another GTIN of the same bucket, as the server answers for the whole bucket. */
const NEIGHBOUR = '08712345678906';

function place(id: string, name: string): PlaceSummary {
  return {
    id,
    kind: 'shop',
    name,
    address: { street: 'Langestraat', housenumber: '42', postcode: '3811 AB', town: 'Amersfoort' },
    point: { lat: 52.155657, lon: 5.388379 },
    open_now: true,
    opens_at: null,
    closes_at: new Date(Date.now() + 3_600_000).toISOString(),
  };
}

function offer(gtin: string, at: PlaceSummary, distance: number): OfferAtPlace {
  return {
    id: `${gtin}-${at.id}`,
    place_id: at.id,
    gtin,
    title: 'Fietsbel aluminium goud',
    price_cents: 1149,
    currency: 'EUR',
    availability: 'in_stock',
    quantity: 6,
    url: null,
    updated_at: new Date(Date.now() - 7_200_000).toISOString(),
    stale: false,
    place: at,
    distance_m: distance,
  };
}

const filterBytes = serializeFilter(
  buildGtinFilter([GTIN, NEIGHBOUR, '08700000000005', '08711111111116'], {
    bucketBits: 0,
    builtAt: new Date(),
  }),
);

/**
 * An in-memory stand-in for the API: records every call with everything it would send,
 * and answers like the server would.
 */
class FakePrivateClient {
  readonly sent: string[] = [];
  filterDownloads = 0;
  readonly prefixQueries: ByPrefixParams[] = [];
  constructor(private readonly failFilter = false) {}

  productOffers = async (gtin: string): Promise<never> => {
    this.sent.push(`productOffers ${gtin}`);
    throw new Error('the private path must not ask by GTIN');
  };

  gtinFilter = async (): Promise<ArrayBuffer> => {
    this.filterDownloads++;
    this.sent.push('GET /v1/filters/gtin');
    if (this.failFilter) throw new Error('offline');
    return filterBytes.slice().buffer;
  };

  offersByPrefix = async (params: ByPrefixParams): Promise<ByPrefixAnswer> => {
    this.prefixQueries.push(params);
    this.sent.push(`GET /v1/offers/by-prefix ${JSON.stringify(params)}`);
    return {
      items: [
        {
          gtin: GTIN,
          offers: [
            offer(GTIN, place('a', 'Rijwielhandel Van Dalen'), 114),
            offer(GTIN, place('b', 'Fietshuis Keistad'), 900),
          ],
        },
        { gtin: NEIGHBOUR, offers: [offer(NEIGHBOUR, place('c', 'Bouwmarkt Zuid'), 300)] },
      ],
    };
  };
}

const badge = (el: LokaalNearby) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="badge"]');

describe('<lokaal-nearby private>', () => {
  it('is accessible', async () => {
    const client = new FakePrivateClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby private gtin=${EAN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null, 'no badge');
    await expect(el).to.be.accessible();
  });

  it('finds its product through the filter and a bucket query, and no request carries the GTIN', async () => {
    const client = new FakePrivateClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby private gtin=${EAN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(el) !== null, 'no badge');
    expect(badge(el)!.textContent!.trim()).to.equal('Verkrijgbaar bij 2 winkels in de buurt');
    expect(client.prefixQueries).to.have.length(1);
    expect(client.prefixQueries[0]).to.deep.equal({
      prefix: await gtinPrefix(GTIN, 0),
      bits: 0,
      near: '3811',
      radius: 5000,
      limit: 5,
    });
    for (const request of client.sent) {
      expect(request).not.to.contain(EAN.slice(0, 12));
      expect(request).not.to.match(/productOffers/);
    }
  });

  it('makes no request at all for a product nobody in the instance sells, and shows nothing', async () => {
    const client = new FakePrivateClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby private gtin=${UNSOLD} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => client.filterDownloads === 1, 'the filter was not downloaded');
    await el.updateComplete;
    await el.updateComplete;
    expect(client.prefixQueries).to.have.length(0);
    expect(client.sent).to.deep.equal(['GET /v1/filters/gtin']);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('sends a point rounded to about 1 km, and only the 4 digits of a full postcode', async () => {
    const client = new FakePrivateClient();
    const point = await fixture<LokaalNearby>(
      html`<lokaal-nearby private gtin=${GTIN} near="52.155657,5.388379" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(point) !== null, 'no badge');
    const street = await fixture<LokaalNearby>(
      html`<lokaal-nearby private gtin=${GTIN} near="3811 AB" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(street) !== null, 'no badge');
    expect(client.prefixQueries.map((query) => query.near)).to.deep.equal(['52.16,5.39', '3811']);
  });

  it('downloads the filter once for every element on the page', async () => {
    const client = new FakePrivateClient();
    const first = await fixture<LokaalNearby>(
      html`<lokaal-nearby private gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    const second = await fixture<LokaalNearby>(
      html`<lokaal-nearby private gtin=${UNSOLD} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => badge(first) !== null, 'no badge');
    await second.updateComplete;
    expect(client.filterDownloads).to.equal(1);
  });

  it('says so when the filter cannot be loaded, with show-empty', async () => {
    const client = new FakePrivateClient(true);
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby private show-empty gtin=${GTIN} near="3811" .client=${client}></lokaal-nearby>`,
    );
    await waitUntil(() => el.shadowRoot!.textContent!.trim() !== '', 'no message');
    expect(client.prefixQueries).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.empty')).not.to.equal(null);
  });

  it('refuses a town name, which it could not make coarse, without asking the API', async () => {
    const client = new FakePrivateClient();
    const el = await fixture<LokaalNearby>(
      html`<lokaal-nearby
        private
        show-empty
        gtin=${GTIN}
        near="Amersfoort"
        .client=${client}
      ></lokaal-nearby>`,
    );
    await waitUntil(() => el.shadowRoot!.textContent!.trim() !== '', 'no message');
    expect(client.sent).to.deep.equal([]);
  });
});
