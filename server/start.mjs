/**
 * `npm start` (after `npm run build`): the collector on http://127.0.0.1:8787 (`PORT`
 * overrides) serving `demo/` at `/` and `dist/` at `/dist/` from the same origin, so the
 * demo pages post their receipts without CORS. A random admin token is made for the run
 * (unless KELISIM_ADMIN_TOKEN is set) and printed with the console's address: the token
 * is typed into the console, never put in an address.
 *
 * A tool of the repository, not of the collector package: it is left out of the package's
 * `files`, and `@fastify/static` is a devDependency of the root, not a dependency of the
 * collector.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { readConfig } from './config.mjs';
import { runCollector } from './run.mjs';

const DEMO = fileURLToPath(new URL('../demo/', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

try {
  const config = readConfig(process.env);
  if (!process.env.ALLOWED_ORIGINS && config.port !== 0) {
    // Its own origin under both loopback names; a page on another origin needs ALLOWED_ORIGINS.
    config.allowedOrigins = [`http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
  }
  const { url } = await runCollector(config, {
    // Request lines would drown the banner below; refusals and errors are still logged.
    logRequests: false,
    extend: async (app) => {
      await app.register(fastifyStatic, { root: DEMO, prefix: '/' });
      if (existsSync(DIST)) await app.register(fastifyStatic, { root: DIST, prefix: '/dist/', decorateReply: false });
      else app.log.warn('dist/ is missing: run `npm run build` (npm start does) for the widget');
    },
  });
  const inHere = relative(process.cwd(), config.sqlitePath);
  const store = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${inHere.startsWith('..') ? config.sqlitePath : inHere}`;
  const lines = [
    '',
    `  kelisim demo and collector: ${url}/`,
    `  console (receipts, charts): ${url}/console`,
    config.adminToken
      ? `  admin token${config.adminTokenGenerated ? ' (made for this run)' : ''}: ${config.adminToken}`
      : '  admin routes: off (NODE_ENV=production and no KELISIM_ADMIN_TOKEN)',
    `  store: ${store}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  process.stderr.write(`kelisim: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
