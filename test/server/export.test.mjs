/**
 * `GET /v1/export.json` against the real collector, once per store: receipts as
 * consent records aligned with ISO/IEC TS 27560 (one per consent id, its receipts as
 * events), the documented mapping of each field, the range by receive time, streamed
 * past one page without losing or repeating a receipt.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCHEMA_VERSION } from '../../server/export-27560.mjs';
import { adminGet, makeEvent, makeEvents, postEvents, sleep, startCollector, storeKinds } from './harness.mjs';

for (const kind of storeKinds()) {
  describe(`GET /v1/export.json (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    /** @type {import('./harness.mjs').Collector} */
    let collector;
    before(async () => {
      target = await kind.create();
      collector = await startCollector(target, { KELISIM_RETENTION_DAYS: '1095', KELISIM_RATE_LIMIT: '0' });
    });
    after(async () => {
      await collector?.stop();
      await target?.dispose();
    });

    const exported = async (/** @type {string} */ query = '') => {
      const response = await adminGet(collector.url, `/v1/export.json${query}`);
      assert.equal(response.status, 200, query);
      return { response, document: JSON.parse(await response.text()) };
    };

    it('one record per consent id, its receipts as events, each field where the mapping says', async () => {
      const consentId = crypto.randomUUID();
      const none = { necessary: true, analytics: false, marketing: false, partners: false };
      const some = { necessary: true, analytics: true, marketing: false, partners: false };
      const at = (/** @type {number} */ minute) => `2026-11-2${minute < 5 ? 5 : 6}T10:0${minute % 5}:00.000Z`;
      const events = [
        makeEvent({ consentId, type: 'banner.shown', method: undefined, categories: none, at: at(0), lang: 'ru' }),
        makeEvent({ consentId, type: 'consent.given', method: 'reject-all', categories: none, at: at(1), lang: 'ru' }),
        makeEvent({ consentId, type: 'consent.updated', method: 'custom', categories: some, at: at(2), lang: 'ru', subject: 'minor' }),
        makeEvent({
          consentId,
          type: 'notice.shown',
          method: undefined,
          categories: some,
          at: at(3),
          policyVersion: '2026-11-25',
          textsHash: 'cd'.repeat(32),
        }),
        makeEvent({
          consentId,
          type: 'policy.accepted.implicit',
          method: 'implicit',
          categories: some,
          at: at(5),
          policyVersion: '2026-11-25',
          textsHash: 'cd'.repeat(32),
          noticeShownAt: at(3),
        }),
        makeEvent({
          consentId,
          type: 'consent.withdrawn',
          method: 'withdraw',
          categories: none,
          at: at(6),
          policyVersion: '2026-11-25',
          textsHash: undefined,
          uiVersion: undefined,
        }),
      ];
      await postEvents(collector.url, [...events].reverse());
      const { response, document } = await exported();
      assert.match(response.headers.get('content-type') ?? '', /^application\/json; charset=utf-8/);
      assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="kelisim-consent-records\.json"/);
      assert.equal(document.schema_version, SCHEMA_VERSION);
      assert.match(document.generated_by, /^kelisim-collector\/\d+\.\d+\.\d+/);
      const record = document.records.find((/** @type {any} */ r) => r.pii_principal_id === consentId);
      assert.ok(record, 'the consent is a record');
      assert.equal(record.record_id, consentId);
      assert.deepEqual(record.language.sort(), ['kk', 'ru']);
      assert.equal(record.retention_period, 'P1095D');
      assert.equal(record.pii_principal_is_child, true);
      assert.deepEqual(
        record.notices.map((/** @type {any} */ n) => n.notice_id),
        [events[0].textsHash, 'cd'.repeat(32)],
      );
      assert.deepEqual(record.purposes, [
        { purpose: 'necessary', lawful_basis: null },
        { purpose: 'analytics', lawful_basis: 'dpv:Consent' },
        { purpose: 'marketing', lawful_basis: 'dpv:Consent' },
        { purpose: 'partners', lawful_basis: 'dpv:Consent' },
      ]);
      assert.deepEqual(
        record.events.map((/** @type {any} */ e) => [
          e.kelisim.type,
          e.event_state,
          e.event_type,
          e.entity_id === consentId ? 'subject' : e.entity_id,
        ]),
        [
          ['banner.shown', 'dpv:ConsentRequested', null, 'pii_controller'],
          ['consent.given', 'dpv:ConsentRefused', 'dpv:ExpressedConsent', 'subject'],
          ['consent.updated', 'dpv:ConsentGiven', 'dpv:ExpressedConsent', 'subject'],
          ['notice.shown', 'dpv:ConsentRequested', null, 'pii_controller'],
          ['policy.accepted.implicit', 'dpv:RenewedConsentGiven', 'dpv:ImpliedConsent', 'subject'],
          ['consent.withdrawn', 'dpv:ConsentWithdrawn', 'dpv:ExpressedConsent', 'subject'],
        ],
      );
      const custom = record.events[2];
      assert.deepEqual(custom.purposes, {
        necessary: 'dpv:ConsentGiven',
        analytics: 'dpv:ConsentGiven',
        marketing: 'dpv:ConsentRefused',
        partners: 'dpv:ConsentRefused',
      });
      assert.equal(custom.event_time, events[2].at);
      assert.equal(custom.expression_method, 'custom');
      assert.equal(typeof custom.recorded_time, 'string');
      assert.deepEqual(record.events[4].notice, {
        policy_version: '2026-11-25',
        texts_hash: 'cd'.repeat(32),
        ui_version: '1.0.0',
        shown_at: at(3),
      });
      assert.equal(record.events[0].event_id, events[0].eventId);
      assert.equal(record.events[0].kelisim.page, events[0].page);
    });

    it('the range is by receive time, like the CSV; 400 for a bad one; the admin token is needed', async () => {
      const early = makeEvents(2);
      await postEvents(collector.url, early);
      await sleep(30);
      const from = new Date().toISOString();
      await sleep(30);
      const late = makeEvents(3);
      await postEvents(collector.url, late);
      const { document } = await exported(`?from=${from}`);
      const ids = new Set(document.records.map((/** @type {any} */ r) => r.record_id));
      assert.ok(ids.has(late[0].consentId));
      assert.ok(!ids.has(early[0].consentId));
      assert.equal(document.received_from, from);
      for (const query of ['?from=2026-02-01&to=2026-01-01', '?from=soon'])
        assert.equal((await adminGet(collector.url, `/v1/export.json${query}`)).status, 400);
      assert.equal((await adminGet(collector.url, '/v1/export.json', null)).status, 401);
    });

    it('streams thousands of receipts across many consents: every receipt once, each consent together', async () => {
      const from = new Date().toISOString();
      await sleep(10);
      for (let i = 0; i < 60; i++) {
        const consentId = crypto.randomUUID();
        const batch = Array.from({ length: 40 }, (_, j) =>
          makeEvent({ consentId, at: new Date(Date.UTC(2026, 10, 1, 0, j)).toISOString() }),
        );
        assert.equal((await postEvents(collector.url, batch)).status, 200);
      }
      const { document } = await exported(`?from=${from}`);
      assert.equal(document.records.length, 60);
      const ids = document.records.flatMap((/** @type {any} */ r) => r.events.map((/** @type {any} */ e) => e.event_id));
      assert.equal(ids.length, 2400);
      assert.equal(new Set(ids).size, 2400);
      for (const record of document.records) {
        const times = record.events.map((/** @type {any} */ e) => e.event_time);
        assert.deepEqual(times, [...times].sort(), 'oldest first');
      }
    });
  });
}
