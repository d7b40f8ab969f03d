/**
 * The collector's production install and start, exactly as docs/collector.md tells an
 * operator: in a copy of what a checkout holds for it (package.json, package-lock.json,
 * server/), `npm ci --omit=dev --workspace server`, then `node server/main.mjs` with
 * NODE_ENV=production and the settings from the environment; a real batch is POSTed, the
 * health check asked, and the service stopped with SIGTERM as systemd stops it.
 *
 * It takes a minute or two: `--prefer-offline` takes the packages from the npm cache the
 * repository's own install filled, but better-sqlite3's native module is compiled from
 * source (about a minute on 2 cores) unless its prebuilt binary can be downloaded.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EVENT_TEXTS_HASH, makeEvents } from '../server/harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUIDE = join(ROOT, 'docs/collector.md');

/** The install and start commands as the guide writes them. */
const INSTALL = 'npm ci --omit=dev --workspace server';
const START = 'node server/main.mjs';
const SITE = 'https://edunavigator.kz';

/**
 * The environment an operator's shell would have: no npm_* variables from the `npm run`
 * this test may be under, and no node_modules/.bin of the repository on the PATH.
 */
function cleanEnv() {
  // Not the run's DATABASE_URL either (npm run test:e2e starts a PostgreSQL): the guide's first start is SQLite.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^npm_/i.test(key) && !/^(NODE_OPTIONS|NODE_PATH|NODE_TEST_CONTEXT|DATABASE_URL)$/.test(key),
    ),
  );
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  return env;
}

/**
 * Runs a command to its end; resolves with its exit code and output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, timeout: number }} options
 * @returns {Promise<{ code: number | null, output: string }>}
 */
function run(command, args, { cwd, env, timeout }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the collector installed and started as docs/collector.md says', { timeout: 10 * 60_000 }, () => {
  /** @type {string} */ let dir;
  /** @type {import('node:child_process').ChildProcess | undefined} */ let collector;
  /** @type {string} */ let install = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kelisim-install-'));
    for (const file of ['package.json', 'package-lock.json']) await cp(join(ROOT, file), join(dir, file));
    await cp(join(ROOT, 'server'), join(dir, 'server'), {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|data)([/\\]|$)/.test(source.slice(join(ROOT, 'server').length)),
    });
  });
  after(async () => {
    if (collector && collector.exitCode === null && collector.signalCode === null) collector.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the guide gives these commands', async () => {
    const guide = await readFile(GUIDE, 'utf8');
    assert.ok(guide.includes(`\n${INSTALL}\n`), `docs/collector.md installs with: ${INSTALL}`);
    assert.ok(guide.includes('\nWorkingDirectory=/opt/kelisim\n'), 'the unit runs from the checkout');
    assert.ok(guide.includes(`\nExecStart=/usr/bin/${START}\n`), `the unit starts: ${START}`);
    assert.ok(guide.includes('\nNODE_ENV=production\n'), 'the environment file sets NODE_ENV=production');
  });

  it(`${INSTALL}: the collector's packages only, no warning`, async () => {
    const [npm, ...args] = INSTALL.split(' ');
    const result = await run(npm, [...args, '--prefer-offline'], { cwd: dir, env: cleanEnv(), timeout: 8 * 60_000 });
    install = result.output;
    assert.equal(result.code, 0, `npm ci failed:\n${install}`);
    assert.doesNotMatch(install, /EBADENGINE|install-scripts|npm warn/i, 'npm ci printed a warning');

    const modules = join(dir, 'node_modules');
    for (const name of ['fastify', 'better-sqlite3', 'pg'])
      assert.ok(existsSync(join(modules, name, 'package.json')), `${name} is installed`);
    assert.ok(existsSync(join(modules, 'better-sqlite3/build/Release/better_sqlite3.node')), "the SQLite driver's native module was built");
    for (const name of ['typescript', 'rollup', 'lit', '@web/test-runner', 'playwright-core', '@types/node', '@fastify/static']) {
      assert.ok(!existsSync(join(modules, name)), `${name} (a development tool) is not installed`);
    }
    assert.equal(await readlink(join(modules, 'kelisim-collector')), '../server');
  });

  it(`${START} with NODE_ENV=production: listens, stores a real batch, answers /healthz, stops on SIGTERM`, async () => {
    assert.ok(existsSync(join(dir, 'node_modules/fastify')), 'the install ran');
    const token = randomBytes(32).toString('base64url');
    const database = join(dir, 'var/kelisim.db');
    const [node, main] = START.split(' ');
    const child = spawn(node === 'node' ? process.execPath : node, [main], {
      cwd: dir,
      env: {
        ...cleanEnv(),
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        KELISIM_DB: database,
        ALLOWED_ORIGINS: SITE,
        KELISIM_ADMIN_TOKEN: token,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    collector = child;
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let output = '';
    child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line within 15 s:\n${output}`)), 15_000);
      child.stdout.setEncoding('utf8').on('data', (text) => {
        output += text;
        const line = output.split('\n').find((l) => l.startsWith('{"listening"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line).listening);
        }
      });
      child.once('exit', (code) => reject(new Error(`the collector exited (${code}) before listening:\n${output}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.doesNotMatch(output, /"adminToken"/, 'production never makes up a token');

    const events = makeEvents(3);
    const posted = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SITE },
      body: JSON.stringify({ events }),
    });
    assert.equal(posted.status, 200);
    assert.equal(posted.headers.get('access-control-allow-origin'), SITE);
    assert.deepEqual(await posted.json(), { accepted: 3, duplicates: 0, missingTexts: [EVENT_TEXTS_HASH] });

    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', store: 'sqlite' });

    const stored = await fetch(`${url}/v1/consents/${events[0].consentId}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(stored.status, 200);
    assert.deepEqual(
      (await stored.json()).receipts.map((/** @type {{ eventId: string }} */ r) => r.eventId).sort(),
      events.map((e) => e.eventId).sort(),
    );
    assert.ok(existsSync(database), 'the receipts are in KELISIM_DB');

    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    assert.deepEqual(await exited, { code: 0, signal: null }, `SIGTERM closes it cleanly:\n${output}`);
    clearTimeout(timer);
  });

  it('the PostgreSQL store loads from the same install (pg is there)', async () => {
    assert.ok(existsSync(join(dir, 'node_modules/fastify')), 'the install ran');
    const result = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { PostgresStore } = await import('./server/store/postgres.mjs'); console.log(typeof PostgresStore);",
      ],
      {
        cwd: dir,
        env: cleanEnv(),
        timeout: 30_000,
      },
    );
    assert.equal(result.code, 0, result.output);
    assert.equal(result.output.trim(), 'function');
  });
});
