import { Readable } from 'node:stream';
import { requireBearer } from '../admin-auth.mjs';
import { receiptsCsv } from '../csv.mjs';
import { consentParamsSchema, exportQuerySchema, receiptsQuerySchema } from '../schema.mjs';

/** @typedef {import('../protocol/events.js').ReceiptEvent} ReceiptEvent */

/** Receipts per `GET /v1/receipts` page unless `limit` says otherwise. */
const DEFAULT_LIST_LIMIT = 100;

/**
 * The admin routes, all behind `Authorization: Bearer <token>`:
 * - `GET /v1/consents/:consentId`: one browser's receipts, oldest first (SPEC §10);
 * - `GET /v1/export.csv?from=&to=`: receipts received in a range, as CSV (SPEC §10);
 * - `GET /v1/receipts?after=&limit=`: the newest receipts, then those after a cursor, for
 *   the live receipts page (an addition beyond the SPEC).
 * @param {import('fastify').FastifyInstance} app
 * @param {{ store: import('../store/index.mjs').ReceiptStore, adminToken: string }} options
 */
export async function adminRoutes(app, { store, adminToken }) {
  app.addHook('onRequest', requireBearer(adminToken));
  // Receipts are personal data: no shared cache may keep them.
  app.addHook('onSend', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });

  app.get('/v1/consents/:consentId', {
    schema: { params: consentParamsSchema },
    /** @type {import('fastify').RouteHandler<{ Params: Pick<ReceiptEvent, 'consentId'> }>} */
    handler: async (request) => {
      const { consentId } = request.params;
      return { consentId: consentId.toLowerCase(), receipts: await store.byConsent(consentId) };
    },
  });

  app.get('/v1/export.csv', {
    schema: { querystring: exportQuerySchema },
    /** @type {import('fastify').RouteHandler<{ Querystring: { from?: string, to?: string } }>} */
    handler: async (request, reply) => {
      const { from, to } = request.query;
      const range = { from: rangeStart(from), to: rangeEnd(to) };
      if (range.from && range.to && range.from >= range.to) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: '"from" must be before "to"' });
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="kelisim-receipts.csv"')
        .send(Readable.from(receiptsCsv(store.exportRange(range.from, range.to))));
    },
  });

  app.get('/v1/receipts', {
    schema: { querystring: receiptsQuerySchema },
    /** @type {import('fastify').RouteHandler<{ Querystring: { after?: string, limit?: string } }>} */
    handler: async (request) => {
      const { query } = request;
      const after = query.after === undefined ? null : Number(query.after);
      const receipts = await store.list({ after, limit: query.limit ? Number(query.limit) : DEFAULT_LIST_LIMIT });
      return { receipts, next: receipts.at(-1)?.seq ?? after ?? 0 };
    },
  });
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `from`: a date means that day's 00:00 UTC. @param {string | undefined} value */
function rangeStart(value) {
  return value === undefined ? null : new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}

/** `to` is exclusive, but a date means through that whole UTC day. @param {string | undefined} value */
function rangeEnd(value) {
  if (value === undefined) return null;
  if (!DATE_ONLY.test(value)) return new Date(value);
  const end = new Date(`${value}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}
