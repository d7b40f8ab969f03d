/**
 * Dates as a policy's config writes them, read without any time zone: what the config
 * checker needs to tell a good `publishedAt` from a bad one, apart from clause 1.2's
 * calendar arithmetic (`clause-1-2.ts`), which the banner's first paint does not need.
 */

/** A day of a calendar: `month` 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/;

/**
 * An ISO date (`2026-11-25`) or date-time (`2026-11-25T10:00:00+05:00`) as written: its day,
 * and for a date-time with an offset or `Z` the instant it names. `null` for anything else,
 * or a day that does not exist (`2026-02-30`).
 */
export function writtenDate(value: string): (CalendarDay & { instant?: Date }) | null {
  const match = DATE.exec(value) ?? DATE_TIME.exec(value);
  if (!match) return null;
  const day = { year: +match[1]!, month: +match[2]!, day: +match[3]! };
  const check = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (check.getUTCMonth() !== day.month - 1 || check.getUTCDate() !== day.day) return null;
  if (!match[6]) return day;
  const instant = new Date(value);
  return isNaN(instant.getTime()) ? null : { ...day, instant };
}

/** Whether `timeZone` is an IANA zone this browser knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
