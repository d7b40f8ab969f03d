/**
 * `npm run bench:profile [-- <dist/>]`: where a first visit's time goes before the banner
 * shows. Figures, not a test: what `npm run bench` and `bench:compare` cannot tell, which
 * part of kelisim to look at next.
 *
 * Each run is a first visit to the bench page (HTTP/2 over TLS, gzip, 4× CPU), with the CPU
 * profiler sampling the page until the banner is visible. Printed, medians over the runs:
 *
 * - the timeline: the page's first paint, when each of kelisim's files was requested and
 *   arrived (resource timing), and when the banner became visible (the bench's probe);
 * - script time (CDP `ScriptDuration`, what the bench reports) when the banner shows and a
 *   second later: how much of it the banner's own way to the screen costs;
 * - the profile's self time per file of dist/, then per source line through the source maps
 *   (`src/ui/banner.ts:24`), so a minified name is not the end of the trail. The profiler
 *   slows the page: read its milliseconds as shares, not as the page's time.
 *
 *   npm run build && npm run bench:profile
 *   BENCH_RUNS=15 BENCH_SLOW_LINK=1 npm run bench:profile -- /tmp/other-dist
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { probedPage } from './measure.mjs';
import { median } from './stats.mjs';
import { SUBJECTS } from './subjects.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 9));
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const NETWORK = process.env.BENCH_SLOW_LINK ? { latency: 150, down: 1_600_000, up: 750_000 } : undefined;
/** Fine enough to see a 1 ms function at 4× CPU, coarse enough not to double the page's time. */
const SAMPLING_US = 200;
const SETTLE_MS = 1000;
const TOP = 25;

const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
if (!existsSync(join(dist, 'kelisim.js'))) {
  console.error(`no kelisim.js in ${dist}: run \`npm run build\` first, or name a built dist/ folder`);
  process.exit(2);
}

/** Source maps of dist/, by file name: a profile's (line, column) back to the TypeScript. */
const maps = new Map(
  readdirSync(dist)
    .filter((name) => name.endsWith('.js.map'))
    .map((name) => [name.slice(0, -'.map'.length), new SourceMap(JSON.parse(readFileSync(join(dist, name), 'utf8')))]),
);

/** `kelisim-ui-BaWn9d.js` → `ui`: the role, the same across builds. */
const roleOf = (file) => (file === 'kelisim.js' ? 'loader' : (/^kelisim-(.+)-[\w-]{6}\.js$/.exec(file)?.[1] ?? file));

/** Where a sampled frame was written: `src/ui/banner.ts:24`, `lit-html`, or the file when it has no map. */
function sourceOf(file, line, column) {
  const entry = maps.get(file)?.findEntry(line, column);
  if (!entry?.originalSource) return roleOf(file);
  const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
  return source.includes('node_modules/')
    ? source.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
    : `${source}:${entry.originalLine + 1}`;
}

const template = readFileSync(join(ROOT, 'bench/pages/page.html'), 'utf8');
const snippet = readFileSync(join(ROOT, 'bench/pages/kelisim.html'), 'utf8');
const kelisim = SUBJECTS.find((subject) => subject.id === 'kelisim');
const server = await startStaticServer({
  mounts: { '/dist/': dist },
  pages: { '/kelisim.html': template.replace('<!-- banner -->', snippet) },
  http2: true,
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs, '--ignore-certificate-errors'] });

/** One first visit: its timeline, script time, and self time per file and per source line. */
async function profiledVisit() {
  const context = await browser.newContext();
  try {
    const { page, cdp } = await probedPage(context, kelisim, { throttle: THROTTLE, network: NETWORK });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    const scriptMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value * 1000;

    await page.goto(`${server.url}/kelisim.html`, { waitUntil: 'commit' });
    await page.evaluate(() => window.__bench.until('banner'));
    const { profile } = await cdp.send('Profiler.stop');
    const scriptAtBanner = await scriptMs();
    await page.waitForTimeout(SETTLE_MS);
    const scriptAfter = await scriptMs();

    const timeline = await page.evaluate(() => {
      const moments = { 'page first contentful paint': window.__bench.results().fcp };
      for (const entry of performance.getEntriesByType('resource')) {
        const file = new URL(entry.name).pathname.split('/').pop();
        if (!file.startsWith('kelisim')) continue;
        moments[`${file} requested`] = entry.startTime;
        moments[`${file} arrived`] = entry.responseEnd;
      }
      moments['banner visible'] = window.__bench.results().bannerVisibleAt;
      return moments;
    });

    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const byFile = {};
    const bySource = {};
    profile.samples.forEach((id, index) => {
      const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
      const { url, lineNumber, columnNumber, functionName } = nodes.get(id).callFrame;
      const file = url.split('/').pop();
      if (!file?.startsWith('kelisim')) {
        // The browser's own work (style, layout, parsing: "(program)") and the page's, once.
        const other = functionName.startsWith('(') ? functionName : `(${functionName || 'program'})`;
        if (other !== '(idle)') byFile[other] = (byFile[other] ?? 0) + ms;
        return;
      }
      byFile[roleOf(file)] = (byFile[roleOf(file)] ?? 0) + ms;
      const source = sourceOf(file, lineNumber, columnNumber);
      bySource[source] = (bySource[source] ?? 0) + ms;
    });
    return { timeline, scriptAtBanner, scriptAfter, byFile, bySource };
  } finally {
    await context.close();
  }
}

const visits = [];
try {
  await profiledVisit(); // warms the browser up, not counted
  for (let run = 0; run < RUNS; run++) {
    visits.push(await profiledVisit());
    process.stderr.write(`\rrun ${run + 1}/${RUNS}`);
  }
} finally {
  process.stderr.write('\n');
  await browser.close();
  await server.close();
}

/**
 * The median per key over the runs. A self time missing from a run was 0 there; a moment
 * missing from a run (a file it had not yet requested) did not happen in it, and is left out.
 */
const medians = (pick, { absentIsZero = true } = {}) => {
  const keys = new Set(visits.flatMap((visit) => Object.keys(pick(visit))));
  const values = (key) => visits.map((visit) => pick(visit)[key] ?? (absentIsZero ? 0 : null)).filter((value) => value !== null);
  return [...keys].map((key) => [key, median(values(key))]);
};
const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;

console.log(`${THROTTLE}× CPU, ${NETWORK ? '150 ms RTT, 1.6 Mbit/s' : 'loopback'}, HTTP/2; median of ${RUNS} first visits; ${dist}\n`);
console.log('timeline, from navigation start (chunk names without their hash)');
for (const [moment, at] of medians((visit) => visit.timeline, { absentIsZero: false }).sort((a, b) => a[1] - b[1])) {
  console.log(`${ms(at)}  ${moment.replace(/-[\w-]{6}\.js/, '.js')}`);
}
console.log('\nscript time (CDP ScriptDuration, the whole page)');
console.log(`${ms(median(visits.map((visit) => visit.scriptAtBanner)))}  until the banner is visible`);
console.log(`${ms(median(visits.map((visit) => visit.scriptAfter)))}  one second later`);

console.log('\nprofile until the banner is visible: self time per file (slowed by the profiler: shares, not times)');
for (const [file, time] of medians((visit) => visit.byFile)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 12))
  console.log(`${ms(time)}  ${file}`);
console.log(`\n… kelisim's share per source line, the ${TOP} largest`);
for (const [source, time] of medians((visit) => visit.bySource)
  .sort((a, b) => b[1] - a[1])
  .slice(0, TOP))
  console.log(`${ms(time)}  ${source}`);
