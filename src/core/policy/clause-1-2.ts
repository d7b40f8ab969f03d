/**
 * Clause 1.2 of the policy: a change is accepted by the button, or by continued use "after
 * 7 calendar days following the day of publication have passed". The day of publication
 * does not count: published on day D with N days, continued use accepts from 00:00 of day
 * D + N + 1. Days are counted in one calendar for everyone, the policy's `timeZone`
 * (Kazakhstan's, UTC+05:00, by default): a visitor's own zone never moves the moment.
 */
import { currentView } from './current.js';
import { writtenDate, type CalendarDay } from './dates.js';

export type { CalendarDay } from './dates.js';
export { isTimeZone } from './dates.js';
import type { ConsentRecord, CoreConfig, View } from '../types.js';

/** Where clause 1.2's days are counted unless `policy.timeZone` says otherwise: Kazakhstan, UTC+05:00. */
export const KAZAKHSTAN = 'Asia/Almaty';

/** The calendar in which this policy's days are counted. */
export const policyTimeZone = (policy: CoreConfig['policy']): string => policy.timeZone ?? KAZAKHSTAN;

/** The wall clock of `timeZone` at an instant, read back as if it were UTC: its difference to the instant is the zone's offset. */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  for (const { type, value } of format.formatToParts(instant)) parts[type] = +value;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The day an instant falls on in `timeZone`'s calendar. */
export function calendarDay(instant: Date, timeZone: string): CalendarDay {
  const wall = new Date(wallClock(instant.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * 00:00 of a day in `timeZone`, as an instant. Days past the month's end roll over
 * (`day: 32` of January is 1 February), so a count of days is simply added.
 */
export function startOfDay({ year, month, day }: CalendarDay, timeZone: string): Date {
  const midnight = Date.UTC(year, month - 1, day);
  // The offset at a first guess, then at the instant it gives: right across an offset change.
  let instant = midnight;
  for (let i = 0; i < 2; i++) instant = midnight - (wallClock(instant, timeZone) - Math.floor(instant / 1000) * 1000);
  return new Date(instant);
}

/**
 * The day a policy was published, in `timeZone`'s calendar: a bare date (`2026-11-25`) or a
 * date-time without an offset is that day as written; a date-time with an offset or `Z` is
 * the day on which that instant falls there. `null` for anything else, or a date that does
 * not exist (`2026-02-30`).
 */
export function publicationDay(publishedAt: string, timeZone: string): CalendarDay | null {
  const written = writtenDate(publishedAt);
  if (!written) return null;
  return written.instant ? calendarDay(written.instant, timeZone) : written;
}

/**
 * The first moment at which continued use accepts the change: 00:00 of the day after the
 * `implicitAcceptanceDays` calendar days that follow the day of publication, in the
 * policy's time zone. `null` without a publication date: then only the button accepts.
 */
export function implicitAcceptanceAt(policy: CoreConfig['policy']): Date | null {
  const zone = policyTimeZone(policy);
  const published = policy.publishedAt ? publicationDay(policy.publishedAt, zone) : null;
  return published && startOfDay({ ...published, day: published.day + policy.implicitAcceptanceDays + 1 }, zone);
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
