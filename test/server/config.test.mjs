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

  for (const [name, value] of [['PORT', 'eighty'], ['PORT', '70000'], ['KELISIM_RATE_LIMIT', '-5'], ['ALLOWED_ORIGINS', 'edunavigator.kz'], ['ALLOWED_ORIGINS', 'https://a.kz/path']]) {
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

describe('origins', () => {
  it('parses a comma-separated list into origins; * only when written', () => {
    assert.deepEqual(parseAllowedOrigins(' https://edunavigator.kz , http://localhost:8787/ '), ['https://edunavigator.kz', 'http://localhost:8787']);
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
