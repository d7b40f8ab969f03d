/**
 * What a consent receipt store must never do, once per store: lose an acknowledged
 * batch when the process is killed (`kill -9` right after the 2xx), or lose or double an
 * event under a burst from concurrent clients that retry.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  EVENT_TEXTS_HASH,
  dropReceiptsTable,
  makeEvent,
  makeEvents,
  postEvents,
  receiptsOf,
  startCollector,
  storeKinds,
  waitForLog,
  withCollector,
} from './harness.mjs';

const CLIENTS = 5;
const EVENTS_PER_CLIENT = 1000;
const BATCH = 50;

for (const kind of storeKinds()) {
  describe(`durability (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    before(async () => (target = await kind.create()));
    after(async () => target?.dispose());

    it('creates the database (and, for SQLite, its directory) on first start', async () => {
      if (target.file) assert.equal(existsSync(target.file), false);
      await withCollector(target, {}, async ({ url }) => {
        assert.equal((await fetch(`${url}/healthz`)).status, 200);
        if (target.file) assert.ok(existsSync(target.file), `${target.file} exists`);
      });
    });

    it('kill -9 right after a 2xx loses nothing; the restart migrates nothing twice', async () => {
      const batches = [makeEvents(50), makeEvents(50), makeEvents(1)];
      const first = await startCollector(target);
      try {
        for (const batch of batches) {
          const response = await postEvents(first.url, batch);
          assert.equal(response.status, 200);
        }
      } finally {
        // The instant the last 2xx is in: no graceful close, no checkpoint, no flush.
        await first.kill9();
      }
      await withCollector(target, {}, async ({ url }) => {
        for (const batch of batches) {
          const receipts = await receiptsOf(url, batch[0].consentId);
          assert.deepEqual(receipts.map((r) => r.eventId).sort(), batch.map((e) => e.eventId).sort());
        }
        // Resending after the crash (the widget's at-least-once retry) doubles nothing.
        assert.deepEqual(await (await postEvents(url, batches[0])).json(), {
          accepted: 0,
          duplicates: 50,
          missingTexts: [EVENT_TEXTS_HASH],
        });
      });
    });

    it(`a burst of ${CLIENTS} clients × ${EVENTS_PER_CLIENT} events, with retries: none lost, none doubled`, async () => {
      await withCollector(target, { KELISIM_RATE_LIMIT: '100000000' }, async ({ url }) => {
        const clients = Array.from({ length: CLIENTS }, () => makeEvents(EVENTS_PER_CLIENT));
        const totals = await Promise.all(
          clients.map(async (events) => {
            const batches = [];
            for (let i = 0; i < events.length; i += BATCH) batches.push(events.slice(i, i + BATCH));
            let accepted = 0;
            let duplicates = 0;
            // Every batch, then the first two again, as a widget whose 2xx got lost would.
            for (const batch of [...batches, ...batches.slice(0, 2)]) {
              const response = await postEvents(url, batch);
              assert.equal(response.status, 200);
              const result = await response.json();
              accepted += result.accepted;
              duplicates += result.duplicates;
            }
            return { accepted, duplicates };
          }),
        );
        for (const total of totals) assert.deepEqual(total, { accepted: EVENTS_PER_CLIENT, duplicates: 2 * BATCH });

        for (const events of clients) {
          const stored = (await receiptsOf(url, events[0].consentId)).map((r) => r.eventId);
          assert.equal(stored.length, EVENTS_PER_CLIENT);
          assert.equal(new Set(stored).size, EVENTS_PER_CLIENT, 'no eventId twice');
          assert.deepEqual(stored.sort(), events.map((e) => e.eventId).sort());
        }
      });
    });
  });

  describe(`store failure (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    before(async () => (target = await kind.create()));
    after(async () => target?.dispose());

    it('a write the database refuses is a 500 (so the widget retries), logged without the payload', async () => {
      await withCollector(target, {}, async (collector) => {
        await dropReceiptsTable(target);
        const event = makeEvent({ page: 'https://edunavigator.kz/private-marker' });
        const response = await postEvents(collector.url, [event]);
        assert.equal(response.status, 500);
        assert.deepEqual(await response.json(), {
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'the collector could not complete the request',
        });
        const line = await waitForLog(collector, (l) => l.level === 50);
        assert.match(String(line.msg), /failed: POST \/v1\/events/);
        assert.ok(!collector.output().includes('private-marker'), 'no payload in the logs');
        assert.ok(!collector.output().includes(event.eventId), 'no eventId in the logs');
      });
    });
  });
}
