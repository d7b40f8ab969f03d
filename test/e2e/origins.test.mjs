/**
 * A site the collector does not list in ALLOWED_ORIGINS, in Chromium: the collector's
 * 403 carries no CORS header, so the browser hides it and the widget sees no answer at
 * all. After a few attempts the widget says so (`kelisim:error`, code `transport`,
 * naming ALLOWED_ORIGINS), keeps the receipts queued and retries; once the collector
 * lists the site, they arrive, once.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { receiptsOf, startCollector, storeKinds } from '../server/harness.mjs';
import { launch, noBrowser, noDist, waitFor } from './browser.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** A port free now, so the collector comes back on the same origin. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('a site missing from ALLOWED_ORIGINS', { skip: noBrowser || noDist }, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('../server/harness.mjs').StoreTarget} */
  let target;
  /** @type {Awaited<ReturnType<typeof startStaticServer>>} */
  let site;
  before(async () => {
    browser = await launch();
    target = await storeKinds()[0].create();
    site = await startStaticServer({ mounts: { '/dist/': DIST }, gzip: false });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await target?.dispose();
  });

  it('the widget says so after a few attempts, keeps the receipts, and delivers them once the site is listed', async () => {
    const port = String(await freePort());
    let collector = await startCollector(target, { PORT: port, ALLOWED_ORIGINS: 'https://edunavigator.kz' });
    const config = {
      policy: { version: '2026-11-25', publishedAt: '2026-11-25' },
      language: 'en',
      endpoint: `http://127.0.0.1:${port}/v1/events`,
    };
    site.page(
      '/site.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A site</title>
       <script type="application/json" id="kelisim-config">${JSON.stringify(config)}</script>
       <script>window.__errors = []; document.addEventListener('kelisim:error', (e) => window.__errors.push(e.detail));</script>
       <script type="module" src="/dist/kelisim.js"></script></head><body><main><h1>A site</h1></main></body></html>`,
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/site.html`);
      await page.locator('[part~="accept-all"]').click();
      const consentId = await page.evaluate(() => window.Kelisim.getConsent()?.id);

      const error = await waitFor(
        () => page.evaluate(() => /** @type {any[]} */ (Reflect.get(window, '__errors')).find((e) => e.code === 'transport')),
        30_000,
        'the transport error',
      );
      assert.match(error.message, /did not answer 3 times in a row/);
      assert.ok(error.message.includes('ALLOWED_ORIGINS'), error.message);
      assert.ok(error.message.includes(site.url), 'it names the page’s origin');
      const queued = await page.evaluate(() => localStorage.getItem('kelisim_consent_queue') ?? '');
      assert.ok(queued.includes('consent.given') && queued.includes('banner.shown'), 'the receipts stay queued');
      assert.deepEqual(await receiptsOf(collector.url, consentId), [], 'refused before anything was stored');
      assert.ok(
        collector.logs().some((line) => line.reason === 'origin'),
        'the collector logged why',
      );

      // The operator adds the site; the widget's next attempt (here: the browser coming online) delivers.
      await collector.stop();
      collector = await startCollector(target, { PORT: port, ALLOWED_ORIGINS: `https://edunavigator.kz,${site.url}` });
      await page.evaluate(() => dispatchEvent(new Event('online')));
      const stored = await waitFor(
        async () => {
          const receipts = await receiptsOf(collector.url, consentId);
          return receipts.length >= 2 ? receipts : null;
        },
        20_000,
        'the queued receipts',
      );
      assert.deepEqual(stored.map((r) => r.type).sort(), ['banner.shown', 'consent.given']);
      await waitFor(
        () => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')),
        15_000,
        'the queue to empty',
      );
      assert.equal(
        await page.evaluate(() => /** @type {any[]} */ (Reflect.get(window, '__errors')).filter((e) => e.code === 'transport').length),
        1,
        'said once',
      );
    } finally {
      await context.close();
      await collector.stop();
    }
  });
});
