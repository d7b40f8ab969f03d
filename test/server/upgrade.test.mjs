/**
 * Collector 1.0 (as released, from git) and this one, once per store: a 1.0 database
 * upgrades in place when this collector starts on it; and the protocol as each side sees
 * the other. The widgets themselves, old and new, against both collectors in Chromium:
 * test/e2e/compat.test.mjs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  EVENT_TEXTS_HASH,
  adminGet,
  makeEvent,
  makeEvents,
  postEvents,
  postTexts,
  receiptsOf,
  runSql,
  storeKinds,
  withCollector,
} from './harness.mjs';
import { COLLECTOR_1_0, missing, startCollector10 } from './released.mjs';
import { createHash } from 'node:crypto';

/** @param {string[]} texts */
const hashOf = (texts) => createHash('sha256').update(texts.join('\n')).digest('hex');

for (const kind of storeKinds()) {
  describe(`collector 1.0 → 1.1 (${kind.name})`, { skip: kind.skip || missing(COLLECTOR_1_0) }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    before(async () => (target = await kind.create()));
    after(async () => target?.dispose());

    it('a 1.0 database upgrades in place: every receipt kept, schema 2, and the 1.1 routes work on it', async () => {
      const texts = ['The words of a 1.0 banner', 'Accept all'];
      const old = [
        makeEvent({ type: 'banner.shown', method: undefined, textsHash: undefined, uiVersion: undefined }),
        makeEvent({ textsHash: hashOf(texts) }),
      ].map((event, i, all) => ({ ...event, consentId: all[0].consentId }));
      const others = makeEvents(120);
      const released = await startCollector10(target);
      try {
        for (const batch of [old, others.slice(0, 50), others.slice(50, 100), others.slice(100)]) {
          const response = await postEvents(released.url, batch);
          assert.equal(response.status, 200);
          assert.deepEqual(Object.keys(await response.json()).sort(), ['accepted', 'duplicates'], '1.0 answers without missingTexts');
        }
      } finally {
        await released.stop();
      }
      assert.deepEqual(await versions(target), [1]);

      await withCollector(target, {}, async ({ url }) => {
        assert.deepEqual(await versions(target), [1, 2]);
        const kept = await receiptsOf(url, old[0].consentId);
        assert.deepEqual(
          kept.map((r) => r.eventId),
          old.map((e) => e.eventId),
        );
        assert.equal(kept[1].noticeShownAt, null);
        assert.equal((await receiptsOf(url, others[0].consentId)).length, 120);
        // The 1.0 receipt's words can be archived now, and its proof verified.
        assert.deepEqual((await (await postEvents(url, [makeEvent({ textsHash: hashOf(texts) })])).json()).missingTexts, [hashOf(texts)]);
        assert.deepEqual(await (await postTexts(url, { textsHash: hashOf(texts), texts, lang: 'kk', uiVersion: '1.0.0' })).json(), {
          stored: true,
        });
        const proof = await (await adminGet(url, `/v1/consents/${old[0].consentId}/proof?format=json`)).json();
        assert.deepEqual(
          proof.history.map((/** @type {any} */ e) => e.words.status),
          ['none', 'verified'],
        );
        // The live list and the console's aggregates run on the upgraded tables.
        const live = await (await adminGet(url, '/v1/receipts?limit=1000')).json();
        assert.ok(live.receipts.length >= 123, `${live.receipts.length} receipts listed`);
        const stats = await (await adminGet(url, '/v1/stats')).json();
        assert.ok(stats.receipts >= 123);
      });
      // And opening it again migrates nothing more.
      await withCollector(target, {}, async () => assert.deepEqual(await versions(target), [1, 2]));
    });
  });

  describe(`the protocol between releases (${kind.name})`, { skip: kind.skip || missing(COLLECTOR_1_0) }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    before(async () => (target = await kind.create()));
    after(async () => target?.dispose());

    it('1.1 widget → 1.0 collector: a hash on a shown event is taken; noticeShownAt is refused with the 400 the widget strips it on', async () => {
      const released = await startCollector10(target);
      try {
        const shown = makeEvent({ type: 'banner.shown', method: undefined });
        assert.equal((await postEvents(released.url, [shown])).status, 200, 'textsHash on banner.shown');
        const implicit = makeEvent({ type: 'policy.accepted.implicit', method: 'implicit', noticeShownAt: '2026-11-26T06:00:00.000Z' });
        const refused = await postEvents(released.url, [makeEvent(), implicit]);
        assert.equal(refused.status, 400);
        // What src/core/transport/transport.ts looks for (event, field, and these words) before it sends the event again without the field.
        const answer = await refused.json();
        assert.equal(answer.event, 1);
        assert.equal(answer.field, 'noticeShownAt');
        assert.match(answer.message, /not part of the event protocol/);
        const { noticeShownAt: _dropped, ...stripped } = implicit;
        assert.equal((await postEvents(released.url, [stripped])).status, 200);
        // 1.0 has no texts archive: the widget never asks it (no missingTexts), and this is why.
        assert.equal(
          (await postTexts(released.url, { textsHash: EVENT_TEXTS_HASH, texts: ['x'], lang: 'en', uiVersion: '1' })).status,
          404,
        );
      } finally {
        await released.stop();
      }
    });

    it('1.0 widget → 1.1 collector: its batches are taken as before; the answer only adds missingTexts, which 1.0 never reads', async () => {
      await withCollector(target, {}, async ({ url }) => {
        // As widget 1.0 sends them: no hash on banner.shown, a hash on the decision, no noticeShownAt on an implicit acceptance.
        const consentId = crypto.randomUUID();
        const batch = [
          makeEvent({ consentId, type: 'banner.shown', method: undefined, textsHash: undefined, uiVersion: undefined }),
          makeEvent({ consentId }),
          makeEvent({ consentId, type: 'policy.accepted.implicit', method: 'implicit', textsHash: undefined, uiVersion: undefined }),
        ];
        const response = await postEvents(url, batch);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { accepted: 3, duplicates: 0, missingTexts: [EVENT_TEXTS_HASH] });
        const proof = await (await adminGet(url, `/v1/consents/${consentId}/proof?format=json`)).json();
        assert.deepEqual(
          proof.history.map((/** @type {any} */ e) => e.words.status),
          ['none', 'missing', 'none'],
        );
        assert.deepEqual(proof.history[2].clause12, { noticeShownAt: null, noticeReceipt: null, continuedUseAt: batch[2].at });
      });
    });
  });
}

/** @param {import('./harness.mjs').StoreTarget} target */
async function versions(target) {
  const rows = await runSql(target, {
    sqlite: 'SELECT version FROM schema_version ORDER BY version',
    postgres: 'SELECT version FROM schema_version ORDER BY version',
  });
  return rows.map((row) => Number(row.version));
}
