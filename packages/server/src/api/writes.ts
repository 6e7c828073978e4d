/**
 * The write side of the API: registration of new places, a shop's edits to its own place,
 * and its feed (snapshot with PUT, delta with PATCH). Writes need the shop's key as a
 * Bearer token and never carry CORS headers, so no web page can use a key.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { normalisePostcode, PLACE_KINDS } from '@lokaal/core';
import { FeedFileError, type FeedFormat } from '../feeds/types.js';
import { detectFormat } from '../feeds/parse.js';
import { openingHoursError } from '../hours.js';
import type { Importer } from '../store/importer.js';
import type { SqliteStore } from '../store/sqlite.js';
import { ShopWrites } from '../store/writes.js';
import { ProblemError } from './errors.js';
import { ImportReportSchema, PlaceParamsSchema, PlaceSchema, ProblemSchema } from './schemas.js';

/** Largest feed accepted in one request; larger exports are split or sent as deltas. */
export const FEED_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
/** Most rows in one feed. */
export const FEED_ROW_LIMIT = 200_000;

const FEED_FORMATS: FeedFormat[] = ['csv', 'google-tsv', 'google-xml', 'jsonld', 'lokaal-json'];

const HttpUrl = Type.String({
  maxLength: 500,
  pattern: '^https?://',
  description: 'An absolute http(s) URL.',
});
const Phone = Type.String({ maxLength: 30, pattern: '^[+0-9 ()-]{6,30}$' });
const OpeningHours = Type.String({ maxLength: 500, description: 'OSM opening_hours syntax.' });

export const RegistrationSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    kind: Type.Enum(PLACE_KINDS),
    categories: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }), { maxItems: 5, uniqueItems: true }),
    ),
    address: Type.Object(
      {
        street: Type.String({ minLength: 1, maxLength: 100 }),
        housenumber: Type.String({ minLength: 1, maxLength: 12 }),
        postcode: Type.String({ minLength: 4, maxLength: 8 }),
        town: Type.String({ minLength: 1, maxLength: 60 }),
      },
      { additionalProperties: false },
    ),
    point: Type.Optional(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
        },
        { additionalProperties: false },
      ),
    ),
    kvk: Type.Optional(Type.String({ pattern: '^[0-9]{8}$', description: 'Chamber of Commerce number.' })),
    contact: Type.Object(
      {
        name: Type.Optional(Type.String({ maxLength: 100 })),
        email: Type.String({ maxLength: 200, format: 'email' }),
        phone: Type.Optional(Phone),
      },
      { additionalProperties: false },
    ),
    website: Type.Optional(HttpUrl),
    opening_hours: Type.Optional(OpeningHours),
  },
  { additionalProperties: false },
);

const RegistrationReceiptSchema = Type.Object(
  { id: Type.String(), status: Type.Literal('pending'), message: Type.String() },
  { additionalProperties: false },
);

export const PlaceEditSchema = Type.Object(
  {
    opening_hours: Type.Optional(Type.Union([OpeningHours, Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    website: Type.Optional(Type.Union([HttpUrl, Type.Null()])),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
    image: Type.Optional(Type.Union([HttpUrl, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

const FeedQuerySchema = Type.Object(
  {
    confirm_shrink: Type.Optional(
      Type.Boolean({ description: 'Apply a snapshot that removes more than half of the current offers.' }),
    ),
    format: Type.Optional(Type.Enum(FEED_FORMATS, { description: 'Override format detection.' })),
    store_code: Type.Optional(
      Type.String({
        maxLength: 64,
        description: "This place's code in a multi-store Google feed (default: its id).",
      }),
    ),
  },
  { additionalProperties: false },
);

const AUTH_ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export async function registerWriteRoutes(
  app: FastifyInstance,
  options: { store: SqliteStore; importer: Importer; now: () => Date },
): Promise<void> {
  const writes = new ShopWrites(options.store);
  const { importer } = options;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The place a request may write, or a 401/403 problem. A key never learns whether other places exist. */
  const authorise = (request: FastifyRequest, reply: FastifyReply, placeId: string): void => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
    const auth = writes.verifyKey(token);
    if (auth.ok) {
      // Noted in turn with the imports, so that this thread never waits for the write lock.
      // The last use is a hint for the operator: a failure to note it fails no request.
      const now = options.now();
      importer.write(() => writes.touchKey(auth.keyId, now)).catch(() => undefined);
    }
    if (!auth.ok) {
      reply.header('www-authenticate', 'Bearer realm="lokaal"');
      const detail = {
        missing: 'send the shop key as "Authorization: Bearer lokaal_sk_…"',
        malformed: 'this is not a Lokaal key (wrong shape or checksum)',
        unknown: 'this key is not known here',
        revoked: 'this key has been revoked; ask the region operator for a new one',
      }[auth.reason];
      throw new ProblemError(401, 'Unauthorized', detail, 'authorization', 'unauthorized');
    }
    const record = options.store.placeRecord(placeId);
    if (!record || !auth.placeRids.has(record.rid)) {
      throw new ProblemError(
        403,
        'Forbidden',
        `this key may not write place "${placeId}"`,
        'id',
        'forbidden',
      );
    }
  };

  typed.post(
    '/v1/places',
    {
      schema: {
        summary: 'Register a place',
        description:
          'A shop, venue or service asks to join. A region operator approves it (`lokaal places approve ID`), which creates the place and issues its key.',
        tags: ['onboarding'],
        body: RegistrationSchema,
        response: { 202: RegistrationReceiptSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const postcode = normalisePostcode(body.address.postcode);
      if (!postcode) {
        throw new ProblemError(
          400,
          'Invalid parameter',
          'address.postcode: not a Dutch postcode such as 3811 AB',
          'address.postcode',
        );
      }
      if (body.opening_hours) {
        const error = openingHoursError(body.opening_hours);
        if (error)
          throw new ProblemError(400, 'Invalid parameter', `opening_hours: ${error}`, 'opening_hours');
      }
      const registration = await importer.write(() =>
        writes.register(
          {
            name: body.name.trim(),
            kind: body.kind,
            categories: body.categories ?? [],
            address: { ...body.address, postcode },
            point: body.point ?? null,
            kvk: body.kvk ?? null,
            contact: {
              name: body.contact.name ?? null,
              email: body.contact.email,
              phone: body.contact.phone ?? null,
            },
            website: body.website ?? null,
            opening_hours: body.opening_hours ?? null,
          },
          options.now(),
        ),
      );
      reply.code(202).header('cache-control', 'no-store');
      return {
        id: registration.id,
        status: 'pending' as const,
        message: 'Thank you. A region operator will review the registration; the key follows on approval.',
      };
    },
  );

  typed.patch(
    '/v1/places/:id',
    {
      schema: {
        summary: "Edit one's own place",
        description: 'Opening hours, phone, website, description and image, with the shop key.',
        tags: ['onboarding'],
        params: PlaceParamsSchema,
        body: PlaceEditSchema,
        response: { 200: PlaceSchema, 400: ProblemSchema, ...AUTH_ERRORS },
      },
    },
    async (request, reply) => {
      authorise(request, reply, request.params.id);
      const edit = request.body;
      if (edit.opening_hours) {
        const error = openingHoursError(edit.opening_hours);
        if (error)
          throw new ProblemError(400, 'Invalid parameter', `opening_hours: ${error}`, 'opening_hours');
      }
      await importer.write(() => writes.editPlace(request.params.id, edit, options.now()));
      reply.header('cache-control', 'no-store');
      return options.store.place(request.params.id, options.now())!;
    },
  );

  typed.get(
    '/v1/places/:id/feed',
    {
      schema: {
        summary: "The shop's feed status",
        description: 'The report of the last import, for the shop itself (needs its key).',
        tags: ['feeds'],
        params: PlaceParamsSchema,
        response: { 200: ImportReportSchema, ...AUTH_ERRORS },
      },
      config: { private: true },
    },
    async (request, reply) => {
      authorise(request, reply, request.params.id);
      reply.header('cache-control', 'no-store');
      const status = writes.feedStatus(request.params.id);
      if (!status)
        throw new ProblemError(
          404,
          'Not found',
          'no feed has been imported for this place yet',
          'id',
          'not-found',
        );
      return status;
    },
  );

  // Feeds arrive as files: CSV, tab-separated text, XML or JSON, read raw and parsed here.
  await app.register(async (feeds) => {
    feeds.removeAllContentTypeParsers();
    feeds.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: FEED_BODY_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    const typedFeeds = feeds.withTypeProvider<TypeBoxTypeProvider>();
    for (const method of ['PUT', 'PATCH'] as const) {
      typedFeeds.route({
        method,
        url: '/v1/places/:id/offers',
        schema: {
          summary:
            method === 'PUT'
              ? "Replace a shop's offers (snapshot)"
              : "Change some of a shop's offers (delta)",
          description: `Send the feed as the body: CSV, Google local inventory (TSV or XML), schema.org JSON-LD or Lokaal JSON, detected from Content-Type or content. At most ${FEED_BODY_LIMIT_BYTES / 1024 / 1024} MB and ${FEED_ROW_LIMIT.toLocaleString('en')} rows. Applied whole or not at all.${method === 'PUT' ? ' A snapshot that would remove more than half of the current offers is held back (409) unless confirm_shrink=true.' : ' Rows with action remove (actie: verwijder) remove offers.'}`,
          tags: ['feeds'],
          params: PlaceParamsSchema,
          querystring: FeedQuerySchema,
          response: {
            200: ImportReportSchema,
            400: ProblemSchema,
            409: ProblemSchema,
            413: ProblemSchema,
            415: ProblemSchema,
            ...AUTH_ERRORS,
          },
        },
        config: { private: true },
        handler: async (request, reply) => {
          authorise(request, reply, request.params.id);
          const body = request.body as Buffer | undefined;
          if (!body || body.length === 0) {
            throw new ProblemError(
              400,
              'Empty feed',
              'the request has no body: send the feed file as the body',
              'body',
              'empty-feed',
            );
          }
          const format =
            request.query.format ??
            detectFormat({ contentType: request.headers['content-type'] ?? null, body });
          if (!format) {
            throw new ProblemError(
              415,
              'Unsupported feed format',
              'send CSV, tab-separated text, XML, JSON-LD or JSON; the feed guide (docs/feeds.md) shows each',
              'content-type',
              'unsupported-format',
            );
          }
          let report;
          try {
            report = await importer.run(request.params.id, body, format, FEED_ROW_LIMIT, {
              mode: method === 'PUT' ? 'snapshot' : 'delta',
              confirmShrink: request.query.confirm_shrink ?? false,
              storeCode: request.query.store_code ?? null,
              now: options.now(),
            });
          } catch (error) {
            if (error instanceof FeedFileError) {
              const tooLarge = /row/i.test(error.message) && /limit|at most|more than/i.test(error.message);
              throw new ProblemError(
                tooLarge ? 413 : 400,
                tooLarge ? 'Feed too large' : 'Unreadable feed',
                error.message,
                'body',
                tooLarge ? 'feed-too-large' : 'unreadable-feed',
              );
            }
            throw error;
          }
          reply.header('cache-control', 'no-store');
          if (report.result === 'held_back') {
            throw new ProblemError(409, 'Held back', report.message, 'confirm_shrink', 'held-back', {
              report,
            });
          }
          return report;
        },
      });
    }
  });
}
