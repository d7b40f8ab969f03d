/**
 * The figures the benchmark reports, in the order of its table, with how each is read
 * from a run and printed. Shared by the table, the JSON and the chart.
 */

/**
 * @typedef {object} Metric
 * @property {string} key
 * @property {string} label
 * @property {string} unit
 * @property {(run: import('./measure.mjs').RunFigures) => number | null} read
 * @property {number} digits
 */

/** @type {Metric[]} */
export const FIRST_VISIT = [
  { key: 'bannerVisible', label: 'time to banner visible', unit: 'ms', read: (run) => run.bannerVisible, digits: 0 },
  { key: 'scriptMs', label: 'script evaluation', unit: 'ms', read: (run) => run.scriptMs, digits: 0 },
  { key: 'longTasks', label: 'long tasks ≥ 50 ms', unit: 'count', read: (run) => run.longTasks, digits: 0 },
  { key: 'longTaskMs', label: 'long tasks, total', unit: 'ms', read: (run) => run.longTaskMs, digits: 0 },
  { key: 'bannerLongTasks', label: '  caused by the banner', unit: 'count', read: (run) => run.bannerLongTasks, digits: 0 },
  { key: 'bannerLongestScriptMs', label: "  banner's longest script run", unit: 'ms', read: (run) => run.bannerLongestScriptMs, digits: 0 },
  { key: 'layoutShift', label: 'layout shift (CLS)', unit: '', read: (run) => run.layoutShift, digits: 3 },
  { key: 'heapMb', label: 'JS heap used', unit: 'MB', read: (run) => run.heapMb, digits: 2 },
  { key: 'criticalKb', label: 'critical path (before the banner), gzip', unit: 'KB', read: (run) => run.criticalBytes / 1024, digits: 1 },
  { key: 'kb', label: 'JS + CSS transferred, gzip', unit: 'KB', read: (run) => run.bytes / 1024, digits: 1 },
  { key: 'requests', label: 'JS + CSS requests', unit: '', read: (run) => run.files.length, digits: 0 },
  { key: 'fcp', label: 'page first contentful paint', unit: 'ms', read: (run) => run.fcp, digits: 0 },
];

/** @type {Metric[]} */
export const RETURNING = [
  { key: 'ready', label: 'time to ready (choice applied)', unit: 'ms', read: (run) => run.ready, digits: 0 },
  { key: 'kb', label: 'JS + CSS transferred, gzip', unit: 'KB', read: (run) => run.bytes / 1024, digits: 1 },
  { key: 'requests', label: 'JS + CSS requests', unit: '', read: (run) => run.files.length, digits: 0 },
  { key: 'scriptMs', label: 'script evaluation', unit: 'ms', read: (run) => run.scriptMs, digits: 0 },
  { key: 'longTasks', label: 'long tasks ≥ 50 ms', unit: 'count', read: (run) => run.longTasks, digits: 0 },
  { key: 'bannerLongTasks', label: '  caused by the banner', unit: 'count', read: (run) => run.bannerLongTasks, digits: 0 },
  { key: 'bannerLongestScriptMs', label: "  banner's longest script run", unit: 'ms', read: (run) => run.bannerLongestScriptMs, digits: 0 },
  { key: 'heapMb', label: 'JS heap used', unit: 'MB', read: (run) => run.heapMb, digits: 2 },
];

/** What the benchmark's network condition reports: a first visit behind a slow link. */
export const FIRST_VISIT_NETWORK = FIRST_VISIT.filter((metric) =>
  ['bannerVisible', 'criticalKb', 'scriptMs', 'bannerLongTasks', 'layoutShift', 'fcp'].includes(metric.key),
);

/**
 * @typedef {object} LighthouseMetric
 * @property {string} key
 * @property {string} label
 * @property {string} unit
 * @property {(run: {fcp: number, lcp: number, cls: number, ownScriptMs: number}) => number} read
 * @property {number} digits
 */

/** @type {LighthouseMetric[]} Lighthouse's figures, per preset. */
export const LIGHTHOUSE = [
  { key: 'fcp', label: 'page FCP (simulated)', unit: 'ms', read: (run) => run.fcp, digits: 0 },
  { key: 'lcp', label: 'page LCP (simulated)', unit: 'ms', read: (run) => run.lcp, digits: 0 },
  { key: 'cls', label: 'CLS', unit: '', read: (run) => run.cls, digits: 3 },
  { key: 'ownScriptMs', label: "banner's script evaluation + parse", unit: 'ms', read: (run) => run.ownScriptMs, digits: 0 },
];

/** A figure as printed: fixed digits, "—" for none. */
export const format = (value, digits) => (value === null || value === undefined ? '—' : value.toFixed(digits));
