import { parseDate } from './config.js';
import { isExpired } from './record.js';
import type { ConsentRecord, CoreConfig, View } from './types.js';

/**
 * The first moment at which continued use accepts a policy change (clause 1.2):
 * the start of the day that is `implicitAcceptanceDays` calendar days after publication,
 * in the visitor's calendar. `null` when the publication date is unknown: then only the
 * button accepts.
 */
export function implicitAcceptanceAt(policy: CoreConfig['policy']): Date | null {
  const published = policy.publishedAt ? parseDate(policy.publishedAt) : null;
  if (!published) return null;
  // setDate counts calendar days, so a daylight-saving change does not shift the day.
  return new Date(published.getFullYear(), published.getMonth(), published.getDate() + policy.implicitAcceptanceDays);
}

/**
 * What this page view needs, as a pure function of the stored record, the config and the
 * time. `implicit` only for a visitor who was shown the notice for this very version on an
 * earlier page view: the clock of clause 1.2 alone never accepts for someone never told.
 */
export function decide(record: ConsentRecord | null, config: CoreConfig, now: Date): View {
  if (!record || isExpired(record, config.consentMaxAgeDays, now)) return 'banner';
  if (record.policyVersion === config.policy.version) return 'none';
  const acceptsAt = implicitAcceptanceAt(config.policy);
  const told = record.noticeSeen?.version === config.policy.version;
  return told && acceptsAt && now >= acceptsAt ? 'implicit' : 'notice';
}
