import { ID } from '../config/schema.js';
import { LANGUAGES } from '../config/defaults.js';
import { remember } from '../checked/remember.js';
import type { ConsentRecord, KelisimError } from '../types.js';

/** Clock adjustments (NTP, a hand-set clock) should not cost a visitor their choice. */
const CLOCK_SKEW = 5 * 60_000;
const TIME = /^\d{4}-\d\d-\d\dT[\d:.]+Z$/;

/**
 * The check of a stored choice (SPEC §4), a chunk of its own (`stored`) that the loader
 * imports for a value this browser has neither written nor checked before; one it has, it
 * takes as it is (see `checked/known.ts`).
 */

/** The outcome of reading a stored value: a usable record, or why there is none. */
export interface ParsedRecord {
  record: ConsentRecord | null;
  problem?: KelisimError;
}

const isText = (value: unknown, max: number, pattern = /./s): value is string =>
  typeof value === 'string' && value.length <= max && pattern.test(value);

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

const isVersion = (value: unknown) => isText(value, 100);
/** An ISO time no later than `latest`: a choice dated in the future is not one we can vouch for. */
const isPast = (value: unknown, latest: number) => isText(value, 40, TIME) && Date.parse(value) <= latest;

/** Each field of SPEC §4 in order, and what it must be; `latest` is the latest time accepted. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each check narrows the value itself
const FIELDS: Record<string, (value: any, latest: number) => boolean> = {
  v: (value) => value === 1,
  id: (value) => isText(value, 64, /^[\w-]{8,}$/),
  policyVersion: isVersion,
  categories: isObject,
  decidedAt: isPast,
  updatedAt: isPast,
  policyAcceptedBy: (value) => value === 'button' || value === 'implicit',
  lang: (value) => LANGUAGES.includes(value),
};

/**
 * Checks a parsed value field by field and returns a fresh record of the known fields
 * (fields a later version may add are left out, not fatal), or the name of the first wrong
 * one (`''`: not an object at all). Written out rather than built from the config's schema
 * helpers: every page view runs it, and the loader does not carry those.
 */
function check(value: unknown, latest: number): ConsentRecord | string {
  if (!isObject(value)) return '';
  const record: Record<string, unknown> = {};
  for (const field in FIELDS) {
    if (!FIELDS[field]!(value[field], latest)) return field;
    record[field] = value[field];
  }
  // Copied one by one, so nothing of an inherited or `__proto__` key reaches the record.
  const given = value.categories as Record<string, unknown>;
  const categories: Record<string, unknown> = (record.categories = {});
  for (const id of Object.keys(given)) {
    if (!ID.test(id) || typeof given[id] !== 'boolean') return `categories.${id.slice(0, 80)}`;
    categories[id] = given[id];
  }
  const seen = value.noticeSeen;
  if (seen !== undefined) {
    if (!isObject(seen) || !isVersion(seen.version) || !isPast(seen.at, latest)) return 'noticeSeen';
    // The proof of the words is kept when it is well formed, and only then: its absence
    // costs the receipt its hash, never the visitor their choice.
    const proven = typeof seen.textsHash === 'string' && /^[0-9a-f]{64}$/.test(seen.textsHash) && isVersion(seen.uiVersion);
    record.noticeSeen = proven
      ? { version: seen.version, at: seen.at, textsHash: seen.textsHash as string, uiVersion: seen.uiVersion as string }
      : { version: seen.version, at: seen.at };
  }
  return record as unknown as ConsentRecord;
}

/**
 * Reads a stored value. Anything that does not parse, has the wrong shape or is dated in
 * the future reads as "no choice yet", with the reason: the visitor is asked again rather
 * than held to a choice we cannot vouch for.
 */
export function parseRecord(raw: string | null | undefined, now: Date): ParsedRecord {
  if (!raw) return { record: null };
  let field = '';
  try {
    // Longer than any record we write: not worth parsing.
    const result = raw.length > 4096 ? '' : check(JSON.parse(raw), now.getTime() + CLOCK_SKEW);
    if (typeof result !== 'string') return { record: result };
    field = result;
  } catch {
    // not JSON
  }
  return {
    record: null,
    problem: {
      code: 'storage',
      key: field || 'record',
      message: `stored consent ignored: ${field ? `${field} is missing or wrong` : 'not a JSON object of at most 4096 characters'}`,
    },
  };
}

/**
 * {@link parseRecord} for the loader, on a stored value it has not seen before: a good one
 * is remembered, so later page views take it without this check.
 */
export function checkStored(raw: string, now: Date): ParsedRecord {
  const parsed = parseRecord(raw, now);
  if (parsed.record) remember(raw);
  return parsed;
}
