import { ID } from './config.js';
import { bool, is, oneOf, record, shape, text, type Check } from './schema.js';
import type { ConsentRecord, KelisimError } from './types.js';

const DAY = 86_400_000;
/** Clock adjustments (NTP, a hand-set clock) should not cost a visitor their choice. */
const CLOCK_SKEW = 5 * 60_000;

/** The outcome of reading a stored value: a usable record, or why there is none. */
export interface ParsedRecord {
  record: ConsentRecord | null;
  problem?: KelisimError;
}

/** A record's shape; fields a later version may add are ignored, not fatal. */
const recordShape = (latest: number) => {
  const time: Check<string> = is('a past ISO time', (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) && Date.parse(v) <= latest);
  return shape<ConsentRecord>(
    {
      v: oneOf([1]),
      id: text(64, /^[\w-]{8,}$/),
      policyVersion: text(100),
      categories: record(ID, bool()),
      decidedAt: time,
      updatedAt: time,
      policyAcceptedBy: oneOf(['button', 'implicit']),
      lang: oneOf(['kk', 'ru', 'en']),
      noticeSeen: shape({ version: text(100), at: time }) as Check<ConsentRecord['noticeSeen']>,
    },
    true,
  );
};

const REQUIRED = ['v', 'id', 'policyVersion', 'categories', 'decidedAt', 'updatedAt', 'policyAcceptedBy', 'lang'] as const;

/**
 * Reads a stored value. Anything that does not parse, has the wrong shape or is dated in
 * the future reads as "no choice yet", with the reason: the visitor is asked again rather
 * than held to a choice we cannot vouch for.
 */
export function parseRecord(raw: string | null | undefined, now: Date): ParsedRecord {
  if (!raw) return { record: null };
  let problem: KelisimError | undefined;
  const fail = (key: string, message: string) => void (problem ??= { code: 'storage', key: key || 'record', message: `stored consent ignored: ${key || 'value'} ${message}` });
  try {
    if (raw.length > 4096) fail('', 'is longer than 4096 characters');
    else {
      const value = recordShape(now.getTime() + CLOCK_SKEW)(JSON.parse(raw), '', fail);
      const missing = REQUIRED.find((key) => value?.[key] === undefined);
      if (value && missing) fail(missing, 'is missing or wrong');
      if (value?.noticeSeen && !value.noticeSeen.at) fail('noticeSeen', 'is incomplete');
      if (!problem) return { record: value as ConsentRecord };
    }
  } catch {
    fail('', 'is not JSON');
  }
  return { record: null, problem };
}

/** Whether the choice is older than `consentMaxAgeDays`, so the visitor is asked again. */
export function isExpired(record: ConsentRecord, maxAgeDays: number, now: Date): boolean {
  return now.getTime() - Date.parse(record.decidedAt) >= maxAgeDays * DAY;
}
