import type { ConsentRecord, CoreConfig } from '../types.js';

const DAY = 86_400_000;

/** Whether the choice is older than `consentMaxAgeDays`, so the visitor is asked again. */
export function isExpired(record: ConsentRecord, maxAgeDays: number, now: Date): boolean {
  return now.getTime() - Date.parse(record.decidedAt) >= maxAgeDays * DAY;
}

/**
 * What the stored record alone decides, on every page view: `banner` without a current
 * choice, `none` when it is for the policy in force. `null` when the policy has changed:
 * then clause 1.2 decides (`decide` in the decisions chunk), which is rare enough to wait
 * for it.
 */
export function currentView(record: ConsentRecord | null, config: CoreConfig, now: Date): 'banner' | 'none' | null {
  if (!record || isExpired(record, config.consentMaxAgeDays, now)) return 'banner';
  return record.policyVersion === config.policy.version ? 'none' : null;
}
