/**
 * Scaled out as operators run it: two collector processes on one PostgreSQL, the same
 * batches and the same words sent to both at once. Every receipt and every text is
 * stored once, the console's counts are exact from either, the proof is the same
 * whichever serves it, and the live list misses nothing even when a write commits after
 * a later one (the case that made a `seq` cursor skip a receipt).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { COLUMNS, toRow } from '../../server/store/receipt.mjs';
import { adminGet, makeEvent, postEvents, postTexts, runSql, startCollector, storeKinds } from './harness.mjs';

const postgres = /** @type {NonNullable<ReturnType<typeof storeKinds>[number]>} */ (storeKinds().find((kind) => kind.name === 'postgres'));

/** @param {string[]} texts */
const hashOf = (texts) => createHash('sha256').update(texts.join('\n')).digest('hex');

describe('two collectors on one PostgreSQL', { skip: postgres.skip }, () => {
  /** @type {import('./harness.mjs').StoreTarget} */
  let target;
  /** @type {import('./harness.mjs').Collector[]} */
  let collectors = [];
  before(async () => {
    target = await postgres.create();
    // Started together: one migrates, the other waits on the advisory lock.
    collectors = await Promise.all([
      startCollector(target, { KELISIM_RATE_LIMIT: '0' }),
      startCollector(target, { KELISIM_RATE_LIMIT: '0' }),
    ]);
  });
  after(async () => {
    await Promise.all(collectors.map((c) => c.stop()));
    await target?.dispose();
  });

  it('the same batches and words to both at once: each receipt and each text stored once; counts and proofs agree', async () => {
    const views = Array.from({ length: 5 }, (_, i) => ['Сіздің деректеріңіз', `view ${i}`, 'Барлығын қабылдау']);
    const consents = Array.from({ length: 40 }, () => crypto.randomUUID());
    const methods = ['accept-all', 'reject-all', 'custom'];
    const batches = consents.map((consentId, i) => [
      makeEvent({ consentId, type: 'banner.shown', method: undefined, textsHash: hashOf(views[i % 5]) }),
      makeEvent({ consentId, method: methods[i % 3], textsHash: hashOf(views[i % 5]) }),
    ]);
    const answers = await Promise.all(batches.flatMap((batch) => collectors.map((c) => postEvents(c.url, batch).then((r) => r.json()))));
    assert.equal(
      answers.reduce((sum, a) => sum + a.accepted, 0),
      80,
      'each event accepted by one of the two',
    );
    assert.equal(
      answers.reduce((sum, a) => sum + a.duplicates, 0),
      80,
      'and counted as a duplicate by the other',
    );

    const uploads = await Promise.all(
      views.flatMap((texts) =>
        [...collectors, ...collectors].map(async (c) => {
          const response = await postTexts(c.url, { textsHash: hashOf(texts), texts, lang: 'kk', uiVersion: '1' });
          return { status: response.status, ...(await response.json()) };
        }),
      ),
    );
    assert.deepEqual(new Set(uploads.map((u) => u.status)), new Set([200]), "every upload answered, none failed on the other's insert");
    assert.equal(uploads.filter((u) => u.stored === true).length, 5, 'each text kept once, whichever took it');
    assert.equal(uploads.filter((u) => u.stored === false).length, 15, 'and found there by the others');

    const [row] = await runSql(target, { sqlite: '', postgres: 'SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM receipts' });
    assert.deepEqual([Number(row.n), Number(row.d)], [80, 80]);
    const [texts] = await runSql(target, { sqlite: '', postgres: 'SELECT count(*) AS n FROM texts' });
    assert.equal(Number(texts.n), 5);

    const stats = await Promise.all(collectors.map(async (c) => (await adminGet(c.url, '/v1/stats')).json()));
    for (const s of stats) {
      assert.equal(s.receipts, 80);
      assert.deepEqual(
        Object.fromEntries(
          methods.map((m) => [
            m,
            s.decisionsByDay
              .filter((/** @type {any} */ d) => d.method === m)
              .reduce((/** @type {number} */ n, /** @type {any} */ d) => n + d.count, 0),
          ]),
        ),
        { 'accept-all': 14, 'reject-all': 13, custom: 13 },
      );
      assert.deepEqual(s.banner, { shown: 40, decided: 40 });
    }
    for (const consentId of consents.slice(0, 5)) {
      const [a, b] = await Promise.all(
        collectors.map(async (c) => (await adminGet(c.url, `/v1/consents/${consentId}/proof?format=json`)).json()),
      );
      assert.deepEqual({ ...a, generatedAt: null }, { ...b, generatedAt: null });
      assert.deepEqual(
        a.history.map((/** @type {any} */ e) => e.words.status),
        ['verified', 'verified'],
      );
    }
  });

  it('the live list misses no receipt that commits after a later one', async () => {
    const [reader] = collectors;
    const start = await (await adminGet(reader.url, '/v1/receipts?limit=1')).json();
    let cursor = start.next;
    /** @type {string[]} */
    const seen = [];
    const poll = async () => {
      const page = await (await adminGet(reader.url, `/v1/receipts?after=${cursor}&limit=1000`)).json();
      seen.push(...page.receipts.map((/** @type {any} */ r) => r.eventId));
      cursor = page.next;
    };

    // A slow writer takes a seq first and commits last, as a collector under load can.
    const { default: pg } = await import('pg');
    const slow = new pg.Client({ connectionString: target.env.DATABASE_URL });
    await slow.connect();
    const late = makeEvent();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO receipts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
        toRow(late, new Date(), null),
      );
      const early = [makeEvent(), makeEvent()];
      await postEvents(collectors[1].url, early);
      await poll();
      assert.ok(!seen.includes(early[0].eventId), 'not listed while an older write is open: it could land behind the cursor');
      await slow.query('COMMIT');
      await poll();
      assert.deepEqual(seen, [late.eventId, ...early.map((e) => e.eventId)], 'each once, the late one too, in commit order');
    } finally {
      await slow.end();
    }

    // And under real concurrency: both collectors writing while the list is read.
    const writes = Array.from({ length: 30 }, () => [makeEvent(), makeEvent()]);
    const polling = (async () => {
      for (let i = 0; i < 40; i++) {
        await poll();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await Promise.all(writes.map((batch, i) => postEvents(collectors[i % 2].url, batch)));
    await polling;
    await poll();
    const written = writes.flat().map((e) => e.eventId);
    assert.deepEqual(
      written.filter((id) => !seen.includes(id)),
      [],
      'none passed over',
    );
    assert.equal(seen.length, new Set(seen).size, 'none twice');
  });
});
