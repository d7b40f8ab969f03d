import { STATUS_CODES } from 'node:http';
import Fastify, { LogController } from 'fastify';
import { originPolicy, registerCors } from './cors.mjs';
import { EXPECTED_KEYWORD } from './protocol/index.mjs';
import { EventRateLimiter } from './rate-limit.mjs';
import { sweepOnSchedule } from './retention.mjs';
import { adminRoutes } from './routes/admin.mjs';
import { consoleRoutes } from './routes/console.mjs';
import { eventRoutes } from './routes/events.mjs';
import { BODY_LIMIT } from './schema.mjs';

/**
 * @typedef {object} AppOptions
 * @property {import('./store/index.mjs').ReceiptStore} store An initialised store; closed with the app.
 * @property {string[]} [allowedOrigins] Origins allowed by CORS (see `parseAllowedOrigins`); `['*']` for any.
 * @property {string | null} [adminToken] Bearer token of the admin routes; null: they do not exist (404).
 * @property {boolean} [storeIp] Keep (and log) client IP addresses. Default false.
 * @property {{ events: number, windowMs: number } | null} [rateLimit] Events per client IP per window;
 *   null: no limit. Default 600 events per minute.
 * @property {boolean | object} [logger] fastify's `logger` option (pino options). Default false.
 * @property {boolean} [logRequests] Log every request and response, not only refusals. Default true.
 * @property {boolean | string} [trustProxy] fastify's `trustProxy`: set it behind a reverse
 *   proxy, or every client shares the proxy's IP and rate budget.
 * @property {number | null} [retentionDays] Delete receipts received longer ago than this,
 *   at start and daily; null (default): keep them.
 * @property {string} [timeZone] Where the console's days and the proof's times are
 *   counted. Default `Asia/Almaty`.
 * @property {() => Date} [now] The clock, injected for tests. Default: the system's.
 */

/** The default per-client rate: generous for a person, tight for a flood. */
export const DEFAULT_RATE_LIMIT = Object.freeze({ events: 600, windowMs: 60_000 });

/** The default zone of the console's days: Kazakhstan's, as the policy's clause 1.2 counts them. */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

/**
 * The collector as a fastify instance (not yet listening): `POST /v1/events`,
 * `POST /v1/texts`, `GET /healthz`, and the admin routes and the console when there is a
 * token; the retention sweep when `retentionDays` is set.
 * @param {AppOptions} options
 * @returns {import('fastify').FastifyInstance}
 */
export function buildApp({
  store,
  allowedOrigins = [],
  adminToken = null,
  storeIp = false,
  rateLimit = DEFAULT_RATE_LIMIT,
  logger = false,
  logRequests = true,
  trustProxy = false,
  retentionDays = null,
  timeZone = DEFAULT_TIME_ZONE,
  now = () => new Date(),
}) {
  const app = Fastify({
    logger: loggerOptions(logger, storeIp),
    logController: new LogController({ disableRequestLogging: !logRequests }),
    bodyLimit: BODY_LIMIT,
    trustProxy,
    // No coercion and no silent stripping: a receipt is stored as sent or refused with a reason.
    // The protocol's schema annotates fields with `x-expected` (the words of a 400).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false, keywords: [EXPECTED_KEYWORD] } },
  });

  app.setErrorHandler(handleError);
  registerCors(app, originPolicy(allowedOrigins));

  app.get('/healthz', async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ok', store: store.kind };
    } catch (error) {
      request.log.error({ error: errorForLog(error) }, 'health check: the store does not answer');
      return reply.code(503).send({ status: 'unavailable', store: store.kind });
    }
  });

  const rateLimiter = rateLimit ? new EventRateLimiter(rateLimit) : null;
  app.register(eventRoutes, { store, rateLimiter, storeIp });
  if (adminToken) {
    app.register(adminRoutes, { store, adminToken, timeZone, retentionDays, now });
    app.register(consoleRoutes);
  }
  if (retentionDays) sweepOnSchedule(app, { store, retentionDays, now });

  app.addHook('onClose', async () => store.close());
  return app;
}

/**
 * One place that turns errors into answers and log lines. Client errors say what was
 * wrong; log lines say what was refused and why, never the payload (it is personal data).
 * @param {import('fastify').FastifyError} error
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 */
function handleError(error, request, reply) {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ error: errorForLog(error) }, `failed: ${request.method} ${request.routeOptions.url ?? request.url}`);
    return reply
      .code(500)
      .send({ statusCode: 500, error: 'Internal Server Error', message: 'the collector could not complete the request' });
  }
  const answer = { statusCode: status, error: STATUS_CODES[status] ?? 'Client Error', ...clientProblem(error, request) };
  request.log.info({ reason: error.code ?? 'client', event: answer.event, field: answer.field }, `refused: ${answer.message}`);
  return reply.code(status).send(answer);
}

/**
 * An error as a log line may show it: type, code, message and stack only. A database
 * error's other fields (PostgreSQL's `detail`: "Failing row contains (…)") can hold a receipt.
 * @param {unknown} error
 */
export function errorForLog(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, code: /** @type {{ code?: unknown }} */ (error).code, message: error.message, stack: error.stack };
}

/**
 * @param {import('fastify').FastifyError} error
 * @param {import('fastify').FastifyRequest} request
 * @returns {{ message: string, event?: number, field?: string }}
 */
function clientProblem(error, request) {
  if (error.validation) {
    // A route's own schemaErrorFormatter may add which event and field.
    const { message, event, field } = /** @type {{ message: string, event?: number, field?: string }} */ (/** @type {unknown} */ (error));
    return { message, ...(event !== undefined && { event }), ...(field !== undefined && { field }) };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { message: `the body is over ${BODY_LIMIT / 1024} KB; send fewer events per request` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { message: `content type ${request.headers['content-type'] ?? '(none)'} is not accepted; use application/json or text/plain` };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { message: 'the body is not valid JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { message: 'the body is empty; send {"events": [...]}' };
    default:
      return { message: error.message };
  }
}

/**
 * fastify's logger options with request serialisers that keep secrets and addresses out:
 * a `token` in a query string (an old receipts page link) and every consent id are masked, and the client IP is
 * logged only when IPs are stored anyway.
 * @param {boolean | object} logger
 * @param {boolean} storeIp
 */
function loggerOptions(logger, storeIp) {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  const { serializers = {} } = /** @type {{ serializers?: object }} */ (options);
  return {
    ...options,
    serializers: {
      req: (/** @type {import('fastify').FastifyRequest} */ request) => ({
        method: request.method,
        // Consent ids stay out of the log, as they stay out of an erasure record.
        url: request.url.replace(/([?&]token=)[^&#]*/g, '$1[redacted]').replace(/(\/v1\/consents\/)[^/?#]+/, '$1[id]'),
        ...(storeIp && { remoteAddress: request.ip }),
      }),
      ...serializers,
    },
  };
}
