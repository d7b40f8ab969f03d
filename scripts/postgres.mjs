/**
 * Runs a command with a PostgreSQL to test against: `node scripts/postgres.mjs <command…>`
 * (`npm run test:server` runs the server tests this way).
 *
 * - `DATABASE_URL` already set: the command runs with it, untouched.
 * - Otherwise a throwaway cluster of Debian's PostgreSQL (the newest
 *   /usr/lib/postgresql/<version>/bin; `KELISIM_PG_LIB` names another folder of versions)
 *   is made in a temporary folder: `initdb`, then
 *   `pg_ctl start` on a free port, listening on 127.0.0.1 only (its Unix socket in that
 *   folder), password authentication over TCP. As root the server runs as the `postgres`
 *   system user (`runuser`), since PostgreSQL refuses to run as root. A `kelisim` role and
 *   database with a random password are created and the command gets
 *   `DATABASE_URL=postgres://kelisim:…@127.0.0.1:<port>/kelisim`. When the command ends —
 *   also on failure, Ctrl-C or SIGTERM — the cluster is stopped and its folder deleted. A
 *   cluster left behind by a run that was killed outright is removed by the next run.
 * - PostgreSQL not installed: as root, Debian's `postgresql` package is installed
 *   (apt-get), as scripts/ensure-chromium.mjs does for Chromium. Otherwise the command runs
 *   without a database, its PostgreSQL suites say why they are skipped, and this script
 *   says so again at the end with the command to install it. With `CI` set, a skipped
 *   PostgreSQL suite fails the run.
 *
 * The cluster runs with fsync off: it is deleted after the run, and the durability tests
 * kill the collector, never PostgreSQL.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'kelisim-pg-';
const isRoot = process.getuid?.() === 0;
const INSTALL = isRoot ? 'apt-get update && apt-get install -y postgresql' : 'sudo apt-get update && sudo apt-get install -y postgresql';

/** @param {string} message */
const say = (message) => process.stderr.write(`[postgres] ${message}\n`);

const command = process.argv.slice(2);
if (command.length === 0) {
  say('usage: node scripts/postgres.mjs <command> [arguments…]');
  process.exit(2);
}

if (process.env.DATABASE_URL) {
  say('DATABASE_URL is set: the tests use that database');
  process.exit(await run(command, process.env));
}

removeAbandonedClusters();
const bin = findPostgres() ?? installPostgres();
if (typeof bin !== 'string') {
  const reason = `PostgreSQL suite skipped: ${bin.reason}`;
  const code = await run(command, { ...process.env, KELISIM_PG_SKIPPED: reason });
  say('');
  say(`*** ${reason}`);
  say(`*** To run it: ${INSTALL}`);
  say('***        or: set DATABASE_URL to a database the tests may create schemas in');
  if (process.env.CI && code === 0) {
    say('*** CI is set: a skipped PostgreSQL suite fails the run');
    process.exit(1);
  }
  process.exit(code);
}

const cluster = await startCluster(bin);
let stopping = false;
/** Stops the cluster once, whatever ended the run. */
const stopCluster = () => {
  if (stopping) return;
  stopping = true;
  cluster.stop();
};
process.on('exit', stopCluster);
let code = 1;
try {
  code = await run(command, { ...process.env, DATABASE_URL: cluster.url });
} finally {
  stopCluster();
}
process.exit(code);

/**
 * Runs the command with inherited stdio and resolves with its exit code. SIGINT, SIGTERM
 * and SIGHUP reach the command (a terminal's Ctrl-C reaches it anyway); this process
 * waits for it to end, so the cluster is stopped after it, never under it.
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
function run([file, ...args], env) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env });
    /** @type {NodeJS.Signals[]} */
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const forwards = signals.map((signal) => {
      const forward = () => {
        if (child.exitCode === null) child.kill(signal);
      };
      process.on(signal, forward);
      return /** @type {const} */ ([signal, forward]);
    });
    const done = (/** @type {number} */ code) => {
      for (const [signal, forward] of forwards) process.off(signal, forward);
      resolve(code);
    };
    child.on('error', (error) => {
      say(`cannot run ${file}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15)));
  });
}

/**
 * The bin folder of the newest PostgreSQL installed from Debian's packages.
 * @returns {string | null}
 */
function findPostgres() {
  const root = process.env.KELISIM_PG_LIB || '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => /^\d+(\.\d+)?$/.test(version) && existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}

/**
 * Installs Debian's `postgresql` when root; otherwise says why it cannot.
 * @returns {string | { reason: string }}
 */
function installPostgres() {
  if (!isRoot) return { reason: 'PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb)' };
  say(`PostgreSQL is not installed: installing Debian's "postgresql" package (${INSTALL})…`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  } catch {
    return { reason: `installing it failed (${INSTALL})` };
  }
  return findPostgres() ?? { reason: 'apt-get finished but no /usr/lib/postgresql/<version>/bin/initdb is there' };
}

/**
 * How to run PostgreSQL's programs: as this user, or as `postgres` when root.
 * @returns {{ prefix: string[], uid: number, gid: number } | null} null: root without a postgres user.
 */
function serverUser() {
  if (!isRoot) return { prefix: [], uid: -1, gid: -1 };
  try {
    const id = (/** @type {string} */ flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }));
    const uid = id('-u');
    const gid = id('-g');
    return { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid };
  } catch {
    return null;
  }
}

/** A port nobody listens on now, on 127.0.0.1. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * initdb + pg_ctl start + role and database; `stop()` undoes all of it.
 * @param {string} bin
 */
async function startCluster(bin) {
  const user = serverUser();
  if (!user) {
    say('running as root, but there is no "postgres" system user to run PostgreSQL as');
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const superPassword = randomBytes(18).toString('base64url');
  const password = randomBytes(18).toString('base64url');
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  writeFileSync(join(dir, 'pwfile'), `${superPassword}\n`, { mode: 0o600 });
  if (isRoot) for (const path of [dir, join(dir, 'pwfile'), join(dir, 'owner.pid')]) chownSync(path, user.uid, user.gid);

  /** Runs one of PostgreSQL's programs as the server's user. @param {string} program @param {string[]} args */
  const pg = (program, args) => {
    const [file, ...rest] = [...user.prefix, join(bin, program), ...args];
    return execFileSync(file, rest, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const version = pg('pg_ctl', ['--version'])
    .trim()
    .replace(/^pg_ctl \(PostgreSQL\) /, '');

  let started = false;
  const stop = () => {
    if (started) {
      try {
        pg('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30']);
      } catch (error) {
        say(`pg_ctl stop failed (${firstLine(error)}); stopping the server by its pid`);
        killPostmaster(data);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    say(`PostgreSQL ${version} stopped; ${dir} deleted`);
  };

  try {
    pg('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      `--pwfile=${join(dir, 'pwfile')}`,
      '--auth-local=peer',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='${dir}' -c fsync=off`;
    try {
      pg('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options]);
    } finally {
      started = existsSync(join(data, 'postmaster.pid'));
    }
    const { default: pgClient } = await import('pg');
    const admin = new pgClient.Client({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE kelisim LOGIN PASSWORD '${password}'`);
      await admin.query('CREATE DATABASE kelisim OWNER kelisim');
    } finally {
      await admin.end();
    }
    say(`PostgreSQL ${version}: a throwaway cluster on 127.0.0.1:${port} in ${dir}, for this run only`);
    return { url: `postgres://kelisim:${password}@127.0.0.1:${port}/kelisim`, stop };
  } catch (error) {
    say(`could not start PostgreSQL ${version}: ${error instanceof Error ? error.message : String(error)}`);
    for (const output of [/** @type {{ stderr?: string }} */ (error).stderr, existsSync(log) ? readFileSync(log, 'utf8') : '']) {
      if (output) process.stderr.write(output.split('\n').slice(-20).join('\n'));
    }
    stop();
    process.exit(1);
  }
}

/**
 * Stops a cluster's server by the pid in its postmaster.pid (SIGQUIT: immediate shutdown)
 * and waits up to 10 s for it to be gone.
 * @param {string} data
 */
function killPostmaster(data) {
  let pid = 0;
  try {
    pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    return; // no pid file or no such process: nothing runs
  }
  for (const until = Date.now() + 10_000; pid > 0 && isAlive(pid) && Date.now() < until;) execFileSync('sleep', ['0.1']);
}

/**
 * Clusters of earlier runs whose script is gone (killed with SIGKILL, the machine reset):
 * their server is stopped and their folder deleted.
 */
function removeAbandonedClusters() {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner = 0;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue; // not one of ours, or being set up right now
    }
    if (owner > 0 && isAlive(owner)) continue;
    killPostmaster(join(dir, 'data'));
    rmSync(dir, { recursive: true, force: true });
    say(`removed the cluster an earlier run left behind: ${dir}`);
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {unknown} error */
function firstLine(error) {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
