/** Summaries of a benchmark's runs: the median (what the table shows), and the spread. */

/** @param {number[]} values */
export function median(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * @param {Array<number | null>} values one per run; null where the run missed the moment
 * @returns {{ median: number | null, min: number | null, max: number | null, missed: number, runs: Array<number | null> }}
 */
export function summarise(values) {
  const present = values.filter((value) => value !== null && Number.isFinite(value));
  return {
    median: median(present),
    min: present.length ? Math.min(...present) : null,
    max: present.length ? Math.max(...present) : null,
    missed: values.length - present.length,
    runs: values,
  };
}

/** a / b, or null when it means nothing (b is 0 or missing). */
export function ratio(a, b) {
  return a === null || b === null || b === 0 ? null : a / b;
}
