/**
 * The released 1.0 collector and widget, out of this repository's history, for the tests
 * that an older collector and a newer one (and widget) work with each other, and that a
 * 1.0 database upgrades in place. Skipped, with the reason, in a clone without that
 * history (a shallow CI checkout): `git fetch --unshallow` brings it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The last commit of collector 1.0 (server/ as released) and of widget 1.0 (src/ before receipts named their words). */
export const COLLECTOR_1_0 = '723659404fe0d7b774b1b17778e5c96af82ff8cb';
export const WIDGET_1_0 = '7089ee0fe1d2bbcc7621d0f4eb6ad9ece1511139';

/** Why the released code cannot be had here, or false. @param {string} commit */
export function missing(commit) {
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: ROOT, stdio: 'ignore' });
    return false;
  } catch {
    return `commit ${commit.slice(0, 7)} is not in this clone (shallow?): git fetch --unshallow`;
  }
}

/**
 * Paths of a commit written into a new temporary folder, with this checkout's
 * node_modules beside them (1.0's dependencies are the same majors).
 * @param {string} commit
 * @param {string[]} paths
 * @returns {Promise<{ dir: string, dispose: () => Promise<void> }>}
 */
export async function checkout(commit, paths) {
  const dir = await mkdtemp(join(tmpdir(), 'kelisim-released-'));
  const archive = execFileSync('git', ['archive', '--format=tar', commit, ...paths], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Collector 1.0 (`server/main.mjs` as released) on 127.0.0.1, on the target's database.
 * @param {import('./harness.mjs').StoreTarget} target
 * @param {Record<string, string>} [env]
 */
export async function startCollector10(target, env = {}) {
  const { dir, dispose } = await checkout(COLLECTOR_1_0, ['server']);
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(DATABASE_URL|KELISIM_|ALLOWED_ORIGINS|NODE_ENV|PORT|HOST|NODE_TEST_CONTEXT)/.test(key),
    ),
  );
  const child = spawn(process.execPath, [join(dir, 'server', 'main.mjs')], {
    env: { ...base, PORT: '0', HOST: '127.0.0.1', KELISIM_ADMIN_TOKEN: ADMIN_TOKEN, KELISIM_RATE_LIMIT: '0', ...target.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector 1.0: no "listening" line\n${output}`)), 15_000);
    child.stdout.setEncoding('utf8').on('data', (text) => {
      output += text;
      const line = output.split('\n').find((l) => l.startsWith('{"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).listening);
      }
    });
    child.once('exit', (code) => reject(new Error(`collector 1.0 exited (${code})\n${output}`)));
  });
  return {
    url: /** @type {string} */ (url),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await dispose();
    },
  };
}
