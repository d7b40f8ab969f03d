/**
 * Which origins may use the collector from a browser (SPEC §10: CORS allowlist), and the
 * headers that say so. A request with no `Origin` (curl, a server) or from the
 * collector's own origin needs no permission.
 */

/**
 * Parses `ALLOWED_ORIGINS`: comma-separated origins such as `https://edunavigator.kz`, or
 * `*` for any origin (only when written out). Throws on an entry that is not an origin,
 * so a typo fails at start rather than silently refusing a site.
 * @param {string | undefined} value
 * @returns {string[]}
 */
export function parseAllowedOrigins(value) {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    if (entry === '*') return entry;
    let url;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin such as https://example.kz`);
    }
    const originOnly = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (!['http:', 'https:'].includes(url.protocol) || !originOnly) {
      throw new Error(`ALLOWED_ORIGINS: "${entry}" must be scheme://host[:port] only, such as https://example.kz`);
    }
    return url.origin;
  });
}

/**
 * @typedef {object} OriginPolicy
 * @property {(origin: string) => boolean} allows Whether a browser on `origin` may call the collector.
 * @property {boolean} any `*` was configured.
 */

/**
 * @param {string[]} allowedOrigins Output of {@link parseAllowedOrigins}.
 * @returns {OriginPolicy}
 */
export function originPolicy(allowedOrigins) {
  const any = allowedOrigins.includes('*');
  const listed = new Set(allowedOrigins);
  return { any, allows: (origin) => any || listed.has(origin) };
}

/** Preflight answers are cached this long by browsers (seconds). */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Registers the CORS behaviour on a fastify instance:
 * - every response to an allowed origin carries `Access-Control-Allow-Origin` and exposes
 *   `Retry-After` (not a CORS-safelisted header: without this the widget could not read it);
 * - a preflight (`OPTIONS` with `Access-Control-Request-Method`) from an allowed origin
 *   gets 204 with the methods and headers; from any other origin, 403 without them;
 * - a request from another, unlisted origin is refused with 403 before its body is read.
 *   Browsers send a text/plain POST without preflight, so refusing the response alone
 *   would still let any site write receipts.
 * @param {import('fastify').FastifyInstance} app
 * @param {OriginPolicy} policy
 */
export function registerCors(app, policy) {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined || origin === `${request.protocol}://${request.host}`) return;
    if (!policy.allows(origin)) {
      request.log.info({ origin, reason: 'origin' }, `refused: origin ${origin} is not in ALLOWED_ORIGINS`);
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `origin ${origin} is not allowed` });
    }
    reply.header('Access-Control-Allow-Origin', policy.any ? '*' : origin);
    reply.header('Vary', 'Origin');
    reply.header('Access-Control-Expose-Headers', 'Retry-After');
  });

  app.options('/*', async (request, reply) => {
    if (!request.headers['access-control-request-method']) return reply.code(204).header('Allow', 'GET, POST, DELETE, OPTIONS').send();
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS')
      .header('Access-Control-Allow-Headers', 'Content-Type, Authorization')
      .header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE))
      .send();
  });
}
