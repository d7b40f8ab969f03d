/**
 * The collector as a package of its own (server/package.json): it declares exactly the
 * packages its code imports, ships its code and protocol but none of the repository's
 * tools, and its dependency tree works on the Node it supports (fastify's inject with the
 * cookie pin). The install itself, as the operator's guide says it, is test/e2e/collector-install.test.mjs.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import Fastify from 'fastify';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = join(ROOT, 'server');
const manifest = JSON.parse(await readFile(join(SERVER, 'package.json'), 'utf8'));
const rootManifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));

/** The repository's own tools in server/ that the package leaves out. */
const NOT_SHIPPED = ['start.mjs', 'tsconfig.json'];

/** Every .mjs file under server/, relative to it. @returns {Promise<string[]>} */
async function sources() {
  const entries = await readdir(SERVER, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mjs') && !entry.parentPath.includes('node_modules'))
    .map((entry) => relative(SERVER, join(entry.parentPath, entry.name)));
}

/** The package a bare specifier names (`pg`, `@fastify/static`), or null for builtins and paths. @param {string} specifier */
function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('the collector package', () => {
  it('declares as dependencies exactly the packages its shipped code imports', async () => {
    const imported = new Set();
    for (const file of await sources()) {
      if (NOT_SHIPPED.includes(file)) continue;
      const text = await readFile(join(SERVER, file), 'utf8');
      // Static imports and re-exports, and import() (in code and in JSDoc types alike).
      for (const match of text.matchAll(/^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const name = packageOf(match[1] ?? match[2]);
        if (name) imported.add(name);
      }
    }
    assert.deepEqual([...imported].sort(), Object.keys(manifest.dependencies).sort());
  });

  it('is a workspace of the repository, and the root no longer lists its run-time packages', () => {
    assert.deepEqual(rootManifest.workspaces, ['server']);
    for (const name of Object.keys(manifest.dependencies)) {
      assert.equal(rootManifest.devDependencies?.[name], undefined, `${name} belongs to server/package.json`);
      assert.equal(rootManifest.dependencies?.[name], undefined, `${name} belongs to server/package.json`);
    }
    assert.equal(manifest.engines.node, rootManifest.engines.node);
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.private, false);
  });

  it('packs its code, protocol and bin, and none of the repository tools', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: SERVER });
    const files = JSON.parse(stdout)[0].files.map((/** @type {{ path: string }} */ file) => file.path);
    for (const file of [
      'main.mjs',
      'app.mjs',
      'protocol/events.schema.json',
      'protocol/events.d.ts',
      'protocol/index.mjs',
      'store/sqlite.mjs',
      'store/postgres.mjs',
      'console/index.html',
      'console/console.js',
      'console/charts.js',
    ]) {
      assert.ok(files.includes(file), `${file} is in the package`);
    }
    for (const file of NOT_SHIPPED) assert.ok(!files.includes(file), `${file} is not in the package`);
    assert.deepEqual(
      files.filter((file) => file.startsWith('..') || file.startsWith('node_modules')),
      [],
    );
    assert.ok(
      (await readFile(join(SERVER, manifest.bin['kelisim-collector']), 'utf8')).startsWith('#!/usr/bin/env node\n'),
      'the bin has a shebang',
    );
  });

  it("fastify's inject works on this Node with the cookie version the overrides pin", async () => {
    const app = Fastify();
    app.get('/echo', async (request) => ({ cookie: request.headers.cookie ?? null }));
    try {
      const response = await app.inject({ method: 'GET', url: '/echo', cookies: { session: 'a b', lang: 'kk' } });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { cookie: 'session=a%20b; lang=kk' });
    } finally {
      await app.close();
    }
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8'));
    const cookies = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/cookie$/.test(path));
    assert.ok(cookies.length > 0, 'cookie is in the lockfile');
    for (const [path, { version, engines }] of cookies) {
      assert.match(version, /^1\./, `${path} is cookie 1.x`);
      assert.doesNotMatch(engines?.node ?? '', /22/, `${path} runs on Node 20`);
    }
  });
});
