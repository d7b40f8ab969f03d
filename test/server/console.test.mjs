/**
 * How the collector serves its console (`/console`): its own files only, from its own
 * package, under a Content-Security-Policy that allows nothing from elsewhere; nothing
 * at all where the admin routes are off. What the console does is tested in Chromium
 * (test/e2e/console.test.mjs).
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { CONSOLE_FILES } from '../../server/routes/console.mjs';
import { startCollector, storeKinds, withCollector } from './harness.mjs';

const sqlite = /** @type {NonNullable<ReturnType<typeof storeKinds>[number]>} */ (storeKinds().find((kind) => kind.name === 'sqlite'));

describe('GET /console', () => {
  /** @type {import('./harness.mjs').StoreTarget} */
  let target;
  /** @type {import('./harness.mjs').Collector} */
  let collector;
  before(async () => {
    target = await sqlite.create();
    collector = await startCollector(target);
  });
  after(async () => {
    await collector?.stop();
    await target?.dispose();
  });

  it('serves the page without the token (it holds no data), under a policy of its own files only', async () => {
    const response = await fetch(`${collector.url}/console`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ])
      assert.ok(csp.includes(directive), directive);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*src="console\/)/, 'no inline script');
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'nothing from another origin');
    assert.doesNotMatch(html, /token=/);
  });

  it('serves each of its files with its type, and nothing else', async () => {
    for (const [name, type] of Object.entries(CONSOLE_FILES)) {
      if (name === 'index.html') continue;
      const response = await fetch(`${collector.url}/console/${name}`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('content-type'), type, name);
    }
    // Every file in server/console/ is listed, so none is silently unreachable.
    assert.deepEqual((await readdir(new URL('../../server/console/', import.meta.url))).sort(), Object.keys(CONSOLE_FILES).sort());
    for (const path of ['/console/package.json', '/console/index.html', '/console/..%2fapp.mjs', '/console/nope.js']) {
      assert.equal((await fetch(`${collector.url}${path}`)).status, 404, path);
    }
    const { hostname, port } = new URL(collector.url);
    const status = await new Promise((resolve, reject) => {
      get({ hostname, port, path: '/console/../app.mjs' }, (res) => resolve(res.resume().statusCode)).on('error', reject);
    });
    assert.notEqual(status, 200, 'no way out of console/');
    assert.equal((await fetch(`${collector.url}/console/`, { redirect: 'manual' })).status, 301);
  });

  it('its scripts load only its own modules, by relative address', async () => {
    for (const name of Object.keys(CONSOLE_FILES).filter((n) => n.endsWith('.js'))) {
      const text = await readFile(new URL(`../../server/console/${name}`, import.meta.url), 'utf8');
      for (const [, specifier] of text.matchAll(/^import .* from '([^']+)';$/gm))
        assert.match(specifier, /^\.\/[\w-]+\.js$/, `${name} imports ${specifier}`);
      assert.doesNotMatch(text, /innerHTML|insertAdjacentHTML|document\.write/, `${name} never builds markup from strings`);
    }
  });

  it('does not exist where the admin routes do not (production without a token)', async () => {
    await withCollector(target, { NODE_ENV: 'production', KELISIM_ADMIN_TOKEN: undefined }, async ({ url }) => {
      assert.equal((await fetch(`${url}/console`)).status, 404);
      assert.equal((await fetch(`${url}/console/console.js`)).status, 404);
    });
  });
});
