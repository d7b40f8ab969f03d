/**
 * `npm run bench:compare -- <before> <after>`: two builds of kelisim's dist/ on the bench
 * page, a first visit each, in pairs (their order alternating, a fresh context per run), so
 * that drift on the machine hits both alike. Prints the medians of time to banner (also
 * counted from the page's first paint, which kelisim waits for), script
 * evaluation and bytes before the banner, and the median of the paired differences with
 * the runs that moved each way: a change is told from noise by the pairs, which one ratio
 * of two `npm run bench` runs cannot do. Figures, not a test.
 *
 *   git stash && npm run build && cp -r dist /tmp/before && git stash pop && npm run build
 *   npm run bench:compare -- /tmp/before dist
 *   BENCH_RUNS=31 BENCH_SLOW_LINK=1 npm run bench:compare -- /tmp/before dist
 *
 * Served as `npm run bench` serves: HTTP/2 over TLS with gzip, 4× CPU (BENCH_THROTTLE).
 * With BENCH_SLOW_LINK, behind 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { visit } from './measure.mjs';
import { median } from './stats.mjs';
import { SUBJECTS } from './subjects.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 21));
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const NETWORK = process.env.BENCH_SLOW_LINK ? { latency: 150, down: 1_600_000, up: 750_000 } : undefined;

const builds = process.argv.slice(2);
if (builds.length !== 2 || !builds.every((dir) => existsSync(join(dir, 'kelisim.js')))) {
  console.error('usage: npm run bench:compare -- <before dist/> <after dist/>   (each a folder holding a built kelisim.js)');
  process.exit(2);
}

/** The bench page with kelisim's tags, its loader from `/<name>/`. */
const template = readFileSync(join(ROOT, 'bench/pages/page.html'), 'utf8');
const snippet = readFileSync(join(ROOT, 'bench/pages/kelisim.html'), 'utf8');
const kelisim = SUBJECTS.find((subject) => subject.id === 'kelisim');
const subjects = ['before', 'after'].map((name) => ({ ...kelisim, id: name, label: name, ownFiles: new RegExp(`^/${name}/`) }));

const server = await startStaticServer({
  mounts: Object.fromEntries(subjects.map((subject, index) => [`/${subject.id}/`, resolve(builds[index])])),
  pages: Object.fromEntries(
    subjects.map((subject) => [`/${subject.id}.html`, template.replace('<!-- banner -->', snippet.replace('/dist/', `/${subject.id}/`))]),
  ),
  http2: true,
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs, '--ignore-certificate-errors'] });
const runs = { before: [], after: [] };
try {
  // One pair to warm up, not counted.
  for (let round = -1; round < RUNS; round++) {
    const order = round % 2 ? subjects : [...subjects].reverse();
    for (const subject of order) {
      const figures = await visit(browser, server, subject, { throttle: THROTTLE, network: NETWORK });
      if (round >= 0) runs[subject.id].push(figures);
    }
    if (round >= 0) process.stderr.write(`\rpair ${round + 1}/${RUNS}`);
  }
} finally {
  process.stderr.write('\n');
  await browser.close();
  await server.close();
}

const rows = [
  ['time to banner visible', 'ms', (run) => run.bannerVisible],
  // kelisim waits for the page's paint, whose time varies more between runs than anything
  // kelisim does after it: what follows the paint is the steadier figure of a change.
  ["… after the page's first paint", 'ms', (run) => (run.bannerVisible === null || run.fcp === null ? null : run.bannerVisible - run.fcp)],
  ['script evaluation', 'ms', (run) => run.scriptMs],
  ['long tasks caused by the banner', 'count', (run) => run.bannerLongTasks],
  ["… the banner's longest script run", 'ms', (run) => run.bannerLongestScriptMs],
  ['requested before the banner, gzip', 'KB', (run) => run.criticalBytes / 1024],
  ['transferred, gzip', 'KB', (run) => run.bytes / 1024],
];
console.log(`${THROTTLE}× CPU, ${NETWORK ? '150 ms RTT' : 'loopback'}, HTTP/2; ${RUNS} pairs\n`);
console.log(`${''.padEnd(40)}${'before'.padStart(9)}${'after'.padStart(9)}${'after−before, paired'.padStart(24)}  runs lower / higher`);
for (const [label, unit, read] of rows) {
  const before = runs.before.map(read);
  const after = runs.after.map(read);
  // A pair counts only when both runs reached the moment (null - x would be a number).
  const differences = after.flatMap((value, index) =>
    Number.isFinite(value) && Number.isFinite(before[index]) ? [value - before[index]] : [],
  );
  const digits = unit === 'KB' ? 2 : 0;
  const cell = (value) => (value === null ? '—' : value.toFixed(digits)).padStart(9);
  const lower = differences.filter((d) => d < 0).length;
  const higher = differences.filter((d) => d > 0).length;
  console.log(
    `${`${label} (${unit})`.padEnd(40)}${cell(median(before.filter(Number.isFinite)))}${cell(median(after.filter(Number.isFinite)))}` +
      `${(median(differences)?.toFixed(digits) ?? '—').padStart(24)}  ${lower} / ${higher}`,
  );
}
