/**
 * The texts archive, end to end in Chromium with `npm start`'s server: a site's visitors
 * send the words of one banner version about once in all, not once each; one browser
 * never sends a hash twice; and a page closed before its upload went through uploads on
 * the next page view, even one that shows nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runSql, startCollector, storeKinds } from '../server/harness.mjs';
import { launch, noBrowser, noDist, shownWords, waitFor } from './browser.mjs';

/** Upload requests the collector answered, as its log says (one line each). @param {import('../server/harness.mjs').Collector} collector */
const uploads = (collector) =>
  collector
    .logs()
    .filter((line) => /^(archived the words of one textsHash|the words of this textsHash were archived already)$/.test(String(line.msg)));

describe('the words behind receipts, uploaded once', { skip: noBrowser || noDist }, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('../server/harness.mjs').StoreTarget} */
  let target;
  /** @type {import('../server/harness.mjs').Collector} */
  let collector;
  before(async () => {
    browser = await launch();
    target = await storeKinds()[0].create();
    collector = await startCollector(target, {}, { entry: 'start' });
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
    await target?.dispose();
  });

  /**
   * One new visitor: a browser of their own, the page, a decision on the banner.
   * @param {string} path
   * @param {string} button
   * @param {(context: import('playwright-core').BrowserContext) => Promise<void>} [prepare]
   */
  async function visit(path, button = 'accept-all', prepare) {
    const context = await browser.newContext();
    try {
      await prepare?.(context);
      const page = await context.newPage();
      await page.goto(`${collector.url}/${path}`);
      await page.locator(`[part~="${button}"]`).click();
      // Until this browser has nothing left to send: the events and any upload.
      await waitFor(
        () => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')),
        20_000,
        'the queue to drain',
      );
      return await page.evaluate(() => window.Kelisim.getConsent()?.id);
    } finally {
      await context.close();
    }
  }

  it('twelve visitors one after another: the first uploads the banner’s words, the eleven others send none', async () => {
    const before = uploads(collector).length;
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await visit('en.html', i % 2 ? 'reject-all' : 'accept-all'));
    assert.equal(uploads(collector).length - before, 1, 'one upload for twelve visitors');
    // And every one of their receipts names those words.
    const [row] = await runSql(
      target,
      {
        sqlite: `SELECT count(DISTINCT texts_hash) AS hashes, count(*) AS n FROM receipts WHERE consent_id IN (${ids.map(() => '?').join(', ')})`,
        postgres: '',
      },
      ids,
    );
    assert.deepEqual([row.hashes, row.n], [1, 24]);
    const [stored] = await runSql(target, { sqlite: 'SELECT count(*) AS n FROM texts', postgres: '' });
    assert.equal(stored.n, 1);
  });

  // Once skipped: in CI one of the eight queues kept, for good, an upload of words another visitor had archived
  // first (the transport archived the hash but left the upload naming an eventId). Now dropped; see transport.test.ts.
  it('eight new visitors at the same moment, a new version of the words: a few uploads at most, the words stored once', async () => {
    const before = uploads(collector).length;
    await Promise.all(Array.from({ length: 8 }, () => visit('ru.html')));
    const sent = uploads(collector).length - before;
    console.log(`kelisim texts archive | 8 simultaneous first visitors, one banner: ${sent} upload(s)`);
    assert.ok(sent >= 1 && sent <= 8, `${sent} uploads`);
    const [stored] = await runSql(target, { sqlite: 'SELECT count(*) AS n FROM texts', postgres: '' });
    assert.equal(stored.n, 2);
  });

  it('one browser never sends a hash twice, even when the collector asks again', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${collector.url}/index.html`);
      await page.locator('[part~="reject-all"]').waitFor();
      const words = await shownWords(page);
      await page.locator('[part~="reject-all"]').click();
      await waitFor(
        () => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')),
        20_000,
        'the queue to drain',
      );
      const before = uploads(collector).length;
      // The collector loses the words (a restore from an old backup); this browser comes back as new.
      await runSql(target, { sqlite: 'DELETE FROM texts', postgres: '' });
      await context.clearCookies();
      await page.reload();
      await page.locator('[part~="reject-all"]').waitFor();
      assert.deepEqual(await shownWords(page), words, 'the same words');
      await page.locator('[part~="reject-all"]').click();
      await waitFor(
        () => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')),
        20_000,
        'the queue to drain',
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(uploads(collector).length, before, 'asked again, not sent again');
    } finally {
      await context.close();
    }
  });

  it('a page closed before its upload went through: the next page view uploads it', async () => {
    const context = await browser.newContext();
    try {
      // Words no one has shown yet: the demo without the example address.
      await context.addInitScript(() => localStorage.setItem('kelisim_demo', JSON.stringify({ noAddress: true })));
      let blocked = 0;
      await context.route('**/v1/texts', (route) => (blocked++, route.abort('connectionreset')));
      const page = await context.newPage();
      await page.goto(`${collector.url}/en.html`);
      await page.locator('[part~="accept-all"]').waitFor();
      const words = await shownWords(page);
      await page.locator('[part~="accept-all"]').click();
      const consentId = await page.evaluate(() => window.Kelisim.getConsent()?.id);
      const queued = () => page.evaluate(() => JSON.parse(localStorage.getItem('kelisim_consent_queue') ?? '{}'));
      // The receipts are in; the upload the collector asked for failed and waits in the queue.
      await waitFor(async () => blocked > 0 && (await queued()).events.length === 0, 15_000, 'the receipts in, the upload tried');
      assert.equal((await queued()).uploads.length, 1, 'the upload waits in the queue');
      await page.close();

      const before = uploads(collector).length;
      await context.unroute('**/v1/texts');
      const next = await context.newPage();
      await next.goto(`${collector.url}/en.html`);
      // A returning visitor: nothing shown, and still the upload goes.
      await waitFor(() => uploads(collector).length > before, 15_000, 'the upload from the next page view');
      assert.equal(
        await next.evaluate(() => document.querySelector('kelisim-consent')?.shadowRoot?.querySelector('[part~="banner"]') ?? null),
        null,
      );
      const [row] = await runSql(
        target,
        {
          sqlite: 'SELECT t.texts AS texts FROM texts t JOIN receipts r ON r.texts_hash = t.texts_hash WHERE r.consent_id = ? LIMIT 1',
          postgres: '',
        },
        [consentId],
      );
      assert.deepEqual(JSON.parse(String(row.texts)), words);
    } finally {
      await context.close();
    }
  });
});
