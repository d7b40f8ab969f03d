import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh admin token for development: 32 random bytes, URL-safe. */
export function randomAdminToken() {
  return randomBytes(32).toString('base64url');
}

/**
 * An `onRequest` hook that lets a request through only with `Authorization: Bearer <token>`.
 * Both sides are hashed before the constant-time compare, so neither the token's content
 * nor its length leaks through timing.
 * @param {string} token
 * @returns {import('fastify').onRequestAsyncHookHandler}
 */
export function requireBearer(token) {
  const expected = sha256(token);
  return async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (match && timingSafeEqual(sha256(match[1]), expected)) return;
    request.log.info(
      { reason: 'admin-token' },
      `refused: ${match ? 'wrong' : 'no'} admin token for ${request.method} ${request.routeOptions.url}`,
    );
    return reply
      .code(401)
      .header('WWW-Authenticate', 'Bearer realm="kelisim"')
      .send({ statusCode: 401, error: 'Unauthorized', message: 'admin routes need Authorization: Bearer <KELISIM_ADMIN_TOKEN>' });
  };
}

/** @param {string} text */
function sha256(text) {
  return createHash('sha256').update(text).digest();
}
