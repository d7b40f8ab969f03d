import { Readable } from 'node:stream';
import { requireBearer } from '../admin-auth.mjs';
import { receiptsCsv } from '../csv.mjs';
import { consentRecords } from '../export-27560.mjs';
import { PROOF_CSS_HASH, buildProof, proofHtml, proofLanguage } from '../proof.mjs';
import { consentParamsSchema, exportQuerySchema, proofQuerySchema, receiptsQuerySchema, statsQuerySchema } from '../schema.mjs';
import { COLLECTOR_VERSION } from '../version.mjs';
import { dayOf, nextDay, startOfDay } from '../zone.mjs';

/** @typedef {import('../protocol/events.js').ReceiptEvent} ReceiptEvent */

/** Receipts per `GET /v1/receipts` page unless `limit` says otherwise. */
const DEFAULT_LIST_LIMIT = 100;

/**
 * @typedef {object} AdminRoutesOptions
 * @property {import('../store/index.mjs').ReceiptStore} store
 * @property {string} adminToken
 * @property {string} timeZone Where the console's days and the proof's times are counted.
 * @property {number | null} retentionDays Named in the consent records' retention period.
 * @property {() => Date} now
 */

/** Days in one stats range, at most: ten years of daily bars is already more than a chart shows. */
const MAX_STATS_DAYS = 3660;

/**
 * The admin routes, all behind `Authorization: Bearer <token>`:
 * - `GET /v1/consents/:consentId`: one browser's receipts, oldest first, and its erasures (SPEC §10);
 * - `GET /v1/consents/:consentId/proof`: the printable proof, or `?format=json` (SPEC §10 r2);
 * - `DELETE /v1/consents/:consentId`: erasure, leaving an erasure record (SPEC §10 r2);
 * - `GET /v1/export.csv?from=&to=`: receipts received in a range, as CSV (SPEC §10);
 * - `GET /v1/export.json?from=&to=`: the same as ISO/IEC TS 27560 consent records (SPEC §10 r2);
 * - `GET /v1/receipts?after=&limit=`: the newest receipts, then those after a cursor, for
 *   the console's live list;
 * - `GET /v1/stats?from=&to=`: the console's aggregates, computed in SQL.
 * @param {import('fastify').FastifyInstance} app
 * @param {AdminRoutesOptions} options
 */
export async function adminRoutes(app, { store, adminToken, timeZone, retentionDays, now }) {
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
      const [receipts, erasures] = await Promise.all([store.byConsent(consentId), store.erasuresOf(consentId)]);
      return { consentId: consentId.toLowerCase(), receipts, erasures };
    },
  });

  app.get('/v1/consents/:consentId/proof', {
    schema: { params: consentParamsSchema, querystring: proofQuerySchema },
    /** @type {import('fastify').RouteHandler<{ Params: Pick<ReceiptEvent, 'consentId'>, Querystring: { format?: 'html' | 'json', lang?: 'kk' | 'ru' | 'en' } }>} */
    handler: async (request, reply) => {
      const { consentId } = request.params;
      const [receipts, erasures] = await Promise.all([store.byConsent(consentId), store.erasuresOf(consentId)]);
      const texts = await store.textsOf(receipts.flatMap((r) => (r.textsHash ? [r.textsHash] : [])));
      const proof = buildProof({
        consentId,
        receipts,
        texts,
        erasures,
        lang: proofLanguage(receipts, request.query.lang),
        timeZone,
        generatedAt: now(),
        version: COLLECTOR_VERSION,
        store: store.kind,
      });
      if (request.query.format === 'json') return proof;
      return (
        reply
          .type('text/html; charset=utf-8')
          // Nothing but its own style sheet: the words inside are visitors' and sites' text.
          .header(
            'Content-Security-Policy',
            `default-src 'none'; style-src '${PROOF_CSS_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
          )
          .header('Content-Disposition', `inline; filename="kelisim-proof-${consentId.toLowerCase()}.html"`)
          .send(proofHtml(proof))
      );
    },
  });

  app.delete('/v1/consents/:consentId', {
    schema: { params: consentParamsSchema },
    /** @type {import('fastify').RouteHandler<{ Params: Pick<ReceiptEvent, 'consentId'> }>} */
    handler: async (request) => {
      const { consentId } = request.params;
      const erasure = await store.erase(consentId, now());
      // Logged as it is recorded, by the id's hash: the log keeps no consent id (app.mjs masks them in URLs).
      request.log.info(
        { erasure: { consentIdHash: erasure.consentIdHash, receipts: erasure.receipts } },
        `erased ${erasure.receipts} receipt(s) of one consent id`,
      );
      return { consentId: consentId.toLowerCase(), erasure };
    },
  });

  app.get('/v1/export.csv', {
    schema: { querystring: exportQuerySchema },
    /** @type {import('fastify').RouteHandler<{ Querystring: { from?: string, to?: string } }>} */
    handler: async (request, reply) => {
      const range = exportRange(request.query);
      if (!range) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: '"from" must be before "to"' });
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="kelisim-receipts.csv"')
        .send(Readable.from(receiptsCsv(store.exportRange(range.from, range.to))));
    },
  });

  app.get('/v1/export.json', {
    schema: { querystring: exportQuerySchema },
    /** @type {import('fastify').RouteHandler<{ Querystring: { from?: string, to?: string } }>} */
    handler: async (request, reply) => {
      const range = exportRange(request.query);
      if (!range) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: '"from" must be before "to"' });
      const records = consentRecords(store.exportByConsent(range.from, range.to), {
        ...range,
        generatedAt: now(),
        retentionDays,
        collector: `kelisim-collector/${COLLECTOR_VERSION}`,
      });
      return reply
        .type('application/json; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="kelisim-consent-records.json"')
        .send(Readable.from(records));
    },
  });

  app.get('/v1/stats', {
    schema: { querystring: statsQuerySchema },
    /** @type {import('fastify').RouteHandler<{ Querystring: { from?: string, to?: string } }>} */
    handler: async (request, reply) => {
      // Days in the collector's time zone, both inclusive; by default the last 30.
      const to = request.query.to ?? dayOf(now(), timeZone);
      const from = request.query.from ?? shiftDays(to, -29);
      const start = startOfDay(from, timeZone);
      const end = startOfDay(nextDay(to), timeZone);
      if (start >= end) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: '"from" must not be after "to"' });
      if (end.getTime() - start.getTime() > MAX_STATS_DAYS * 86_400_000) {
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `a range of at most ${MAX_STATS_DAYS} days` });
      }
      const stats = await store.stats({ from: start, to: end, timeZone });
      return { from, to, timeZone, range: { from: start.toISOString(), to: end.toISOString() }, ...stats };
    },
  });

  app.get('/v1/receipts', {
    schema: { querystring: receiptsQuerySchema },
    /** @type {import('fastify').RouteHandler<{ Querystring: { after?: string, limit?: string } }>} */
    handler: async (request) => {
      const { query } = request;
      return store.list({ after: query.after ?? null, limit: query.limit ? Number(query.limit) : DEFAULT_LIST_LIMIT });
    },
  });
}

/**
 * A day `days` after (or before) `day`.
 * @param {string} day `YYYY-MM-DD`
 * @param {number} days
 */
function shiftDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An export's range from its query, either end open when absent; `null` when `from` is not
 * before `to`. @param {{ from?: string, to?: string }} query
 */
function exportRange({ from, to }) {
  const range = { from: rangeStart(from), to: rangeEnd(to) };
  return range.from && range.to && range.from >= range.to ? null : range;
}

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
