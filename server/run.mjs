import { buildApp, errorForLog } from './app.mjs';
import { openStore } from './store/index.mjs';

/**
 * Opens the store, builds the app, listens, and closes both on SIGTERM/SIGINT. What
 * `main.mjs` (production) and `start.mjs` (`npm start`) share.
 * @param {import('./config.mjs').CollectorConfig} config
 * @param {{ logRequests?: boolean, extend?: (app: import('fastify').FastifyInstance) => void | Promise<void> }} [options]
 *   `extend` registers more routes (the demo's static files) before listening.
 * @returns {Promise<{ app: import('fastify').FastifyInstance, url: string, storeKind: 'sqlite' | 'postgres' }>}
 */
export async function runCollector(config, { logRequests = true, extend } = {}) {
  /** @type {import('fastify').FastifyInstance | undefined} */
  let app;
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.sqlitePath,
    onError: (error) => app?.log.error({ error: errorForLog(error) }, 'database connection error'),
  });
  app = buildApp({ ...config, store, logger: { level: config.logLevel }, logRequests });
  await extend?.(app);

  const stop = async (/** @type {string} */ signal) => {
    app.log.info(`${signal}: closing`);
    await app.close();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  const url = await app.listen({ port: config.port, host: config.host });
  return { app, url, storeKind: store.kind };
}
