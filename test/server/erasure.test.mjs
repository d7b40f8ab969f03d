/**
 * Erasure (`DELETE /v1/consents/{id}`) and retention (`KELISIM_RETENTION_DAYS`) against
 * the real collector, once per store: what goes, what stays (an erasure record: the id's
 * hash, the time, the count; the words archive), and what the log says.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../server/store/index.mjs';
import {
  adminGet,
  adminRequest,
  makeEvent,
  makeEvents,
  postEvents,
  postTexts,
  receiptsOf,
  startCollector,
  storeKinds,
  waitForLog,
  withCollector,
} from './harness.mjs';

/** @param {string} text */
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

for (const kind of storeKinds()) {
  describe(`erasure (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    /** @type {import('./harness.mjs').Collector} */
    let collector;
    before(async () => {
      target = await kind.create();
      collector = await startCollector(target);
    });
    after(async () => {
      await collector?.stop();
      await target?.dispose();
    });

    it("erases one browser's receipts, keeps everyone else's, and answers with the erasure record", async () => {
      const erased = makeEvents(4);
      const kept = makeEvents(2);
      await postEvents(collector.url, [...erased, ...kept]);
      const consentId = erased[0].consentId;
      const before = Date.now();
      const response = await adminRequest(collector.url, 'DELETE', `/v1/consents/${consentId.toUpperCase()}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const { erasure } = await response.json();
      assert.equal(erasure.consentIdHash, sha256(consentId), 'the record names the id by its SHA-256 only');
      assert.equal(erasure.receipts, 4);
      assert.ok(Date.parse(erasure.erasedAt) >= before - 1000);

      assert.deepEqual(await receiptsOf(collector.url, consentId), []);
      assert.equal((await receiptsOf(collector.url, kept[0].consentId)).length, 2);
      const listed = await (await adminGet(collector.url, `/v1/consents/${consentId}`)).json();
      assert.deepEqual(listed.erasures, [erasure], 'the erasure itself stays provable');
      const proof = await (await adminGet(collector.url, `/v1/consents/${consentId}/proof?lang=en`)).text();
      assert.ok(proof.includes('Receipts erased</dt><dd>4</dd>'));
      assert.ok(proof.includes(erasure.consentIdHash));

      // Logged by the hash, and the id is nowhere in the log: not even in a request line.
      const line = await waitForLog(collector, (l) => /** @type {any} */ (l).erasure?.consentIdHash === erasure.consentIdHash);
      assert.equal(/** @type {any} */ (line).erasure.receipts, 4);
      assert.ok(!collector.output().includes(consentId), 'no consent id in the log');
    });

    it('a second request is recorded too, with nothing left to erase; the words archive stays', async () => {
      const texts = ['Words of a banner', crypto.randomUUID()];
      const hash = sha256(texts.join('\n'));
      const [event] = makeEvents(1, { textsHash: hash });
      await postEvents(collector.url, [event]);
      await postTexts(collector.url, { textsHash: hash, texts, lang: 'en', uiVersion: '1' });
      const first = await (await adminRequest(collector.url, 'DELETE', `/v1/consents/${event.consentId}`)).json();
      const second = await (await adminRequest(collector.url, 'DELETE', `/v1/consents/${event.consentId}`)).json();
      assert.deepEqual([first.erasure.receipts, second.erasure.receipts], [1, 0]);
      assert.equal((await (await adminGet(collector.url, `/v1/consents/${event.consentId}`)).json()).erasures.length, 2);
      // The words are the site's, not the visitor's: another receipt with that hash still finds them.
      assert.deepEqual((await (await postEvents(collector.url, makeEvents(1, { textsHash: hash }))).json()).missingTexts, []);
    });

    it('needs the admin token; 400 for a malformed id', async () => {
      const [event] = makeEvents(1);
      await postEvents(collector.url, [event]);
      assert.equal((await adminRequest(collector.url, 'DELETE', `/v1/consents/${event.consentId}`, null)).status, 401);
      assert.equal((await adminRequest(collector.url, 'DELETE', `/v1/consents/${event.consentId}`, 'wrong')).status, 401);
      assert.equal((await receiptsOf(collector.url, event.consentId)).length, 1);
      assert.equal((await adminRequest(collector.url, 'DELETE', '/v1/consents/not-a-uuid')).status, 400);
    });
  });

  describe(`retention (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    before(async () => (target = await kind.create()));
    after(async () => target?.dispose());

    it('KELISIM_RETENTION_DAYS deletes what was received before the period at start, logged with the count', async () => {
      const day = 24 * 60 * 60 * 1000;
      const old = makeEvents(3);
      const edge = makeEvents(1);
      const recent = makeEvents(2);
      const texts = ['Old words', crypto.randomUUID()];
      const store = await openStore({ databaseUrl: target.env.DATABASE_URL ?? null, sqlitePath: target.env.KELISIM_DB ?? '' });
      try {
        await store.insertBatch(old, new Date(Date.now() - 31 * day), null);
        await store.insertBatch(edge, new Date(Date.now() - 29 * day), null);
        await store.insertBatch(recent, new Date(), null);
        await store.insertTexts(
          { textsHash: sha256(texts.join('\n')), texts, lang: 'en', uiVersion: '1' },
          new Date(Date.now() - 400 * day),
        );
      } finally {
        await store.close();
      }
      await withCollector(target, { KELISIM_RETENTION_DAYS: '30' }, async (collector) => {
        const line = /** @type {any} */ (await waitForLog(collector, (l) => /** @type {any} */ (l).retention !== undefined));
        assert.equal(line.retention.days, 30);
        assert.ok(line.retention.deleted >= 3, `deleted ${line.retention.deleted}`);
        assert.match(line.msg, /^retention: deleted \d+ receipt\(s\) received before /);
        assert.deepEqual(await receiptsOf(collector.url, old[0].consentId), []);
        assert.equal((await receiptsOf(collector.url, edge[0].consentId)).length, 1);
        assert.equal((await receiptsOf(collector.url, recent[0].consentId)).length, 2);
        assert.deepEqual(
          (await (await postEvents(collector.url, [makeEvent({ textsHash: sha256(texts.join('\n')) })])).json()).missingTexts,
          [],
          'words are kept',
        );
      });
      // Without the setting nothing is deleted.
      await withCollector(target, {}, async (collector) => {
        assert.equal((await receiptsOf(collector.url, edge[0].consentId)).length, 1);
        assert.ok(!collector.logs().some((l) => /** @type {any} */ (l).retention));
      });
    });
  });
}
