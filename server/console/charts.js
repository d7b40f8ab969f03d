/**
 * The console's charts: plain SVG drawn from the aggregates `GET /v1/stats` returns,
 * 2.3 KB gzip for the three shapes the console needs (stacked columns, stacked bars,
 * share bars, the funnels being share bars), where a general charting library brings
 * tens of KB of shapes, animation and its own accessibility layer, and one more
 * dependency to serve and keep up to date. Every chart is an image with a
 * name (`role="img"`, `aria-labelledby`) and comes with a table of the same numbers for
 * screen readers, keyboards and tests; every text is set as text, never as markup.
 */

const SVG = 'http://www.w3.org/2000/svg';

/** Colour-blind-safe (Okabe–Ito), each at least 3:1 against white, one per method. */
export const METHOD_COLOURS = {
  'accept-all': '#0072B2',
  'reject-all': '#D55E00',
  custom: '#009E73',
  withdraw: '#CC79A7',
  implicit: '#B07800',
};

/**
 * @param {string} name
 * @param {Record<string, string | number>} [attributes]
 * @param {string} [text]
 * @returns {SVGElement}
 */
function svg(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A round step for an axis that reaches `max` in about `ticks` steps. @param {number} max @param {number} ticks */
function step(max, ticks) {
  const raw = Math.max(1, max) / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
}

/**
 * The chart's frame: an image named by `labelledBy`, drawn in a `width` × `height` box.
 * @param {number} width
 * @param {number} height
 * @param {string} labelledBy
 */
function frame(width, height, labelledBy) {
  return svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    role: 'img',
    'aria-labelledby': labelledBy,
    class: 'chart',
    preserveAspectRatio: 'xMinYMin meet',
  });
}

/**
 * @typedef {object} Series
 * @property {string} key
 * @property {string} label
 * @property {string} colour
 */

/**
 * Columns per row (a day), each stacked by series (a method).
 * @param {{ rows: Array<{ label: string, values: Record<string, number> }>, series: Series[], labelledBy: string, format: (n: number) => string, width?: number }} options
 *   `width`: the drawing's width in CSS pixels, so its text stays at the page's size.
 */
export function stackedColumns({ rows, series, labelledBy, format, width = 760 }) {
  const height = 260;
  const left = 48;
  const bottom = 28;
  const top = 8;
  const chart = frame(width, height, labelledBy);
  const totals = rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const unit = step(max, 4);
  const ceiling = Math.ceil(max / unit) * unit;
  const plot = height - bottom - top;
  const y = (/** @type {number} */ value) => top + plot - (value / ceiling) * plot;
  for (let tick = 0; tick <= ceiling; tick += unit) {
    chart.append(svg('line', { x1: left, x2: width, y1: y(tick), y2: y(tick), class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, format(tick)));
  }
  const slot = (width - left) / Math.max(1, rows.length);
  const bar = Math.max(1, Math.min(28, slot * 0.8));
  // Labels on a few columns only, evenly, so they never overlap.
  const every = Math.max(1, Math.ceil(rows.length / 8));
  rows.forEach((row, index) => {
    const x = left + index * slot + (slot - bar) / 2;
    let base = 0;
    for (const s of series) {
      const value = row.values[s.key] ?? 0;
      if (!value) continue;
      const rect = svg('rect', { x, y: y(base + value), width: bar, height: y(base) - y(base + value), fill: s.colour });
      rect.append(svg('title', {}, `${row.label}: ${s.label} ${format(value)}`));
      chart.append(rect);
      base += value;
    }
    if (index % every === 0)
      chart.append(
        svg('text', { x: left + index * slot + slot / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, row.label.slice(5)),
      );
  });
  return chart;
}

/**
 * One horizontal bar per row (a language, a policy version), stacked by series; the
 * row's label above its bar, so long labels in any language fit.
 * @param {{ rows: Array<{ label: string, values: Record<string, number> }>, series: Series[], labelledBy: string, format: (n: number) => string, width?: number }} options
 */
export function stackedBars({ rows, series, labelledBy, format, width = 760 }) {
  const line = 40;
  const right = 70;
  const height = Math.max(1, rows.length) * line + 4;
  const chart = frame(width, height, labelledBy);
  const totals = rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const scale = (/** @type {number} */ value) => (value / max) * (width - right);
  rows.forEach((row, index) => {
    const top = index * line;
    chart.append(svg('text', { x: 0, y: top + 14, class: 'label' }, row.label));
    let x = 0;
    for (const s of series) {
      const value = row.values[s.key] ?? 0;
      if (!value) continue;
      const rect = svg('rect', { x, y: top + 19, width: scale(value), height: 16, fill: s.colour });
      rect.append(svg('title', {}, `${row.label}: ${s.label} ${format(value)}`));
      chart.append(rect);
      x += scale(value);
    }
    chart.append(svg('text', { x: x + 6, y: top + 32, class: 'value' }, format(totals[index])));
  });
  return chart;
}

/**
 * One bar per row, its length a share (0 to 1); the row's label above it, the share and
 * the counts after it.
 * @param {{ rows: Array<{ label: string, share: number, note: string, colour?: string }>, labelledBy: string, width?: number }} options
 */
export function shareBars({ rows, labelledBy, width = 760 }) {
  const line = 40;
  const right = Math.min(200, width * 0.4);
  const height = Math.max(1, rows.length) * line + 4;
  const chart = frame(width, height, labelledBy);
  const full = width - right;
  rows.forEach((row, index) => {
    const top = index * line;
    chart.append(svg('text', { x: 0, y: top + 14, class: 'label' }, row.label));
    chart.append(svg('rect', { x: 0, y: top + 19, width: full, height: 16, class: 'track' }));
    const rect = svg('rect', {
      x: 0,
      y: top + 19,
      width: Math.max(0, Math.min(1, row.share)) * full,
      height: 16,
      fill: row.colour ?? '#0072B2',
    });
    rect.append(svg('title', {}, `${row.label}: ${row.note}`));
    chart.append(rect);
    chart.append(svg('text', { x: full + 8, y: top + 32, class: 'value' }, row.note));
  });
  return chart;
}
