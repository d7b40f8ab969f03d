/**
 * `POST /v1/events` and `GET /healthz` against the real collector, once per store:
 * acceptance, dedupe, validation (which event, which field), all-or-nothing batches,
 * body limit, content types, rate limit, CORS, and what the logs say.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  EVENT_TEXTS_HASH,
  makeEvent,
  makeEvents,
  postEvents,
  receiptsOf,
  startCollector,
  storeKinds,
  waitForLog,
  withCollector,
} from './harness.mjs';

const SITE = 'https://edunavigator.kz';
const OTHER_SITE = 'https://other.example';

for (const kind of storeKinds()) {
  describe(`POST /v1/events (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    /** @type {import('./harness.mjs').Collector} */
    let collector;
    before(async () => {
      target = await kind.create();
      collector = await startCollector(target, { ALLOWED_ORIGINS: `${SITE}, http://localhost:3000` });
    });
    after(async () => {
      await collector?.stop();
      await target?.dispose();
    });

    it('GET /healthz answers ok and names the store', async () => {
      const response = await fetch(`${collector.url}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', store: kind.name });
    });

    it('stores a text/plain batch and answers {accepted, duplicates}', async () => {
      const events = makeEvents(3);
      const before = Date.now();
      const response = await postEvents(collector.url, events);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { accepted: 3, duplicates: 0, missingTexts: [EVENT_TEXTS_HASH] });

      const receipts = await receiptsOf(collector.url, events[0].consentId);
      assert.equal(receipts.length, 3);
      const stored = receipts.find((r) => r.eventId === events[1].eventId);
      assert.ok(stored, 'the second event is stored');
      for (const field of [
        'type',
        'consentId',
        'policyVersion',
        'categories',
        'method',
        'lang',
        'at',
        'page',
        'client',
        'textsHash',
        'uiVersion',
      ]) {
        assert.deepEqual(stored[field], events[1][field], field);
      }
      const receivedAt = Date.parse(String(stored.receivedAt));
      assert.ok(receivedAt >= before - 1000 && receivedAt <= Date.now() + 1000, 'the server stamps its own receive time');
      assert.equal(stored.ip, null, 'no IP without STORE_IP=1');
      assert.equal(stored.subject, null);
    });

    it('accepts application/json (with a charset) too, and keeps optional fields', async () => {
      const event = makeEvent({
        type: 'banner.shown',
        method: undefined,
        textsHash: undefined,
        uiVersion: undefined,
        subject: 'minor',
        lang: 'ru',
      });
      const response = await postEvents(collector.url, [event], { contentType: 'application/json; charset=utf-8' });
      assert.equal(response.status, 200);
      const [stored] = await receiptsOf(collector.url, event.consentId);
      assert.equal(stored.subject, 'minor');
      assert.equal(stored.method, null);
      assert.equal(stored.textsHash, null);
    });

    it('normalises `at` with an offset to UTC and keeps the instant', async () => {
      const event = makeEvent({ at: '2026-11-24T15:00:00+05:00' });
      assert.equal((await postEvents(collector.url, [event])).status, 200);
      const [stored] = await receiptsOf(collector.url, event.consentId);
      assert.equal(stored.at, '2026-11-24T10:00:00.000Z');
    });

    it('deduplicates by eventId: a retried batch is counted, not stored again', async () => {
      const events = makeEvents(5);
      assert.deepEqual(await (await postEvents(collector.url, events)).json(), {
        accepted: 5,
        duplicates: 0,
        missingTexts: [EVENT_TEXTS_HASH],
      });
      const retry = [...events.slice(3), makeEvent({ consentId: events[0].consentId })];
      assert.deepEqual(await (await postEvents(collector.url, retry)).json(), {
        accepted: 1,
        duplicates: 2,
        missingTexts: [EVENT_TEXTS_HASH],
      });
      assert.equal((await receiptsOf(collector.url, events[0].consentId)).length, 6);
    });

    it('deduplicates within one batch and across letter case of the eventId', async () => {
      const event = makeEvent();
      const upper = { ...event, eventId: event.eventId.toUpperCase() };
      assert.deepEqual(await (await postEvents(collector.url, [event, event, upper])).json(), {
        accepted: 1,
        duplicates: 2,
        missingTexts: [EVENT_TEXTS_HASH],
      });
      assert.equal((await receiptsOf(collector.url, event.consentId)).length, 1);
    });

    /** @type {Array<[field: string, value: unknown, reported?: string]>} */
    const badFields = [
      ['eventId', 'not-a-uuid'],
      ['eventId', 'urn:uuid:3f1c0000-0000-4000-8000-000000000000'],
      ['type', 'consent.maybe'],
      ['consentId', 42],
      ['policyVersion', ''],
      ['categories', { analytics: 'yes' }, 'categories.analytics'],
      ['categories', { 'bad id!': true }, 'categories.bad id!'],
      ['categories', [true]],
      ['method', 'accept-some'],
      ['lang', 'de'],
      ['at', 'yesterday'],
      ['at', '2026-11-24 10:00:00'],
      ['at', '2026-02-30T10:00:00Z'],
      ['page', 'https://edunavigator.kz/courses?utm=1'],
      ['page', 'https://edunavigator.kz/courses#top'],
      ['page', 'javascript:alert(1)'],
      ['client', ''],
      ['textsHash', 'abc'],
      ['uiVersion', 7],
      ['subject', 'adult'],
    ];
    for (const [field, value, reported = field] of badFields) {
      it(`400 names the event and the field: ${field} = ${JSON.stringify(value)}`, async () => {
        const events = makeEvents(3);
        events[2] = makeEvent({ consentId: events[0].consentId, [field]: value });
        const response = await postEvents(collector.url, events);
        assert.equal(response.status, 400);
        const body = await response.json();
        assert.equal(body.event, 2);
        assert.equal(body.field, reported);
        assert.match(body.message, new RegExp(`^event 2: field "${reported.replace(/[.!]/g, '\\$&')}" must be`));
      });
    }

    it('400 for a missing field and for a field the protocol does not have', async () => {
      const missing = await postEvents(collector.url, [makeEvent(), makeEvent({ lang: undefined })]);
      assert.equal(missing.status, 400);
      assert.deepEqual(await missing.json(), {
        statusCode: 400,
        error: 'Bad Request',
        event: 1,
        field: 'lang',
        message: 'event 1: field "lang" is missing',
      });

      const unknown = await postEvents(collector.url, [makeEvent({ textHash: 'ab'.repeat(32) })]);
      assert.equal(unknown.status, 400);
      const body = await unknown.json();
      assert.equal(body.event, 0);
      assert.equal(body.field, 'textHash');
      assert.match(body.message, /not part of the event protocol/);
    });

    /** @type {Array<[name: string, body: unknown, message: RegExp]>} */
    const badBodies = [
      ['not JSON', '{"events": [', /not valid JSON/],
      ['an empty body', '', /empty|not valid JSON/],
      ['no events', { events: [] }, /1 to 50 events/],
      ['51 events', { events: makeEvents(51) }, /1 to 50 events/],
      ['events not an array', { events: makeEvent() }, /1 to 50 events/],
      ['an array body', '[]', /JSON object/],
      ['an unknown top-level field', { events: [makeEvent()], sentAt: 'now' }, /unknown top-level field "sentAt"/],
    ];
    for (const [name, body, message] of badBodies) {
      it(`400 for ${name}`, async () => {
        const response = await postEvents(collector.url, body);
        assert.equal(response.status, 400);
        assert.match((await response.json()).message, message);
      });
    }

    it('a batch with one bad event is stored not at all', async () => {
      const events = makeEvents(10);
      events[7] = { ...events[7], lang: 'xx' };
      const response = await postEvents(collector.url, events);
      assert.equal(response.status, 400);
      assert.equal((await response.json()).event, 7);
      assert.deepEqual(await receiptsOf(collector.url, events[0].consentId), []);

      const good = events.filter((_, i) => i !== 7);
      assert.deepEqual(await (await postEvents(collector.url, good)).json(), {
        accepted: 9,
        duplicates: 0,
        missingTexts: [EVENT_TEXTS_HASH],
      });
    });

    it('413 past 64 KB; nothing stored', async () => {
      const events = makeEvents(50, { page: `https://edunavigator.kz/${'p'.repeat(1400)}` });
      const body = JSON.stringify({ events });
      assert.ok(body.length > 64 * 1024);
      const response = await postEvents(collector.url, body);
      assert.equal(response.status, 413);
      assert.match((await response.json()).message, /64 KB/);
      assert.deepEqual(await receiptsOf(collector.url, events[0].consentId), []);
    });

    it('accepts a full batch just under 64 KB', async () => {
      const events = makeEvents(50, { page: `https://edunavigator.kz/${'p'.repeat(830)}` });
      const size = JSON.stringify({ events }).length;
      assert.ok(size > 60 * 1024 && size < 64 * 1024, `body is ${size} bytes`);
      assert.deepEqual(await (await postEvents(collector.url, events)).json(), {
        accepted: 50,
        duplicates: 0,
        missingTexts: [EVENT_TEXTS_HASH],
      });
    });

    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'application/xml']) {
      it(`415 for ${contentType}; nothing stored`, async () => {
        const events = makeEvents(1);
        const response = await postEvents(collector.url, events, { contentType });
        assert.equal(response.status, 415);
        assert.match((await response.json()).message, /application\/json or text\/plain/);
        assert.deepEqual(await receiptsOf(collector.url, events[0].consentId), []);
      });
    }

    it('CORS preflight from an allowed origin: 204 with the methods and headers', async () => {
      const response = await fetch(`${collector.url}/v1/events`, {
        method: 'OPTIONS',
        headers: { Origin: SITE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), SITE);
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(response.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
    });

    it('CORS preflight from another origin: 403, no allow headers', async () => {
      const response = await fetch(`${collector.url}/v1/events`, {
        method: 'OPTIONS',
        headers: { Origin: OTHER_SITE, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });

    it('a POST from an allowed origin carries Allow-Origin and exposes Retry-After', async () => {
      const response = await postEvents(collector.url, makeEvents(1), { headers: { Origin: 'http://localhost:3000' } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:3000');
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    });

    it('a POST from another origin is refused with 403 and not stored', async () => {
      const events = makeEvents(1);
      const response = await postEvents(collector.url, events, { headers: { Origin: OTHER_SITE } });
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.deepEqual(await receiptsOf(collector.url, events[0].consentId), []);
    });

    it('logs say what was refused and why, never the payload', async () => {
      const marker = 'https://edunavigator.kz/secret-marker-page';
      const events = [makeEvent({ page: marker }), makeEvent({ page: marker, lang: 'xx' })];
      assert.equal((await postEvents(collector.url, events)).status, 400);
      const refusal = await waitForLog(collector, (line) => line.reason === 'FST_ERR_VALIDATION' && line.event === 1);
      assert.equal(refusal.field, 'lang');
      assert.match(String(refusal.msg), /refused: event 1: field "lang"/);
      assert.ok(!collector.output().includes('secret-marker-page'), 'the payload is not in the logs');
      assert.ok(!collector.output().includes(events[0].consentId), 'no consentId in the logs');
    });

    it('404 for an unknown route', async () => {
      assert.equal((await fetch(`${collector.url}/v1/nothing`)).status, 404);
    });
  });

  describe(`rate limit and options (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    before(async () => (target = await kind.create()));
    after(async () => target?.dispose());

    it('429 with Retry-After past the per-client event budget; the refused batch is not stored', async () => {
      await withCollector(target, { KELISIM_RATE_LIMIT: '30', ALLOWED_ORIGINS: SITE }, async ({ url }) => {
        const first = makeEvents(25);
        assert.equal((await postEvents(url, first)).status, 200);
        const over = makeEvents(10);
        const response = await postEvents(url, over, { headers: { Origin: SITE } });
        assert.equal(response.status, 429);
        const retryAfter = Number(response.headers.get('retry-after'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After: ${response.headers.get('retry-after')}`);
        assert.equal(response.headers.get('access-control-allow-origin'), SITE, 'the widget can read the 429 cross-origin');
        assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
        assert.deepEqual(await receiptsOf(url, over[0].consentId), []);
        // What is left of the budget still passes.
        assert.equal((await postEvents(url, makeEvents(5))).status, 200);
      });
    });

    it('STORE_IP=1 keeps the client address with each receipt', async () => {
      await withCollector(target, { STORE_IP: '1' }, async ({ url }) => {
        const events = makeEvents(1);
        assert.equal((await postEvents(url, events)).status, 200);
        const [stored] = await receiptsOf(url, events[0].consentId);
        assert.equal(stored.ip, '127.0.0.1');
      });
    });

    it('ALLOWED_ORIGINS=* allows any origin, answering with *', async () => {
      await withCollector(target, { ALLOWED_ORIGINS: '*' }, async ({ url }) => {
        const response = await postEvents(url, makeEvents(1), { headers: { Origin: OTHER_SITE } });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('access-control-allow-origin'), '*');
      });
    });

    it('without ALLOWED_ORIGINS only requests without an Origin or from the collector itself pass', async () => {
      await withCollector(target, {}, async ({ url }) => {
        assert.equal((await postEvents(url, makeEvents(1), { headers: { Origin: SITE } })).status, 403);
        assert.equal((await postEvents(url, makeEvents(1), { headers: { Origin: url } })).status, 200);
        assert.equal((await postEvents(url, makeEvents(1))).status, 200);
      });
    });
  });
}
