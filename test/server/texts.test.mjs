/**
 * The texts archive against the real collector, once per store: `POST /v1/texts` keeps
 * each set of words once under its own SHA-256 and refuses words that do not give the
 * hash they claim; `POST /v1/events` answers which hashes it holds no words for.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EVENT_TEXTS_HASH, makeEvent, makeEvents, postEvents, postTexts, startCollector, storeKinds, waitForLog } from './harness.mjs';

const SITE = 'https://edunavigator.kz';

/** @param {string[]} texts */
const hashOf = (texts) => createHash('sha256').update(texts.join('\n')).digest('hex');

/** Words of a view, made unique per call so tests never share a hash. */
function words(label = crypto.randomUUID()) {
  const texts = [
    'Дербес деректеріңіз',
    `BTS Education LLP дербес деректеріңізді өңдейді. ${label}`,
    'Барлығын қабылдау',
    'Міндетті еместерден бас тарту',
  ];
  return { textsHash: hashOf(texts), texts, lang: 'kk', uiVersion: '1.1.0' };
}

for (const kind of storeKinds()) {
  describe(`POST /v1/texts and missingTexts (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    /** @type {import('./harness.mjs').Collector} */
    let collector;
    before(async () => {
      target = await kind.create();
      collector = await startCollector(target, { ALLOWED_ORIGINS: SITE });
    });
    after(async () => {
      await collector?.stop();
      await target?.dispose();
    });

    it('events name the hashes without words, once each; after the upload, none', async () => {
      const upload = words();
      const events = [
        ...makeEvents(3, { textsHash: upload.textsHash.toUpperCase() }),
        makeEvent({ textsHash: EVENT_TEXTS_HASH }),
        makeEvent({ type: 'consent.withdrawn', method: 'withdraw', textsHash: undefined, uiVersion: undefined }),
      ];
      const first = await (await postEvents(collector.url, events)).json();
      assert.deepEqual(first.missingTexts.sort(), [upload.textsHash, EVENT_TEXTS_HASH].sort(), 'distinct, lower-case, only hashes');

      const stored = await postTexts(collector.url, upload);
      assert.equal(stored.status, 200);
      assert.deepEqual(await stored.json(), { stored: true });

      const again = await (await postEvents(collector.url, makeEvents(2, { textsHash: upload.textsHash }))).json();
      assert.deepEqual(again, { accepted: 2, duplicates: 0, missingTexts: [] });
    });

    it('the same words twice (two tabs, a retry) are kept once: the second answer says so', async () => {
      const upload = words();
      const answers = await Promise.all([
        postTexts(collector.url, upload),
        postTexts(collector.url, upload),
        postTexts(collector.url, upload),
      ]);
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200],
      );
      const bodies = await Promise.all(answers.map((a) => a.json()));
      assert.equal(bodies.filter((b) => b.stored).length, 1, JSON.stringify(bodies));
      // And a hash in upper case names the same words.
      assert.deepEqual(await (await postTexts(collector.url, { ...upload, textsHash: upload.textsHash.toUpperCase() })).json(), {
        stored: false,
      });
    });

    it('422 for words that do not give their hash: nobody plants other words under a receipt', async () => {
      const genuine = words();
      const events = makeEvents(1, { textsHash: genuine.textsHash });
      await postEvents(collector.url, events);
      const forged = { ...genuine, texts: [...genuine.texts.slice(0, -1), 'Бас тарту мүмкін емес'] };
      const response = await postTexts(collector.url, forged);
      assert.equal(response.status, 422);
      const body = await response.json();
      assert.equal(body.field, 'textsHash');
      assert.match(body.message, /not the SHA-256 of texts/);
      await waitForLog(collector, (line) => line.reason === 'texts-hash');
      // Nothing was kept: the hash is still missing, and the genuine words are still welcome.
      assert.deepEqual((await (await postEvents(collector.url, makeEvents(1, { textsHash: genuine.textsHash }))).json()).missingTexts, [
        genuine.textsHash,
      ]);
      assert.deepEqual(await (await postTexts(collector.url, genuine)).json(), { stored: true });
      // A reordering is a different text too.
      const reordered = words();
      assert.equal((await postTexts(collector.url, { ...reordered, texts: [...reordered.texts].reverse() })).status, 422);
    });

    it("400 names the field, in the events' style", async () => {
      const upload = words();
      const cases = [
        [{ ...upload, textsHash: undefined }, 'textsHash', /field "textsHash" is missing/],
        [{ ...upload, extra: 1 }, 'extra', /field "extra" is not part of the texts upload/],
        [{ ...upload, lang: 'de' }, 'lang', /field "lang" must be one of kk, ru, en/],
        [{ ...upload, texts: [] }, 'texts', /field "texts" must be an array of 1 to 2000 non-empty strings/],
        [{ ...upload, texts: ['ok', ''] }, 'texts', /field "texts" must be/],
        [{ ...upload, textsHash: 'abc' }, 'textsHash', /field "textsHash" must be a SHA-256 in hex/],
        [{ ...upload, uiVersion: '' }, 'uiVersion', /field "uiVersion" must be a string of 1 to 100 characters/],
      ];
      for (const [body, field, message] of cases) {
        const response = await postTexts(collector.url, body);
        assert.equal(response.status, 400, JSON.stringify(body));
        const answer = await response.json();
        assert.equal(answer.field, field);
        assert.match(answer.message, message);
      }
      assert.equal((await postTexts(collector.url, '[1,2]')).status, 400);
      assert.equal((await postTexts(collector.url, 'not json')).status, 400);
    });

    it('text/plain and application/json; 415 otherwise; 413 past 256 KB; CORS for a listed site', async () => {
      assert.equal((await postTexts(collector.url, words(), { contentType: 'application/json' })).status, 200);
      assert.equal((await postTexts(collector.url, words(), { contentType: 'application/x-www-form-urlencoded' })).status, 415);
      const long = ['x'.repeat(20_000)];
      const huge = { textsHash: '0'.repeat(64), texts: Array.from({ length: 14 }, () => long[0]), lang: 'en', uiVersion: '1' };
      assert.equal((await postTexts(collector.url, huge)).status, 413);
      // A services list of 150 KB is a long view, but a real one: taken.
      const big = Array.from({ length: 8 }, (_, i) => `${i} ${'y'.repeat(18_000)}`);
      assert.deepEqual(await (await postTexts(collector.url, { textsHash: hashOf(big), texts: big, lang: 'en', uiVersion: '1' })).json(), {
        stored: true,
      });
      const cors = await postTexts(collector.url, words(), { headers: { Origin: SITE } });
      assert.equal(cors.status, 200);
      assert.equal(cors.headers.get('access-control-allow-origin'), SITE);
      assert.equal((await postTexts(collector.url, words(), { headers: { Origin: 'https://evil.example' } })).status, 403);
    });
  });
}
