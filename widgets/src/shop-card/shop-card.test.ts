import '@lokaal/core/messages-en';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { NetworkError, ProblemError } from '@lokaal/client';
import type { Place } from '@lokaal/core';
import { parseOpeningHours } from './opening-hours.js';
import type { LokaalShopCard, ShopCardClient } from './shop-card.js';
import './shop-card.js';

const XSS = '<img src=x onerror="window.__lokaalXss = true">';

function makePlace(overrides: Partial<Place> = {}): Place {
  return {
    id: 'amf-boekhandel-veen',
    kind: 'shop',
    name: 'Boekhandel Veen',
    categories: ['boeken', 'cadeaus'],
    address: { street: 'Langestraat', housenumber: '12', postcode: '3811 AB', town: 'Amersfoort' },
    point: { lat: 52.1561, lon: 5.3878 },
    opening_hours: 'Mo-Fr 09:00-18:00; Th 09:00-21:00; Sa 10:00-17:00; Su[1] 12:00-17:00; PH off',
    phone: '033 123 45 67',
    website: 'https://www.boekhandelveen.example/',
    image: null,
    description: 'Boeken, kaarten en advies.',
    region_ids: ['GM0307'],
    updated_at: '2026-11-20T10:00:00Z',
    open_now: true,
    opens_at: null,
    closes_at: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    ...overrides,
  };
}

/** An in-memory API: answers `place` with what the test gives, and counts the calls. */
function fakeClient(answer: () => Promise<Place>): ShopCardClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    place: (id: string) => {
      calls.push(id);
      return answer();
    },
  };
}

async function loadedCard(place: Place, extra = html``): Promise<LokaalShopCard> {
  const client = fakeClient(async () => place);
  const el = await fixture<LokaalShopCard>(
    html`<lokaal-shop-card place-id=${place.id} .client=${client}>${extra}</lokaal-shop-card>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('h2'), 'the card did not load');
  return el;
}

function text(el: Element, selector: string): string {
  return el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The weekday in the Netherlands now, Monday = 0. */
function amsterdamWeekday(): number {
  const short = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short);
}

describe('<lokaal-shop-card>', () => {
  it('is accessible when loaded', async () => {
    const el = await loadedCard(makePlace());
    await expect(el).to.be.accessible();
  });

  it('shows name, kind, categories, description, address and contact', async () => {
    const el = await loadedCard(makePlace());
    expect(text(el, 'h2')).to.equal('Boekhandel Veen');
    expect(text(el, '.kind')).to.equal('Winkel · boeken, cadeaus');
    expect(text(el, '.description')).to.equal('Boeken, kaarten en advies.');
    expect(text(el, '[part="contact"] dl')).to.contain('Langestraat 12').and.contain('3811 AB Amersfoort');
    const phone = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    expect(phone.getAttribute('href')).to.equal('tel:0331234567');
    expect(phone.textContent).to.equal('033 123 45 67');
    const website = el.shadowRoot!.querySelector<HTMLAnchorElement>('dd a[href^="https://www.boekhandel"]')!;
    expect(website.textContent).to.equal('www.boekhandelveen.example');
    expect(text(el, 'a.route')).to.equal('Route naar Boekhandel Veen');
    expect(el.shadowRoot!.querySelector('a.route')!.getAttribute('href')).to.contain(
      'openstreetmap.org/directions',
    );
    expect(el.shadowRoot!.querySelector('a.show-on-map')!.getAttribute('href')).to.contain('mlat=52.156100');
  });

  it('says whether the place is open now, from the API', async () => {
    const open = await loadedCard(makePlace());
    expect(text(open, '.state')).to.match(/^Nu open · open tot \d\d:\d\d$/);
    const closed = await loadedCard(makePlace({ open_now: false, closes_at: null, opens_at: null }));
    expect(text(closed, '.state')).to.equal('Nu gesloten');
    const unknown = await loadedCard(makePlace({ open_now: null, closes_at: null, opening_hours: null }));
    expect(text(unknown, '.state')).to.equal('Openingstijden onbekend');
    expect(text(unknown, '[part="hours"] p')).to.equal('Openingstijden onbekend');
  });

  it('shows the week table with late evenings, shopping Sundays and public holidays', async () => {
    const el = await loadedCard(makePlace());
    const rows = [...el.shadowRoot!.querySelectorAll('[part="hours"] tr')].map((row) =>
      row.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).to.deep.equal([
      'Maandag 09:00–18:00',
      'Dinsdag 09:00–18:00',
      'Woensdag 09:00–18:00',
      'Donderdag 09:00–21:00',
      'Vrijdag 09:00–18:00',
      'Zaterdag 10:00–17:00',
      'Zondag gesloten; 1e zondag van de maand 12:00–17:00',
      'Feestdagen gesloten',
    ]);
    const today = el.shadowRoot!.querySelectorAll('[part="hours"] tbody tr')[amsterdamWeekday()]!;
    expect(today.getAttribute('aria-current')).to.equal('date');
    expect(el.shadowRoot!.querySelectorAll('[aria-current="date"]')).to.have.length(1);
    expect(text(el, '.today')).to.match(/^(Vandaag \d\d:\d\d–\d\d:\d\d|Vandaag gesloten)$/);
  });

  it('shows lunch breaks', async () => {
    const el = await loadedCard(
      makePlace({ opening_hours: 'Mo-Fr 08:30-12:30,13:30-17:30; Sa 09:00-13:00' }),
    );
    const monday = el.shadowRoot!.querySelector('[part="hours"] tbody tr')!;
    expect(monday.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Maandag 08:30–12:30, 13:30–17:30');
  });

  it('shows hours it cannot read as written, instead of guessing', async () => {
    const written = 'Mo-Fr 09:00-18:00; Jan-Mar Sa off; "op afspraak"';
    const el = await loadedCard(makePlace({ opening_hours: written }));
    expect(el.shadowRoot!.querySelector('[part="hours"] table')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="hours"] code')).to.equal(null);
    expect(text(el, '.raw')).to.equal(written);
  });

  it('keeps its height while loading, with a skeleton that is announced and accessible', async () => {
    const client = fakeClient(() => new Promise<Place>(() => {}));
    const el = await fixture<LokaalShopCard>(
      html`<lokaal-shop-card place-id="amf-boekhandel-veen" .client=${client}></lokaal-shop-card>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('.loading'), 'no skeleton');
    const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(base.getBoundingClientRect().height).to.be.greaterThan(200);
    expect(text(el, '[role="status"]')).to.equal('Gegevens laden…');
    await expect(el).to.be.accessible();
  });

  it('says so when the place does not exist', async () => {
    const client = fakeClient(() =>
      Promise.reject(
        new ProblemError({ type: 'urn:lokaal:problem:not-found', title: 'Not found', status: 404 }),
      ),
    );
    const el = await fixture<LokaalShopCard>(
      html`<lokaal-shop-card place-id="gone" .client=${client}></lokaal-shop-card>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no message');
    expect(text(el, '[role="alert"]')).to.equal('Deze plek is niet gevonden.');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that loads the card', async () => {
    let fail = true;
    const client = fakeClient(() =>
      fail
        ? Promise.reject(new ProblemError({ type: 'about:blank', title: 'Server error', status: 500 }))
        : Promise.resolve(makePlace()),
    );
    const el = await fixture<LokaalShopCard>(
      html`<lokaal-shop-card place-id="amf-boekhandel-veen" .client=${client}></lokaal-shop-card>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error');
    expect(text(el, '[role="alert"]')).to.contain('Er ging iets mis bij het ophalen.');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => el.shadowRoot?.querySelector('h2'), 'retry did not load the card');
    expect(client.calls).to.have.length(2);
  });

  it('says when the visitor is offline', async () => {
    const client = fakeClient(() => Promise.reject(new NetworkError('https://api.example/v1/places/x')));
    const el = await fixture<LokaalShopCard>(
      html`<lokaal-shop-card place-id="amf-boekhandel-veen" .client=${client}></lokaal-shop-card>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no offline message');
    expect(text(el, '[role="alert"]')).to.contain('Je bent offline.');
    await expect(el).to.be.accessible();
  });

  it('always renders the default slot for the host’s own content', async () => {
    const pending = fakeClient(() => new Promise<Place>(() => {}));
    const loading = await fixture<LokaalShopCard>(
      html`<lokaal-shop-card place-id="x" .client=${pending}><p>Eigen tekst</p></lokaal-shop-card>`,
    );
    await waitUntil(() => loading.shadowRoot?.querySelector('.loading'));
    expect(loading.shadowRoot!.querySelector('slot')).to.not.equal(null);
    const loaded = await loadedCard(makePlace(), html`<p>Eigen tekst</p>`);
    const slot = loaded.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Eigen tekst');
  });

  it('fires lokaal-place-select when "show on map" is used, and keeps the link', async () => {
    const el = await loadedCard(makePlace());
    // The test page must not navigate away.
    el.addEventListener('click', (event) => event.preventDefault());
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a.show-on-map')!;
    expect(link.textContent!.trim()).to.equal('Toon op kaart');
    const selected = oneEvent(document, 'lokaal-place-select');
    link.click();
    const event = await selected;
    expect(event.detail).to.deep.equal({
      place: { id: 'amf-boekhandel-veen', name: 'Boekhandel Veen', point: { lat: 52.1561, lon: 5.3878 } },
      source: 'lokaal-shop-card',
    });
  });

  it('shows hostile names and descriptions as text', async () => {
    const el = await loadedCard(makePlace({ name: XSS, description: XSS, categories: [XSS] }));
    expect(text(el, 'h2')).to.equal(XSS);
    expect(text(el, '.description')).to.equal(XSS);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __lokaalXss?: boolean }).__lokaalXss).to.equal(undefined);
  });

  it('never links a javascript: website', async () => {
    const el = await loadedCard(makePlace({ website: 'javascript:alert(1)' }));
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((href) => href.toLowerCase().startsWith('javascript:'))).to.equal(false);
    expect(text(el, '[part="contact"] dl')).to.not.contain('Website');
  });

  it('speaks English with lang="en"', async () => {
    const place = makePlace();
    const client = fakeClient(async () => place);
    const el = await fixture<LokaalShopCard>(
      html`<lokaal-shop-card lang="en" place-id=${place.id} .client=${client}></lokaal-shop-card>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('h2'));
    expect(text(el, 'h3')).to.equal('Opening hours');
    expect(text(el, '.kind')).to.equal('Shop · boeken, cadeaus');
    expect(text(el, '[part="hours"] tbody tr')).to.equal('Monday 09:00–18:00');
    expect(text(el, '[part="hours"] tbody tr:nth-child(7)')).to.equal(
      'Sunday closed; 1st Sunday of the month 12:00–17:00',
    );
    expect(text(el, 'a.route')).to.equal('Directions to Boekhandel Veen');
    el.setAttribute('lang', 'nl');
    await waitUntil(() => text(el, 'h3') === 'Openingstijden', 'switches to Dutch when lang changes');
  });

  it('is themed through --lokaal-color-accent', async () => {
    const client = fakeClient(async () => makePlace());
    const wrapper = await fixture<HTMLElement>(
      html`<div style="--lokaal-color-accent: rgb(120, 20, 160)">
        <lokaal-shop-card place-id="amf-boekhandel-veen" .client=${client}></lokaal-shop-card>
      </div>`,
    );
    const el = wrapper.querySelector('lokaal-shop-card')!;
    await waitUntil(() => el.shadowRoot?.querySelector('a.route'));
    expect(getComputedStyle(el.shadowRoot!.querySelector('a.route')!).color).to.equal('rgb(120, 20, 160)');
  });
});

describe('parseOpeningHours', () => {
  it('reads day ranges, wrapping ranges, lists and later overrides', () => {
    const week = parseOpeningHours('Su-Th 11:00-24:00; Fr,Sa 11:00-02:00')!;
    expect(week.days.map((day) => day.spans.map((span) => `${span.from}-${span.to}`).join())).to.deep.equal([
      '11:00-24:00',
      '11:00-24:00',
      '11:00-24:00',
      '11:00-24:00',
      '11:00-02:00',
      '11:00-02:00',
      '11:00-24:00',
    ]);
    expect(week.holidays).to.equal(null);
    expect(parseOpeningHours('Th-Mo 17:00-22:00')!.days.map((day) => day.spans.length)).to.deep.equal([
      1, 0, 0, 1, 1, 1, 1,
    ]);
  });

  it('reads 24/7, rules without days, off and public-holiday hours', () => {
    expect(parseOpeningHours('24/7')!.days.every((day) => day.spans[0]?.to === '24:00')).to.equal(true);
    expect(parseOpeningHours('10:00-18:00')!.days.every((day) => day.spans.length === 1)).to.equal(true);
    const week = parseOpeningHours('Mo-Sa 08:00-22:00; Su off; PH 10:00-18:00')!;
    expect(week.days[6]!.spans).to.deep.equal([]);
    expect(week.holidays).to.deep.equal([{ from: '10:00', to: '18:00' }]);
  });

  it('gives up on what it does not know', () => {
    for (const value of [
      '',
      'Mo-Fr 09:00+',
      'Mo-Fr sunrise-sunset',
      'Jan-Mar Mo 10:00-12:00',
      'Mo-Fr 09:00-17:00, Sa 10:00-12:00',
      'Mo-Fr 9:00-17:00',
      'Mo-Fr 09:00-25:00',
      'Mo[1-2] 10:00-12:00',
      'Mo-Fr 10:00-18:00 "by appointment"',
      'week 1-53/2 Fr 09:00-12:00',
      'Mo-Fr 08:00-12:00 || "on call"',
    ]) {
      expect(parseOpeningHours(value), value).to.equal(null);
    }
  });
});

describe('<lokaal-shop-card structured-data>', () => {
  const scripts = (): HTMLScriptElement[] => [
    ...document.head.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]'),
  ];

  it('adds nothing to the page without the attribute', async () => {
    await loadedCard(makePlace());
    expect(scripts()).to.have.length(0);
  });

  it('adds the place as a LocalBusiness to the page head, as text, and removes it on disconnect', async () => {
    const client = fakeClient(async () => makePlace({ name: `Veen ${XSS}</script>` }));
    const el = await fixture<LokaalShopCard>(
      html`<lokaal-shop-card
        structured-data
        api="https://api.lokaal.example"
        place-id="amf-boekhandel-veen"
        .client=${client}
      ></lokaal-shop-card>`,
    );
    await waitUntil(() => scripts().length === 1, 'no JSON-LD in the head');
    const script = scripts()[0]!;
    expect(script.children).to.have.length(0);
    expect(script.textContent).not.to.contain('</script>');
    const data = JSON.parse(script.textContent!) as Record<string, unknown>;
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('BookStore');
    expect(data.name).to.equal(`Veen ${XSS}</script>`);
    expect(data.url).to.equal('https://api.lokaal.example/plaats/amf-boekhandel-veen');
    expect(data.address).to.deep.include({ postalCode: '3811 AB', addressLocality: 'Amersfoort' });
    expect(data.geo).to.deep.include({ latitude: 52.1561, longitude: 5.3878 });
    expect((window as unknown as { __lokaalXss?: boolean }).__lokaalXss).to.equal(undefined);
    el.remove();
    expect(scripts()).to.have.length(0);
  });
});
