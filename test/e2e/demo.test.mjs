/**
 * End to end, as a visitor meets it: `npm start`'s server (the collector serving demo/ and
 * dist/ on one origin, a real SQLite file) and Debian's Chromium driven by playwright-core.
 * The widget is the built dist/, so run after `npm run build` (npm test does).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { ADMIN_TOKEN, storeKinds, startCollector } from '../server/harness.mjs';

const dist = new URL('../../dist/kelisim.js', import.meta.url);

/** A port free now, so a restarted collector can come back on the same origin. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The receipts the collector keeps for one consent id, through its admin API. */
async function receipts(url, consentId) {
  const response = await fetch(`${url}/v1/consents/${consentId}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(response.status, 200);
  return (await response.json()).receipts;
}

async function waitFor(check, timeout = 15_000, what = 'condition') {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('demo → widget → collector → database', { skip: existsSync(dist) ? false : 'dist/ is missing: run npm run build' }, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {Awaited<ReturnType<ReturnType<typeof storeKinds>[0]['create']>>} */
  let target;
  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    target = await storeKinds()[0].create();
  });
  after(async () => {
    await browser?.close();
    await target?.dispose();
  });

  it('a click on "accept all" puts a receipt with the widget’s consent id into the database', async () => {
    const collector = await startCollector(target, {}, { entry: 'start' });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${collector.url}/en.html`);
      const accept = page.locator('[part~="accept-all"]');
      await accept.click();
      const consent = await page.evaluate(() => window.Kelisim.getConsent());
      assert.equal(consent.categories.analytics, true);

      const stored = await waitFor(
        async () => (await receipts(collector.url, consent.id)).find((r) => r.type === 'consent.given'),
        15_000,
        'the receipt',
      );
      assert.equal(stored.method, 'accept-all');
      assert.equal(stored.consentId, consent.id);
      assert.match(stored.textsHash, /^[0-9a-f]{64}$/, 'the receipt names the words agreed to');
      assert.equal(stored.page, `${collector.url}/en.html`);

      // And literally in the database file, not only through the API.
      const db = new Database(target.file, { readonly: true });
      const row = db.prepare('SELECT type, method FROM receipts WHERE consent_id = ? AND type = ?').get(consent.id, 'consent.given');
      db.close();
      assert.deepEqual({ ...row }, { type: 'consent.given', method: 'accept-all' });
    } finally {
      await context.close();
      await collector.stop();
    }
  });

  it('a decision made while the collector is down arrives once after it restarts', async () => {
    const port = String(await freePort());
    let collector = await startCollector(target, { PORT: port }, { entry: 'start' });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${collector.url}/en.html`);
      await page.locator('[part~="reject-all"]').waitFor();
      // Let the banner.shown receipt through first, then take the collector away.
      await waitFor(
        () => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')),
        15_000,
        'the queue to drain',
      );
      await collector.stop();

      await page.locator('[part~="reject-all"]').click();
      const consent = await page.evaluate(() => window.Kelisim.getConsent());
      await waitFor(
        () => page.evaluate(() => localStorage.getItem('kelisim_consent_queue')?.includes('consent.given')),
        5000,
        'the event to wait in the queue',
      );

      collector = await startCollector(target, { PORT: port }, { entry: 'start' });
      await page.evaluate(() => dispatchEvent(new Event('online')));
      const given = await waitFor(
        async () => {
          const list = (await receipts(collector.url, consent.id)).filter((r) => r.type === 'consent.given');
          return list.length ? list : null;
        },
        20_000,
        'the queued receipt',
      );
      assert.equal(given.length, 1);
      assert.equal(given[0].method, 'reject-all');
      assert.deepEqual(given[0].categories, { necessary: true, analytics: false, marketing: false, partners: false });
      await waitFor(
        () => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')),
        10_000,
        'the queue to empty',
      );
      // Nothing more arrives later: stored exactly once.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal((await receipts(collector.url, consent.id)).filter((r) => r.type === 'consent.given').length, 1);
    } finally {
      await context.close();
      await collector.stop();
    }
  });
});
