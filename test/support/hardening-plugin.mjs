/**
 * The hardening suite's server side, for @web/test-runner's dev server (test/hardening/):
 *
 * 1. The REAL collector: `node server/main.mjs` as a child process on a free loopback
 *    port, with a temp SQLite file and an admin token made up for this run. It is started
 *    on the first request that needs it (so a run of other test files never pays for it),
 *    and killed, its files deleted, when the dev server stops (`serverStop`).
 *
 *      GET /__hardening/collector   {"url": "http://127.0.0.1:<port>", "token": "<admin token>"}
 *
 *    The browser queries the admin API itself, cross-origin, with that token: the
 *    collector lists the dev server's origin in ALLOWED_ORIGINS.
 *
 * 2. A fault-injecting proxy in front of it. Each bucket is a scripted list of faults,
 *    one per request in arrival order, then plain pass-through:
 *
 *      PUT  /__faulty/<bucket>/script  {"faults": ["500", "429:1", "hang:800", "reset", "lost-ack", "slow:1500"]}
 *      POST /__faulty/<bucket>         the endpoint under test
 *      GET  /__faulty/<bucket>/log     {"requests": [{fault, eventIds, consentIds, status, accepted, duplicates}]}
 *
 *    `500`, `429:<s>` (with `Retry-After: s`): answered by the proxy, nothing reaches the
 *    collector. `hang:<ms>`: no answer for ms (past the client's timeout), then the
 *    connection is destroyed; nothing reaches the collector. `reset`: the connection is
 *    destroyed at once, as a refused or reset connection looks to a browser. `lost-ack`:
 *    the batch reaches the collector and is stored, then the connection is destroyed, so
 *    the browser never hears it: it must resend, and the collector must store it once.
 *    `slow:<ms>`: the batch reaches the collector at once, its answer ms later (the page
 *    may be gone by then). `origin:<origin>`: forwarded as if the page were on that
 *    origin. `pass` and an empty script: forwarded, answered as the collector answers.
 *    The browser's Origin header is forwarded, so the collector's origin check is the one
 *    that runs.
 *
 *    POST /__faulty/texts            the collector's texts archive, where the widget sends the
 *                                    words of `missingTexts` (beside the endpoint), passed through
 *
 *    PUT  /__hardening/pages/<name>  an HTML page, then served at that address (GET), so a
 *                                    test page has a real http address, as receipts need.
 *
 * 3. A strict Content-Security-Policy header on the CSP fixture page only
 *    (`/test/fixtures/hardening-csp.html`); `?csp=` picks a variant (see CSP_VARIANTS).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP_VARIANTS } from './hardening-csp.mjs';

const MAIN = fileURLToPath(new URL('../../server/main.mjs', import.meta.url));

const CSP_FIXTURE = '/test/fixtures/hardening-csp.html';

/** Every collector child still running; killed when this process exits, whatever happened. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

const state = {
  /** @type {Promise<{ url: string, token: string }> | null} */
  collector: null,
  /** @type {import('node:child_process').ChildProcess | null} */
  child: null,
  /** @type {string | null} */
  dir: null,
  /** @type {string[]} */
  origins: [],
};

/** Starts the collector once; later calls get the same one. */
function collector() {
  state.collector ??= startCollector().catch((error) => {
    state.collector = null;
    throw error;
  });
  return state.collector;
}

async function startCollector() {
  state.dir = await mkdtemp(join(tmpdir(), 'kelisim-hardening-'));
  const token = randomBytes(18).toString('hex');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DATABASE_URL|STORE_IP|NODE_ENV|TRUST_PROXY|NODE_TEST_CONTEXT)$/.test(key)),
  );
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      KELISIM_DB: join(state.dir, 'kelisim.db'),
      KELISIM_ADMIN_TOKEN: token,
      ALLOWED_ORIGINS: state.origins.join(','),
      // Every request comes from one loopback address; the faults are scripted here instead.
      KELISIM_RATE_LIMIT: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  state.child = child;
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector: no "listening" line in 15 s\n${output}`)), 15_000);
    child.stdout.setEncoding('utf8').on('data', (text) => {
      output += text;
      const line = output.split('\n').find((l) => l.startsWith('{"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).listening);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited (${code}) before listening\n${output}`));
    });
  });
  return { url, token };
}

/** The dev server plugin: learns the origin the browser uses, and stops the collector with the server. */
export function hardeningPlugin() {
  return {
    name: 'kelisim-hardening',
    serverStart({ config }) {
      const port = config.port;
      state.origins = [
        ...new Set([`http://${config.hostname ?? 'localhost'}:${port}`, `http://localhost:${port}`, `http://127.0.0.1:${port}`]),
      ];
    },
    async serverStop() {
      const { child, dir } = state;
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      if (dir) await rm(dir, { recursive: true, force: true });
      Object.assign(state, { collector: null, child: null, dir: null });
    },
  };
}

/** @type {Map<string, { faults: string[], requests: object[] }>} */
const buckets = new Map();

/** Test pages with a real http address (`srcdoc` frames have none: their receipts' `page` would be refused). */
const pages = new Map();

function bucket(name) {
  if (!buckets.has(name)) buckets.set(name, { faults: [], requests: [] });
  return buckets.get(name);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits `ms`, or less if the browser gives up on the request first. */
function hold(ctx, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    ctx.req.socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Ends the exchange without an answer: what a browser sees from a refused or reset connection. */
function destroy(ctx) {
  // A status of our own, or the test runner takes Koa's default 404 for a missing file.
  ctx.status = 499;
  ctx.respond = false;
  ctx.req.socket.destroy();
}

/** Koa middleware: the collector's address and token, the faulty proxy, the CSP header. */
export function hardeningMiddleware() {
  return async function hardening(ctx, next) {
    if (ctx.path === CSP_FIXTURE) {
      await next();
      const variant = ctx.query.csp ?? 'strict';
      ctx.set('Content-Security-Policy', CSP_VARIANTS[variant] ?? CSP_VARIANTS.strict);
      return;
    }
    if (ctx.path === '/__hardening/collector') {
      ctx.body = await collector();
      return;
    }
    const page = /^\/__hardening\/pages\/([\w-]+)$/.exec(ctx.path);
    if (page && ctx.method === 'PUT') {
      pages.set(page[1], await readBody(ctx.req));
      ctx.body = { ok: true };
      return;
    }
    if (page && pages.has(page[1])) {
      ctx.type = 'text/html';
      ctx.body = pages.get(page[1]);
      return;
    }
    if (ctx.path === '/__faulty/texts' && ctx.method === 'POST') {
      // The texts archive beside every faulty endpoint (`texts` resolved against
      // /__faulty/<bucket>): passed through to the collector, without faults.
      const { url } = await collector();
      const headers = { 'content-type': ctx.get('content-type') || 'text/plain;charset=UTF-8' };
      if (ctx.get('origin')) headers.origin = ctx.get('origin');
      const response = await fetch(`${url}/v1/texts`, { method: 'POST', headers, body: await readBody(ctx.req) });
      ctx.status = response.status;
      ctx.type = 'application/json';
      ctx.body = await response.text();
      return;
    }
    const match = /^\/__faulty\/([\w-]+)(\/script|\/log)?$/.exec(ctx.path);
    if (!match) return next();
    const b = bucket(match[1]);
    if (match[2] === '/script' && ctx.method === 'PUT') {
      b.faults = JSON.parse(await readBody(ctx.req)).faults ?? [];
      ctx.body = { ok: true };
      return;
    }
    if (match[2] === '/log') {
      ctx.body = { requests: b.requests, faultsLeft: b.faults.length };
      return;
    }
    if (ctx.method !== 'POST') return next();

    const body = await readBody(ctx.req);
    const fault = b.faults.shift() ?? 'pass';
    let events = [];
    try {
      events = JSON.parse(body).events ?? [];
    } catch {
      // recorded as an empty batch; the collector will say what is wrong with it
    }
    const entry = {
      fault,
      eventIds: events.map((event) => event?.eventId),
      consentIds: [...new Set(events.map((event) => event?.consentId))],
      status: null,
      accepted: 0,
      duplicates: 0,
    };
    b.requests.push(entry);
    const [kind, arg] = fault.split(':');

    if (kind === '500') {
      ctx.status = entry.status = 500;
      ctx.body = { error: 'scripted 500' };
      return;
    }
    if (kind === '429') {
      ctx.status = entry.status = 429;
      ctx.set('Retry-After', arg ?? '1');
      ctx.body = { error: 'scripted 429' };
      return;
    }
    if (kind === 'hang') {
      await hold(ctx, Number(arg ?? 30_000));
      entry.status = 'hung';
      return destroy(ctx);
    }
    if (kind === 'reset') {
      entry.status = 'reset';
      return destroy(ctx);
    }

    // pass, lost-ack, slow, origin: the batch goes to the real collector.
    const { url } = await collector();
    const headers = { 'content-type': ctx.get('content-type') || 'text/plain;charset=UTF-8' };
    if (ctx.get('origin')) headers.origin = ctx.get('origin');
    if (kind === 'origin') headers.origin = fault.slice('origin:'.length);
    let response;
    try {
      response = await fetch(`${url}/v1/events`, { method: 'POST', headers, body });
    } catch {
      entry.status = 'collector unreachable';
      return destroy(ctx);
    }
    const text = await response.text();
    entry.status = response.status;
    try {
      const answer = JSON.parse(text);
      entry.accepted = answer.accepted ?? 0;
      entry.duplicates = answer.duplicates ?? 0;
    } catch {
      // not the collector's JSON: the status says enough
    }
    if (kind === 'lost-ack') {
      entry.answered = false;
      return destroy(ctx);
    }
    if (kind === 'slow') {
      await hold(ctx, Number(arg ?? 1000));
      if (ctx.req.socket.destroyed) {
        entry.answered = false;
        ctx.status = 499;
        ctx.respond = false;
        return;
      }
      await sleep(0);
    }
    ctx.status = response.status;
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) ctx.set('Retry-After', retryAfter);
    ctx.type = 'application/json';
    ctx.body = text;
  };
}
