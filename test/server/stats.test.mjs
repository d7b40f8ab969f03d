/**
 * `GET /v1/stats`, the console's aggregates, against the real collector, once per store:
 * days cut at midnight where the operator is (Asia/Almaty), decisions by method per day,
 * language and policy version, the allowed share of each category, the two funnels, and
 * what the range accepts. The console draws these numbers: test/e2e/console.test.mjs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../server/store/index.mjs';
import { adminGet, makeEvent, startCollector, storeKinds } from './harness.mjs';

for (const kind of storeKinds()) {
  describe(`GET /v1/stats (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    /** @type {import('./harness.mjs').Collector} */
    let collector;
    before(async () => {
      target = await kind.create();
      const store = await openStore({ databaseUrl: target.env.DATABASE_URL ?? null, sqlitePath: target.env.KELISIM_DB ?? '' });
      const at = (/** @type {string} */ iso, /** @type {Record<string, unknown>[]} */ events) =>
        store.insertBatch(
          events.map((e) => makeEvent(e)),
          new Date(iso),
          null,
        );
      const all = { necessary: true, analytics: true, marketing: true, partners: true };
      const none = { necessary: true, analytics: false, marketing: false, partners: false };
      const a = crypto.randomUUID();
      const b = crypto.randomUUID();
      const c = crypto.randomUUID();
      try {
        // 23:59:59 on 25 November in Almaty, then 00:00:00 on the 26th: two days.
        await at('2026-11-25T18:59:59.000Z', [
          { consentId: a, type: 'banner.shown', method: undefined, categories: none },
          { consentId: a, method: 'accept-all', categories: all, lang: 'ru' },
        ]);
        await at('2026-11-25T19:00:00.000Z', [
          { consentId: b, type: 'banner.shown', method: undefined, categories: none },
          { consentId: b, method: 'reject-all', categories: none, lang: 'kk', policyVersion: '2026-11-25' },
          { consentId: c, type: 'banner.shown', method: undefined, categories: none },
        ]);
        await at('2026-11-27T10:00:00.000Z', [
          { consentId: a, type: 'notice.shown', method: undefined, categories: all, policyVersion: '2026-11-25' },
          { consentId: b, type: 'notice.shown', method: undefined, categories: none, policyVersion: '2026-11-25' },
          { consentId: a, type: 'policy.accepted', method: undefined, categories: all, policyVersion: '2026-11-25' },
          { consentId: b, type: 'consent.withdrawn', method: 'withdraw', categories: none, policyVersion: '2026-11-25', lang: 'kk' },
        ]);
        await at('2026-12-05T10:00:00.000Z', [
          { consentId: b, type: 'policy.accepted.implicit', method: 'implicit', categories: none, policyVersion: '2026-11-25', lang: 'kk' },
        ]);
        // Outside every range asked below.
        await at('2026-10-01T00:00:00.000Z', [{ method: 'custom' }]);
      } finally {
        await store.close();
      }
      collector = await startCollector(target, { KELISIM_TIME_ZONE: 'Asia/Almaty' });
    });
    after(async () => {
      await collector?.stop();
      await target?.dispose();
    });

    const stats = async (/** @type {string} */ query) => {
      const response = await adminGet(collector.url, `/v1/stats?${query}`);
      assert.equal(response.status, 200, query);
      return response.json();
    };

    it("counts decisions per day in the collector's zone, per method, language and policy version", async () => {
      const s = await stats('from=2026-11-25&to=2026-12-05');
      assert.equal(s.timeZone, 'Asia/Almaty');
      assert.deepEqual(s.range, { from: '2026-11-24T19:00:00.000Z', to: '2026-12-05T19:00:00.000Z' });
      assert.deepEqual(s.decisionsByDay, [
        { day: '2026-11-25', method: 'accept-all', count: 1 },
        { day: '2026-11-26', method: 'reject-all', count: 1 },
        { day: '2026-11-27', method: 'withdraw', count: 1 },
        { day: '2026-12-05', method: 'implicit', count: 1 },
      ]);
      assert.deepEqual(s.decisionsByLanguage, [
        { lang: 'kk', method: 'reject-all', count: 1 },
        { lang: 'kk', method: 'withdraw', count: 1 },
        { lang: 'kk', method: 'implicit', count: 1 },
        { lang: 'ru', method: 'accept-all', count: 1 },
      ]);
      assert.deepEqual(
        s.decisionsByPolicyVersion.map((/** @type {any} */ r) => [r.policyVersion, r.method, r.count]),
        [
          ['2026-06-01', 'accept-all', 1],
          ['2026-11-25', 'reject-all', 1],
          ['2026-11-25', 'withdraw', 1],
          ['2026-11-25', 'implicit', 1],
        ],
      );
      assert.deepEqual(s.categories, [
        { id: 'necessary', allowed: 4, decisions: 4 },
        { id: 'analytics', allowed: 1, decisions: 4 },
        { id: 'marketing', allowed: 1, decisions: 4 },
        { id: 'partners', allowed: 1, decisions: 4 },
      ]);
      assert.deepEqual(s.banner, { shown: 3, decided: 2 });
      assert.deepEqual(s.notice, { shown: 2, acceptedByButton: 1, acceptedImplicitly: 1 });
      assert.equal(s.receipts, 10);
    });

    it('a range is whole days: the 25th alone is not the 26th; the funnels count in the range only', async () => {
      const s = await stats('from=2026-11-25&to=2026-11-25');
      assert.deepEqual(s.decisionsByDay, [{ day: '2026-11-25', method: 'accept-all', count: 1 }]);
      assert.deepEqual(s.banner, { shown: 1, decided: 1 });
      const notice = await stats('from=2026-11-27&to=2026-11-30');
      assert.deepEqual(notice.notice, { shown: 2, acceptedByButton: 1, acceptedImplicitly: 0 });
    });

    it('without a range: the last 30 days to today; 400 for a reversed, overlong or malformed range', async () => {
      const s = await stats('');
      assert.equal(Date.parse(`${s.to}T00:00:00Z`) - Date.parse(`${s.from}T00:00:00Z`), 29 * 86_400_000);
      for (const query of [
        'from=2026-12-01&to=2026-11-01',
        'from=2000-01-01&to=2026-01-01',
        'from=yesterday',
        'from=2026-11-01T00:00:00Z',
        'since=2026-11-01',
      ]) {
        assert.equal((await adminGet(collector.url, `/v1/stats?${query}`)).status, 400, query);
      }
      assert.equal((await adminGet(collector.url, '/v1/stats', null)).status, 401);
    });
  });
}
