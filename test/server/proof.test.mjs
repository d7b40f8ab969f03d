/**
 * `GET /v1/consents/{id}/proof` against the real collector, once per store: a consent's
 * whole history beside the words on the screen, each hash computed again (verified,
 * missing or tampered with), the clause 1.2 acceptance proven by its notice, in the
 * receipts' language, as JSON and as a page that keeps every stored value text.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { adminGet, makeEvent, postEvents, postTexts, runSql, startCollector, storeKinds } from './harness.mjs';

/** @param {string[]} texts */
const hashOf = (texts) => createHash('sha256').update(texts.join('\n')).digest('hex');

const BANNER = [
  'Ваши персональные данные',
  'BTS Education LLP обрабатывает ваши персональные данные.',
  'Принять все',
  'Отклонить необязательные',
];
const NOTICE = [
  'Политика конфиденциальности изменена',
  'Дата публикации: 25 ноября 2026 г.',
  '<script>window.pwned = 1</script> & «кавычки»',
  'Принять изменения',
];
const PREFERENCES = ['Настройки конфиденциальности', 'Аналитика', 'Сохранить выбор'];

/**
 * One browser's history as the widget would send it, in Russian: the banner, accept all
 * in front of it, the notice a week later, acceptance by continued use, a custom choice
 * whose words never reached the archive, and a withdrawal through the page's API.
 */
function history(consentId = crypto.randomUUID()) {
  const all = { necessary: true, analytics: true, marketing: true, partners: true };
  const some = { necessary: true, analytics: true, marketing: false, partners: false };
  const none = { necessary: true, analytics: false, marketing: false, partners: false };
  const base = { consentId, lang: 'ru', uiVersion: '1.1.0', method: undefined };
  return [
    makeEvent({ ...base, type: 'banner.shown', categories: none, at: '2026-11-20T05:00:00.000Z', textsHash: hashOf(BANNER) }),
    makeEvent({
      ...base,
      type: 'consent.given',
      method: 'accept-all',
      categories: all,
      at: '2026-11-20T05:00:09.000Z',
      textsHash: hashOf(BANNER),
    }),
    makeEvent({
      ...base,
      type: 'notice.shown',
      categories: all,
      policyVersion: '2026-11-25',
      at: '2026-11-26T06:00:00.000Z',
      textsHash: hashOf(NOTICE),
    }),
    makeEvent({
      ...base,
      type: 'policy.accepted.implicit',
      method: 'implicit',
      categories: all,
      policyVersion: '2026-11-25',
      at: '2026-12-04T08:30:00.000Z',
      textsHash: hashOf(NOTICE),
      noticeShownAt: '2026-11-26T06:00:00.000Z',
    }),
    makeEvent({
      ...base,
      type: 'consent.updated',
      method: 'custom',
      categories: some,
      policyVersion: '2026-11-25',
      at: '2026-12-05T10:00:00.000Z',
      textsHash: hashOf(PREFERENCES),
    }),
    makeEvent({
      ...base,
      type: 'consent.withdrawn',
      method: 'withdraw',
      categories: none,
      policyVersion: '2026-11-25',
      at: '2026-12-06T10:00:00.000Z',
      textsHash: undefined,
      uiVersion: undefined,
    }),
  ];
}

for (const kind of storeKinds()) {
  describe(`GET /v1/consents/:id/proof (${kind.name})`, { skip: kind.skip }, () => {
    /** @type {import('./harness.mjs').StoreTarget} */
    let target;
    /** @type {import('./harness.mjs').Collector} */
    let collector;
    /** @type {ReturnType<typeof history>} */
    let events;
    before(async () => {
      target = await kind.create();
      collector = await startCollector(target, { KELISIM_TIME_ZONE: 'Asia/Almaty' });
      events = history();
      // Out of order on purpose: the proof orders by the browser's time.
      assert.equal((await postEvents(collector.url, [...events].reverse())).status, 200);
      for (const texts of [BANNER, NOTICE])
        assert.equal((await postTexts(collector.url, { textsHash: hashOf(texts), texts, lang: 'ru', uiVersion: '1.1.0' })).status, 200);
    });
    after(async () => {
      await collector?.stop();
      await target?.dispose();
    });

    it('JSON: the history in order, each receipt with its words verified, missing or absent', async () => {
      const response = await adminGet(collector.url, `/v1/consents/${events[0].consentId.toUpperCase()}/proof?format=json`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const proof = await response.json();
      assert.equal(proof.consentId, events[0].consentId);
      assert.equal(proof.lang, 'ru', 'the language of the receipts');
      assert.deepEqual(
        proof.history.map((/** @type {any} */ e) => e.receipt.eventId),
        events.map((e) => e.eventId),
      );
      assert.deepEqual(
        proof.history.map((/** @type {any} */ e) => [e.words.status, e.words.sameAs]),
        [
          ['verified', null],
          ['verified', 1],
          ['verified', null],
          ['verified', 3],
          ['missing', null],
          ['none', null],
        ],
      );
      assert.deepEqual(proof.texts[hashOf(BANNER)].texts, BANNER);
      assert.equal(proof.texts[hashOf(BANNER)].verified, true);
      assert.deepEqual(proof.history[3].clause12, {
        noticeShownAt: '2026-11-26T06:00:00.000Z',
        noticeReceipt: 3,
        continuedUseAt: '2026-12-04T08:30:00.000Z',
      });
      assert.equal(proof.history[3].description, 'Изменённая политика принята продолжением использования (пункт 1.2)');
      assert.deepEqual(proof.summary.choiceInForce, {
        categories: events[5].categories,
        policyVersion: '2026-11-25',
        at: events[5].at,
        n: 6,
      });
      assert.equal(proof.summary.receipts, 6);
      assert.equal(proof.timeZone, 'Asia/Almaty');
      assert.match(proof.collector.version, /^\d+\.\d+\.\d+/);
    });

    it('HTML: the words as they were shown, "verified", clause 1.2 by its notice, every value as text', async () => {
      const response = await adminGet(collector.url, `/v1/consents/${events[0].consentId}/proof`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /script-src|unsafe-inline/);
      const html = await response.text();
      assert.match(html, /^<!doctype html>\n<html lang="ru">/);
      for (const sentence of [...BANNER, 'Политика конфиденциальности изменена'])
        assert.ok(html.includes(`<li>${sentence}</li>`), sentence);
      assert.equal(html.split(`<li>${BANNER[1]}</li>`).length - 1, 1, 'the same words are printed once, then referred to');
      assert.ok(html.includes('тот же текст, что в квитанции 1'));
      assert.ok(html.includes('&#60;script&#62;window.pwned = 1&#60;/script&#62; &#38; «кавычки»'), 'markup in the words stays text');
      assert.ok(!html.includes('<script'), 'no script at all');
      assert.equal(html.match(/✓ подтверждено/g)?.length, 4);
      assert.ok(html.includes('текста с этим хешем нет в архиве'));
      assert.ok(html.includes('хеша нет'));
      // Who, what, when, which words: the implicit acceptance reads as the issue asks.
      assert.ok(
        html.includes('Уведомление показано</dt><dd><time datetime="2026-11-26T06:00:00.000Z">26 ноября 2026 г. в 11:00:00</time>'),
        'notice shown, Almaty time',
      );
      assert.ok(
        html.includes('Использование продолжено</dt><dd><time datetime="2026-12-04T08:30:00.000Z">4 декабря 2026 г. в 13:30:00</time>'),
      );
      assert.ok(html.includes('(квитанция 3)') || html.includes('(Квитанция 3)'));
      assert.ok(html.includes('Принято по пункту 1.2 политики'));
      assert.ok(html.includes(events[0].consentId));
    });

    it("?lang= gives another language; Kazakh dates from the server's own data", async () => {
      const en = await (await adminGet(collector.url, `/v1/consents/${events[0].consentId}/proof?lang=en`)).text();
      assert.match(en, /<html lang="en">/);
      assert.ok(en.includes('✓ verified'));
      assert.ok(en.includes('Accepted under clause 1.2 of the policy'));
      const kk = await (await adminGet(collector.url, `/v1/consents/${events[0].consentId}/proof?lang=kk`)).text();
      assert.ok(kk.includes('✓ расталды'));
      assert.ok(kk.includes('26 қараша'));
      assert.equal((await adminGet(collector.url, `/v1/consents/${events[0].consentId}/proof?lang=de`)).status, 400);
      assert.equal((await adminGet(collector.url, `/v1/consents/${events[0].consentId}/proof?format=pdf`)).status, 400);
    });

    it('words changed in the database after the fact are marked NOT verified', async () => {
      const consentId = crypto.randomUUID();
      const texts = ['Words', `stored ${consentId}`];
      await postEvents(collector.url, [makeEvent({ consentId, textsHash: hashOf(texts) })]);
      await postTexts(collector.url, { textsHash: hashOf(texts), texts, lang: 'en', uiVersion: '1' });
      await runSql(
        target,
        { sqlite: 'UPDATE texts SET texts = ? WHERE texts_hash = ?', postgres: 'UPDATE texts SET texts = $1 WHERE texts_hash = $2' },
        [JSON.stringify(['Other words', `stored ${consentId}`]), hashOf(texts)],
      );
      const proof = await (await adminGet(collector.url, `/v1/consents/${consentId}/proof?format=json`)).json();
      assert.equal(proof.history[0].words.status, 'mismatch');
      const html = await (await adminGet(collector.url, `/v1/consents/${consentId}/proof?lang=en`)).text();
      assert.ok(html.includes('NOT verified'));
      assert.ok(!html.includes('✓ verified'));
    });

    it('an unknown id: an empty history, said plainly; a malformed one is a 400; no token, 401', async () => {
      const html = await (await adminGet(collector.url, `/v1/consents/${crypto.randomUUID()}/proof?lang=en`)).text();
      assert.ok(html.includes('The collector holds no receipts for this consent id.'));
      assert.equal((await adminGet(collector.url, '/v1/consents/nope/proof')).status, 400);
      assert.equal((await adminGet(collector.url, `/v1/consents/${events[0].consentId}/proof`, null)).status, 401);
    });
  });
}
