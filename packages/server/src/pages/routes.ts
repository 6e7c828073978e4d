/**
 * The crawlable pages on the HTTP server: one route per page type in Dutch and under
 * `/en` in English, `sitemap.xml`, `robots.txt` and the pages' stylesheet. Pages answer
 * HTML also when something is wrong (404 for an unknown place, product or region; 400 for
 * a malformed id, GTIN or cursor), cache like the API (`Cache-Control` plus the ETag the
 * server adds to every response) and run under a CSP without inline script or style.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES, parseGtin, type Locale } from '@lokaal/core';
import '@lokaal/core/messages-en';
import { InvalidCursorError } from '../store/store.js';
import { PageReads } from '../store/pages.js';
import type { SqliteStore } from '../store/sqlite.js';
import {
  LOCALE_PREFIX,
  CURSOR_PARAMETER,
  categoryPath,
  placePath,
  productPath,
  regionPath,
  regionsPath,
  type PagePath,
} from './paths.js';
import {
  OFFERS_PER_PAGE,
  PRODUCT_PLACES_ON_A_PAGE,
  renderErrorPage,
  renderPlacePage,
  renderProductPage,
  renderRegionPage,
  renderRegionsPage,
  type RenderContext,
} from './render.js';
import { parsePartName, robotsTxt, sitemapPart, sitemapRoot } from './sitemap.js';
import { PAGE_CSS } from './styles.js';
import { PAGE_SCRIPT, PAGE_SCRIPT_PATH, pageScriptsFrom } from './script.js';

export interface PageRouteOptions {
  store: SqliteStore;
  now?: () => Date;
  /**
   * The public origin of the pages (`https://lokaal.amersfoort.nl`), for canonical URLs,
   * Open Graph and the sitemap. Defaults to `LOKAAL_PUBLIC_URL`, else to the request's
   * own host (checked to be a plain host name).
   */
  publicUrl?: string | null;
  /**
   * The folder of the widgets' CDN release (`dist/cdn`, served at `/cdn/`). With it, pages
   * that have an interactive version load `lokaal.js` and `/pagina.js` (both with their
   * integrity hash) and upgrade in place; without it they carry no script.
   */
  cdnRoot?: string | null;
}

export { OFFERS_PER_PAGE };
export const PLACES_PER_PAGE = 100;
export const PRODUCT_PLACES_PER_PAGE = PRODUCT_PLACES_ON_A_PAGE;

/** The pages need no script and no inline style; the widgets' CDN script and `/pagina.js` upgrade them. */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PLACE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const REGION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Categories are slugs such as `groente-fruit`; anything else cannot be one. */
const CATEGORY = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u;
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

class PageError extends Error {
  constructor(readonly status: 400 | 404) {
    super(status === 404 ? 'not found' : 'bad request');
  }
}

function normalisedOrigin(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`public URL must be http(s): ${value}`);
  return url.origin;
}

export async function registerPageRoutes(app: FastifyInstance, options: PageRouteOptions): Promise<void> {
  const now = options.now ?? (() => new Date());
  const reads = new PageReads(options.store);
  const configured = options.publicUrl ?? process.env.LOKAAL_PUBLIC_URL ?? null;
  const fixedOrigin = configured ? normalisedOrigin(configured) : null;
  const scripts = pageScriptsFrom(options.cdnRoot);

  const originOf = (request: FastifyRequest): string => {
    if (fixedOrigin) return fixedOrigin;
    const host = request.host;
    return `${request.protocol}://${HOST.test(host) ? host : 'localhost'}`;
  };

  const cursorOf = (request: FastifyRequest): string | null => {
    const value = (request.query as Record<string, unknown>)[CURSOR_PARAMETER];
    if (value === undefined) return null;
    if (typeof value !== 'string' || !CURSOR.test(value)) throw new PageError(400);
    return value;
  };

  const sendHtml = (
    reply: FastifyReply,
    status: number,
    body: string,
    cache: string,
    locale: Locale = 'nl',
  ): FastifyReply =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', cache)
      .header('content-security-policy', PAGE_CSP)
      .header('content-language', locale)
      .send(body);

  /** Runs a page handler and turns not-found and malformed input into HTML error pages. */
  const page =
    (
      locale: Locale,
      fallbackPath: (request: FastifyRequest) => PagePath,
      render: (request: FastifyRequest, context: RenderContext, reply: FastifyReply) => string | FastifyReply,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      const context: RenderContext = {
        locale,
        origin: originOf(request),
        now: now(),
        cursor: null,
        scripts,
      };
      try {
        context.cursor = cursorOf(request);
        const body = render(request, context, reply);
        if (typeof body !== 'string') return body;
        return sendHtml(reply, 200, body, 'public, max-age=300', locale);
      } catch (error) {
        const status =
          error instanceof PageError ? error.status : error instanceof InvalidCursorError ? 400 : null;
        if (status === null) throw error;
        return sendHtml(
          reply,
          status,
          renderErrorPage(context, status, fallbackPath(request)),
          'no-store',
          locale,
        );
      }
    };

  type Params = Record<string, string>;
  const params = (request: FastifyRequest): Params => request.params as Params;
  const check = (value: string | undefined, pattern: RegExp): string => {
    if (value === undefined || !pattern.test(value)) throw new PageError(400);
    return value;
  };

  for (const locale of LOCALES) {
    const prefix = LOCALE_PREFIX[locale];
    const hide = { schema: { hide: true } };

    app.get(
      `${prefix}/regio`,
      hide,
      page(
        locale,
        () => regionsPath(),
        (_request, context) => renderRegionsPage(context, reads.regions()),
      ),
    );

    app.get(
      `${prefix}/regio/:regionId`,
      hide,
      page(
        locale,
        (request) => regionPath(params(request).regionId ?? '', null),
        (request, context) => {
          const regionId = check(params(request).regionId, REGION_ID);
          const data = reads.regionPage(regionId, {
            category: null,
            limit: PLACES_PER_PAGE,
            cursor: context.cursor,
          });
          if (!data) throw new PageError(404);
          return renderRegionPage(context, data, null);
        },
      ),
    );

    app.get(
      `${prefix}/regio/:regionId/:category`,
      hide,
      page(
        locale,
        (request) => categoryPath(params(request).regionId ?? '', params(request).category ?? '', null),
        (request, context) => {
          const regionId = check(params(request).regionId, REGION_ID);
          const category = check(params(request).category, CATEGORY);
          const data = reads.regionPage(regionId, {
            category,
            limit: PLACES_PER_PAGE,
            cursor: context.cursor,
          });
          if (!data) throw new PageError(404);
          return renderRegionPage(context, data, category);
        },
      ),
    );

    app.get(
      `${prefix}/plaats/:placeId`,
      hide,
      page(
        locale,
        (request) => placePath(params(request).placeId ?? '', null),
        (request, context) => {
          const placeId = check(params(request).placeId, PLACE_ID);
          const data = reads.placePage(placeId, {
            now: context.now,
            limit: OFFERS_PER_PAGE,
            cursor: context.cursor,
          });
          if (!data) throw new PageError(404);
          return renderPlacePage(context, data, reads.offerCount(placeId));
        },
      ),
    );

    app.get(
      `${prefix}/product/:gtin/:regionId`,
      hide,
      page(
        locale,
        (request) => productPath(params(request).gtin ?? '', params(request).regionId ?? '', null),
        (request, context, reply) => {
          const parsed = parseGtin(params(request).gtin ?? '');
          if (!parsed.ok) throw new PageError(400);
          const regionId = check(params(request).regionId, REGION_ID);
          if (parsed.gtin14 !== params(request).gtin) {
            // One URL per product: an EAN-13 or ISBN in the link leads to the GTIN-14 page.
            return reply
              .code(301)
              .header('cache-control', 'public, max-age=86400')
              .redirect(productPath(parsed.gtin14, regionId, context.cursor)[locale], 301);
          }
          const data = reads.productPage(parsed.gtin14, regionId, {
            now: context.now,
            limit: PRODUCT_PLACES_PER_PAGE,
            cursor: context.cursor,
          });
          if (!data) throw new PageError(404);
          return renderProductPage(context, data);
        },
      ),
    );
  }

  app.get('/pagina.css', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(PAGE_CSS),
  );

  app.get(PAGE_SCRIPT_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(PAGE_SCRIPT),
  );

  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) =>
    reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robotsTxt(originOf(request))),
  );

  const sendXml = (reply: FastifyReply, body: string): FastifyReply =>
    reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(body);

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) =>
    sendXml(reply, sitemapRoot(originOf(request), reads.sitemapEntries())),
  );

  app.get('/sitemaps/:name', { schema: { hide: true } }, async (request, reply) => {
    const part = parsePartName((request.params as Params).name ?? '');
    const body = part
      ? sitemapPart(originOf(request), reads.sitemapEntries(), part.section, part.number)
      : null;
    if (!body) {
      return sendHtml(
        reply,
        404,
        renderErrorPage(
          { locale: 'nl', origin: originOf(request), now: now(), cursor: null, scripts: null },
          404,
          regionsPath(),
        ),
        'no-store',
      );
    }
    return sendXml(reply, body);
  });
}
