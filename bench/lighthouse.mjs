/**
 * Lighthouse 12's view of what a banner costs the page: the page's own first contentful
 * paint and largest contentful paint under Lighthouse's simulated throttling, its mobile
 * and desktop presets, for the same page alone and with each banner, plus the banner's
 * script evaluation and parse (from the `bootup-time` audit). Each run is a first visit:
 * Lighthouse clears the origin's storage before it loads the page.
 *
 * Lighthouse 12.2.3 reads `args.chrome_frame_reporter` from the trace, which current
 * Chromium writes as `args.frame_reporter`; without it the LCP-element and layout-shift
 * audits error. The trace gatherer is replaced by one that mends the trace as it is
 * collected (bench/lighthouse-trace.mjs), before any other gatherer reads it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

/**
 * A config with the mending trace gatherer in place of Lighthouse's own, and `bootup-time`
 * listing every script: by default it leaves out a file whose work totals under 50 ms,
 * which hid most of a banner split into small chunks, and all of them on desktop.
 */
const mended = (config = {}) => ({
  ...config,
  extends: 'lighthouse:default',
  artifacts: [{ id: 'Trace', gatherer: fileURLToPath(new URL('./lighthouse-trace.mjs', import.meta.url)) }],
  audits: [{ path: 'bootup-time', options: { thresholdInMs: 0 } }],
});

/** The presets: Lighthouse's default is mobile (Moto G Power, slow 4G, 4× CPU), and its desktop config. */
export const PRESETS = { mobile: mended(), desktop: mended(desktopConfig) };

/** A free loopback port for Chromium's debugging endpoint. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Debian's Chromium with a debugging port for Lighthouse, in a profile of its own. */
async function launchChromium(flags = []) {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'kelisim-lh-'));
  const child = spawn(
    chromiumPath(),
    [
      ...chromiumArgs,
      ...flags,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    // Removed once Chromium has exited: while it shuts down it still writes to the profile.
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (error) {
        // A helper still writing its cache must not cost the runs measured so far. (Not a
        // process group of its own to stop them with: Ctrl-C would then leave Chromium running.)
        console.warn(`\nbench: could not remove the Lighthouse profile ${profile} (${error.code}); remove it by hand`);
      }
    },
  };
}

/**
 * One Lighthouse run of `url` with a preset.
 * @returns {Promise<{fcp: number, lcp: number, cls: number, ownScriptMs: number, errors: string[]}>}
 */
async function run(port, url, preset, ownFiles) {
  const result = await lighthouse(url, { port, logLevel: 'error', output: 'json', onlyCategories: ['performance'] }, PRESETS[preset]);
  {
    const { audits } = result.lhr;
    const own = (item) => {
      try {
        return ownFiles.test(new URL(item.url).pathname);
      } catch {
        return false;
      }
    };
    const bootup = audits['bootup-time']?.details?.items ?? [];
    return {
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      ownScriptMs: bootup.filter(own).reduce((sum, item) => sum + item.scripting + item.scriptParseCompile, 0),
      errors: ['largest-contentful-paint-element', 'layout-shifts', 'cumulative-layout-shift']
        .filter((id) => audits[id]?.errorMessage)
        .map((id) => `${id}: ${audits[id].errorMessage}`),
    };
  }
}

/**
 * Every subject on every preset, `runs` times each, alternating subjects (and rotating
 * their order) so that drift on the machine hits them alike. `chromiumFlags` are added to
 * its Chromium's command line (to accept the bench's certificate).
 * @param {{ baseUrl: string, subjects: import('./subjects.mjs').Subject[], runs: number, chromiumFlags?: string[], progress?: (text: string) => void }} options
 * @returns {Promise<Record<string, Record<string, Array<Awaited<ReturnType<typeof run>>>>>>} preset → subject id → runs
 */
export async function lighthouseRuns({ baseUrl, subjects, runs, chromiumFlags = [], progress = () => {} }) {
  const chromium = await launchChromium(chromiumFlags);
  const results = Object.fromEntries(
    Object.keys(PRESETS).map((preset) => [preset, Object.fromEntries(subjects.map((subject) => [subject.id, []]))]),
  );
  try {
    for (let round = 0; round < runs; round++) {
      for (const preset of Object.keys(PRESETS)) {
        const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]);
        for (const subject of order) {
          results[preset][subject.id].push(await run(chromium.port, `${baseUrl}/${subject.id}.html`, preset, subject.ownFiles));
        }
      }
      progress(`lighthouse round ${round + 1}/${runs}`);
    }
  } finally {
    await chromium.close();
  }
  return results;
}
