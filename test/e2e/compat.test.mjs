/**
 * Old and new, both ways, in Chromium: this widget (dist/) against collector 1.0, and
 * widget 1.0 (built from git with esbuild) against this collector. Nothing is lost either
 * way: 1.0 keeps no words, so the new widget sends it none, and when it refuses
 * noticeShownAt the implicit acceptance goes again without it; widget 1.0 never reads the
 * answer it does not know (missingTexts), and its receipts stay provable by their hash.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { ADMIN_TOKEN, adminGet, receiptsOf, startCollector, storeKinds } from '../server/harness.mjs';
import { COLLECTOR_1_0, WIDGET_1_0, checkout, missing, startCollector10 } from '../server/released.mjs';
import { launch, noBrowser, noDist, waitFor } from './browser.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * A page of the site with the widget at `loader` and this config.
 * @param {string} loader
 * @param {object} config
 */
const sitePage = (loader, config) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A site</title>
  <script type="application/json" id="kelisim-config">${JSON.stringify(config)}</script>
  <script>window.__errors = []; document.addEventListener('kelisim:error', (e) => window.__errors.push(e.detail));</script>
  <script type="module" src="${loader}"></script></head><body><main><h1>A site</h1></main></body></html>`;

/** @param {import('playwright-core').Page} page */
const drained = (page) =>
  waitFor(() => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')), 20_000, 'the queue to drain');

describe('this widget against collector 1.0', { skip: noBrowser || noDist || missing(COLLECTOR_1_0) }, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('../server/harness.mjs').StoreTarget} */
  let target;
  /** @type {Awaited<ReturnType<typeof startStaticServer>>} */
  let site;
  /** @type {Awaited<ReturnType<typeof startCollector10>>} */
  let released;
  before(async () => {
    browser = await launch();
    target = await storeKinds()[0].create();
    site = await startStaticServer({ mounts: { '/dist/': DIST }, gzip: false });
    released = await startCollector10(target, { ALLOWED_ORIGINS: site.url });
  });
  after(async () => {
    await browser?.close();
    await released?.stop();
    await site?.close();
    await target?.dispose();
  });

  it('every receipt arrives, the implicit acceptance without noticeShownAt; no words are sent, no error is reported', async () => {
    const endpoint = `${released.url}/v1/events`;
    site.page(
      '/v1.html',
      sitePage('/dist/kelisim.js', { policy: { version: '2026-01-01', publishedAt: '2026-01-01' }, language: 'en', endpoint }),
    );
    site.page(
      '/v2.html',
      sitePage('/dist/kelisim.js', { policy: { version: '2026-06-01', publishedAt: '2026-06-01' }, language: 'en', endpoint }),
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      /** @type {string[]} */
      const texts = [];
      page.on('request', (request) => request.url().endsWith('/v1/texts') && texts.push(request.url()));
      await page.goto(`${site.url}/v1.html`);
      await page.locator('[part~="accept-all"]').click();
      const consentId = await page.evaluate(() => window.Kelisim.getConsent()?.id);
      await drained(page);
      // A new policy, published long ago: the notice on this view, the implicit acceptance on the next.
      await page.goto(`${site.url}/v2.html`);
      await page.locator('[part~="notice"]').waitFor();
      await drained(page);
      await page.goto(`${site.url}/v2.html`);
      await waitFor(
        () => page.evaluate(() => window.Kelisim.getConsent()?.policyAcceptedBy === 'implicit'),
        10_000,
        'the implicit acceptance',
      );
      await drained(page);

      const receipts = await (
        await fetch(`${released.url}/v1/consents/${consentId}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
      ).json();
      assert.deepEqual(
        receipts.receipts.map((/** @type {any} */ r) => r.type),
        ['banner.shown', 'consent.given', 'notice.shown', 'policy.accepted.implicit'],
      );
      const [shown, , notice, implicit] = receipts.receipts;
      assert.match(shown.textsHash, /^[0-9a-f]{64}$/, '1.0 keeps the hash of the banner’s words');
      assert.equal(implicit.textsHash, notice.textsHash, 'the implicit acceptance names the notice’s words');
      assert.ok(!('noticeShownAt' in implicit), '1.0 has no such column');
      assert.ok(released.output().includes('noticeShownAt'), '1.0 refused it once, and said why');
      assert.deepEqual(texts, [], 'no words sent to a collector that keeps none');
      assert.deepEqual(await page.evaluate(() => Reflect.get(window, '__errors')), []);
    } finally {
      await context.close();
    }
  });
});

describe('widget 1.0 against this collector', { skip: noBrowser || missing(WIDGET_1_0) }, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('../server/harness.mjs').StoreTarget} */
  let target;
  /** @type {Awaited<ReturnType<typeof startStaticServer>>} */
  let site;
  /** @type {import('../server/harness.mjs').Collector} */
  let collector;
  /** @type {{ dir: string, dispose: () => Promise<void> }} */
  let widget;
  before(async () => {
    browser = await launch();
    target = await storeKinds()[0].create();
    // Widget 1.0's sources, bundled as the test runner serves them (esbuild), with its version.
    widget = await checkout(WIDGET_1_0, ['src', 'tsconfig.json']);
    const { build } = await import('esbuild');
    await build({
      entryPoints: [join(widget.dir, 'src', 'kelisim.ts')],
      absWorkingDir: widget.dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: join(widget.dir, 'dist'),
      define: { __KELISIM_VERSION__: '"1.0.0"' },
      logLevel: 'silent',
    });
    site = await startStaticServer({ mounts: { '/old/': join(widget.dir, 'dist') }, gzip: false });
    collector = await startCollector(target, { ALLOWED_ORIGINS: site.url });
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
    await site?.close();
    await widget?.dispose();
    await target?.dispose();
  });

  it('its receipts are stored as before; it never uploads, and the proof says the words are not archived but named', async () => {
    site.page(
      '/site.html',
      sitePage('/old/kelisim.js', {
        policy: { version: '2026-11-25', publishedAt: '2026-11-25' },
        language: 'en',
        endpoint: `${collector.url}/v1/events`,
      }),
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      /** @type {string[]} */
      const texts = [];
      page.on('request', (request) => request.url().endsWith('/v1/texts') && texts.push(request.url()));
      await page.goto(`${site.url}/site.html`);
      assert.equal(await page.evaluate(() => window.Kelisim.version), '1.0.0');
      await page.locator('[part~="reject-all"]').click();
      const consentId = await page.evaluate(() => window.Kelisim.getConsent()?.id);
      await drained(page);
      const receipts = await receiptsOf(collector.url, consentId);
      assert.deepEqual(
        receipts.map((r) => r.type),
        ['banner.shown', 'consent.given'],
      );
      assert.equal(receipts[0].textsHash, null, '1.0 sent no hash with banner.shown');
      const proof = await (await adminGet(collector.url, `/v1/consents/${consentId}/proof?format=json`)).json();
      assert.deepEqual(
        proof.history.map((/** @type {any} */ e) => e.words.status),
        ['none', 'missing'],
      );
      assert.deepEqual(texts, []);
      assert.deepEqual(await page.evaluate(() => Reflect.get(window, '__errors')), []);
    } finally {
      await context.close();
    }
  });
});
