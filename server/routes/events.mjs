import { batchSchema, describeBatchError } from '../schema.mjs';

/** @typedef {import('../protocol/events.js').ReceiptBatch} ReceiptBatch */

/**
 * @typedef {object} EventRoutesOptions
 * @property {import('../store/index.mjs').ReceiptStore} store
 * @property {import('../rate-limit.mjs').EventRateLimiter | null} rateLimiter null: no limit.
 * @property {boolean} storeIp Keep the client's IP address with each receipt.
 */

/**
 * `POST /v1/events` (SPEC §8, §10): validates a batch, charges it to the client's rate
 * budget, stores it in one transaction, answers `{accepted, duplicates}`.
 * @param {import('fastify').FastifyInstance} app
 * @param {EventRoutesOptions} options
 */
export async function eventRoutes(app, { store, rateLimiter, storeIp }) {
  // The widget posts text/plain (no CORS preflight; what a beacon sends) with a JSON body.
  // Scoped to this plugin, so nowhere else does text/plain mean JSON.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post('/v1/events', {
    schema: { body: batchSchema },
    // A 400 names the event (its index) and the field, for the developer and for the log.
    schemaErrorFormatter: (errors) => Object.assign(new Error(), describeBatchError(errors[0])),
    // After parsing, before validation: an invalid batch costs budget too, or a client
    // could probe without limit.
    preValidation: async (request, reply) => {
      if (!rateLimiter) return;
      const events = /** @type {{ events?: unknown }} */ (request.body)?.events;
      const cost = Array.isArray(events) ? events.length : 1;
      const verdict = rateLimiter.take(request.ip, cost);
      if (verdict.allowed) return;
      request.log.info({ reason: 'rate-limit', cost, ...(storeIp && { ip: request.ip }) }, `refused: ${cost} event(s) over the client's rate limit`);
      return reply
        .code(429)
        .header('Retry-After', String(verdict.retryAfterSeconds))
        .send({ statusCode: 429, error: 'Too Many Requests', message: `rate limit exceeded; retry after ${verdict.retryAfterSeconds} s` });
    },
    /** @type {import('fastify').RouteHandler<{ Body: ReceiptBatch }>} */
    handler: async (request) => {
      const { events } = request.body;
      const result = await store.insertBatch(events, new Date(), storeIp ? request.ip : null);
      request.log.info(result, `stored ${result.accepted} event(s), ${result.duplicates} duplicate(s)`);
      return result;
    },
  });
}
