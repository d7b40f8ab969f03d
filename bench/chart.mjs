/**
 * bench/results/latest.svg, drawn by hand: one panel per headline figure, a bar per banner
 * (the median) with a line over it from the fastest to the slowest run. Plain SVG with its
 * own fonts and colours, so it reads the same in a README on GitHub and in a browser.
 */

const COLOURS = { kelisim: '#1d4ed8', 'kelisim-preload': '#60a5fa', 'vanilla-cookieconsent': '#c2410c', klaro: '#047857', none: '#9ca3af' };
/** The headline figures of issue 12, each read from the results by `pick`. */
const PANELS = [
  { pick: (r) => r.firstVisit.bannerVisible, title: 'First visit, loopback: time to banner visible', unit: 'ms', digits: 0 },
  { pick: (r) => r.network.bannerVisible, title: 'First visit, 150 ms RTT: time to banner visible', unit: 'ms', digits: 0 },
  { pick: (r) => r.firstVisit.criticalKb, title: 'First visit: requested before the banner shows', unit: 'KB', digits: 1 },
  { pick: (r) => r.firstVisit.scriptMs, title: 'First visit: script evaluation', unit: 'ms', digits: 0 },
  { pick: (r) => r.lighthouse?.mobile?.lcp, title: "Lighthouse mobile: the page's LCP", unit: 'ms', digits: 0, pageAlone: true },
  { pick: (r) => r.returning.ready, title: 'Returning visitor: time to ready', unit: 'ms', digits: 0 },
];

const PANEL = { width: 450, labelWidth: 170, barHeight: 20, gap: 8, top: 30, bottom: 16 };
const MARGIN = { top: 56, side: 20, bottom: 30 };

const escape = (text) => String(text).replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);

/** One panel's SVG, its top-left corner at (x, y): a bar for each subject measured in it. */
function panel({ title, unit, digits }, bySubject = {}, allSubjects, x, y) {
  const subjects = allSubjects.filter((subject) => bySubject[subject.id]?.median != null);
  const barArea = PANEL.width - PANEL.labelWidth - 70;
  const scale = Math.max(...subjects.map((subject) => bySubject[subject.id]?.max ?? 0), 1e-9) * 1.05;
  const parts = [`<text x="${x}" y="${y + 16}" class="title">${escape(title)} (${unit})</text>`];
  subjects.forEach((subject, index) => {
    const summary = bySubject[subject.id];
    const top = y + PANEL.top + index * (PANEL.barHeight + PANEL.gap);
    const middle = top + PANEL.barHeight / 2;
    const left = x + PANEL.labelWidth;
    const at = (value) => left + (value / scale) * barArea;
    parts.push(`<text x="${left - 8}" y="${middle + 4}" class="label">${escape(subject.label)}</text>`);
    parts.push(
      `<rect x="${left}" y="${top}" width="${Math.max(1, at(summary.median) - left).toFixed(1)}" height="${PANEL.barHeight}" rx="3" fill="${COLOURS[subject.id] ?? '#6b7280'}"/>`,
    );
    parts.push(
      `<path d="M${at(summary.min).toFixed(1)} ${middle}H${at(summary.max).toFixed(1)}M${at(summary.min).toFixed(1)} ${middle - 5}v10M${at(summary.max).toFixed(1)} ${middle - 5}v10" class="spread"/>`,
    );
    parts.push(
      `<text x="${(Math.max(at(summary.max), at(summary.median)) + 6).toFixed(1)}" y="${middle + 4}" class="value">${summary.median.toFixed(digits)}</text>`,
    );
  });
  return parts.join('\n');
}

/**
 * @param {ReturnType<typeof import('./report.mjs').results>} results
 * @returns {string}
 */
export function chart(results) {
  const banners = results.subjects.filter((subject) => subject.id !== 'none');
  // Lighthouse measures the page alone, and not kelisim + modulepreload: as many bars.
  const withPageAlone = results.subjects.map((subject) => (subject.id === 'none' ? { ...subject, label: 'page alone' } : subject));
  const rows = Math.ceil(PANELS.length / 2);
  const panelHeight = PANEL.top + banners.length * (PANEL.barHeight + PANEL.gap) + PANEL.bottom;
  const width = MARGIN.side * 2 + PANEL.width * 2 + 20;
  const height = MARGIN.top + rows * panelHeight + MARGIN.bottom;
  const { runs, throttle, chromium, protocol = 'HTTP/1.1', lighthouseRuns } = results.meta;
  const panels = PANELS.map((spec, index) =>
    panel(
      spec,
      spec.pick(results),
      spec.pageAlone ? withPageAlone : banners,
      MARGIN.side + (index % 2) * (PANEL.width + 20),
      MARGIN.top + Math.floor(index / 2) * panelHeight,
    ),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title">
<title id="chart-title">kelisim, vanilla-cookieconsent 3.1 and klaro 0.7 on the same page: medians of ${runs} runs each</title>
<style>
  text { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; fill: #111827; }
  .heading { font-size: 16px; font-weight: 600; }
  .note { font-size: 12px; fill: #4b5563; }
  .title { font-size: 13px; font-weight: 600; }
  .label { font-size: 12px; text-anchor: end; }
  .value { font-size: 12px; font-variant-numeric: tabular-nums; }
  .spread { stroke: #111827; stroke-width: 1.5; fill: none; opacity: .55; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${MARGIN.side}" y="24" class="heading">Consent banners on one page: headless Chromium ${escape(chromium)}, ${throttle}× CPU, ${escape(protocol)}</text>
<text x="${MARGIN.side}" y="42" class="note">Bars: median of ${runs} runs each (Lighthouse: ${lighthouseRuns}), alternated, fresh context per run; lines: fastest to slowest run. Shorter is better.</text>
${panels.join('\n')}
<text x="${MARGIN.side}" y="${height - 10}" class="note">npm run bench · ${escape(results.meta.date)}</text>
</svg>
`;
}
