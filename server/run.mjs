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
  if (config.production && config.allowedOrigins.length === 0) {
    // Not fatal (a collector may serve only same-origin pages and servers), but the usual
    // cause of receipts that never arrive: the browser hides the 403 from the widget.
    app.log.warn(
      { reason: 'no-allowed-origins' },
      "NODE_ENV=production and ALLOWED_ORIGINS is empty: browsers on your sites cannot send receipts here (only pages on the collector's own origin and clients without an Origin can). Set ALLOWED_ORIGINS=https://your-site.kz",
    );
  }
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
