/**
 * Hostile stored values: what the cookie or the localStorage entry may hold when another
 * app, an old version, a truncated write, a hand-set clock or an attacker with access to
 * the storage put it there. Thousands through `parseRecord` and the real readers in the
 * page; a few dozen through full page loads of the real loader. The visitor is asked
 * again (`view: 'banner'`), nothing throws, and a `storage` kelisim:error says why;
 * a valid record is read as it is, whatever else sits next to it.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseRecord } from '../../src/core/record/check.js';
import { openStore } from '../../src/core/record/read.js';
import { Transport } from '../../src/core/transport/transport.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { check } from '../support/hardening-check.js';
import { TEXT_PAYLOADS, hostileJson, isInherited, markupInjected, payloadsRun } from '../support/hardening-payloads.js';
import { faultyEndpoint, receiptsOf, scriptFaults } from '../support/hardening-collector.js';
import { openRealPage, view, type RealPage } from '../support/hardening-page.js';
import { cleanEachTest, clearStorage, openPage, waitFor, type TestPage } from '../support/page.js';

const seed = Date.now() % 1_000_000;
const figures = { parsed: 0, cookies: 0, localStorage: 0, queues: 0, loads: 0, pageErrors: 0, executed: 0 };
const NOW = new Date();
const SKEW = 5 * 60_000;
const COOKIE = { name: 'kelisim_consent', path: '/', sameSite: 'Lax' as const, maxAgeDays: 365 };

const iso = (ms: number) => new Date(ms).toISOString();

/** A record the widget itself could have written: must be read back exactly. */
const validRecord: fc.Arbitrary<ConsentRecord> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    policyVersion: fc.oneof(fc.constantFrom('2026-06-01', ...TEXT_PAYLOADS), fc.string({ minLength: 1, maxLength: 100 })),
    categories: fc.dictionary(
      fc.stringMatching(/^[a-z][\w-]{0,20}$/).filter((id) => !isInherited(id)),
      fc.boolean(),
      { maxKeys: 8 },
    ),
    decided: fc.integer({ min: Date.parse('2000-01-01'), max: NOW.getTime() }),
    policyAcceptedBy: fc.constantFrom('button' as const, 'implicit' as const),
    lang: fc.constantFrom('kk' as const, 'ru' as const, 'en' as const),
    seen: fc.option(
      fc.record({
        version: fc.string({ minLength: 1, maxLength: 100 }),
        at: fc.integer({ min: Date.parse('2000-01-01'), max: NOW.getTime() }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ decided, seen, ...rest }) => {
    const record: ConsentRecord = { v: 1, ...rest, decidedAt: iso(decided), updatedAt: iso(decided) };
    if (seen) record.noticeSeen = { version: seen.version, at: iso(seen.at) };
    return record;
  });

/** One field of a valid record made wrong, and the field the reason must name. */
const brokenField = fc.oneof(
  fc.constantFrom<[string, unknown]>(
    ['v', 2],
    ['v', '1'],
    ['v', null],
    ['id', 'short'],
    ['id', '<img src=x onerror=alert(1)>'],
    ['id', 42],
    ['id', 'x'.repeat(65)],
    ['policyVersion', ''],
    ['policyVersion', 7],
    ['policyVersion', 'x'.repeat(101)],
    ['categories', []],
    ['categories', 'analytics'],
    ['categories', { analytics: 'yes' }],
    ['categories', { 'bad id': true }],
    ['categories', { ['__proto__']: true }],
    ['decidedAt', '2026-01-01'],
    ['decidedAt', 'yesterday'],
    ['decidedAt', 1767225600000],
    ['decidedAt', '9999-12-31T23:59:59.999Z'],
    ['updatedAt', null],
    ['updatedAt', '2026-13-45T99:99:99Z'],
    ['policyAcceptedBy', 'scroll'],
    ['lang', 'xx'],
    ['lang', 'EN'],
    ['noticeSeen', 'yes'],
    ['noticeSeen', { version: '1' }],
    ['noticeSeen', { version: '1', at: 'later' }],
  ),
  // Future dates, past the allowed clock skew: from a hand-set clock, or written to hold a choice forever.
  fc
    .tuple(fc.constantFrom('decidedAt', 'updatedAt'), fc.integer({ min: SKEW + 60_000, max: 50 * 365 * 86_400_000 }))
    .map(([field, ahead]): [string, unknown] => [field, iso(NOW.getTime() + ahead)]),
);

/** What other apps, old versions and broken writes leave under our name. */
const OTHER_APPS = [
  '1',
  'true',
  'yes',
  'accepted',
  'null',
  '[]',
  '{}',
  '""',
  '0',
  '-1',
  'undefined',
  'NaN',
  '{"necessary":true,"analytics":true}',
  'isIABGlobal=false&datestamp=Mon+Nov+24+2026&version=6.30.0&consentId=abc&interactionCount=1&groups=C0001%3A1%2CC0002%3A0',
  'consentid:ZnVuY3Rpb24,consent:yes,action:yes,necessary:yes,analytics:no',
  'eyJhbGciOiJIUzI1NiJ9.eyJjb25zZW50Ijp0cnVlfQ.c2lnbmF0dXJl',
  '{"v":1}',
  '{"v":1,"id":null}',
  `{"v":1,"__proto__":{"polluted":1}}`,
  ...TEXT_PAYLOADS,
];

/** Raw stored strings: JSON of anything, truncations and mutations of a valid record, other apps' data, huge ones. */
const rawValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(...OTHER_APPS),
  hostileJson.map((value) => JSON.stringify(value) ?? 'undefined'),
  validRecord.chain((record) => {
    const json = JSON.stringify(record);
    return fc.integer({ min: 0, max: json.length - 1 }).map((end) => json.slice(0, end));
  }),
  fc.tuple(validRecord, brokenField).map(([record, [field, value]]) => JSON.stringify({ ...record, [field]: value })),
  fc.integer({ min: 4097, max: 2_000_000 }).map((n) => `{"v":1,"id":"${'a'.repeat(n)}"}`),
);

// The figures of this file, once every describe block has run.
after(() => {
  console.log(
    `kelisim hardening | stored values in the page: ${figures.parsed} through parseRecord, ${figures.cookies} through the cookie reader, ${figures.localStorage} through localStorage, ${figures.queues} receipt queues; seed ${seed}`,
  );
  console.log(
    `kelisim hardening | stored values through full page loads: ${figures.loads}; page errors: ${figures.pageErrors}; payloads executed: ${figures.executed}`,
  );
});

describe('hostile stored values, in the page', () => {
  afterEach(clearStorage);

  it('a valid record is read back exactly, with any unknown fields a later version may add', async () => {
    await check(
      fc.property(
        validRecord,
        fc.dictionary(
          fc
            .stringMatching(/^[a-z]\w{0,10}$/)
            .filter(
              (k) =>
                !isInherited(k) &&
                !(
                  k in
                  { v: 1, id: 1, lang: 1, categories: 1, noticeSeen: 1, policyVersion: 1, decidedAt: 1, updatedAt: 1, policyAcceptedBy: 1 }
                ),
            ),
          hostileJson,
          { maxKeys: 3 },
        ),
        (record, extra) => {
          figures.parsed++;
          const { record: read, problem } = parseRecord(JSON.stringify({ ...extra, ...record }), NOW);
          expect(problem).to.equal(undefined);
          for (const key of Object.keys(record) as Array<keyof ConsentRecord>) expect(read?.[key], key).to.deep.equal(record[key]);
        },
      ),
      { numRuns: 1000, seed },
    );
  });

  it('one field made wrong: no record, and the reason names that field', async () => {
    await check(
      fc.property(validRecord, brokenField, (record, [field, value]) => {
        figures.parsed++;
        const raw = JSON.stringify({ ...record, [field]: value });
        const { record: read, problem } = parseRecord(raw, NOW);
        expect(read, raw.slice(0, 200)).to.equal(null);
        expect(problem?.code).to.equal('storage');
        expect(problem?.key === field || problem?.key?.startsWith(`${field}.`), `${field}: named ${problem?.key}`).to.equal(true);
        expect(problem?.message).to.match(/^stored consent ignored: /);
      }),
      { numRuns: 1000, seed },
    );
  });

  it('any string at all: never throws; a record only when it is one; otherwise a storage problem that says why', async () => {
    await check(
      fc.property(rawValue, (raw) => {
        figures.parsed++;
        const { record, problem } = parseRecord(raw, NOW);
        if (record) {
          expect(problem).to.equal(undefined);
          expect(record.v).to.equal(1);
          expect(Date.parse(record.decidedAt)).to.be.at.most(NOW.getTime() + SKEW);
          expect(Object.getPrototypeOf(record)).to.equal(Object.prototype);
          expect(Object.hasOwn(record, '__proto__')).to.equal(false);
        } else if (raw) {
          expect(problem?.code, raw.slice(0, 100)).to.equal('storage');
          expect(problem?.message).to.match(/^stored consent ignored: \S/);
        }
        expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      }),
      { numRuns: 3000, seed },
    );
  });

  it('every truncation of a valid record is refused', async () => {
    await check(
      fc.property(validRecord, (record) => {
        const json = JSON.stringify(record);
        for (let end = 1; end < json.length; end += 3) {
          figures.parsed++;
          expect(parseRecord(json.slice(0, end), NOW).record, json.slice(0, end)).to.equal(null);
        }
      }),
      { numRuns: 40, seed },
    );
  });

  it('the real cookie reader: any cookie value, broken URI encoding included, reads without throwing', async () => {
    const cookieOctets = fc.string({ unit: fc.constantFrom(...'%{}[]":,.-_=+/ aZ09\'<>!#$&()*@\\^`|~'.split('')), maxLength: 60 });
    await check(
      fc.property(
        fc.oneof(
          cookieOctets,
          rawValue.map((raw) => encodeURIComponent(raw).slice(0, 3800)),
          fc.constantFrom('%', '%E0%A4%A', '%zz', '%%7B', '%7B%22v%22%3A1%2C', '%C0%AF', '%ED%A0%80'),
        ),
        (value) => {
          figures.cookies++;
          document.cookie = `kelisim_consent=${value}; path=/`;
          const store = openStore('cookie', COOKIE);
          expect(store.kind).to.equal('cookie');
          const raw = store.read();
          const { record, problem } = parseRecord(raw, NOW);
          if (!record && raw) expect(problem?.code).to.equal('storage');
        },
      ),
      { numRuns: 600, seed },
    );
  });

  it('the real localStorage reader: any value, up to megabytes, reads without throwing', async () => {
    await check(
      fc.property(rawValue, (value) => {
        figures.localStorage++;
        localStorage.setItem('kelisim_consent', value);
        const raw = openStore('localStorage', COOKIE).read();
        expect(raw).to.equal(value);
        const { record, problem } = parseRecord(raw, NOW);
        if (!record && raw) expect(problem?.code).to.equal('storage');
      }),
      { numRuns: 400, seed },
    );
  });
});

describe('a hostile receipts queue (localStorage kelisim_consent_queue), in the page', () => {
  afterEach(clearStorage);

  it("any queue at all: reading it never throws, and only the widget's own kind of event is kept", async () => {
    const queue = fc.oneof(
      hostileJson.map((value) => JSON.stringify(value) ?? ''),
      fc.array(hostileJson, { maxLength: 6 }).map((events) => JSON.stringify({ events, dropped: 0 })),
      fc.tuple(fc.array(hostileJson, { maxLength: 4 }), hostileJson).map(([events, dropped]) => JSON.stringify({ events, dropped })),
      fc.constantFrom(
        '{"events":[null]}',
        '{"events":[1,"x",[],{}]}',
        '{"events":"x","dropped":"lots"}',
        'null',
        '[]',
        '{"events',
        ...OTHER_APPS,
      ),
    );
    await check(
      fc.property(queue, (raw) => {
        figures.queues++;
        localStorage.setItem('hardening_queue', raw);
        const transport = new Transport({
          endpoint: 'https://collector.invalid/v1/events',
          queueKey: 'hardening_queue',
          onError: () => {},
        });
        const pending = transport.pending();
        expect(
          pending.every((event) => typeof event === 'object' && event !== null && typeof event.eventId === 'string'),
          JSON.stringify(pending).slice(0, 200),
        ).to.equal(true);
      }),
      { numRuns: 1500, seed },
    );
  });
});

describe('a hostile receipts queue through the real loader and the real collector', function () {
  this.timeout(20_000);
  let page: RealPage | undefined;
  afterEach(() => {
    page?.remove();
    page = undefined;
    clearStorage();
  });

  /** An event an earlier page of this site left undelivered: must still arrive. */
  const leftover = () => ({
    eventId: crypto.randomUUID(),
    type: 'banner.shown',
    consentId: crypto.randomUUID(),
    policyVersion: '2026-06-01',
    categories: { necessary: true },
    lang: 'en',
    at: new Date(Date.now() - 60_000).toISOString(),
    page: `${location.origin}/earlier`,
    client: 'kelisim/1.0.0',
  });
  const cases: Array<[string, (earlier: object) => string]> = [
    ['null among the events', (earlier) => JSON.stringify({ events: [null, earlier], dropped: 0 })],
    [
      'numbers, strings, lists and empty objects among the events',
      (earlier) => JSON.stringify({ events: [1, 'x', [], {}, earlier], dropped: 'lots' }),
    ],
    [
      "another version's or another app's event, batched with ours",
      (earlier) =>
        JSON.stringify({
          events: [{ eventId: 'not-a-uuid', type: 'consent.maybe' }, earlier, { ...earlier, eventId: crypto.randomUUID(), futureField: 1 }],
          dropped: 0,
        }),
    ],
  ];

  for (const [what, queue] of cases) {
    it(`${what}: the banner shows, every event of ours arrives, the foreign ones are dropped`, async () => {
      const earlier = leftover();
      localStorage.setItem('kelisim_consent_queue', queue(earlier));
      const bucket = `hardening-queue-${Math.random().toString(36).slice(2, 10)}`;
      // The first attempt fails, so this page's own events join the queue and go in one batch with the foreign ones.
      await scriptFaults(bucket, ['500']);
      figures.loads++;
      page = await openRealPage({ config: { policy: { version: '2026-06-01' }, language: 'en', endpoint: faultyEndpoint(bucket) } });
      const root = await view(page);
      root.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
      await waitFor(() => page!.kelisim.getConsent() !== null, 3000, 'the decision');
      const { id } = page.kelisim.getConsent()!;
      await waitFor(
        async () => (await receiptsOf(id)).length === 2 && (await receiptsOf(earlier.consentId)).length === 1,
        10_000,
        'our events at the collector',
      );
      expect((await receiptsOf(id)).map((r) => r.type).sort()).to.deep.equal(['banner.shown', 'consent.given']);
      await waitFor(() => !(localStorage.getItem('kelisim_consent_queue') ?? '').includes('eventId'), 5000, 'the queue to empty');
      figures.pageErrors += page.window.__pageErrors.length;
      expect(page.window.__pageErrors).to.deep.equal([]);
    });
  }
});

describe('hostile stored values through the real loader', () => {
  let page: TestPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });

  const LISTEN = `window.__pageErrors = []; addEventListener('error', (e) => __pageErrors.push(String(e.message))); addEventListener('unhandledrejection', (e) => __pageErrors.push(String(e.reason)));`;
  const valid = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      v: 1,
      id: crypto.randomUUID(),
      policyVersion: '2026-06-01',
      categories: { necessary: true, analytics: true },
      decidedAt: iso(Date.now() - 86_400_000),
      updatedAt: iso(Date.now() - 86_400_000),
      policyAcceptedBy: 'button',
      lang: 'en',
      ...over,
    });

  /** [what, the value as stored, where] — all of them must ask again. */
  const asked: Array<[string, string, 'cookie' | 'localStorage']> = [
    ['truncated JSON', valid().slice(0, 57), 'cookie'],
    ['truncated JSON', valid().slice(0, 120), 'localStorage'],
    ['wrong types', valid({ v: '1', categories: ['analytics'] }), 'cookie'],
    ['a future date (a year ahead)', valid({ decidedAt: iso(Date.now() + 365 * 86_400_000) }), 'cookie'],
    ['a future date (an hour ahead)', valid({ updatedAt: iso(Date.now() + 3_600_000) }), 'localStorage'],
    ['an enormous value', `{"v":1,"id":"${'a'.repeat(3800)}"}`, 'cookie'],
    ['an enormous value (2 MB)', `{"v":1,"pad":"${'a'.repeat(2_000_000)}"}`, 'localStorage'],
    ["another app's data", '1', 'cookie'],
    ["another app's data", 'isIABGlobal=false&datestamp=Mon+Nov+24+2026&groups=C0001%3A1', 'cookie'],
    ["another app's data", '{"necessary":true,"analytics":true}', 'localStorage'],
    ["another app's data", 'consentid:ZnVuY3Rpb24,consent:yes,analytics:yes', 'localStorage'],
    ['broken URI encoding', '%E0%A4%A', 'cookie'],
    ['broken URI encoding', '%7B%22v%22%3A1%2C%22id', 'cookie'],
    ['markup in an id', valid({ id: TEXT_PAYLOADS[0] }), 'localStorage'],
    ['a category named with markup', valid({ categories: { [TEXT_PAYLOADS[0]!]: true } }), 'localStorage'],
    ['an unknown language', valid({ lang: 'xx' }), 'cookie'],
    ['an old format', valid({ v: 0 }), 'localStorage'],
    ['JSON null', 'null', 'localStorage'],
  ];

  function store(value: string, where: 'cookie' | 'localStorage'): void {
    if (where === 'localStorage') localStorage.setItem('kelisim_consent', value);
    // The cookie as it comes: JSON is written URI-encoded, as js-cookie does; the rest as given.
    else document.cookie = `kelisim_consent=${value.startsWith('{') ? encodeURIComponent(value) : value}; path=/`;
  }

  for (const [what, value, where] of asked) {
    it(`${where}: ${what} → asked again, with the reason`, async () => {
      store(value, where);
      figures.loads++;
      page = await openPage({ config: { policy: { version: '2026-06-01' }, storage: where, language: 'en' }, before: LISTEN });
      const { view, consent } = await page.kelisim.ready;
      expect(view).to.equal('banner');
      expect(consent).to.equal(null);
      const errors = page.window.__events
        .filter((e) => e.type === 'kelisim:error')
        .map((e) => e.detail as { code: string; message: string });
      expect(errors.map((e) => e.code)).to.deep.equal(['storage']);
      expect(errors[0]!.message).to.match(/^stored consent ignored: /);
      // Asked again, and the answer replaces what was there.
      let root: ShadowRoot | null | undefined;
      await waitFor(
        () => !!(root = page!.document.querySelector('kelisim-consent')?.shadowRoot)?.querySelector('[part~="reject-all"]'),
        4000,
        'the banner',
      );
      expect(markupInjected(root!)).to.deep.equal([]);
      root!.querySelector<HTMLButtonElement>('[part~="reject-all"]')!.click();
      await waitFor(() => page!.kelisim.getConsent() !== null, 2000, 'the decision');
      const stored =
        where === 'cookie'
          ? decodeURIComponent(
              page.document.cookie
                .split('; ')
                .find((p) => p.startsWith('kelisim_consent='))!
                .slice(16),
            )
          : localStorage.getItem('kelisim_consent')!;
      expect(parseRecord(stored, new Date()).record?.id).to.equal(page.kelisim.getConsent()!.id);
      const pageErrors = (page.window as unknown as { __pageErrors: string[] }).__pageErrors;
      figures.pageErrors += pageErrors.length;
      figures.executed += payloadsRun(page.window, window);
      expect(pageErrors).to.deep.equal([]);
      expect(payloadsRun(page.window, window)).to.equal(0);
    });
  }

  it('a valid record with a pollution attempt and markup in its policy version: read, nothing polluted, the notice shows text', async () => {
    const raw = valid({ policyVersion: TEXT_PAYLOADS[0] }).replace(
      '{',
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
    );
    store(raw, 'localStorage');
    figures.loads++;
    page = await openPage({ config: { policy: { version: '2026-06-01' }, storage: 'localStorage', language: 'en' }, before: LISTEN });
    const { view, consent } = await page.kelisim.ready;
    expect(view).to.equal('notice');
    expect(consent?.policyVersion).to.equal(TEXT_PAYLOADS[0]);
    expect(new (page.window as unknown as { Object: ObjectConstructor }).Object() as Record<string, unknown>).not.to.have.property(
      'polluted',
    );
    expect(Object.hasOwn(consent!, '__proto__') || Object.hasOwn(consent!, 'constructor')).to.equal(false);
    let root: ShadowRoot | null | undefined;
    await waitFor(
      () => !!(root = page!.document.querySelector('kelisim-consent')?.shadowRoot)?.querySelector('[part~="notice"]'),
      4000,
      'the notice',
    );
    expect(markupInjected(root!)).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    figures.executed += payloadsRun(page.window, window);
    expect(payloadsRun(page.window, window)).to.equal(0);
  });
});
