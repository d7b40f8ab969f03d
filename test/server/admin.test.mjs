/**
 * The admin routes against the real collector, once per store: the bearer token, one
 * browser's receipts, the CSV export and its quoting, the live receipts list, and the
 * routes being off in production without a token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN_TOKEN,
  adminGet,
  makeEvent,
  makeEvents,
  postEvents,
  receiptsOf,
  sleep,
  startCollector,
  storeKinds,
  withCollector,
} from './harness.mjs';

const ADMIN_PATHS = [`/v1/consents/${'3f1c0000-0000-4000-8000-000000000000'}`, '/v1/export.csv', '/v1/receipts'];

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields.
 * @param {string} text
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

for (const kind of storeKinds()) {
  describe(`admin routes (${kind.name})`, { skip: kind.skip }, () => {
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

    for (const path of ADMIN_PATHS) {
      it(`401 without a token and with a wrong one: ${path}`, async () => {
        for (const token of [null, 'wrong-token', `${ADMIN_TOKEN}x`]) {
          const response = await adminGet(collector.url, path, token);
          assert.equal(response.status, 401, `token ${token}`);
          assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
          assert.match((await response.json()).message, /Authorization: Bearer/);
        }
      });
    }

    it("GET /v1/consents/:id lists one browser's receipts oldest first, by the client's time", async () => {
      const consentId = crypto.randomUUID();
      const at = (minute) => `2026-11-24T10:0${minute}:00.000Z`;
      const events = [2, 0, 1].map((minute) => makeEvent({ consentId, at: at(minute) }));
      await postEvents(collector.url, events);
      await postEvents(collector.url, makeEvents(2)); // another browser
      const response = await adminGet(collector.url, `/v1/consents/${consentId.toUpperCase()}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = await response.json();
      assert.equal(body.consentId, consentId);
      assert.deepEqual(
        body.receipts.map((r) => r.at),
        [at(0), at(1), at(2)],
      );
      assert.ok(body.receipts.every((r) => r.consentId === consentId));
    });

    it('GET /v1/consents/:id: an unknown id has no receipts; a malformed one is a 400', async () => {
      assert.deepEqual(await receiptsOf(collector.url, crypto.randomUUID()), []);
      assert.equal((await adminGet(collector.url, '/v1/consents/not-a-uuid')).status, 400);
    });

    it('GET /v1/export.csv: header row, RFC 4180 quoting, spreadsheet formulas defused', async () => {
      const awkward = makeEvent({
        policyVersion: 'v2, "revised"\nline two',
        client: '=HYPERLINK("http://evil.example")',
        categories: { necessary: true, 'a-b_c': false },
      });
      const plain = makeEvent({ consentId: awkward.consentId });
      await postEvents(collector.url, [awkward, plain]);
      const response = await adminGet(collector.url, '/v1/export.csv');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="kelisim-receipts\.csv"/);
      const text = await response.text();
      assert.ok(text.includes('"v2, ""revised""\nline two"'), 'comma, quotes and newline quoted, quotes doubled');
      const [header, ...rows] = parseCsv(text);
      assert.deepEqual(header, [
        'seq',
        'eventId',
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
        'subject',
        'noticeShownAt',
        'receivedAt',
        'ip',
      ]);
      const column = (name) => header.indexOf(name);
      const row = rows.find((r) => r[column('eventId')] === awkward.eventId);
      assert.ok(row, 'the awkward receipt is exported');
      assert.equal(row.length, header.length);
      assert.equal(row[column('policyVersion')], awkward.policyVersion);
      assert.equal(row[column('client')], `'${awkward.client}`);
      assert.deepEqual(JSON.parse(row[column('categories')]), awkward.categories);
      assert.equal(row[column('at')], awkward.at);
      assert.equal(row[column('ip')], '');
      assert.ok(rows.some((r) => r[column('eventId')] === plain.eventId));
    });

    it("GET /v1/export.csv?from=&to= filters by the server's receive time", async () => {
      const early = makeEvents(2);
      await postEvents(collector.url, early);
      await sleep(30);
      const from = new Date().toISOString();
      await sleep(30);
      const late = makeEvents(3);
      await postEvents(collector.url, late);
      await sleep(30);
      const to = new Date().toISOString();
      await sleep(30);
      const later = makeEvents(1);
      await postEvents(collector.url, later);

      const exported = async (query) => {
        const response = await adminGet(collector.url, `/v1/export.csv?${query}`);
        assert.equal(response.status, 200, query);
        const [header, ...rows] = parseCsv(await response.text());
        return new Set(rows.map((r) => r[header.indexOf('eventId')]));
      };
      const window = await exported(`from=${from}&to=${to}`);
      assert.deepEqual([...late.map((e) => e.eventId)].filter((id) => window.has(id)).length, 3);
      assert.ok(![...early, ...later].some((e) => window.has(e.eventId)));

      const today = from.slice(0, 10);
      const wholeDay = await exported(`from=${today}&to=${today}`);
      assert.ok(
        [...early, ...late, ...later].every((e) => wholeDay.has(e.eventId)),
        'a date means the whole UTC day',
      );
      assert.equal((await exported('to=2000-01-01')).size, 0);
    });

    it('GET /v1/export.csv: 400 for a bad date or an empty range', async () => {
      for (const query of ['from=yesterday', 'to=2026-13-01', 'from=2026-02-01&to=2026-01-01', 'since=2026-01-01']) {
        assert.equal((await adminGet(collector.url, `/v1/export.csv?${query}`)).status, 400, query);
      }
    });

    it('GET /v1/receipts: the newest first page, then whatever came after the cursor', async () => {
      await postEvents(collector.url, makeEvents(3));
      const first = await (await adminGet(collector.url, '/v1/receipts?limit=2')).json();
      assert.equal(first.receipts.length, 2);
      assert.ok(first.receipts[0].seq < first.receipts[1].seq, 'ascending seq');
      assert.equal(typeof first.next, 'string', 'an opaque cursor');

      const quiet = await (await adminGet(collector.url, `/v1/receipts?after=${first.next}`)).json();
      assert.deepEqual(quiet, { receipts: [], next: first.next });

      const events = makeEvents(4);
      await postEvents(collector.url, events);
      const fresh = await (await adminGet(collector.url, `/v1/receipts?after=${first.next}&limit=3`)).json();
      assert.deepEqual(
        fresh.receipts.map((r) => r.eventId),
        events.slice(0, 3).map((e) => e.eventId),
      );
      const rest = await (await adminGet(collector.url, `/v1/receipts?after=${fresh.next}`)).json();
      assert.deepEqual(
        rest.receipts.map((r) => r.eventId),
        [events[3].eventId],
      );
    });

    it('GET /v1/receipts: 400 for a bad cursor or limit', async () => {
      for (const query of ['after=-1', 'after=x', 'after=1.2.3', 'limit=0', 'limit=1001']) {
        assert.equal((await adminGet(collector.url, `/v1/receipts?${query}`)).status, 400, query);
      }
    });
  });

  describe(`admin token modes (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    before(async () => (target = await kind.create()));
    after(async () => target?.dispose());

    it('NODE_ENV=production without a token: admin routes are off (404), events still work', async () => {
      await withCollector(target, { NODE_ENV: 'production', KELISIM_ADMIN_TOKEN: undefined }, async ({ url, announced }) => {
        assert.equal(announced.adminToken, undefined, 'no token is made up in production');
        for (const path of ADMIN_PATHS) {
          assert.equal((await adminGet(url, path)).status, 404, path);
          assert.equal((await adminGet(url, path, null)).status, 404, path);
        }
        assert.equal((await postEvents(url, makeEvents(1))).status, 200);
      });
    });

    it('NODE_ENV=production with a token: admin routes answer to that token only', async () => {
      await withCollector(target, { NODE_ENV: 'production' }, async ({ url }) => {
        assert.equal((await adminGet(url, '/v1/receipts')).status, 200);
        assert.equal((await adminGet(url, '/v1/receipts', 'guess')).status, 401);
      });
    });

    it('development without a token: a random one is made and announced', async () => {
      await withCollector(target, { KELISIM_ADMIN_TOKEN: undefined }, async ({ url, announced }) => {
        assert.match(String(announced.adminToken), /^[\w-]{40,}$/);
        assert.equal((await adminGet(url, '/v1/receipts', String(announced.adminToken))).status, 200);
        assert.equal((await adminGet(url, '/v1/receipts', ADMIN_TOKEN)).status, 401);
      });
    });
  });
}
