/**
 * `npm run bench`: kelisim against vanilla-cookieconsent 3.1 and klaro 0.7 on the same page,
 * in Debian's headless Chromium with the CPU throttled 4×, as SPEC §11 asks. Figures, never
 * a test: it prints a table and writes bench/results/latest.json (every run), latest.svg (the
 * chart) and latest.md (the tables for the README).
 *
 * Every run is a fresh browser context on a local static server (gzip on, like a CDN). The
 * subjects are alternated in rotating order, so drift on the machine hits all of them alike;
 * a first round warms the browser up and is not counted. The page alone is measured too, so
 * what a banner adds can be told from what the page costs. A returning visitor is a context
 * holding what that banner stored after "accept all" on an earlier visit.
 *
 *   npm run bench                       11 runs each (about 3 minutes on 2 cores)
 *   BENCH_RUNS=21 BENCH_THROTTLE=6 npm run bench
 *
 * Run `npm run build` first: kelisim is measured from dist/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { chart } from './chart.mjs';
import { acceptedState, visit } from './measure.mjs';
import { FIRST_VISIT, RETURNING } from './metrics.mjs';
import { markdownTable, results, summariseRuns, table } from './report.mjs';
import { SUBJECTS } from './subjects.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 11));
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const OUT = join(ROOT, 'bench/results');

/** `<link rel="modulepreload">` for the interface and the English texts, named as this build named them. */
function modulepreloadLinks() {
  const chunks = JSON.parse(readFileSync(join(ROOT, 'dist/chunks.json'), 'utf8'));
  return [...chunks.ui, ...chunks.languages.en].map((file) => `<link rel="modulepreload" href="/dist/${file}">`).join('\n');
}

/** The same page for every subject, with its tags where the template says `<!-- banner -->`. */
function pages() {
  const template = readFileSync(join(ROOT, 'bench/pages/page.html'), 'utf8');
  const snippet = (id) => readFileSync(join(ROOT, `bench/pages/${id}.html`), 'utf8').replace('{{modulepreload}}', modulepreloadLinks).trim();
  return Object.fromEntries(SUBJECTS.map((subject) => [`/${subject.id}.html`, template.replace('<!-- banner -->', snippet(subject.id))]));
}

/** Subjects in an order that moves one step each round. */
const rotated = (list, round) => list.map((_, index) => list[(index + round) % list.length]);

async function main() {
  if (!existsSync(join(ROOT, 'dist/chunks.json'))) throw new Error('dist/ is missing: run `npm run build` first');
  const server = await startStaticServer({
    mounts: {
      '/dist/': join(ROOT, 'dist'),
      '/vendor/vanilla-cookieconsent/': join(ROOT, 'node_modules/vanilla-cookieconsent/dist'),
      '/vendor/klaro/': join(ROOT, 'node_modules/klaro/dist'),
      '/pages/': join(ROOT, 'bench/pages'),
    },
    pages: pages(),
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const returningSubjects = SUBJECTS.filter((subject) => subject.returning);
    const stored = Object.fromEntries(await Promise.all(returningSubjects.map(async (subject) => [subject.id, await acceptedState(browser, server, subject)])));
    const firstVisit = Object.fromEntries(SUBJECTS.map((subject) => [subject.id, []]));
    const returning = Object.fromEntries(returningSubjects.map((subject) => [subject.id, []]));
    const started = Date.now();

    for (let round = -1; round < RUNS; round++) {
      const counted = round >= 0; // round -1 warms up
      for (const subject of rotated(SUBJECTS, round + 1)) {
        const figures = await visit(browser, server, subject, { throttle: THROTTLE });
        if (counted) firstVisit[subject.id].push(figures);
      }
      for (const subject of rotated(returningSubjects, round + 1)) {
        const figures = await visit(browser, server, subject, { throttle: THROTTLE, storageState: stored[subject.id] });
        if (counted) returning[subject.id].push(figures);
      }
      process.stderr.write(counted ? `\rround ${round + 1}/${RUNS} (${Math.round((Date.now() - started) / 1000)} s)` : 'warm-up round done\n');
    }
    process.stderr.write('\n');

    const meta = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      runs: RUNS,
      throttle: THROTTLE,
      definitions: {
        bannerVisible: 'first animation frame (its timestamp, from navigation start) in which the banner element has a size, is in the viewport and passes checkVisibility({opacityProperty, visibilityProperty})',
        ready: 'kelisim: the kelisim:ready event; vanilla-cookieconsent: onConsent (runs on every load with a stored choice); klaro: config.callback for the last service (klaro applies the stored consents)',
        scriptMs: 'CDP Performance.getMetrics ScriptDuration, 1 s after the moment and the load event',
        longTasks: 'PerformanceObserver longtask entries (≥ 50 ms) until then',
        bannerLongTasks: "long-animation-frame entries in which scripts from the banner's own files ran ≥ 50 ms in total (LoAF script attribution)",
        bannerLongestScriptMs: "the longest single script run from the banner's own files listed in any long-animation-frame entry",
        layoutShift: 'sum of layout-shift entries without recent input',
        heapMb: 'CDP JSHeapUsedSize after HeapProfiler.collectGarbage',
        kb: "the banner's own JS and CSS (its config file included) as sent, gzip, without headers",
      },
    };
    const report = results({ meta, subjects: SUBJECTS.map(({ id, label, short, other }) => ({ id, label, short, other })), firstVisit, returning });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(OUT, 'latest.svg'), chart(report));
    const returningLabelled = report.subjects.filter((subject) => returning[subject.id]);
    const markdown = [
      `Chromium ${meta.chromium}, ${THROTTLE}× CPU throttle, median of ${RUNS} runs each (${meta.date.slice(0, 10)}).`,
      `**First visit**\n\n${markdownTable(FIRST_VISIT, report.firstVisit, report.subjects)}`,
      `**Returning visitor** (consent stored)\n\n${markdownTable(RETURNING, report.returning, returningLabelled)}`,
    ].join('\n\n');
    writeFileSync(join(OUT, 'latest.md'), `${markdown}\n`);

    console.log(`\nChromium ${meta.chromium}, ${THROTTLE}× CPU throttle, median of ${RUNS} runs each\n`);
    console.log(table('first visit', FIRST_VISIT, summariseRuns(firstVisit, FIRST_VISIT), SUBJECTS));
    console.log();
    console.log(table('returning visitor', RETURNING, summariseRuns(returning, RETURNING), returningSubjects));
    console.log(`\nkelisim files, first visit: ${report.files.firstVisit.kelisim.join(' ')}`);
    console.log(`kelisim files, returning visitor: ${report.files.returning.kelisim.join(' ')}`);
    const missed = Object.entries(firstVisit).filter(([id, runs]) => id !== 'none' && runs.some((run) => run.bannerVisible === null));
    if (missed.length) console.log(`runs where the banner never became visible: ${missed.map(([id, runs]) => `${id} ${runs.filter((run) => run.bannerVisible === null).length}`).join(', ')}`);
    console.log(`\nwritten: bench/results/latest.json, latest.svg, latest.md`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
