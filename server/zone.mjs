/**
 * Calendar days in an IANA time zone, for the console's "per day" and its date range:
 * the operator counts days where the site is (Asia/Almaty by default), not in UTC. Node's
 * Intl does the zone arithmetic, so both stores bucket by exactly the same instants;
 * SQLite has no zones at all, and PostgreSQL's own zone data may be older or newer.
 */

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/** @param {string} timeZone */
function format(timeZone) {
  let formatter = formats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is a zone this Node knows (`Asia/Almaty`, `UTC`).
 * @param {string} timeZone
 */
export function isTimeZone(timeZone) {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's offset from UTC at an instant, in whole minutes (Almaty: 300).
 * @param {number} ms
 * @param {string} timeZone
 */
export function offsetMinutes(ms, timeZone) {
  /** @type {Record<string, number>} */
  const parts = {};
  for (const { type, value } of format(timeZone).formatToParts(new Date(ms))) if (type !== 'literal') parts[type] = Number(value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a calendar day starts in the zone: `2026-11-26` in Asia/Almaty is
 * 2026-11-25T19:00:00Z. (A day that starts at a DST jump starts when the clock does.)
 * @param {string} day `YYYY-MM-DD`
 * @param {string} timeZone
 * @returns {Date}
 */
export function startOfDay(day, timeZone) {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, date);
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  // Once more with the offset in force at the guess: right across a change of offset.
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess);
}

/**
 * The calendar day of an instant in the zone, `YYYY-MM-DD`.
 * @param {Date} instant
 * @param {string} timeZone
 */
export function dayOf(instant, timeZone) {
  return new Date(instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60_000).toISOString().slice(0, 10);
}

/**
 * The day after `day` (`YYYY-MM-DD`).
 * @param {string} day
 */
export function nextDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * [from, to) cut where the zone's offset changes, each piece with its constant offset: a
 * store buckets a piece by `day(received_at + offset)`, exact for any zone. For a zone
 * without daylight saving time (Kazakhstan) that is one piece.
 * @param {Date} from
 * @param {Date} to
 * @param {string} timeZone
 * @returns {Array<{ from: Date, to: Date, offsetMinutes: number }>}
 */
export function daySpans(from, to, timeZone) {
  const MINUTE = 60_000;
  const DAY = 24 * 3_600_000;
  const spans = [];
  const end = to.getTime();
  let start = from.getTime();
  while (start < end) {
    const offset = offsetMinutes(start, timeZone);
    let low = start;
    let high = Math.min(end, start + DAY);
    // A day at a time while the offset holds: no zone changes it twice within a day.
    while (high < end && offsetMinutes(high, timeZone) === offset) {
      low = high;
      high = Math.min(end, high + DAY);
    }
    if (offsetMinutes(high, timeZone) !== offset) {
      // It changes in (low, high]: narrow to the minute.
      while (high - low > MINUTE) {
        const middle = low + Math.max(MINUTE, Math.floor((high - low) / 2 / MINUTE) * MINUTE);
        if (offsetMinutes(middle, timeZone) === offset) low = middle;
        else high = middle;
      }
    }
    spans.push({ from: new Date(start), to: new Date(high), offsetMinutes: offset });
    start = high;
  }
  return spans;
}
