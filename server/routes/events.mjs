import { textsHash } from '../proof.mjs';
import { TEXTS_BODY_LIMIT, batchSchema, describeBatchError, describeTextsError, textsSchema } from '../schema.mjs';

/** @typedef {import('../protocol/events.js').ReceiptBatch} ReceiptBatch */
/** @typedef {import('../protocol/events.js').TextsUpload} TextsUpload */

/**
 * @typedef {object} EventRoutesOptions
 * @property {import('../store/index.mjs').ReceiptStore} store
 * @property {import('../rate-limit.mjs').EventRateLimiter | null} rateLimiter null: no limit.
 * @property {boolean} storeIp Keep the client's IP address with each receipt.
 */

/**
 * The widget's routes (SPEC §8, §10):
 * - `POST /v1/events`: validates a batch, charges it to the client's rate budget, stores
 *   it in one transaction, answers `{accepted, duplicates, missingTexts}`;
 * - `POST /v1/texts`: the words behind a `textsHash`, checked against it and kept once.
 * @param {import('fastify').FastifyInstance} app
 * @param {EventRoutesOptions} options
 */
export async function eventRoutes(app, { store, rateLimiter, storeIp }) {
  // The widget posts text/plain (no CORS preflight; what a beacon sends) with a JSON body.
  // Scoped to this plugin, so nowhere else does text/plain mean JSON.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  /**
   * After parsing, before validation: an invalid request costs budget too, or a client
   * could probe without limit.
   * @param {(body: unknown) => number} costOf
   * @returns {import('fastify').preValidationAsyncHookHandler}
   */
  const charge = (costOf) => async (request, reply) => {
    if (!rateLimiter) return;
    const cost = costOf(request.body);
    const verdict = rateLimiter.take(request.ip, cost);
    if (verdict.allowed) return;
    request.log.info(
      { reason: 'rate-limit', cost, ...(storeIp && { ip: request.ip }) },
      `refused: ${cost} event(s) over the client's rate limit`,
    );
    return reply
      .code(429)
      .header('Retry-After', String(verdict.retryAfterSeconds))
      .send({ statusCode: 429, error: 'Too Many Requests', message: `rate limit exceeded; retry after ${verdict.retryAfterSeconds} s` });
  };

  app.post('/v1/events', {
    schema: { body: batchSchema },
    // A 400 names the event (its index) and the field, for the developer and for the log.
    schemaErrorFormatter: (errors) => Object.assign(new Error(), describeBatchError(errors[0])),
    preValidation: charge((body) => {
      const events = /** @type {{ events?: unknown }} */ (body)?.events;
      return Array.isArray(events) ? events.length : 1;
    }),
    /** @type {import('fastify').RouteHandler<{ Body: ReceiptBatch }>} */
    handler: async (request) => {
      const { events } = request.body;
      const result = await store.insertBatch(events, new Date(), storeIp ? request.ip : null);
      request.log.info(
        { accepted: result.accepted, duplicates: result.duplicates, missingTexts: result.missingTexts.length },
        `stored ${result.accepted} event(s), ${result.duplicates} duplicate(s)`,
      );
      return result;
    },
  });

  app.post('/v1/texts', {
    bodyLimit: TEXTS_BODY_LIMIT,
    schema: { body: textsSchema },
    schemaErrorFormatter: (errors) => Object.assign(new Error(), describeTextsError(errors[0])),
    // One upload costs what one event does: words come once per hash, not per visitor.
    preValidation: charge(() => 1),
    /** @type {import('fastify').RouteHandler<{ Body: TextsUpload }>} */
    handler: async (request, reply) => {
      const upload = request.body;
      // Content-addressed: words are kept only under their own hash, so nobody can plant
      // other words under a receipt's hash.
      if (textsHash(upload.texts) !== upload.textsHash.toLowerCase()) {
        request.log.info({ reason: 'texts-hash', field: 'textsHash' }, 'refused: the texts do not give their textsHash');
        return reply.code(422).send({
          statusCode: 422,
          error: 'Unprocessable Entity',
          field: 'textsHash',
          message: 'textsHash is not the SHA-256 of texts joined with "\\n": these are not the words that were hashed',
        });
      }
      const result = await store.insertTexts(upload, new Date());
      request.log.info(
        { stored: result.stored },
        result.stored ? 'archived the words of one textsHash' : 'the words of this textsHash were archived already',
      );
      return result;
    },
  });
}
