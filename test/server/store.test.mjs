/**
 * The store interface directly, once per store, for what the HTTP layer cannot provoke:
 * a batch that the database itself refuses halfway must leave nothing behind, and the
 * schema is versioned and migrated once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../server/store/index.mjs';
import { EVENT_TEXTS_HASH, makeEvents, storeKinds } from './harness.mjs';

for (const kind of storeKinds()) {
  describe(`store (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    /** @type {import('../../server/store/index.mjs').ReceiptStore} */
    let store;
    const open = () => openStore({ databaseUrl: target.env.DATABASE_URL ?? null, sqlitePath: target.env.KELISIM_DB ?? '' });
    before(async () => {
      target = await kind.create();
      store = await open();
    });
    after(async () => {
      await store?.close();
      await target?.dispose();
    });

    it('a batch whose 8th row the database refuses is stored not at all', async () => {
      const events = makeEvents(10);
      // Past the schema this cannot happen; here it makes the 8th INSERT fail (NOT NULL).
      events[7] = { ...events[7], lang: /** @type {string} */ (/** @type {unknown} */ (null)) };
      await assert.rejects(store.insertBatch(events, new Date(), null));
      assert.deepEqual(await store.byConsent(events[0].consentId), []);
      assert.deepEqual(
        await store.insertBatch(
          events.filter((_, i) => i !== 7),
          new Date(),
          null,
        ),
        { accepted: 9, duplicates: 0, missingTexts: [EVENT_TEXTS_HASH] },
      );
    });

    it('keeps the IP only when given one, and both clocks', async () => {
      const [withIp, withoutIp] = makeEvents(2);
      const receivedAt = new Date('2026-11-24T10:00:01.500Z');
      await store.insertBatch([withIp], receivedAt, '192.0.2.7');
      await store.insertBatch([withoutIp], receivedAt, null);
      const [a, b] = await store.byConsent(withIp.consentId);
      assert.equal(a.ip ?? b.ip, '192.0.2.7');
      assert.equal(a.ip === null || b.ip === null, true);
      assert.equal(a.receivedAt, receivedAt.toISOString());
      assert.equal(a.at, withIp.at);
    });

    it('records schema versions 1 and 2, and opening again migrates nothing', async () => {
      const again = await open();
      try {
        await again.ping();
        const [event] = makeEvents(1);
        assert.deepEqual(await again.insertBatch([event], new Date(), null), {
          accepted: 1,
          duplicates: 0,
          missingTexts: [EVENT_TEXTS_HASH],
        });
        assert.equal((await store.byConsent(event.consentId)).length, 1, 'both handles see one table');
      } finally {
        await again.close();
      }
      assert.deepEqual(await schemaVersions(kind.name, target), [1, 2]);
    });

    it('exportRange walks past one page without losing or repeating a row', async () => {
      const events = makeEvents(2500);
      for (let i = 0; i < events.length; i += 50) await store.insertBatch(events.slice(i, i + 50), new Date(), null);
      const seen = [];
      for await (const receipt of store.exportRange(null, null)) if (receipt.consentId === events[0].consentId) seen.push(receipt.eventId);
      assert.equal(seen.length, 2500);
      assert.equal(new Set(seen).size, 2500);
    });
  });
}

/**
 * The versions recorded in schema_version, read past the store.
 * @param {string} kind
 * @param {import('./harness.mjs').StoreTarget} target
 */
async function schemaVersions(kind, target) {
  if (kind === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(/** @type {string} */ (target.file), { readonly: true });
    try {
      const rows = /** @type {Array<{ version: number }>} */ (db.prepare('SELECT version FROM schema_version ORDER BY version').all());
      return rows.map((row) => row.version);
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SELECT version FROM schema_version ORDER BY version')).rows.map((row) => row.version);
  } finally {
    await client.end();
  }
}
