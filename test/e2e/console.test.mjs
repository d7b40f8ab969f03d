/**
 * The operator's console in Chromium, against the real collector (`npm start`'s server,
 * demo and console on one origin) with receipts from real widget clicks and a seeded
 * database: the token typed once and kept for the tab; receipts live; the proof of a
 * clicked consent with the banner's own sentences, verified; erasure from the console;
 * charts whose numbers are what SQL counts, on SQLite and PostgreSQL; axe and keyboard.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seed } from '../../bench/seed-receipts.mjs';
import { startOfDay, nextDay } from '../../server/zone.mjs';
import { ADMIN_TOKEN, runSql, startCollector, storeKinds } from '../server/harness.mjs';
import { axeViolations, launch, noBrowser, noDist, shownWords, waitFor } from './browser.mjs';

const ZONE = 'Asia/Almaty';
const DAY = 86_400_000;

/**
 * Seeds receipts received over the 60 days before now, so the console's default range has some.
 * @param {import('../server/harness.mjs').StoreTarget} target
 */
async function seeded(target, receipts = 3000) {
  const to = new Date();
  return seed(
    { databaseUrl: target.env.DATABASE_URL ?? null, sqlitePath: target.env.KELISIM_DB ?? '' },
    { receipts, from: new Date(to.getTime() - 60 * DAY), to, seed: 7 },
  );
}

/**
 * Signs in as an operator does: the token typed into the form, Enter.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
async function signIn(page, url, token = ADMIN_TOKEN) {
  await page.goto(`${url}/console`);
  await page.locator('#token').fill(token);
  await page.locator('#token').press('Enter');
}

/**
 * The numbers of one chart's table: row key → series → value.
 * @param {import('playwright-core').Page} page
 * @param {string} figure
 * @returns {Promise<Record<string, Record<string, number>>>}
 */
function chartNumbers(page, figure) {
  return page.$$eval(`#${figure} [data-table] tbody tr`, (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        /** @type {HTMLElement} */ (row).dataset.key,
        Object.fromEntries([...row.querySelectorAll('td')].map((td) => [td.dataset.series, Number(td.dataset.value)])),
      ]),
    ),
  );
}

/**
 * What SQL counts for a range of days in Asia/Almaty, written apart from the store's own
 * queries: PostgreSQL buckets days with its own zone data, the funnels use EXISTS.
 * @param {import('../server/harness.mjs').StoreTarget} target
 * @param {string} fromDay
 * @param {string} toDay
 */
async function sqlCounts(target, fromDay, toDay) {
  const from = startOfDay(fromDay, ZONE).toISOString();
  const to = startOfDay(nextDay(toDay), ZONE).toISOString();
  const pg = !target.file;
  const range = (/** @type {string} */ t) =>
    pg ? `${t}received_at >= $1 AND ${t}received_at < $2` : `${t}received_at >= ? AND ${t}received_at < ?`;
  const both = (/** @type {string} */ sql) => ({ sqlite: sql.replace(/\$\d/g, '?'), postgres: sql });
  const query = (/** @type {string} */ sqlite, /** @type {string} */ postgres, params = [from, to]) =>
    runSql(target, { sqlite, postgres }, params);
  /** @type {Record<string, Record<string, number>>} */
  const byDay = {};
  const dayRows = await query(
    `SELECT strftime('%Y-%m-%d', received_at, '+300 minutes') AS k, method, count(*) AS n FROM receipts WHERE method IS NOT NULL AND ${range('')} GROUP BY k, method`,
    `SELECT to_char(received_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS k, method, count(*) AS n FROM receipts WHERE method IS NOT NULL AND ${range('')} GROUP BY k, method`,
  );
  for (const row of dayRows) (byDay[String(row.k)] ??= {})[String(row.method)] = Number(row.n);
  const grouped = async (/** @type {string} */ column) => {
    /** @type {Record<string, Record<string, number>>} */
    const out = {};
    const sql = `SELECT ${column} AS k, method, count(*) AS n FROM receipts WHERE method IS NOT NULL AND ${range('')} GROUP BY ${column}, method`;
    for (const row of await runSql(target, both(sql), [from, to])) (out[String(row.k)] ??= {})[String(row.method)] = Number(row.n);
    return out;
  };
  /** @type {Record<string, { allowed: number, decisions: number }>} */
  const categories = {};
  for (const id of ['necessary', 'analytics', 'marketing', 'partners']) {
    const [row] = await query(
      `SELECT sum(json_extract(categories, '$.${id}') = 1) AS allowed, count(*) AS decisions FROM receipts WHERE method IS NOT NULL AND ${range('')}`,
      `SELECT sum(CASE WHEN (categories::jsonb ->> '${id}')::boolean THEN 1 ELSE 0 END) AS allowed, count(*) AS decisions FROM receipts WHERE method IS NOT NULL AND ${range('')}`,
    );
    categories[id] = { allowed: Number(row.allowed), decisions: Number(row.decisions) };
  }
  const consents = async (/** @type {string} */ shown, /** @type {string | null} */ then) => {
    const sql = then
      ? `SELECT count(DISTINCT s.consent_id) AS n FROM receipts s WHERE s.type = '${shown}' AND ${range('s.')} AND EXISTS (SELECT 1 FROM receipts d WHERE d.consent_id = s.consent_id AND d.type = '${then}' AND ${range('d.')})`
      : `SELECT count(DISTINCT consent_id) AS n FROM receipts WHERE type = '${shown}' AND ${range('')}`;
    return Number((await runSql(target, both(sql), then ? [from, to, from, to].slice(0, pg ? 2 : 4) : [from, to]))[0].n);
  };
  const [total] = await runSql(target, both(`SELECT count(*) AS n FROM receipts WHERE ${range('')}`), [from, to]);
  return {
    byDay,
    byLanguage: await grouped('lang'),
    byPolicy: await grouped('policy_version'),
    categories,
    banner: { shown: await consents('banner.shown', null), decided: await consents('banner.shown', 'consent.given') },
    notice: {
      shown: await consents('notice.shown', null),
      byButton: await consents('notice.shown', 'policy.accepted'),
      implicitly: await consents('notice.shown', 'policy.accepted.implicit'),
    },
    receipts: Number(total.n),
  };
}

/**
 * A chart's table as `{key: {method: count}}`, without the zero cells and the totals, to compare with SQL.
 * @param {Record<string, Record<string, number>>} numbers
 */
function perMethod(numbers) {
  return Object.fromEntries(
    Object.entries(numbers)
      .map(([key, cells]) => [key, Object.fromEntries(Object.entries(cells).filter(([series, value]) => series !== 'total' && value > 0))])
      .filter(([, cells]) => Object.keys(cells).length > 0),
  );
}

describe('the console, with the demo on the same collector', { skip: noBrowser || noDist }, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('../server/harness.mjs').StoreTarget} */
  let target;
  /** @type {import('../server/harness.mjs').Collector} */
  let collector;
  before(async () => {
    browser = await launch();
    target = await storeKinds()[0].create();
    await seeded(target);
    collector = await startCollector(target, {}, { entry: 'start' });
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
    await target?.dispose();
  });

  it('the token is typed once, kept for the tab only, never in an address; a wrong one is refused', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      /** @type {string[]} */
      const addresses = [];
      page.on('request', (request) => addresses.push(request.url()));
      await signIn(page, collector.url, 'wrong-token');
      await page.waitForFunction(() => /401/.test(document.getElementById('sign-in-status')?.textContent ?? ''));
      assert.equal(await page.locator('#app').isHidden(), true);

      await page.locator('#token').fill(ADMIN_TOKEN);
      await page.keyboard.press('Enter');
      await page.locator('#by-day svg').waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.getItem('kelisim-console-token')), ADMIN_TOKEN);
      assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('test-admin-token')), false, 'not in localStorage');
      assert.ok(!addresses.some((address) => address.includes(ADMIN_TOKEN)), 'never in an address');
      assert.ok(!page.url().includes(ADMIN_TOKEN));

      // The same tab, reloaded: still signed in. Another tab (a new context): asked again.
      await page.reload();
      await page.locator('#by-day svg').waitFor();
      const other = await browser.newContext();
      const fresh = await other.newPage();
      await fresh.goto(`${collector.url}/console`);
      await fresh.locator('#token').waitFor();
      assert.equal(await fresh.locator('#app').isHidden(), true);
      await other.close();

      await page.locator('#sign-out').click();
      assert.equal(await page.evaluate(() => sessionStorage.getItem('kelisim-console-token')), null);
    } finally {
      await context.close();
    }
  });

  it('a click on the demo: live in the console, and its proof shows the banner’s own sentences, verified; erased from the console', async () => {
    const operator = await browser.newContext();
    const visitor = await browser.newContext();
    try {
      const console_ = await operator.newPage();
      await signIn(console_, collector.url);
      await console_.locator('#rows tr').first().waitFor();

      const page = await visitor.newPage();
      await page.goto(`${collector.url}/en.html`);
      await page.locator('[part~="accept-all"]').waitFor();
      const words = await shownWords(page);
      assert.ok(words.length > 5, 'the banner has words');
      await page.locator('[part~="accept-all"]').click();
      const consent = await page.evaluate(() => window.Kelisim.getConsent());

      // Live: the click's receipt appears in the list without a reload.
      const row = console_.locator(`#rows tr:has(button[title="${consent.id}"])`).filter({ hasText: 'consent.given' });
      await row.waitFor({ timeout: 15_000 });
      assert.match((await console_.locator('#live-status').textContent()) ?? '', /Live: \d+ receipts shown/);

      // The words were uploaded once, for the banner.shown and the decision together.
      await waitFor(() => collector.logs().some((l) => /archived the words of one textsHash/.test(String(l.msg))), 15_000, 'the upload');
      const uploads = collector.logs().filter((l) => /words of (one|this) textsHash/.test(String(l.msg)));
      assert.equal(uploads.length, 1, 'one upload for the banner’s words');

      // The proof, opened from the live list.
      await row.locator('button').click();
      const frame = console_.frameLocator('#proof-frame');
      await frame.locator('h1').waitFor();
      const proof = await frame.locator('body').textContent();
      for (const sentence of words) assert.ok(proof?.includes(sentence), `the proof shows: ${sentence}`);
      assert.equal(await frame.locator('.status.verified').count(), 2, 'banner.shown and consent.given, each verified');
      assert.ok(proof?.includes('Consent given: accept all'));
      assert.ok(await console_.evaluate(() => document.activeElement?.id === 'lookup-title'), 'focus moves to the proof');

      // Someone else's words under the same hash: refused.
      const forged = await page.evaluate(
        async (hash) => {
          const response = await fetch('/v1/texts', {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain' },
            body: JSON.stringify({ textsHash: hash, texts: ['You agree to everything.'], lang: 'en', uiVersion: '1' }),
          });
          return response.status;
        },
        (
          await runSql(target, { sqlite: 'SELECT texts_hash FROM receipts WHERE consent_id = ? AND type = ?', postgres: '' }, [
            consent.id,
            'consent.given',
          ])
        )[0].texts_hash,
      );
      assert.equal(forged, 422);

      // Erasure, from the console, with its confirmation.
      await console_.locator('#proof-erase').click();
      await console_.locator('#erase-dialog').waitFor();
      await console_.locator('#erase-dialog button[value="erase"]').click();
      await console_
        .locator('#lookup-status')
        .filter({ hasText: /Erased: \d+ receipts/ })
        .waitFor();
      const left = await runSql(target, { sqlite: 'SELECT count(*) AS n FROM receipts WHERE consent_id = ?', postgres: '' }, [consent.id]);
      assert.equal(left[0].n, 0);
      await frame.locator('text=Receipts erased').waitFor();
      const record = await runSql(target, { sqlite: 'SELECT receipts FROM erasures', postgres: '' });
      assert.ok(record.some((r) => Number(r.receipts) >= 2));
    } finally {
      await operator.close();
      await visitor.close();
    }
  });

  it('reachable by keyboard alone, and axe finds nothing: signed out, and signed in with charts, receipts and a proof', async () => {
    // axe goes in as an inline script, which the console's policy refuses: this context alone lets it in.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${collector.url}/console`);
      await page.locator('#token').waitFor();
      assert.deepEqual(await axeViolations(page), []);

      // Tab from the top: the skip link, the language, then the token field.
      const reached = [];
      for (let i = 0; i < 6 && !reached.includes('token'); i++) {
        await page.keyboard.press('Tab');
        reached.push(
          await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName),
        );
      }
      assert.ok(reached.includes('token'), reached.join(' → '));
      await page.keyboard.type(ADMIN_TOKEN);
      await page.keyboard.press('Enter');
      await page.locator('#by-day svg').waitFor();
      await page.locator('#rows tr').first().waitFor();

      // A preset by keyboard: focus it, Enter.
      await page.locator('[data-days="7"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () =>
          /** @type {HTMLInputElement} */ (document.getElementById('from')).value !== '' &&
          document.querySelectorAll('#by-day [data-table] tbody tr').length === 7,
      );

      // A proof by keyboard: the lookup field, Enter.
      const id = await page.locator('#rows tr button').first().getAttribute('title');
      await page.locator('#consent-id').fill(String(id));
      await page.locator('#consent-id').press('Enter');
      await page.frameLocator('#proof-frame').locator('h1').waitFor();
      for (const details of await page.locator('details').all()) await details.evaluate((d) => d.setAttribute('open', ''));
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
});

for (const kind of storeKinds()) {
  describe(`the console's charts show what SQL counts (${kind.name})`, { skip: noBrowser || kind.skip }, () => {
    /** @type {import('playwright-core').Browser} */
    let browser;
    /** @type {import('../server/harness.mjs').StoreTarget} */
    let target;
    /** @type {import('../server/harness.mjs').Collector} */
    let collector;
    before(async () => {
      browser = await launch();
      target = await kind.create();
      await seeded(target, 4000);
      collector = await startCollector(target, { KELISIM_TIME_ZONE: ZONE });
    });
    after(async () => {
      await browser?.close();
      await collector?.stop();
      await target?.dispose();
    });

    it('every chart of a range picked with the date fields', async () => {
      const page = await browser.newPage();
      try {
        await signIn(page, collector.url);
        await page.locator('#by-day svg').waitFor();
        const today = await page.locator('#to').inputValue();
        const fromDay = new Date(Date.parse(`${today}T00:00:00Z`) - 40 * DAY).toISOString().slice(0, 10);
        const toDay = new Date(Date.parse(`${today}T00:00:00Z`) - 5 * DAY).toISOString().slice(0, 10);
        await page.locator('#from').fill(fromDay);
        await page.locator('#to').fill(toDay);
        await page.locator('#range button[type="submit"]').click();
        await page.waitForFunction((days) => document.querySelectorAll('#by-day [data-table] tbody tr').length === days, 36);

        const expected = await sqlCounts(target, fromDay, toDay);
        assert.ok(Object.keys(expected.byDay).length > 20, 'the range has data');
        assert.deepEqual(perMethod(await chartNumbers(page, 'by-day')), expected.byDay);
        assert.deepEqual(perMethod(await chartNumbers(page, 'by-language')), expected.byLanguage);
        assert.deepEqual(perMethod(await chartNumbers(page, 'by-policy')), expected.byPolicy);
        const categories = await chartNumbers(page, 'by-category');
        assert.deepEqual(
          Object.fromEntries(Object.entries(categories).map(([id, c]) => [id, { allowed: c.allowed, decisions: c.decisions }])),
          expected.categories,
        );
        const banner = await chartNumbers(page, 'banner');
        assert.deepEqual({ shown: banner.shown.count, decided: banner.decided.count }, expected.banner);
        const notice = await chartNumbers(page, 'notice');
        assert.deepEqual(
          { shown: notice.shown.count, byButton: notice.byButton.count, implicitly: notice.implicitly.count },
          expected.notice,
        );
        assert.equal(Number(await page.locator('#tiles [data-key="receipts"]').getAttribute('data-value')), expected.receipts);

        // The drawings carry the same numbers: one column segment per non-zero cell.
        const segments = await page.locator('#by-day svg rect').count();
        assert.equal(
          segments,
          Object.values(expected.byDay).reduce((sum, methods) => sum + Object.keys(methods).length, 0),
        );
      } finally {
        await page.close();
      }
    });
  });
}
