/**
 * dist/ served from another origin (a CDN), in Chromium (issue 14): module scripts and the
 * chunks they import need `Access-Control-Allow-Origin`. Two loopback origins: the site's,
 * and the "CDN's", which sends the header on every file, on none, or on the loader alone.
 * A chunk that does not load is reported as `kelisim:error` naming the likely causes (the
 * header, a stale kelisim.js after a deploy); the page never sees an exception.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launch, noBrowser, noDist, waitFor } from './browser.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const HINT = 'Access-Control-Allow-Origin';

/** The site's page: the loader from `cdn`, recording kelisim's errors and the page's own exceptions. */
const sitePage = (
  cdn,
  config = { language: 'en' },
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A site</title><link rel="icon" href="data:,">
<script type="application/json" id="kelisim-config">${JSON.stringify(config)}</script>
<script>window.__errors = []; document.addEventListener('kelisim:error', (e) => window.__errors.push(e.detail));</script>
<script type="module" src="${cdn}/dist/kelisim.js"></script></head><body><main><h1>A site</h1></main></body></html>`;

describe('dist/ from another origin', { skip: noBrowser || noDist }, () => {
  /** @type {import('playwright-core').Browser} */ let browser;
  /** @type {import('../../scripts/static-server.mjs').StaticServer} */ let site;
  /** @type {Record<string, import('../../scripts/static-server.mjs').StaticServer>} */ const cdn = {};
  /** @type {string} */ let stale;

  before(async () => {
    browser = await launch();
    site = await startStaticServer({});
    cdn.cors = await startStaticServer({ mounts: { '/dist/': DIST } });
    cdn.none = await startStaticServer({ mounts: { '/dist/': DIST }, cors: false });
    // A CDN rule that covers the loader's URL but not the hashed chunks beside it.
    cdn.loaderOnly = await startStaticServer({ mounts: { '/dist/': DIST }, cors: (path) => path === '/dist/kelisim.js' });
    // A deploy that replaced the chunks, and a kelisim.js cached from before it: its chunks are gone.
    stale = await mkdtemp(join(tmpdir(), 'kelisim-stale-'));
    await cp(DIST, stale, { recursive: true });
    const chunks = JSON.parse(await readFile(join(DIST, 'chunks.json'), 'utf8'));
    for (const file of chunks.core) await unlink(join(stale, file));
    cdn.stale = await startStaticServer({ mounts: { '/dist/': stale } });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([site, ...Object.values(cdn)].map((server) => server?.close()));
    if (stale) await rm(stale, { recursive: true, force: true });
  });

  /** Opens the site's page with the loader from `from`, in `context` (a fresh one unless given). */
  async function visit(from, { context, name = 'page', config } = {}) {
    context ??= await browser.newContext();
    const page = await context.newPage();
    const console = [];
    const exceptions = [];
    page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => exceptions.push(error.message));
    site.page(`/${name}.html`, sitePage(from.url, config));
    await page.goto(`${site.url}/${name}.html`);
    return { context, page, console, exceptions, errors: () => page.evaluate(() => window.__errors) };
  }

  it('with the header on every file, the banner shows: the CDN setup the README asks for', async () => {
    const { context, page, exceptions, errors } = await visit(cdn.cors);
    try {
      await page.locator('kelisim-consent [part~="banner"]').waitFor({ state: 'visible' });
      assert.deepEqual(await errors(), []);
      assert.deepEqual(exceptions, []);
    } finally {
      await context.close();
    }
  });

  it('without it, the browser refuses the module itself: nothing runs, and the console says why', async () => {
    const { context, page, console, exceptions } = await visit(cdn.none);
    try {
      await waitFor(() => console.some((line) => line.includes(HINT)), 10_000, "the browser's CORS message");
      assert.equal(await page.evaluate(() => typeof window.Kelisim), 'undefined');
      assert.deepEqual(exceptions, []);
    } finally {
      await context.close();
    }
  });

  it('with it on the loader alone, a first visit says which chunk did not load and why, as kelisim:error and in the console', async () => {
    const { context, page, console, exceptions, errors } = await visit(cdn.loaderOnly);
    try {
      assert.deepEqual(await page.evaluate(() => window.Kelisim.ready), { view: 'none', consent: null });
      const [error] = await errors();
      assert.equal(error.code, 'config');
      assert.match(
        error.message,
        /^config check: .*kelisim-core-[\w-]+\.js\. Is dist\/ on another origin without Access-Control-Allow-Origin, or kelisim\.js cached from an older deploy\?$/,
      );
      assert.ok(
        console.some((line) => line.startsWith('error: kelisim: config check:') && line.includes(HINT)),
        'said in the console',
      );
      assert.deepEqual(exceptions, []);
    } finally {
      await context.close();
    }
  });

  it('with it on the loader alone, a returning visitor’s interface and reopen control report the same, code ui', async () => {
    // The first visit from a CDN that sends the header: the config is checked once and a choice made.
    const first = await visit(cdn.cors, { name: 'returning' });
    await first.page.locator('kelisim-consent [part~="banner"]').waitFor({ state: 'visible' });
    await first.page.evaluate(() => window.Kelisim.acceptAll());
    await first.page.close();
    const { context, page, exceptions, errors } = await visit(cdn.loaderOnly, { context: first.context, name: 'returning' });
    try {
      assert.equal((await page.evaluate(() => window.Kelisim.ready)).view, 'none');
      // The reopen control, at an idle moment, then the preferences the visitor asks for.
      await waitFor(async () => (await errors()).length === 1, 10_000, 'the reopen control’s error');
      await page.evaluate(() => window.Kelisim.showPreferences());
      const reported = await waitFor(async () => ((await errors()).length === 2 ? errors() : null), 10_000, 'the interface’s error');
      const files = reported.map((error) => /kelisim-(\w+)-[\w-]{6}\.js/.exec(error.message)?.[1]);
      assert.deepEqual(files, ['reopen', 'ui']);
      for (const error of reported) {
        assert.equal(error.code, 'ui');
        assert.ok(
          error.message.endsWith(
            '. Is dist/ on another origin without Access-Control-Allow-Origin, or kelisim.js cached from an older deploy?',
          ),
          error.message,
        );
      }
      assert.equal(await page.locator('kelisim-consent').count(), 0);
      assert.deepEqual(exceptions, []);
    } finally {
      await context.close();
    }
  });

  it('a kelisim.js cached from before a deploy, whose chunks are gone: the same message', async () => {
    const { context, page, exceptions, errors } = await visit(cdn.stale);
    try {
      assert.equal((await page.evaluate(() => window.Kelisim.ready)).view, 'none');
      const [error] = await errors();
      assert.match(error.message, /kelisim-core-[\w-]+\.js.*or kelisim\.js cached from an older deploy\?$/);
      assert.deepEqual(exceptions, []);
    } finally {
      await context.close();
    }
  });
});
