/**
 * Test harness for the collector: starts the real service (`node server/main.mjs`) as a
 * child process on a free loopback port, against a fresh store, and talks to it with
 * `fetch`. Nothing is stubbed: requests go over TCP and receipts into a real database.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The two ways to run the collector: the production entry, and what `npm start` runs. */
const ENTRIES = {
  main: fileURLToPath(new URL('../../server/main.mjs', import.meta.url)),
  start: fileURLToPath(new URL('../../server/start.mjs', import.meta.url)),
};

/** The admin token every test collector gets unless a test says otherwise. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Variables of the collector; the test process's own values must not leak into a child. */
const COLLECTOR_ENV = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'KELISIM_DB',
  'KELISIM_ADMIN_TOKEN',
  'ALLOWED_ORIGINS',
  'STORE_IP',
  'NODE_ENV',
  'KELISIM_RATE_LIMIT',
  'TRUST_PROXY',
  'LOG_LEVEL',
  'NODE_TEST_CONTEXT',
  'KELISIM_RETENTION_DAYS',
  'KELISIM_TIME_ZONE',
];

/**
 * A database for one collector (or several, one after another, on the same data).
 * @typedef {object} StoreTarget
 * @property {string} name
 * @property {Record<string, string>} env What points the collector at this database.
 * @property {string} [file] The SQLite file, for SQLite.
 * @property {() => Promise<void>} dispose Deletes the database.
 */

/**
 * The stores every parametrised suite runs against. PostgreSQL is skipped, with the
 * reason, when `DATABASE_URL` is not set in the test's environment: `npm run test:server`
 * sets it (scripts/postgres.mjs starts a throwaway cluster), or says why it could not.
 * @returns {Array<{ name: string, skip: string | false, create: () => Promise<StoreTarget> }>}
 */
export function storeKinds() {
  const databaseUrl = process.env.DATABASE_URL;
  const skipped =
    process.env.KELISIM_PG_SKIPPED ??
    'DATABASE_URL is not set: PostgreSQL suite skipped (npm run test:server starts a throwaway PostgreSQL)';
  return [
    { name: 'sqlite', skip: false, create: createSqliteTarget },
    {
      name: 'postgres',
      skip: databaseUrl ? false : skipped,
      create: () => createPostgresTarget(/** @type {string} */ (databaseUrl)),
    },
  ];
}

/** A temp directory with the database file one level down, to prove the directory is created. */
async function createSqliteTarget() {
  const dir = await mkdtemp(join(tmpdir(), 'kelisim-test-'));
  const file = join(dir, 'nested', 'kelisim.db');
  return { name: 'sqlite', file, env: { KELISIM_DB: file }, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A fresh schema in the given database, selected through the connection's search_path,
 * so each collector starts from an empty, migrated-by-itself database.
 * @param {string} databaseUrl
 */
async function createPostgresTarget(databaseUrl) {
  const { default: pg } = await import('pg');
  const schema = `kelisim_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.toString() },
    dispose: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/**
 * Drops the receipts table under a running collector, so that its next write fails in the
 * database: the way to see what a store failure looks like from outside.
 * @param {StoreTarget} target
 */
export async function dropReceiptsTable(target) {
  if (target.file) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(target.file);
    db.exec('DROP TABLE receipts');
    db.close();
    return;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
  await client.connect();
  await client.query('DROP TABLE receipts');
  await client.end();
}

/**
 * Runs SQL on a target's database past the collector (to seed, tamper or count), and
 * returns the rows. Each store gets its own dialect: `?` for SQLite, `$1` for PostgreSQL.
 * @param {StoreTarget} target
 * @param {{ sqlite: string, postgres: string }} sql
 * @param {unknown[]} [params]
 * @returns {Promise<Array<Record<string, unknown>>>}
 */
export async function runSql(target, sql, params = []) {
  if (target.file) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(target.file);
    try {
      const statement = db.prepare(sql.sqlite);
      return statement.reader ? /** @type {Array<Record<string, unknown>>} */ (statement.all(...params)) : (statement.run(...params), []);
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql.postgres, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every child still running; killed when the test process exits, whatever happened. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * @typedef {object} Collector
 * @property {string} url e.g. http://127.0.0.1:40123
 * @property {{ listening: string, store?: string, adminToken?: string }} announced What the collector printed once listening.
 * @property {() => Array<Record<string, unknown>>} logs Log lines (parsed pino JSON) so far.
 * @property {() => string} output Everything on stdout and stderr so far.
 * @property {() => Promise<void>} stop SIGTERM, then wait for the exit.
 * @property {() => Promise<void>} kill9 SIGKILL, then wait for the exit.
 */

/**
 * What the collector printed once listening: main.mjs's JSON line, or start.mjs's banner.
 * @param {string} output
 * @returns {{ listening: string, store?: string, adminToken?: string } | null}
 */
function announcement(output) {
  const json = output.split('\n').find((line) => line.startsWith('{"listening"'));
  if (json) return JSON.parse(json);
  const banner = /kelisim demo and collector: (\S+)\/\n[^]*?admin token[^:]*: (\S+)\n/.exec(output);
  return banner && { listening: banner[1], adminToken: banner[2] };
}

/**
 * Starts `node server/main.mjs` (or `start.mjs`) on 127.0.0.1, port 0, with the target's
 * database. `env` adds or overrides variables; a variable set to `undefined` is left out.
 * @param {StoreTarget} target
 * @param {Record<string, string | undefined>} [env]
 * @param {{ entry?: keyof typeof ENTRIES }} [options]
 * @returns {Promise<Collector>}
 */
export async function startCollector(target, env = {}, { entry = 'main' } = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !COLLECTOR_ENV.includes(key)));
  const child = spawn(process.execPath, [ENTRIES[entry]], {
    env: { ...base, PORT: '0', HOST: '127.0.0.1', KELISIM_ADMIN_TOKEN: ADMIN_TOKEN, ...target.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => running.delete(child));
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
  child.stdout.setEncoding('utf8');

  const announced = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no "listening" line within 15 s')), 15_000);
    const fail = (/** @type {Error} */ error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- collector output ---\n${output}`));
    };
    child.stdout.on('data', (text) => {
      output += text;
      const announced = announcement(output);
      if (announced) {
        clearTimeout(timer);
        resolve(announced);
      }
    });
    child.once('exit', (code, signal) => fail(new Error(`collector exited (${code ?? signal}) before listening`)));
  });

  const stopWith = async (/** @type {NodeJS.Signals} */ signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return {
    url: announced.listening,
    announced,
    output: () => output,
    logs: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{"level"'))
        .map((line) => JSON.parse(line)),
    stop: () => stopWith('SIGTERM'),
    kill9: () => stopWith('SIGKILL'),
  };
}

/**
 * Starts a collector, hands it to `use`, and stops it afterwards, also on failure.
 * @template T
 * @param {StoreTarget} target
 * @param {Record<string, string | undefined>} env
 * @param {(collector: Collector) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withCollector(target, env, use) {
  const collector = await startCollector(target, env);
  try {
    return await use(collector);
  } finally {
    await collector.stop();
  }
}

/** The `textsHash` of {@link makeEvent}: words no collector has unless a test uploads them. */
export const EVENT_TEXTS_HASH = 'ab'.repeat(32);

/**
 * A valid event (SPEC §8); `overrides` replace fields, `undefined` removes one. Typed as
 * a valid event for convenience: overrides may of course make it invalid on purpose.
 * @param {Record<string, unknown>} [overrides]
 * @returns {import('../../server/store/receipt.mjs').ReceiptEvent}
 */
export function makeEvent(overrides = {}) {
  const event = {
    eventId: randomUUID(),
    type: 'consent.given',
    consentId: randomUUID(),
    policyVersion: '2026-06-01',
    categories: { necessary: true, analytics: true, marketing: false, partners: false },
    method: 'custom',
    lang: 'kk',
    at: new Date().toISOString(),
    page: 'https://edunavigator.kz/courses',
    client: 'kelisim/1.0.0',
    textsHash: EVENT_TEXTS_HASH,
    uiVersion: '1.0.0',
    ...overrides,
  };
  const defined = Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined));
  return /** @type {import('../../server/store/receipt.mjs').ReceiptEvent} */ (/** @type {unknown} */ (defined));
}

/**
 * `count` valid events of one browser (one consentId).
 * @param {number} count
 * @param {Record<string, unknown>} [overrides]
 */
export function makeEvents(count, overrides = {}) {
  const consentId = randomUUID();
  return Array.from({ length: count }, () => makeEvent({ consentId, ...overrides }));
}

/**
 * POSTs a batch as the widget does (text/plain JSON) unless told otherwise.
 * @param {string} url
 * @param {unknown} body An object is sent as `{"events": body}` when it is an array, else as is.
 * @param {{ contentType?: string, headers?: Record<string, string> }} [options]
 */
export function postEvents(url, body, { contentType = 'text/plain;charset=UTF-8', headers = {} } = {}) {
  const payload = typeof body === 'string' ? body : JSON.stringify(Array.isArray(body) ? { events: body } : body);
  return fetch(`${url}/v1/events`, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body: payload });
}

/**
 * POSTs the words of a view to `/v1/texts` as the widget does (text/plain JSON).
 * @param {string} url
 * @param {unknown} body Sent as JSON unless it is a string.
 * @param {{ contentType?: string, headers?: Record<string, string> }} [options]
 */
export function postTexts(url, body, { contentType = 'text/plain;charset=UTF-8', headers = {} } = {}) {
  return fetch(`${url}/v1/texts`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * An admin request with the bearer token: `method` and `path`, or another token, or none with `null`.
 * @param {string} url
 * @param {string} method
 * @param {string} path
 * @param {string | null} [token]
 */
export function adminRequest(url, method, path, token = ADMIN_TOKEN) {
  return fetch(`${url}${path}`, { method, headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
}

/**
 * A GET of an admin route with the bearer token (or another one, or none with `null`).
 * @param {string} url
 * @param {string} path
 * @param {string | null} [token]
 */
export function adminGet(url, path, token = ADMIN_TOKEN) {
  return fetch(`${url}${path}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
}

/**
 * The receipts stored for one consentId, via the admin route.
 * @param {string} url
 * @param {string} consentId
 * @returns {Promise<Array<Record<string, unknown>>>}
 */
export async function receiptsOf(url, consentId) {
  const response = await adminGet(url, `/v1/consents/${consentId}`);
  if (response.status !== 200) throw new Error(`GET /v1/consents: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).receipts;
}

/**
 * Waits (up to 5 s) for a log line of the collector that `matches`, and returns it.
 * @param {Collector} collector
 * @param {(line: Record<string, unknown>) => boolean} matches
 */
export async function waitForLog(collector, matches) {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await sleep(20)) {
    const line = collector.logs().find(matches);
    if (line) return line;
  }
  throw new Error(`no matching log line within 5 s; the collector said:\n${collector.output()}`);
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
