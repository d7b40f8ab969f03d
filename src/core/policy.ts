import { currentView } from './choice.js';
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
  const view = currentView(record, config, now);
  if (view) return view;
  const acceptsAt = implicitAcceptanceAt(config.policy);
  const told = record!.noticeSeen?.version === config.policy.version;
  return told && acceptsAt && now >= acceptsAt ? 'implicit' : 'notice';
}

/**
 * Parses an ISO date or date-time. A bare date (`2026-06-01`) is the start of that day in
 * the visitor's time zone, not UTC midnight, so calendar-day counts match their calendar.
 */
export function parseDate(value: string): Date | null {
  const bare = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  const date = bare ? new Date(+bare[1]!, +bare[2]! - 1, +bare[3]!) : /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : null;
  // 2026-13-45 would roll over into another date; a bare date must read back as written.
  return date && date.getTime() === date.getTime() && (!bare || date.getDate() === +bare[3]! && date.getMonth() === +bare[2]! - 1) ? date : null;
}
