/**
 * The published package, as its users get it: `npm pack` of the built dist/, extracted
 * into a temp dir, then used the two ways SPEC §2 promises:
 *
 * - from a CDN: its files served by path from a subfolder (/cdn/kelisim@1.0.0/dist/…), the
 *   module loader and the one-file IIFE, in Debian's Chromium;
 * - from a bundler: a tiny rollup app that imports `kelisim` from node_modules, and a
 *   TypeScript consumer type-checked against the bundled declarations;
 * - the recipes of examples/ (issue 14): a React app built with Vite (type-checked with
 *   `<kelisim-consent>` in its JSX) and a page that injects the IIFE as a tag manager does,
 *   each driven in Chromium through a first visit, route changes and a returning visitor.
 *
 * Run after `npm run build` (npm test does); packs without running `prepack`, so what is
 * tested is exactly the dist/ on disk.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
/** Where the "CDN" serves the package: a subfolder, as jsDelivr and unpkg do. */
const CDN = `/cdn/kelisim@${version}/`;

/** A page of the site: some content, optionally the config, then the given script tag. */
const sitePage = (scriptTag) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A site</title><link rel="icon" href="data:,"></head>
<body><main><h1>Universities</h1><p>Some content that must not move when the banner appears.</p></main>
${scriptTag}
</body></html>`;

/** `npm pack` into `dir` and extract it; returns the package folder. */
async function packAndExtract(dir) {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [{ filename, files }] = JSON.parse(stdout);
  await run('tar', ['-xzf', join(dir, filename), '-C', dir]);
  return { folder: join(dir, 'package'), files: files.map((file) => file.path) };
}

describe('the npm package', { skip: existsSync(join(ROOT, 'dist/chunks.json')) ? false : 'dist/ is missing: run npm run build' }, () => {
  /** @type {string} */ let temp;
  /** @type {{ folder: string, files: string[] }} */ let pack;
  /** @type {{ loader: string[], ui: string[], decisions: string[], languages: Record<string, string[]> }} */ let chunks;
  /** @type {import('playwright-core').Browser} */ let browser;
  /** @type {import('../../scripts/static-server.mjs').StaticServer} */ let server;

  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'kelisim-pack-'));
    pack = await packAndExtract(temp);
    chunks = JSON.parse(await readFile(join(pack.folder, 'dist/chunks.json'), 'utf8'));
    server = await startStaticServer({ mounts: { [CDN]: pack.folder, '/app/': join(temp, 'app') } });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  /** A fresh browser context (own cookies), a page in it, and the requests made after `since`. */
  async function openPage(path) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const since = server.requests.length;
    await page.goto(`${server.url}${path}`);
    return { context, page, errors, requested: () => server.requests.slice(since) };
  }

  const banner = (page) => page.locator('kelisim-consent [part~="banner"]');

  it('holds the builds, types, maps and manifest, and nothing else', () => {
    const expected = [
      'dist/kelisim.js',
      'dist/kelisim.iife.js',
      'dist/types/kelisim.d.ts',
      'dist/custom-elements.json',
      'dist/chunks.json',
      'package.json',
    ];
    for (const file of expected) assert.ok(pack.files.includes(file), `${file} is in the package`);
    const chunkFiles = new Set([...Object.values(chunks).filter(Array.isArray).flat(), ...Object.values(chunks.languages).flat()]);
    for (const file of pack.files.filter((name) => name.endsWith('.js'))) {
      assert.ok(
        file === 'dist/kelisim.iife.js' || chunkFiles.has(file.slice('dist/'.length)),
        `${file} is a current chunk, not a stale one`,
      );
      assert.ok(pack.files.includes(`${file}.map`), `${file} has its source map`);
    }
    assert.deepEqual(
      pack.files.filter((name) => /^(src|test|server|demo|bench)\//.test(name)),
      [],
      'no sources, tests or tools',
    );
  });

  it('resolves its exports: types, manifest and IIFE', async () => {
    const require = createRequire(join(temp, 'consumer.js'));
    await mkdir(join(temp, 'node_modules'), { recursive: true });
    await cp(pack.folder, join(temp, 'node_modules/kelisim'), { recursive: true });
    const manifest = require('kelisim/custom-elements.json');
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'kelisim-consent');
    assert.ok(element, 'custom-elements.json describes <kelisim-consent>');
    assert.ok(
      element.cssParts.some((part) => part.name === 'accept-all'),
      'with its parts',
    );
    const reopen = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'kelisim-reopen');
    assert.deepEqual(
      reopen?.cssParts.map((part) => part.name),
      ['reopen'],
      'and <kelisim-reopen> with its part',
    );
    assert.equal(require.resolve('kelisim/iife'), join(temp, 'node_modules/kelisim/dist/kelisim.iife.js'));
    assert.equal(require('kelisim/package.json').types, './dist/types/kelisim.d.ts');
  });

  it('works from a CDN subfolder: the banner, acceptAll(), and every chunk from beside the loader', async () => {
    server.page('/site/esm.html', sitePage(`<script type="module" src="${CDN}dist/kelisim.js"></script>`));
    const { context, page, errors, requested } = await openPage('/site/esm.html');
    try {
      await banner(page).waitFor({ state: 'visible' });
      const consent = await page.evaluate(() => window.Kelisim.acceptAll());
      assert.equal(consent.categories.analytics, true);
      await banner(page).waitFor({ state: 'hidden' });

      const widgetFiles = requested()
        .filter((r) => r.path.endsWith('.js'))
        .map((r) => r.path);
      const expected = [...chunks.loader, ...chunks.ui, ...chunks.languages.en].map((file) => `${CDN}dist/${file}`);
      for (const file of expected) assert.ok(widgetFiles.includes(file), `${file} was loaded`);
      assert.deepEqual(
        widgetFiles.filter((path) => !path.startsWith(`${CDN}dist/`)),
        [],
        'nothing from outside the package folder',
      );
      assert.deepEqual(
        requested().filter((r) => r.status !== 200),
        [],
        'no request failed',
      );
      assert.deepEqual(errors, []);

      // The returning visitor (SPEC §2): the loader, no interface; at an idle moment, the
      // reopen control's small chunk (it left the loader for the gating of issue 14).
      await page.locator('kelisim-reopen').waitFor({ state: 'attached' }); // this page's, after the decision
      const since = server.requests.length;
      await page.reload();
      assert.equal((await page.evaluate(() => window.Kelisim.ready)).view, 'none');
      await page.locator('kelisim-reopen').waitFor({ state: 'attached' });
      const again = server.requests
        .slice(since)
        .filter((r) => r.path.startsWith(CDN))
        .map((r) => r.path);
      assert.deepEqual(
        again,
        [...chunks.loader, ...chunks.reopen].map((file) => `${CDN}dist/${file}`),
      );
    } finally {
      await context.close();
    }
  });

  it('works from a CDN subfolder as one classic script (the IIFE), with nothing else to fetch', async () => {
    server.page('/site/iife.html', sitePage(`<script src="${CDN}dist/kelisim.iife.js"></script>`));
    const { context, page, errors, requested } = await openPage('/site/iife.html');
    try {
      await banner(page).waitFor({ state: 'visible' });
      const consent = await page.evaluate(() => window.Kelisim.acceptAll());
      assert.equal(consent.categories.analytics, true);
      assert.deepEqual(
        requested()
          .filter((r) => r.path.startsWith('/cdn/'))
          .map((r) => r.path),
        [`${CDN}dist/kelisim.iife.js`],
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('bundles with rollup: `import { getConsent, on } from "kelisim"` builds and runs', async () => {
    const app = join(temp, 'app');
    await mkdir(join(app, 'node_modules'), { recursive: true });
    await cp(pack.folder, join(app, 'node_modules/kelisim'), { recursive: true });
    await writeFile(
      join(app, 'main.js'),
      `import { getConsent, on } from 'kelisim';
window.app = { before: getConsent(), decided: null };
on('consent', (detail) => { window.app.decided = detail.method; window.app.after = getConsent(); });
`,
    );
    const warnings = [];
    const bundle = await rollup({
      input: join(app, 'main.js'),
      plugins: [nodeResolve({ browser: true })],
      onwarn: (warning) => warnings.push(warning.message),
    });
    await bundle.write({ dir: join(app, 'out'), format: 'es' });
    await bundle.close();
    assert.deepEqual(warnings, [], 'the package bundles without warnings');
    await writeFile(join(app, 'index.html'), sitePage('<script type="module" src="/app/out/main.js"></script>'));

    const { context, page, errors } = await openPage('/app/index.html');
    try {
      await banner(page).waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => window.app.before), null);
      await page.locator('kelisim-consent [part~="accept-all"]').click();
      await page.waitForFunction(() => window.app.decided);
      const app = await page.evaluate(() => window.app);
      assert.equal(app.decided, 'accept-all');
      assert.equal(app.after.categories.analytics, true);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('type-checks a TypeScript consumer against the bundled declarations', async () => {
    const consumer = join(temp, 'ts-consumer');
    await mkdir(join(consumer, 'node_modules'), { recursive: true });
    await cp(pack.folder, join(consumer, 'node_modules/kelisim'), { recursive: true });
    await writeFile(
      join(consumer, 'main.ts'),
      `import kelisim, { getConsent, on, type Consent, type KelisimOptions } from 'kelisim';
const options: KelisimOptions = { policy: { version: '2026-06-01' }, layout: 'box' };
const consent: Consent | null = getConsent();
const stop: () => void = on('consent', (detail) => console.log(detail.record.id, detail.changed.length));
document.addEventListener('kelisim:ready', (event) => console.log(event.detail.view));
void window.Kelisim?.acceptAll();
void kelisim.init(options);
export { consent, stop };
`,
    );
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2021',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM'],
          types: [],
        },
        files: ['main.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', consumer]).catch((error) => error);
    assert.equal(result.code ?? 0, 0, `tsc reported:\n${result.stdout}`);
  });
  /** The example's built files, served at the root of their own origin (a single-page app's routes are paths). */
  async function serveApp(folder, index) {
    return startStaticServer({ mounts: { '/': folder }, pages: { '/': index } });
  }

  it('examples/react-vite: type-checks, builds with Vite, and in Chromium the app follows the choice and gates what its routes render', async () => {
    // Inside the repository, so the example's React, Vite and TypeScript resolve from its
    // node_modules; kelisim is the packed tarball, as an app installs it.
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    const app = await mkdtemp(join(ROOT, 'node_modules/.cache/kelisim-react-'));
    let served;
    try {
      const example = join(ROOT, 'examples/react-vite');
      await cp(example, app, { recursive: true, filter: (path) => !/^(node_modules|dist)(\/|$)/.test(relative(example, path)) });
      await cp(pack.folder, join(app, 'node_modules/kelisim'), { recursive: true });
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const checked = await run(process.execPath, [tsc, '-p', app]).catch((error) => error);
      assert.equal(checked.code ?? 0, 0, `tsc reported:\n${checked.stdout}`);
      const { build } = await import('vite');
      await build({ root: app, logLevel: 'error', configFile: join(app, 'vite.config.ts') });
      served = await serveApp(join(app, 'dist'), await readFile(join(app, 'dist/index.html'), 'utf8'));

      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const status = page.getByTestId('analytics');
      const runs = () => page.evaluate(() => window.statsRuns ?? 0);
      try {
        await page.goto(`${served.url}/`);
        await banner(page).waitFor({ state: 'visible' });
        assert.equal(await status.textContent(), 'Analytics: not chosen yet');
        // A route with an embed, before any choice: its placeholder, in the frame's place.
        await page.getByRole('link', { name: 'Video' }).click();
        const placeholder = page.locator('kelisim-embed');
        await placeholder.waitFor({ state: 'visible' });
        assert.equal(await placeholder.locator('[part~="title"]').textContent(), 'Campus tour');
        // The decision: the app's state follows (Kelisim.on('consent')), the frame takes its place.
        await page.locator('kelisim-consent [part~="accept-all"]').click();
        await page.waitForFunction(() => document.querySelector('[data-testid="analytics"]')?.textContent === 'Analytics: on');
        await placeholder.waitFor({ state: 'detached' });
        assert.equal(await page.locator('iframe').getAttribute('src'), '/embed.html');
        // Route changes: each render of the statistics route runs its tag, once.
        await page.getByRole('link', { name: 'Statistics' }).click();
        await page.waitForFunction(() => window.statsRuns === 1);
        await page.getByRole('link', { name: 'Home' }).click();
        await page.getByRole('link', { name: 'Statistics' }).click();
        await page.waitForFunction(() => window.statsRuns === 2);
        // A returning visitor: the app renders the route after the loader decided there is nothing to show.
        await page.goto(`${served.url}/`);
        assert.equal((await page.evaluate(() => window.Kelisim.ready)).view, 'none');
        assert.equal(await status.textContent(), 'Analytics: on');
        await page.getByRole('link', { name: 'Statistics' }).click();
        await page.waitForFunction(() => window.statsRuns === 1);
        assert.equal(await runs(), 1);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    } finally {
      await served?.close();
      await rm(app, { recursive: true, force: true });
    }
  });

  it('examples/tag-manager: the IIFE injected as a tag manager does gates the page, a lazy widget and a route change, and the page hears the choice', async () => {
    const example = join(ROOT, 'examples/tag-manager');
    const html = (await readFile(join(example, 'index.html'), 'utf8')).replace(
      'https://cdn.jsdelivr.net/npm/kelisim@1.0.0/dist/kelisim.iife.js',
      `${server.url}${CDN}dist/kelisim.iife.js`,
    );
    const served = await serveApp(example, html);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const value = (name) => page.evaluate((key) => window[key] ?? 0, name);
    try {
      await page.goto(`${served.url}/`);
      await banner(page).waitFor({ state: 'visible' });
      await page.locator('kelisim-embed').waitFor({ state: 'visible' });
      assert.equal(await value('tagRuns'), 0);
      await page.locator('kelisim-consent [part~="accept-all"]').click();
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Analytics: on');
      await page.waitForFunction(() => window.tagRuns === 1 && window.lazyRuns === 1);
      assert.equal(await page.locator('iframe').getAttribute('src'), 'embed.html');
      await page.locator('#next').click();
      await page.waitForFunction(() => window.routeRuns === 1);
      assert.equal(await value('tagRuns'), 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await served.close();
    }
  });
});
