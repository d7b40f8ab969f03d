/**
 * `npm start`'s server (server/start.mjs) and the live receipts page (demo/receipts.html)
 * in real headless Chromium: receipts appear and keep arriving, values stay text, a wrong
 * token says so, and axe finds nothing. Skipped, with the reason, where there is no
 * Chromium (`npm test` installs it first).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { ADMIN_TOKEN, makeEvent, makeEvents, postEvents, startCollector, storeKinds } from './harness.mjs';

const browserPath = chromiumPath();
const skip = existsSync(browserPath) ? false : `no Chromium at ${browserPath}: run node scripts/ensure-chromium.mjs`;
const sqlite = /** @type {NonNullable<ReturnType<typeof storeKinds>[number]>} */ (storeKinds().find((kind) => kind.name === 'sqlite'));

describe('npm start: demo origin and the live receipts page', { skip }, () => {
  /** @type {import('./harness.mjs').StoreTarget} */
  let target;
  /** @type {import('./harness.mjs').Collector} */
  let collector;
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    target = await sqlite.create();
    collector = await startCollector(target, {}, { entry: 'start' });
    browser = await chromium.launch({ executablePath: browserPath, args: chromiumArgs, headless: true });
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
    await target?.dispose();
  });

  it('serves demo/ at / on the collector\'s own origin', async () => {
    const response = await fetch(`${collector.url}/receipts.html`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    // fetch would normalise the dots away; node:http sends the path as written.
    const { hostname, port } = new URL(collector.url);
    const statusCode = await new Promise((resolve, reject) => {
      get({ hostname, port, path: '/../package.json' }, (response) => resolve(response.resume().statusCode)).on('error', reject);
    });
    assert.ok(statusCode === 403 || statusCode === 404, `no way out of demo/: HTTP ${statusCode}`);
  });

  it('lists stored receipts, then new ones live, every value as text', async () => {
    const hostile = makeEvent({ policyVersion: '<b id="injected">bold</b>', page: 'https://edunavigator.kz/<img/src=x/onerror=window.__pwned=1>' });
    await postEvents(collector.url, [...makeEvents(2), hostile]);

    const page = await browser.newPage();
    try {
      await page.goto(`${collector.url}/receipts.html?token=${ADMIN_TOKEN}`);
      await page.waitForFunction(() => document.querySelectorAll('#rows tr').length === 3);
      assert.ok(!page.url().includes('token='), 'the token leaves the address bar');
      assert.equal(await page.locator('#rows tr').first().locator('td').nth(4).textContent(), '<b id="injected">bold</b>');
      assert.equal(await page.evaluate(() => document.getElementById('injected') === null && !('__pwned' in window)), true);

      const fresh = makeEvent({ type: 'consent.withdrawn', method: 'withdraw' });
      await postEvents(collector.url, [fresh]);
      await page.waitForFunction(() => document.querySelectorAll('#rows tr').length === 4, null, { timeout: 6000 });
      assert.equal(await page.locator('#rows tr').first().locator('td').nth(1).textContent(), 'consent.withdrawn');
      assert.match((await page.locator('#status').textContent()) ?? '', /Live: 4 receipts shown\. 1 new\./);
    } finally {
      await page.close();
    }
  });

  it('says so when the token is wrong', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${collector.url}/receipts.html?token=wrong`);
      await page.waitForFunction(() => /401/.test(document.getElementById('status')?.textContent ?? ''));
      assert.equal(await page.locator('#rows tr').count(), 0);
    } finally {
      await page.close();
    }
  });

  it('has no axe violations', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${collector.url}/receipts.html?token=${ADMIN_TOKEN}`);
      await page.waitForFunction(() => document.querySelectorAll('#rows tr').length > 0);
      // axe-core comes with @open-wc/testing, which the browser tests already use.
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = /** @type {{ run: () => Promise<{ violations: Array<{ id: string, help: string }> }> }} */ (Reflect.get(window, 'axe'));
        return (await axe.run()).violations.map((v) => `${v.id}: ${v.help}`);
      });
      assert.deepEqual(violations, []);
    } finally {
      await page.close();
    }
  });
});
