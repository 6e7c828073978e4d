/**
 * The private lookup (issue 6): a filter of every GTIN on offer in the whole instance,
 * which clients check locally, and a k-anonymous query by a short SHA-256 prefix, which
 * answers for a whole bucket of GTINs near a coarse location. The server never learns
 * which product a shopper looks at, and logs neither the prefix nor the location.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseLatLon, type Point } from '@lokaal/core';
import { MAX_BUCKET_BITS, MIN_BUCKET_SIZE, prefixRange } from '@lokaal/filter';
import { GtinFilterStore, type PublishedFilter } from '../store/filter.js';
import type { Importer } from '../store/importer.js';
import type { SqliteStore } from '../store/sqlite.js';
import { ProblemError } from './errors.js';
import { LIMITS, OfferAtPlaceSchema, PointSchema, ProblemSchema } from './schemas.js';

/** The most GTINs one prefix query answers for; a bucket at the advertised size holds far fewer. */
export const MAX_GTINS_PER_BUCKET = 2000;
const OFFERS_PER_GTIN_DEFAULT = 3;
const OFFERS_PER_GTIN_MAX = 10;

export interface PrivateRouteOptions {
  store: SqliteStore;
  now: () => Date;
  /** The server's feed imports: the filter, which writes its buckets, is rebuilt between them. */
  importer?: Importer;
  /** Quiet time after the last write before the filter is rebuilt (default 2 s). */
  debounceMs?: number;
  /** Longest a rebuild waits while writes keep coming (default 60 s). */
  maxWaitMs?: number;
}

export const FilterMetaSchema = Type.Object(
  {
    format: Type.Literal('lokaal-gtin-filter/1', {
      description: 'Binary fuse filter, 16-bit fingerprints; see `@lokaal/filter` for the byte layout.',
    }),
    entries: Type.Integer({ minimum: 0, description: 'Distinct GTINs with at least one offer in stock.' }),
    fingerprint_bits: Type.Literal(16),
    bytes: Type.Integer({ minimum: 0, description: 'Size of the uncompressed filter.' }),
    false_positive_rate: Type.Number({
      description: 'Expected share of other GTINs the filter lets through.',
    }),
    bucket_bits: Type.Integer({
      minimum: 0,
      maximum: MAX_BUCKET_BITS,
      description: `Leading bits of SHA-256 over the GTIN-14 that /v1/offers/by-prefix takes: chosen so that every bucket holds at least ${MIN_BUCKET_SIZE} GTINs.`,
    }),
    min_bucket_size: Type.Integer({ minimum: 0, description: 'GTINs in the smallest bucket.' }),
    built_at: Type.String({ format: 'date-time' }),
    etag: Type.String({ description: 'The ETag of GET /v1/filters/gtin.' }),
  },
  { additionalProperties: false },
);

export const ByPrefixQuerySchema = Type.Object(
  {
    prefix: Type.String({
      pattern: '^[0-9a-f]{0,6}$',
      description:
        'The first `bits` bits of SHA-256 over the normalised GTIN-14 (14 ASCII digits), as ceil(bits/4) lower-case hex digits with the unused low bits zero.',
    }),
    bits: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_BUCKET_BITS,
        description: 'Bits in `prefix`; at most, and by default, `bucket_bits` of the filter metadata.',
      }),
    ),
    near: Type.String({
      maxLength: 20,
      description:
        'A 4-digit postcode, or `lat,lon` with at most 2 decimals (about 1 km). Anything more precise is refused.',
    }),
    radius: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: LIMITS.radiusMaxM,
        description: `Radius in metres (default ${LIMITS.radiusDefaultM}).`,
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: OFFERS_PER_GTIN_MAX,
        default: OFFERS_PER_GTIN_DEFAULT,
        description: 'Nearest offers listed per GTIN.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ByPrefixResponseSchema = Type.Object(
  {
    prefix: Type.String(),
    bits: Type.Integer({ minimum: 0 }),
    near: PointSchema,
    radius_m: Type.Integer({ minimum: 1 }),
    gtins_in_bucket: Type.Integer({ minimum: 0, description: 'GTINs of the whole instance in this bucket.' }),
    items: Type.Array(
      Type.Object(
        {
          gtin: Type.String({ pattern: '^\\d{14}$' }),
          offers: Type.Array(OfferAtPlaceSchema, { description: 'In stock or limited, nearest first.' }),
        },
        { additionalProperties: false },
      ),
      { description: 'Every GTIN of the bucket with an offer within the radius, in GTIN order.' },
    ),
  },
  { additionalProperties: false },
);

function invalid(parameter: string, detail: string): ProblemError {
  return new ProblemError(400, 'Invalid parameter', `${parameter}: ${detail}`, parameter);
}

/** The coarse location of a prefix query: never finer than about a kilometre. */
function coarsePoint(store: SqliteStore, near: string): Point {
  const text = near.trim();
  if (/^\d{4}$/.test(text)) {
    const place = store.geocode(text);
    if (!place) throw invalid('near', `postcode ${text} is not known here; try lat,lon with 2 decimals`);
    return place.point;
  }
  if (/^\d{4}\s*[A-Za-z]{2}$/.test(text)) {
    throw invalid('near', 'a full postcode points at a street; send only its 4 digits');
  }
  const match = /^(-?\d{1,2}(?:\.(\d+))?)\s*,\s*(-?\d{1,3}(?:\.(\d+))?)$/.exec(text);
  if (!match) throw invalid('near', 'give a 4-digit postcode or lat,lon with at most 2 decimals');
  if ((match[2]?.length ?? 0) > 2 || (match[4]?.length ?? 0) > 2) {
    throw invalid(
      'near',
      'at most 2 decimals (about 1 km): the private lookup never takes a more precise location',
    );
  }
  const point = parseLatLon(`${match[1]},${match[3]}`);
  if (!point) throw invalid('near', 'latitude must be within -90..90 and longitude within -180..180');
  return point;
}

export async function registerPrivateRoutes(
  app: FastifyInstance,
  options: PrivateRouteOptions,
): Promise<void> {
  const { store, now } = options;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const filters = new GtinFilterStore(store);
  const debounceMs = options.debounceMs ?? 2000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;

  let published: PublishedFilter;
  let minBucketSize = 0;
  let seen = filters.changeMark();
  const rebuild = (): void => {
    const before = filters.changeMark();
    published = filters.build(now());
    minBucketSize = filters.smallestBucket(published.bucketBits);
    // The build's own writes to the bucket table are not a change; another process's are.
    seen = { dataVersion: before.dataVersion, totalChanges: filters.changeMark().totalChanges };
  };
  rebuild();

  // Rebuilt after writes, once they have been quiet for a moment: an import is many writes.
  let firstChangeAt: number | null = null;
  let lastChangeAt = 0;
  const poll = setInterval(
    () => {
      const mark = filters.changeMark();
      const clock = Date.now();
      if (mark.dataVersion !== seen.dataVersion || mark.totalChanges !== seen.totalChanges) {
        seen = mark;
        lastChangeAt = clock;
        firstChangeAt ??= clock;
        return;
      }
      if (
        firstChangeAt !== null &&
        (clock - lastChangeAt >= debounceMs || clock - firstChangeAt >= maxWaitMs) &&
        !options.importer?.busy
      ) {
        firstChangeAt = null;
        try {
          rebuild();
          app.log.info(
            { entries: published.entries, bucket_bits: published.bucketBits, ms: published.buildMs },
            'gtin filter rebuilt',
          );
        } catch (error) {
          app.log.error({ err: error }, 'gtin filter rebuild failed; serving the previous one');
        }
      }
    },
    Math.max(50, Math.min(500, debounceMs / 4)),
  );
  poll.unref();
  app.addHook('onClose', async () => clearInterval(poll));

  typed.get(
    '/v1/filters/gtin',
    {
      compress: false,
      schema: {
        summary: 'The filter of every GTIN on offer in this instance',
        description:
          'A binary fuse filter (`application/octet-stream`, format `lokaal-gtin-filter/1`) of every GTIN with an offer in stock anywhere in the instance. Clients check a GTIN locally and ask `/v1/offers/by-prefix` only on a hit. Use `If-None-Match`; it changes only after imports. Sent with brotli or gzip when asked for.',
        tags: ['private lookup'],
        response: {
          200: {
            description: 'The filter.',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          304: { description: 'Not modified.', type: 'null' },
        },
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const filter = published;
      reply.header('content-type', 'application/octet-stream');
      reply.header('cache-control', 'public, max-age=3600');
      reply.header('etag', filter.etag);
      reply.header('last-modified', filter.builtAt.toUTCString());
      reply.header('vary', 'accept-encoding');
      reply.header('x-lokaal-filter-entries', String(filter.entries));
      reply.header('x-lokaal-bucket-bits', String(filter.bucketBits));
      const accepted = String(request.headers['accept-encoding'] ?? '');
      if (filter.brotli && /\bbr\b/.test(accepted)) {
        reply.header('content-encoding', 'br');
        return reply.send(filter.brotli);
      }
      if (filter.gzip && /\bgzip\b/.test(accepted)) {
        reply.header('content-encoding', 'gzip');
        return reply.send(filter.gzip);
      }
      return reply.send(filter.bytes);
    },
  );

  typed.get(
    '/v1/filters/gtin/meta',
    {
      schema: {
        summary: 'What the GTIN filter holds and how to query by prefix',
        tags: ['private lookup'],
        response: { 200: FilterMetaSchema },
      },
    },
    async (_request, reply) => {
      const filter = published;
      reply.header('cache-control', 'public, max-age=300');
      return {
        format: 'lokaal-gtin-filter/1' as const,
        entries: filter.entries,
        fingerprint_bits: 16 as const,
        bytes: filter.bytes.length,
        false_positive_rate: filter.entries === 0 ? 0 : 2 ** -16,
        bucket_bits: filter.bucketBits,
        min_bucket_size: minBucketSize,
        built_at: filter.builtAt.toISOString(),
        etag: filter.etag,
      };
    },
  );

  typed.get(
    '/v1/offers/by-prefix',
    {
      schema: {
        summary: 'Offers near a coarse location for every GTIN in one SHA-256 bucket',
        description:
          'The private "available nearby": the client sends the first `bucket_bits` bits of SHA-256 over the GTIN-14 it wants, never the GTIN, and picks its own GTIN from the answer. Every bucket holds at least 50 GTINs of the instance; longer prefixes are refused. The location is a 4-digit postcode or a point with at most 2 decimals.',
        tags: ['private lookup'],
        querystring: ByPrefixQuerySchema,
        response: { 200: ByPrefixResponseSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const advertised = published.bucketBits;
      const bits = query.bits ?? advertised;
      if (bits > advertised) {
        throw invalid(
          'bits',
          `this instance answers prefixes of at most ${advertised} bits, so that every bucket holds at least ${MIN_BUCKET_SIZE} GTINs; see /v1/filters/gtin/meta`,
        );
      }
      const range = prefixRange(query.prefix, bits);
      if (!range) {
        throw invalid(
          'prefix',
          `must be the first ${bits} bits of SHA-256 over the GTIN-14: ${Math.ceil(bits / 4)} lower-case hex digits, unused low bits zero`,
        );
      }
      const center = coarsePoint(store, query.near);
      const radiusInMetres = query.radius ?? LIMITS.radiusDefaultM;
      const gtins = filters.gtinsInBucket(range, MAX_GTINS_PER_BUCKET + 1);
      if (gtins.length > MAX_GTINS_PER_BUCKET) {
        throw invalid('bits', `a prefix this short covers too many GTINs here; use ${advertised} bits`);
      }
      const nearby = filters.nearbyOffers(
        gtins,
        { center, radiusInMetres },
        query.limit ?? OFFERS_PER_GTIN_DEFAULT,
        now(),
      );
      const items = [...nearby].map(([gtin, offers]) => ({ gtin, offers }));
      reply.header('cache-control', 'public, max-age=60');
      return {
        prefix: query.prefix,
        bits,
        near: center,
        radius_m: radiusInMetres,
        gtins_in_bucket: gtins.length,
        items,
      };
    },
  );
}
