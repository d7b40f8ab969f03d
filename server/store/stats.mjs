/**
 * The console's aggregates, as both stores return them: the stores run the SQL (one query
 * per chart, grouped in the database), this module only shapes the few grouped rows into
 * the answer of `GET /v1/stats`. No receipt ever leaves the database for a chart.
 */
import { METHODS } from '../protocol/index.mjs';

/**
 * @typedef {object} Stats
 * @property {number} receipts Receipts received in the range, of every type.
 * @property {Array<{ day: string, method: string, count: number }>} decisionsByDay
 *   Decisions (receipts with a `method`) per calendar day in the time zone, per method.
 * @property {Array<{ lang: string, method: string, count: number }>} decisionsByLanguage
 * @property {Array<{ policyVersion: string, method: string, count: number }>} decisionsByPolicyVersion
 * @property {Array<{ id: string, allowed: number, decisions: number }>} categories
 *   Per category: of the decisions that name it, how many left it allowed.
 * @property {{ shown: number, decided: number }} banner Consents shown the banner in the
 *   range, and how many of them decided (`consent.given`) in the range.
 * @property {{ shown: number, acceptedByButton: number, acceptedImplicitly: number }} notice
 *   Consents shown the change notice in the range, and how many accepted it in the range:
 *   by its button (`policy.accepted`) or by continued use (`policy.accepted.implicit`).
 */

/**
 * @param {{
 *   byDay: Array<{ day: string, method: string, count: number | bigint | string }>,
 *   byLanguage: Array<{ lang: string, method: string, count: number | bigint | string }>,
 *   byPolicyVersion: Array<{ policy_version: string, method: string, count: number | bigint | string }>,
 *   categories: Array<{ categories: string, count: number | bigint | string }>,
 *   banner: { shown: unknown, done: unknown },
 *   notice: { shown: unknown, done: unknown, implicit: unknown },
 *   total: unknown,
 * }} rows
 * @returns {Stats}
 */
export function statsFromRows(rows) {
  /** @type {Map<string, { id: string, allowed: number, decisions: number }>} */
  const categories = new Map();
  for (const row of rows.categories) {
    const count = Number(row.count);
    /** @type {Record<string, boolean>} */
    const choices = JSON.parse(row.categories);
    for (const [id, allowed] of Object.entries(choices)) {
      const entry = categories.get(id) ?? { id, allowed: 0, decisions: 0 };
      entry.decisions += count;
      if (allowed === true) entry.allowed += count;
      categories.set(id, entry);
    }
  }
  /** Merges rows of the same key (a day split across two offsets) and sorts them. @template {Record<string, unknown>} T @param {T[]} list @param {Array<keyof T>} keys */
  const merged = (list, keys) => {
    /** @type {Map<string, T & { count: number }>} */
    const byKey = new Map();
    for (const row of list) {
      const key = keys.map((k) => String(row[k])).join('\u0000');
      const entry = byKey.get(key);
      if (entry) entry.count += Number(row.count);
      else byKey.set(key, { ...row, count: Number(row.count) });
    }
    return [...byKey.values()].sort((a, b) => {
      for (const k of keys) {
        const order =
          k === 'method' ? METHODS.indexOf(String(a[k])) - METHODS.indexOf(String(b[k])) : String(a[k]).localeCompare(String(b[k]));
        if (order) return order;
      }
      return 0;
    });
  };
  return {
    receipts: Number(rows.total),
    decisionsByDay: merged(rows.byDay, ['day', 'method']).map(({ day, method, count }) => ({ day, method, count })),
    decisionsByLanguage: merged(rows.byLanguage, ['lang', 'method']).map(({ lang, method, count }) => ({ lang, method, count })),
    decisionsByPolicyVersion: merged(rows.byPolicyVersion, ['policy_version', 'method']).map(({ policy_version, method, count }) => ({
      policyVersion: policy_version,
      method,
      count,
    })),
    categories: [...categories.values()],
    banner: { shown: Number(rows.banner.shown), decided: Number(rows.banner.done) },
    notice: {
      shown: Number(rows.notice.shown),
      acceptedByButton: Number(rows.notice.done),
      acceptedImplicitly: Number(rows.notice.implicit),
    },
  };
}
