/**
 * The operator's console (SPEC §10 r2): `GET /console` and its own files, served from this
 * package (no CDN, no build step). The page and its scripts hold no data: everything it
 * shows comes from the admin routes, with the token the operator types in once, kept in
 * the tab's sessionStorage and sent as `Authorization: Bearer`, never in an address.
 * Registered only where the admin routes exist.
 */
import { readFile } from 'node:fs/promises';
import { PROOF_CSS_HASH } from '../proof.mjs';

const DIRECTORY = new URL('../console/', import.meta.url);

/** The console's files and their types: nothing else under /console/ is served. */
export const CONSOLE_FILES = Object.freeze({
  'index.html': 'text/html; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'api.js': 'text/javascript; charset=utf-8',
  'charts.js': 'text/javascript; charset=utf-8',
  'live.js': 'text/javascript; charset=utf-8',
  'words.js': 'text/javascript; charset=utf-8',
});

/**
 * Own scripts and styles only; the proof shown inside (an `srcdoc` frame, which inherits
 * this policy) brings one known style sheet, allowed by its hash.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' '${PROOF_CSS_HASH}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * @param {import('fastify').FastifyInstance} app
 */
export async function consoleRoutes(app) {
  /** @type {Map<string, Buffer>} Read once, on first request. */
  const cache = new Map();
  /** @param {keyof typeof CONSOLE_FILES} name */
  const file = async (name) => {
    let body = cache.get(name);
    if (!body) cache.set(name, (body = await readFile(new URL(name, DIRECTORY))));
    return body;
  };

  /**
   * @param {import('fastify').FastifyReply} reply
   * @param {keyof typeof CONSOLE_FILES} name
   */
  const send = async (reply, name) =>
    reply
      .type(CONSOLE_FILES[name])
      .header('Content-Security-Policy', CONSOLE_CSP)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer')
      .header('Cache-Control', 'no-cache')
      .send(await file(name));

  app.get('/console', async (request, reply) => send(reply, 'index.html'));
  // The page's relative addresses (console/console.js, v1/stats) assume /console.
  app.get('/console/', async (request, reply) => reply.redirect('../console', 301));
  app.get('/console/:file', {
    /** @type {import('fastify').RouteHandler<{ Params: { file: string } }>} */
    handler: async (request, reply) => {
      const { file: name } = request.params;
      if (!Object.hasOwn(CONSOLE_FILES, name) || name === 'index.html')
        return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'no such console file' });
      return send(reply, /** @type {keyof typeof CONSOLE_FILES} */ (name));
    },
  });
}
