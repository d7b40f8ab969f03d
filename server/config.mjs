import { resolve } from 'node:path';
import { randomAdminToken } from './admin-auth.mjs';
import { DEFAULT_RATE_LIMIT, DEFAULT_TIME_ZONE } from './app.mjs';
import { parseAllowedOrigins } from './cors.mjs';
import { isTimeZone } from './zone.mjs';

/**
 * The collector's settings, read once from the environment.
 * @typedef {object} CollectorConfig
 * @property {number} port
 * @property {string} host
 * @property {string | null} databaseUrl PostgreSQL when set, else SQLite at `sqlitePath`.
 * @property {string} sqlitePath Absolute path of the SQLite file.
 * @property {string[]} allowedOrigins
 * @property {string | null} adminToken null: admin routes off.
 * @property {boolean} adminTokenGenerated The token was made up for this run (development).
 * @property {boolean} storeIp
 * @property {{ events: number, windowMs: number } | null} rateLimit
 * @property {boolean | string} trustProxy
 * @property {string} logLevel
 * @property {boolean} production
 * @property {number | null} retentionDays Delete receipts older than this many days; null: keep them.
 * @property {string} timeZone Where the console counts days and the proof shows times.
 */

/**
 * Reads the environment (see docs/collector.md for every variable). Throws an Error that
 * names the variable when a value cannot be used, so a bad deployment fails at start.
 * @param {Record<string, string | undefined>} env
 * @param {{ defaultPort?: number }} [defaults]
 * @returns {CollectorConfig}
 */
export function readConfig(env, { defaultPort = 8787 } = {}) {
  const production = env.NODE_ENV === 'production';
  const givenToken = env.KELISIM_ADMIN_TOKEN || null;
  // Production without a token: admin routes off. Development: a fresh token, printed at start.
  const adminToken = givenToken ?? (production ? null : randomAdminToken());
  return {
    port: integer(env, 'PORT', defaultPort, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    sqlitePath: resolve(env.KELISIM_DB || 'data/kelisim.db'),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    adminToken,
    adminTokenGenerated: adminToken !== null && givenToken === null,
    storeIp: env.STORE_IP === '1',
    rateLimit: rateLimit(env),
    trustProxy: trustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    production,
    retentionDays: integer(env, 'KELISIM_RETENTION_DAYS', 0, 0, 36_500) || null,
    timeZone: timeZone(env.KELISIM_TIME_ZONE),
  };
}

/** `KELISIM_TIME_ZONE`: an IANA zone name; default Asia/Almaty. @param {string | undefined} value */
function timeZone(value) {
  if (!value) return DEFAULT_TIME_ZONE;
  if (!isTimeZone(value)) throw new Error(`KELISIM_TIME_ZONE: "${value}" is not a time zone such as Asia/Almaty`);
  return value;
}

/** `KELISIM_RATE_LIMIT`: events per client IP per minute; 0 turns the limit off. @param {Record<string, string | undefined>} env */
function rateLimit(env) {
  const events = integer(env, 'KELISIM_RATE_LIMIT', DEFAULT_RATE_LIMIT.events, 0, 1e9);
  return events === 0 ? null : { events, windowMs: 60_000 };
}

/** `TRUST_PROXY`: unset (no proxy), `true` (any), or the proxies' addresses/CIDRs, comma-separated. @param {string | undefined} value */
function trustProxy(value) {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {number} max
 */
function integer(env, name, fallback, min, max) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name}: "${value}" is not a whole number from ${min} to ${max}`);
  }
  return number;
}
