/**
 * `npm run bench`: kelisim against vanilla-cookieconsent 3.1 and klaro 0.7 on the same page,
 * in Debian's headless Chromium with the CPU throttled 4×. Figures, never a test: it prints
 * the tables and writes bench/results/latest.json (every run), latest.svg (the chart) and
 * latest.md (the tables for the docs).
 *
 * Three conditions: a first visit on loopback, the same behind a slow link (150 ms round
 * trip, 1.6 Mbit/s down, 750 kbit/s up, emulated by Chromium), and a returning visitor; then
 * Lighthouse 12 (simulated throttling, mobile and desktop presets) on the page alone and
 * with each banner: what the banner costs the page's own first paint.
 *
 * Every run is a fresh browser context on a local static server that serves as a CDN does:
 * gzip, and HTTP/2 over TLS (a certificate made for the run, which this Chromium is told to
 * accept), so every file of a page shares one connection. `BENCH_HTTP=1.1` serves plain
 * HTTP/1.1 instead, where Chromium opens a connection per file in flight and Lighthouse's
 * simulation charges each new one a handshake. The
 * subjects are alternated in rotating order, so drift on the machine hits all of them alike;
 * a first round warms the browser up and is not counted. The page alone is measured too, so
 * what a banner adds can be told from what the page costs. A returning visitor is a context
 * holding what that banner stored after "accept all" on an earlier visit.
 *
 *   npm run bench                       11 runs each, 5 Lighthouse runs each (about 12 minutes on 2 cores)
 *   BENCH_RUNS=21 BENCH_THROTTLE=6 BENCH_LH_RUNS=7 npm run bench
 *   BENCH_LH_RUNS=0 npm run bench       without Lighthouse
 *
 * Run `npm run build` first: kelisim is measured from dist/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { chart } from './chart.mjs';
import { lighthouseRuns } from './lighthouse.mjs';
import { acceptedState, visit } from './measure.mjs';
import { FIRST_VISIT, FIRST_VISIT_NETWORK, LIGHTHOUSE, RETURNING } from './metrics.mjs';
import { lighthouseTable, markdownTable, results, summariseRuns, table } from './report.mjs';
import { SUBJECTS } from './subjects.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 11));
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const OUT = join(ROOT, 'bench/results');
const LH_RUNS = Math.max(0, Number(process.env.BENCH_LH_RUNS ?? 5));
/** The slow link: round trip in ms, bits per second down and up. */
const NETWORK = { latency: 150, down: 1_600_000, up: 750_000 };
/** HTTP/2 over TLS, as a CDN serves; `BENCH_HTTP=1.1` for plain HTTP/1.1. */
const HTTP2 = process.env.BENCH_HTTP !== '1.1';

/** `<link rel="modulepreload">` for the interface and the English texts, named as this build named them. */
function modulepreloadLinks() {
  const chunks = JSON.parse(readFileSync(join(ROOT, 'dist/chunks.json'), 'utf8'));
  return [...chunks.ui, ...chunks.languages.en].map((file) => `<link rel="modulepreload" href="/dist/${file}">`).join('\n');
}

/** The same page for every subject, with its tags where the template says `<!-- banner -->`. */
function pages() {
  const template = readFileSync(join(ROOT, 'bench/pages/page.html'), 'utf8');
  const snippet = (id) =>
    readFileSync(join(ROOT, `bench/pages/${id}.html`), 'utf8')
      .replace('{{modulepreload}}', modulepreloadLinks)
      .trim();
  return Object.fromEntries(SUBJECTS.map((subject) => [`/${subject.id}.html`, template.replace('<!-- banner -->', snippet(subject.id))]));
}

/** The server's certificate is made for this run on 127.0.0.1: the bench's Chromium accepts it. */
const TRUST_TEST_CERTIFICATE = '--ignore-certificate-errors';

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
    http2: HTTP2,
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, ...(HTTP2 ? [TRUST_TEST_CERTIFICATE] : [])],
  });
  try {
    const returningSubjects = SUBJECTS.filter((subject) => subject.returning);
    const stored = Object.fromEntries(
      await Promise.all(returningSubjects.map(async (subject) => [subject.id, await acceptedState(browser, server, subject)])),
    );
    const firstVisit = Object.fromEntries(SUBJECTS.map((subject) => [subject.id, []]));
    const network = Object.fromEntries(SUBJECTS.map((subject) => [subject.id, []]));
    const returning = Object.fromEntries(returningSubjects.map((subject) => [subject.id, []]));
    const started = Date.now();

    for (let round = -1; round < RUNS; round++) {
      const counted = round >= 0; // round -1 warms up
      for (const subject of rotated(SUBJECTS, round + 1)) {
        const figures = await visit(browser, server, subject, { throttle: THROTTLE });
        if (counted) firstVisit[subject.id].push(figures);
      }
      for (const subject of rotated(SUBJECTS, round + 2)) {
        const figures = await visit(browser, server, subject, { throttle: THROTTLE, network: NETWORK });
        if (counted) network[subject.id].push(figures);
      }
      for (const subject of rotated(returningSubjects, round + 1)) {
        const figures = await visit(browser, server, subject, { throttle: THROTTLE, storageState: stored[subject.id] });
        if (counted) returning[subject.id].push(figures);
      }
      process.stderr.write(
        counted ? `\rround ${round + 1}/${RUNS} (${Math.round((Date.now() - started) / 1000)} s)` : 'warm-up round done\n',
      );
    }
    process.stderr.write('\n');
    const lighthouseSubjects = SUBJECTS.filter((subject) => subject.id !== 'kelisim-preload');
    const lighthouse = LH_RUNS
      ? await lighthouseRuns({
          baseUrl: server.url,
          subjects: lighthouseSubjects,
          runs: LH_RUNS,
          chromiumFlags: HTTP2 ? [TRUST_TEST_CERTIFICATE] : [],
          progress: (text) => process.stderr.write(`\r${text}`),
        })
      : {};
    process.stderr.write('\n');

    const meta = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      runs: RUNS,
      throttle: THROTTLE,
      network: NETWORK,
      protocol: HTTP2 ? 'HTTP/2 over TLS' : 'HTTP/1.1',
      lighthouseRuns: LH_RUNS,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      definitions: {
        bannerVisible:
          'first animation frame (its timestamp, from navigation start) in which the banner element has a size, is in the viewport and passes checkVisibility({opacityProperty, visibilityProperty})',
        ready:
          'kelisim: the kelisim:ready event; vanilla-cookieconsent: onConsent (runs on every load with a stored choice); klaro: config.callback for the last service (klaro applies the stored consents)',
        scriptMs: 'CDP Performance.getMetrics ScriptDuration, 1 s after the moment and the load event',
        longTasks: 'PerformanceObserver longtask entries (≥ 50 ms) until then',
        bannerLongTasks:
          "long-animation-frame entries in which scripts from the banner's own files ran ≥ 50 ms in total (LoAF script attribution)",
        bannerLongestScriptMs: "the longest single script run from the banner's own files listed in any long-animation-frame entry",
        layoutShift: 'sum of layout-shift entries without recent input',
        heapMb: 'CDP JSHeapUsedSize after HeapProfiler.collectGarbage',
        kb: "the banner's own JS and CSS (its config file included) as sent, gzip, without headers",
        criticalKb: "the banner's own files whose request started before its first visible frame (resource timing encodedBodySize)",
        network: 'Chromium network emulation (CDP Network.emulateNetworkConditions): latency is added to every round trip',
        lighthouse:
          'Lighthouse 12.2.3, performance category, default (mobile) and desktop configs, simulated throttling; bootup-time for script evaluation + parse of the banner files',
      },
    };
    const report = results({
      meta,
      subjects: SUBJECTS.map(({ id, label, short, other }) => ({ id, label, short, other })),
      firstVisit,
      network,
      returning,
      lighthouse,
    });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(OUT, 'latest.svg'), chart(report));
    const returningLabelled = report.subjects.filter((subject) => returning[subject.id]);
    const lighthouseLabelled = report.subjects.filter((subject) => subject.id !== 'kelisim-preload');
    const markdown = [
      `${meta.machine}; Chromium ${meta.chromium}, ${THROTTLE}× CPU throttle, served over ${meta.protocol} with gzip, median of ${RUNS} runs each (${meta.date.slice(0, 10)}).`,
      `**First visit, loopback**\n\n${markdownTable(FIRST_VISIT, report.firstVisit, report.subjects)}`,
      `**First visit, ${NETWORK.latency} ms round trip, ${NETWORK.down / 1e6} Mbit/s down, ${NETWORK.up / 1e3} kbit/s up**\n\n${markdownTable(FIRST_VISIT_NETWORK, report.network, report.subjects)}`,
      `**Returning visitor** (consent stored)\n\n${markdownTable(RETURNING, report.returning, returningLabelled)}`,
      ...Object.entries(report.lighthouse).map(
        ([preset, summary]) =>
          `**Lighthouse 12, ${preset}** (simulated throttling, median of ${LH_RUNS} runs)\n\n${lighthouseTable(summary, lighthouseLabelled, true)}`,
      ),
    ].join('\n\n');
    writeFileSync(join(OUT, 'latest.md'), `${markdown}\n`);

    console.log(`\nChromium ${meta.chromium}, ${THROTTLE}× CPU throttle, ${meta.protocol}, median of ${RUNS} runs each\n`);
    console.log(table('first visit', FIRST_VISIT, summariseRuns(firstVisit, FIRST_VISIT), SUBJECTS));
    console.log();
    console.log(
      table(`first visit, ${NETWORK.latency} ms RTT`, FIRST_VISIT_NETWORK, summariseRuns(network, FIRST_VISIT_NETWORK), SUBJECTS),
    );
    console.log();
    console.log(table('returning visitor', RETURNING, summariseRuns(returning, RETURNING), returningSubjects));
    for (const [preset, runs] of Object.entries(lighthouse)) {
      console.log();
      console.log(`Lighthouse ${preset}`);
      console.log(lighthouseTable(summariseRuns(runs, LIGHTHOUSE), lighthouseSubjects));
    }
    console.log(`\nkelisim files, first visit: ${report.files.firstVisit.kelisim.join(' ')}`);
    console.log(`kelisim files, returning visitor: ${report.files.returning.kelisim.join(' ')}`);
    const missed = Object.entries(firstVisit).filter(([id, runs]) => id !== 'none' && runs.some((run) => run.bannerVisible === null));
    if (missed.length)
      console.log(
        `runs where the banner never became visible: ${missed.map(([id, runs]) => `${id} ${runs.filter((run) => run.bannerVisible === null).length}`).join(', ')}`,
      );
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
