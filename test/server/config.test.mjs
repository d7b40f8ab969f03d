/**
 * The collector's small pure parts (settings, origins, rate budget, CSV fields), and a
 * start with a bad setting failing loudly instead of running half-configured.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { readConfig } from '../../server/config.mjs';
import { originPolicy, parseAllowedOrigins } from '../../server/cors.mjs';
import { csvField } from '../../server/csv.mjs';
import { EventRateLimiter } from '../../server/rate-limit.mjs';
import { daySpans, startOfDay } from '../../server/zone.mjs';
import { storeKinds, waitForLog, withCollector } from './harness.mjs';

describe('readConfig', () => {
  it('defaults: loopback, port 8787, SQLite at data/kelisim.db, 600 events/min, no IP', () => {
    const config = readConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8787);
    assert.equal(config.databaseUrl, null);
    assert.ok(config.sqlitePath.endsWith('data/kelisim.db'));
    assert.deepEqual(config.rateLimit, { events: 600, windowMs: 60_000 });
    assert.equal(config.storeIp, false);
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.adminTokenGenerated, true);
  });

  it('production without a token has no admin token; a given token is used as is', () => {
    assert.equal(readConfig({ NODE_ENV: 'production' }).adminToken, null);
    const config = readConfig({ NODE_ENV: 'production', KELISIM_ADMIN_TOKEN: 's3cret-token' });
    assert.equal(config.adminToken, 's3cret-token');
    assert.equal(config.adminTokenGenerated, false);
  });

  it('KELISIM_RATE_LIMIT=0 turns the limit off; STORE_IP=1 keeps addresses', () => {
    assert.equal(readConfig({ KELISIM_RATE_LIMIT: '0' }).rateLimit, null);
    assert.equal(readConfig({ STORE_IP: '1' }).storeIp, true);
    assert.equal(readConfig({ STORE_IP: 'yes' }).storeIp, false);
  });

  it('KELISIM_RETENTION_DAYS: off when unset or 0, else whole days; KELISIM_TIME_ZONE: Asia/Almaty unless named', () => {
    assert.equal(readConfig({}).retentionDays, null);
    assert.equal(readConfig({ KELISIM_RETENTION_DAYS: '0' }).retentionDays, null);
    assert.equal(readConfig({ KELISIM_RETENTION_DAYS: '1095' }).retentionDays, 1095);
    assert.equal(readConfig({}).timeZone, 'Asia/Almaty');
    assert.equal(readConfig({ KELISIM_TIME_ZONE: 'Europe/Berlin' }).timeZone, 'Europe/Berlin');
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['KELISIM_RATE_LIMIT', '-5'],
    ['ALLOWED_ORIGINS', 'edunavigator.kz'],
    ['ALLOWED_ORIGINS', 'https://a.kz/path'],
    ['KELISIM_RETENTION_DAYS', 'forever'],
    ['KELISIM_RETENTION_DAYS', '-1'],
    ['KELISIM_TIME_ZONE', 'Almaty'],
  ]) {
    it(`throws naming ${name} for "${value}"`, () => {
      assert.throws(() => readConfig({ [name]: value }), new RegExp(`^Error: ${name}: `));
    });
  }

  it('main.mjs exits 1 with the reason on a bad setting', () => {
    const main = fileURLToPath(new URL('../../server/main.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH, PORT: 'x' }, encoding: 'utf8', timeout: 15_000 });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /cannot start: PORT: "x" is not a whole number/);
  });
});

describe('the start in production', () => {
  const sqlite = /** @type {NonNullable<ReturnType<typeof storeKinds>[number]>} */ (storeKinds().find((kind) => kind.name === 'sqlite'));

  it('warns when no site may send receipts (no ALLOWED_ORIGINS), and not when one may', async () => {
    const target = await sqlite.create();
    try {
      await withCollector(target, { NODE_ENV: 'production' }, async (collector) => {
        const line = /** @type {any} */ (await waitForLog(collector, (l) => /** @type {any} */ (l).reason === 'no-allowed-origins'));
        assert.equal(line.level, 40, 'a warning');
        assert.match(line.msg, /ALLOWED_ORIGINS is empty: browsers on your sites cannot send receipts/);
      });
      await withCollector(target, { NODE_ENV: 'production', ALLOWED_ORIGINS: 'https://edunavigator.kz' }, async (collector) => {
        assert.ok(!collector.logs().some((l) => /** @type {any} */ (l).reason === 'no-allowed-origins'));
      });
      await withCollector(target, {}, async (collector) => {
        assert.ok(!collector.logs().some((l) => /** @type {any} */ (l).reason === 'no-allowed-origins'), 'development: no warning');
      });
    } finally {
      await target.dispose();
    }
  });
});

describe('days in a time zone', () => {
  it('a day starts at local midnight; offsets that change (DST, Kazakhstan in 2024) cut the range', () => {
    assert.equal(startOfDay('2026-11-26', 'Asia/Almaty').toISOString(), '2026-11-25T19:00:00.000Z');
    assert.equal(startOfDay('2026-03-29', 'Europe/Berlin').toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal(startOfDay('2026-03-30', 'Europe/Berlin').toISOString(), '2026-03-29T22:00:00.000Z');
    const spans = (/** @type {string} */ from, /** @type {string} */ to, /** @type {string} */ zone) =>
      daySpans(new Date(from), new Date(to), zone).map((s) => [s.from.toISOString(), s.to.toISOString(), s.offsetMinutes]);
    assert.deepEqual(spans('2026-01-01T00:00:00Z', '2026-12-01T00:00:00Z', 'Asia/Almaty'), [
      ['2026-01-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 300],
    ]);
    assert.deepEqual(spans('2024-02-20T00:00:00Z', '2024-03-10T00:00:00Z', 'Asia/Almaty'), [
      ['2024-02-20T00:00:00.000Z', '2024-02-29T18:00:00.000Z', 360],
      ['2024-02-29T18:00:00.000Z', '2024-03-10T00:00:00.000Z', 300],
    ]);
    assert.deepEqual(spans('2026-03-28T23:00:00Z', '2026-03-30T22:00:00Z', 'Europe/Berlin'), [
      ['2026-03-28T23:00:00.000Z', '2026-03-29T01:00:00.000Z', 60],
      ['2026-03-29T01:00:00.000Z', '2026-03-30T22:00:00.000Z', 120],
    ]);
  });
});

describe('origins', () => {
  it('parses a comma-separated list into origins; * only when written', () => {
    assert.deepEqual(parseAllowedOrigins(' https://edunavigator.kz , http://localhost:8787/ '), [
      'https://edunavigator.kz',
      'http://localhost:8787',
    ]);
    assert.deepEqual(parseAllowedOrigins(''), []);
    const listed = originPolicy(parseAllowedOrigins('https://edunavigator.kz'));
    assert.equal(listed.allows('https://edunavigator.kz'), true);
    assert.equal(listed.allows('https://edunavigator.kz.evil.example'), false);
    assert.equal(listed.allows('null'), false);
    assert.equal(originPolicy(parseAllowedOrigins('*')).allows('null'), true);
  });
});

describe('EventRateLimiter', () => {
  it('charges events, refills over the window, and says when to retry', () => {
    let now = 0;
    const limiter = new EventRateLimiter({ events: 60, windowMs: 60_000, now: () => now });
    assert.deepEqual(limiter.take('a', 50), { allowed: true });
    assert.deepEqual(limiter.take('a', 20), { allowed: false, retryAfterSeconds: 10 });
    assert.deepEqual(limiter.take('b', 50), { allowed: true }, 'each client has its own budget');
    now = 10_000;
    assert.deepEqual(limiter.take('a', 20), { allowed: true });
  });

  it('charges a batch larger than the budget as the whole budget, so it can pass', () => {
    let now = 0;
    const limiter = new EventRateLimiter({ events: 10, windowMs: 60_000, now: () => now });
    assert.deepEqual(limiter.take('a', 50), { allowed: true });
    assert.deepEqual(limiter.take('a', 50), { allowed: false, retryAfterSeconds: 60 });
    now = 60_000;
    assert.deepEqual(limiter.take('a', 50), { allowed: true });
  });
});

describe('csvField', () => {
  const cases = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=a,"b"', `"'=a,""b"""`],
    [null, ''],
    [42, '42'],
    [{ analytics: true }, '"{""analytics"":true}"'],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(csvField(value), expected));
  }
});
