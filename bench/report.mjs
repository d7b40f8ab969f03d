/**
 * Turns the runs into what the benchmark prints and keeps: medians per subject, the ratios
 * kelisim / other, the table on stdout, and bench/results/latest.json.
 */
import { FIRST_VISIT, FIRST_VISIT_NETWORK, LIGHTHOUSE, RETURNING, format } from './metrics.mjs';
import { ratio, summarise } from './stats.mjs';

/**
 * @param {Record<string, import('./measure.mjs').RunFigures[]>} runs subject id → runs
 * @param {import('./metrics.mjs').Metric[]} metrics
 * @returns {Record<string, Record<string, ReturnType<typeof summarise>>>} metric → subject → summary
 */
export function summariseRuns(runs, metrics) {
  return Object.fromEntries(
    metrics.map((metric) => [
      metric.key,
      Object.fromEntries(Object.entries(runs).map(([subject, list]) => [subject, summarise(list.map(metric.read))])),
    ]),
  );
}

/** metric → other subject → kelisim's median / theirs. */
export function ratios(summary, others) {
  return Object.fromEntries(
    Object.entries(summary).map(([metric, bySubject]) => [
      metric,
      Object.fromEntries(others.map((other) => [other, ratio(bySubject.kelisim?.median ?? null, bySubject[other]?.median ?? null)])),
    ]),
  );
}

/**
 * The table: one row per metric, one column per subject, then the ratios.
 * @param {string} title
 * @param {import('./metrics.mjs').Metric[]} metrics
 * @param {ReturnType<typeof summariseRuns>} summary
 * @param {Array<{ id: string, short: string, other: boolean }>} subjects
 */
export function table(title, metrics, summary, subjects) {
  const others = subjects.filter((subject) => subject.other);
  const columns = [...subjects.map((subject) => subject.short), ...others.map((other) => `k / ${other.short}`)];
  const width = Math.max(10, ...columns.map((column) => column.length + 2));
  const lines = [`${title.padEnd(38)}${columns.map((column) => column.padStart(width)).join('')}`];
  for (const metric of metrics) {
    const bySubject = summary[metric.key];
    const cells = subjects.map((subject) => format(bySubject[subject.id]?.median, metric.digits));
    const quotients = others.map((other) => format(ratio(bySubject.kelisim?.median ?? null, bySubject[other.id]?.median ?? null), 2));
    const label = metric.unit ? `${metric.label} (${metric.unit})` : metric.label;
    lines.push(`${label.padEnd(38)}${[...cells, ...quotients].map((cell) => cell.padStart(width)).join('')}`);
  }
  return lines.join('\n');
}

/**
 * The same table in Markdown, for the README (bench/results/latest.md).
 * @param {import('./metrics.mjs').Metric[]} metrics
 * @param {ReturnType<typeof summariseRuns>} summary
 * @param {Array<{ id: string, label: string, other: boolean }>} subjects
 */
export function markdownTable(metrics, summary, subjects) {
  const others = subjects.filter((subject) => subject.other);
  const header = ['', ...subjects.map((subject) => subject.label), ...others.map((other) => `kelisim / ${other.label}`)];
  const rows = metrics.map((metric) => {
    const bySubject = summary[metric.key];
    const label = (metric.unit ? `${metric.label} (${metric.unit})` : metric.label).replace(/^ +/, '… ');
    const cells = subjects.map((subject) => format(bySubject[subject.id]?.median, metric.digits));
    const quotients = others.map((other) => format(ratio(bySubject.kelisim?.median ?? null, bySubject[other.id]?.median ?? null), 2));
    return [label, ...cells, ...quotients];
  });
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, index) => (index ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/**
 * Lighthouse's figures: one row per metric, one column per subject, then each banner's
 * median divided by the page alone's (what the banner costs the page's own paint).
 * @param {ReturnType<typeof summariseRuns>} summary
 * @param {Array<{ id: string, short: string }>} subjects
 * @param {boolean} markdown
 */
export function lighthouseTable(summary, subjects, markdown = false) {
  const banners = subjects.filter((subject) => subject.id !== 'none');
  const header = ['', ...subjects.map((subject) => subject.short), ...banners.map((subject) => `${subject.short} / alone`)];
  const rows = LIGHTHOUSE.map((metric) => {
    const bySubject = summary[metric.key];
    const cells = subjects.map((subject) => format(bySubject[subject.id]?.median, metric.digits));
    const quotients = banners.map((subject) =>
      metric.key === 'fcp' || metric.key === 'lcp'
        ? format(ratio(bySubject[subject.id]?.median ?? null, bySubject.none?.median ?? null), 2)
        : '—',
    );
    return [metric.unit ? `${metric.label} (${metric.unit})` : metric.label, ...cells, ...quotients];
  });
  if (markdown) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map((_, index) => (index ? '---:' : '---'))), ...rows.map(line)].join('\n');
  }
  const width = Math.max(10, ...header.map((cell) => cell.length + 2));
  return [header, ...rows]
    .map(([label, ...cells]) => `${label.padEnd(38)}${cells.map((cell) => cell.padStart(width)).join('')}`)
    .join('\n');
}

/**
 * Everything the run found, for bench/results/latest.json.
 * @param {{ meta: object, subjects: Array<{ id: string, label: string, short: string, other: boolean }>, firstVisit: Record<string, import('./measure.mjs').RunFigures[]>, network: Record<string, import('./measure.mjs').RunFigures[]>, returning: Record<string, import('./measure.mjs').RunFigures[]>, lighthouse: Record<string, Record<string, object[]>> }} input
 */
export function results({ meta, subjects, firstVisit, network, returning, lighthouse }) {
  const others = subjects.filter((subject) => subject.other).map((subject) => subject.id);
  const first = summariseRuns(firstVisit, FIRST_VISIT);
  const slow = summariseRuns(network, FIRST_VISIT_NETWORK);
  const again = summariseRuns(returning, RETURNING);
  return {
    meta,
    subjects,
    firstVisit: first,
    network: slow,
    returning: again,
    lighthouse: Object.fromEntries(Object.entries(lighthouse).map(([preset, runs]) => [preset, summariseRuns(runs, LIGHTHOUSE)])),
    ratios: { firstVisit: ratios(first, others), network: ratios(slow, others), returning: ratios(again, others) },
    files: {
      firstVisit: Object.fromEntries(Object.entries(firstVisit).map(([id, runs]) => [id, runs[0]?.files ?? []])),
      returning: Object.fromEntries(Object.entries(returning).map(([id, runs]) => [id, runs[0]?.files ?? []])),
    },
  };
}
