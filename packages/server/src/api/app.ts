/**
 * The HTTP server of the open API. Routes are declared schema-first: the same JSON Schema
 * validates the request, serialises the response, types the handler and becomes the
 * OpenAPI 3.1 document at `/v1/openapi.json`.
 */
import { readFile } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { extname, join, normalize } from 'node:path';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import compress from '@fastify/compress';
import etag from '@fastify/etag';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseGtin, parseLatLon, type BBox, type Problem } from '@lokaal/core';
import { InvalidCursorError, type Area } from '../store/store.js';
import { Importer } from '../store/importer.js';
import type { SqliteStore } from '../store/sqlite.js';
import { ProblemError } from './errors.js';
import { registerWriteRoutes } from './writes.js';
import { registerPageRoutes } from '../pages/routes.js';
import { registerPrivateRoutes } from './private.js';
import { maskIp } from './privacy.js';
import {
  GeocodeQuerySchema,
  GeocodeResultSchema,
  GtinParamsSchema,
  HealthSchema,
  LIMITS,
  OfferAtPlaceSchema,
  OfferSchema,
  PlaceNearSchema,
  PlaceOffersQuerySchema,
  PlaceParamsSchema,
  PlaceSchema,
  PlacesQuerySchema,
  ProblemSchema,
  ProductOffersQuerySchema,
  ProductSchema,
  RegionParamsSchema,
  RegionSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  pageOf,
} from './schemas.js';

export interface AppOptions {
  store: SqliteStore;
  /** Requests per minute per client address; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Folder with the demo site, served at `/`. */
  staticRoot?: string | null;
  /**
   * Folder with the built CDN files, served at `/cdn/` (the versioned folders are immutable);
   * the crawlable pages load the widgets from it to upgrade in place.
   */
  cdnRoot?: string | null;
  /** pino log level; `silent` for tests and benchmarks. */
  logLevel?: string;
  version?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
}

/** Problem types are URNs: stable names that do not depend on where an instance runs. */
const PROBLEM_BASE = 'urn:lokaal:problem:';

function invalid(parameter: string, detail: string): ProblemError {
  return new ProblemError(400, 'Invalid parameter', `${parameter}: ${detail}`, parameter);
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({ ...problem, instance: request.url.split('?')[0] });
}

const ERROR = { 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema };

/** Strict, as on a government site: no inline script or style; tiles only from the two public map services. */
const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https://service.pdok.nl https://tile.openstreetmap.org",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STATIC_TYPES: Record<string, string> = {
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // The request line is logged by the hook below, without the query and with a masked address.
      serializers: { req: () => ({}), res: () => ({}) },
    },
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        client: maskIp(request.ip),
      },
      'request',
    );
  });

  // Public reads may be used from any web page, and no response ever sets a cookie.
  app.addHook('onSend', async (request, reply, payload) => {
    const isPublicRead =
      (request.method === 'GET' || request.method === 'HEAD') &&
      request.headers.authorization === undefined &&
      (request.routeOptions.config as { private?: boolean } | undefined)?.private !== true;
    if (isPublicRead) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', 'etag, retry-after, x-ratelimit-remaining');
    }
    reply.removeHeader('set-cookie');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lokaal open API',
        version: options.version ?? '0.1.0',
        description:
          'Find what local physical shops, horeca, cultural venues and services offer. Public reads, no cookies, no tracking. Errors are application/problem+json.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: '/' }],
    },
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(etag);
  const rateLimitPerMinute = options.rateLimitPerMinute ?? 600;
  if (rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: rateLimitPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => {
        const error = new ProblemError(
          429,
          'Too many requests',
          `more than ${context.max} requests a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
          undefined,
          'rate-limited',
        );
        return Object.assign(error, { statusCode: 429 });
      },
    });
  }

  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
    if (error instanceof ProblemError) {
      return sendProblem(reply, request, {
        type: PROBLEM_BASE + error.slug,
        title: error.title,
        status: error.status,
        detail: error.detail,
        ...(error.parameter ? { parameter: error.parameter } : {}),
        ...error.extra,
      });
    }
    if (error instanceof InvalidCursorError) {
      return sendProblem(reply, request, {
        type: `${PROBLEM_BASE}invalid-parameter`,
        title: 'Invalid parameter',
        status: 400,
        detail: `cursor: ${error.message}`,
        parameter: 'cursor',
      });
    }
    if (error.validation && error.validation.length > 0) {
      const first = error.validation[0]!;
      const missing = (first.params as { missingProperty?: string }).missingProperty;
      const additional = (first.params as { additionalProperty?: string }).additionalProperty;
      const parameter =
        missing ??
        additional ??
        (first.instancePath.replace(/^\//, '').split('/')[0] || error.validationContext || '');
      const detail = additional ? 'is not a parameter of this endpoint' : (first.message ?? 'is not valid');
      return sendProblem(reply, request, {
        type: `${PROBLEM_BASE}invalid-parameter`,
        title: 'Invalid parameter',
        status: 400,
        detail: `${parameter}: ${detail}`,
        parameter,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, {
      type: status >= 500 ? `${PROBLEM_BASE}server-error` : `${PROBLEM_BASE}bad-request`,
      title: status >= 500 ? 'Server error' : (STATUS_CODES[status] ?? 'Bad request'),
      status,
      detail: status >= 500 ? 'the server could not answer; try again later' : error.message,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      type: `${PROBLEM_BASE}not-found`,
      title: 'Not found',
      status: 404,
      detail: `no such endpoint: ${request.method} ${request.url.split('?')[0]}; see /v1/openapi.json`,
    }),
  );

  const publicCache = (reply: FastifyReply, seconds: number): void => {
    reply.header('cache-control', `public, max-age=${seconds}`);
  };

  /** Turns `near` (a point, postcode or town), `region` and `radius` into an area. */
  const resolveArea = (query: { near?: string; region?: string; radius?: number }): Area | null => {
    const radius = query.radius;
    if (query.near !== undefined) {
      const text = query.near.trim();
      if (text === '') throw invalid('near', 'must not be empty');
      if (/^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/.test(text)) {
        const point = parseLatLon(text);
        if (!point) throw invalid('near', 'latitude must be within -90..90 and longitude within -180..180');
        return { center: point, radiusInMetres: radius ?? LIMITS.radiusDefaultM };
      }
      const place = store.geocode(text);
      if (!place) {
        throw invalid('near', `"${text.slice(0, 40)}" is not a known postcode or town here; try lat,lon`);
      }
      return { center: place.point, radiusInMetres: radius ?? LIMITS.radiusDefaultM };
    }
    if (query.region !== undefined) {
      const region = store.region(query.region);
      if (!region) throw invalid('region', `no region "${query.region}"; see /v1/regions`);
      // The region's own places only, within the circle that covers it (or the radius asked for).
      if (radius !== undefined) return { center: region.center, radiusInMetres: radius, regionId: region.id };
      const [west, south, east, north] = region.bbox;
      const halfDiagonal =
        Math.hypot(
          (north - south) * 111_320,
          (east - west) * 111_320 * Math.cos((region.center.lat * Math.PI) / 180),
        ) / 2;
      return {
        center: region.center,
        radiusInMetres: Math.min(LIMITS.radiusMaxM, Math.ceil(halfDiagonal)),
        regionId: region.id,
      };
    }
    if (radius !== undefined) throw invalid('radius', 'needs near or region');
    return null;
  };

  const parseBbox = (text: string): BBox => {
    const parts = text.split(',').map((part) => part.trim());
    if (parts.length !== 4 || parts.some((part) => !/^-?\d+(\.\d+)?$/.test(part))) {
      throw invalid('bbox', 'must be four numbers: west,south,east,north');
    }
    const [west, south, east, north] = parts.map(Number) as BBox;
    if (west < -180 || east > 180 || south < -90 || north > 90)
      throw invalid('bbox', 'coordinates out of range');
    if (west >= east || south >= north)
      throw invalid('bbox', 'west must be less than east, south less than north');
    if (east - west > LIMITS.bboxMaxDegrees * 1.5 || north - south > LIMITS.bboxMaxDegrees) {
      throw invalid(
        'bbox',
        `may span at most ${LIMITS.bboxMaxDegrees}° north to south; use near and radius for more`,
      );
    }
    return [west, south, east, north];
  };

  const gtinParam = (value: string): string => {
    const result = parseGtin(value);
    if (!result.ok) throw invalid('gtin', result.message);
    return result.gtin14;
  };

  app.get(
    '/v1/health',
    {
      schema: {
        summary: 'Liveness and size of this instance',
        tags: ['meta'],
        response: { 200: HealthSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const counts = store.counts();
      return {
        status: 'ok' as const,
        version: options.version ?? '0.1.0',
        places: counts.places,
        products: counts.products,
        offers: counts.offers,
      };
    },
  );

  app.get(
    '/v1/search',
    {
      schema: {
        summary: 'Search products and local items near a point',
        description:
          'Text and location together: results rank text relevance, distance and availability. Each result lists the nearest places that offer it. Needs `q` or `category`.',
        tags: ['search'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...ERROR },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const text = query.q?.trim() ?? '';
      if (text === '' && !query.category) throw invalid('q', 'give words to search for, or a category');
      const area = resolveArea(query);
      publicCache(reply, 60);
      const page = store.search({
        text,
        area,
        category: query.category ?? null,
        kind: query.kind ?? null,
        inStockOnly: query.in_stock ?? false,
        openNowOnly: query.open_now ?? false,
        limit: query.limit ?? LIMITS.limitDefault,
        cursor: query.cursor ?? null,
        now: now(),
      });
      return { ...page, near: area?.center ?? null, radius_m: area?.radiusInMetres ?? null };
    },
  );

  app.get(
    '/v1/places',
    {
      schema: {
        summary: 'Places near a point, in a box or in a region',
        description: 'Nearest first with `near` or `region`, by name otherwise.',
        tags: ['places'],
        querystring: PlacesQuerySchema,
        response: { 200: pageOf(PlaceNearSchema), ...ERROR },
      },
    },
    async (request, reply) => {
      const query = request.query;
      if (query.bbox !== undefined && (query.near !== undefined || query.region !== undefined)) {
        throw invalid('bbox', 'give either bbox or near/region, not both');
      }
      const bbox = query.bbox !== undefined ? parseBbox(query.bbox) : null;
      const area = resolveArea(query);
      publicCache(reply, 60);
      return store.places({
        area,
        bbox,
        text: query.q?.trim() ?? '',
        category: query.category ?? null,
        kind: query.kind ?? null,
        openNowOnly: query.open_now ?? false,
        limit: query.limit ?? LIMITS.limitDefault,
        cursor: query.cursor ?? null,
        now: now(),
      });
    },
  );

  app.get(
    '/v1/places/:id',
    {
      schema: {
        summary: 'One place, for the shop card',
        tags: ['places'],
        params: PlaceParamsSchema,
        response: { 200: PlaceSchema, ...ERROR },
      },
    },
    async (request, reply) => {
      const place = store.place(request.params.id, now());
      if (!place)
        throw new ProblemError(404, 'Not found', `no place "${request.params.id}"`, 'id', 'not-found');
      publicCache(reply, 60);
      return place;
    },
  );

  app.get(
    '/v1/places/:id/offers',
    {
      schema: {
        summary: "A place's own offers, for its stock list",
        tags: ['places'],
        params: PlaceParamsSchema,
        querystring: PlaceOffersQuerySchema,
        response: { 200: pageOf(OfferSchema), ...ERROR },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const page = store.placeOffers(request.params.id, {
        text: query.q?.trim() ?? '',
        category: query.category ?? null,
        availability: query.availability ?? null,
        limit: query.limit ?? LIMITS.limitDefault,
        cursor: query.cursor ?? null,
        now: now(),
      });
      if (!page)
        throw new ProblemError(404, 'Not found', `no place "${request.params.id}"`, 'id', 'not-found');
      publicCache(reply, 60);
      return page;
    },
  );

  app.get(
    '/v1/products/:gtin',
    {
      schema: {
        summary: 'One product by GTIN',
        tags: ['products'],
        params: GtinParamsSchema,
        response: { 200: ProductSchema, ...ERROR },
      },
    },
    async (request, reply) => {
      const gtin = gtinParam(request.params.gtin);
      const product = store.product(gtin);
      if (!product)
        throw new ProblemError(404, 'Not found', `no product with GTIN ${gtin} here`, 'gtin', 'not-found');
      publicCache(reply, 300);
      return product;
    },
  );

  app.get(
    '/v1/products/:gtin/offers',
    {
      schema: {
        summary: 'Where one product is on offer, nearest first',
        description:
          'With `near`, nearest first within `radius`; without, cheapest first. An unknown GTIN gives an empty list.',
        tags: ['products'],
        params: GtinParamsSchema,
        querystring: ProductOffersQuerySchema,
        response: { 200: pageOf(OfferAtPlaceSchema), ...ERROR },
      },
    },
    async (request, reply) => {
      const gtin = gtinParam(request.params.gtin);
      const area = resolveArea(request.query);
      publicCache(reply, 60);
      return store.productOffers({
        gtin,
        area,
        inStockOnly: request.query.in_stock ?? false,
        limit: request.query.limit ?? LIMITS.limitDefault,
        cursor: request.query.cursor ?? null,
        now: now(),
      });
    },
  );

  app.get(
    '/v1/geocode',
    {
      schema: {
        summary: 'A Dutch postcode or a town name to a point',
        description:
          "From this instance's own gazetteer, built from its places and regions. Nothing is sent elsewhere.",
        tags: ['geo'],
        querystring: GeocodeQuerySchema,
        response: { 200: GeocodeResultSchema, ...ERROR },
      },
    },
    async (request, reply) => {
      const text = request.query.q.trim();
      if (text === '') throw invalid('q', 'must not be empty');
      const result = store.geocode(text);
      if (!result) {
        throw new ProblemError(
          404,
          'Not found',
          `"${text.slice(0, 40)}" is not a postcode or town this instance knows; try a 4-digit postcode such as 3811, or lat,lon`,
          'q',
          'not-found',
        );
      }
      publicCache(reply, 3600);
      return result;
    },
  );

  app.get(
    '/v1/regions',
    {
      schema: {
        summary: 'The regions of this instance',
        tags: ['regions'],
        response: { 200: Type.Object({ items: Type.Array(RegionSchema) }, { additionalProperties: false }) },
      },
    },
    async (_request, reply) => {
      publicCache(reply, 300);
      return { items: store.regions() };
    },
  );

  app.get(
    '/v1/regions/:id',
    {
      schema: {
        summary: 'One region',
        tags: ['regions'],
        params: RegionParamsSchema,
        response: { 200: RegionSchema, ...ERROR },
      },
    },
    async (request, reply) => {
      const region = store.region(request.params.id);
      if (!region)
        throw new ProblemError(404, 'Not found', `no region "${request.params.id}"`, 'id', 'not-found');
      publicCache(reply, 300);
      return region;
    },
  );

  // Feed imports run in a thread of their own; the server's other writes wait for them.
  const importer = new Importer(store);
  app.addHook('onClose', async () => importer.close());
  await registerWriteRoutes(app, { store, importer, now });
  await registerPrivateRoutes(app, { store, importer, now });

  app.get('/v1/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    publicCache(reply, 300);
    return app.swagger();
  });

  // Crawlable pages for every place, product and region; specific routes, so the demo
  // site's catch-all below does not shadow them.
  await registerPageRoutes(app, { store, now, cdnRoot: options.cdnRoot ?? null });

  /** Sends a file from under `dir`, or a 404 problem; never a file outside `dir`. */
  const sendFile = async (
    reply: FastifyReply,
    dir: string,
    relative: string,
    path: string,
    cache: string,
  ): Promise<FastifyReply> => {
    const file = normalize(join(dir, relative));
    if (!file.startsWith(dir) || relative.includes('\0')) {
      throw new ProblemError(404, 'Not found', 'no such page', undefined, 'not-found');
    }
    try {
      const body = await readFile(file);
      reply.header('content-type', STATIC_TYPES[extname(file)] ?? 'application/octet-stream');
      reply.header('cache-control', cache);
      // The demo site runs under the strict policy a municipality's site would set.
      reply.header('content-security-policy', DEMO_CSP);
      return reply.send(body);
    } catch {
      throw new ProblemError(404, 'Not found', `no page ${path}`, undefined, 'not-found');
    }
  };

  const decodedPath = (request: FastifyRequest): string => {
    try {
      return decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      throw new ProblemError(
        400,
        'Bad request',
        'the path is not valid percent-encoding',
        undefined,
        'bad-request',
      );
    }
  };

  if (options.cdnRoot) {
    const cdnRoot = normalize(options.cdnRoot);
    app.get('/cdn/*', { schema: { hide: true } }, async (request, reply) => {
      const path = decodedPath(request);
      const relative = path.slice('/cdn'.length);
      // A versioned release never changes; `latest/` does.
      const cache = /^\/\d[^/]*\//.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return sendFile(reply, cdnRoot, relative, path, cache);
    });
  }

  if (options.staticRoot) {
    const staticRoot = normalize(options.staticRoot);
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = decodedPath(request);
      // A page folder without its slash (`/docs/gidsen/csp`): send the browser to the folder.
      // (Never for `//host` or `/\\host`, which a browser would read as another site.)
      if (
        !path.endsWith('/') &&
        extname(path) === '' &&
        /^\/[^/\\]/.test(path) &&
        !/^\/(cdn|v1)\//.test(path)
      ) {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        return reply.redirect(`${encodeURI(path)}/${query}`, 301);
      }
      const relative = path.endsWith('/') ? `${path}index.html` : path;
      return sendFile(reply, staticRoot, relative, path, 'no-cache');
    });
  }

  return app;
}
