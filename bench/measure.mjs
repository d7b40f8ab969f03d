/**
 * One benchmark run: a fresh browser context (no cache, no cookies unless a returning
 * visitor's are given), the CPU throttled through CDP, one navigation to the subject's page,
 * then a quiet wait so that trailing work is seen, then the figures.
 */
import { probe } from './probe.mjs';

/** How long to keep watching after the awaited moment: long tasks and shifts that follow it count. */
const SETTLE_MS = 1000;
/** A run that has not reached its moment by then is recorded as missing it. */
const MOMENT_TIMEOUT_MS = 15_000;

/**
 * @typedef {object} RunFigures
 * @property {number | null} bannerVisible ms from navigation start
 * @property {number | null} ready ms from navigation start, the banner's own "decided" signal
 * @property {number | null} fcp first contentful paint of the page
 * @property {number} scriptMs main-thread script execution (CDP ScriptDuration)
 * @property {number} longTasks count of tasks ≥ 50 ms
 * @property {number} longTaskMs their total duration
 * @property {number} bannerLongTasks long animation frames in which the banner's own scripts ran ≥ 50 ms
 * @property {number} bannerLongestScriptMs the banner's longest script run within a long animation frame
 * @property {number} layoutShift sum of layout-shift values without recent input
 * @property {number} heapMb JS heap used after a garbage collection
 * @property {number} bytes the subject's JS + CSS as transferred (gzip bodies)
 * @property {string[]} files the subject's JS + CSS files fetched
 * @property {number} criticalBytes the subject's files requested before its banner was visible (gzip bodies): its critical path
 * @property {boolean} bannerShown whether the banner was on screen at the end
 */

/**
 * A page of `context` as every benchmark run has it: the probe watching for `subject`'s
 * banner, the CPU throttled, CDP's performance metrics on and, with `network`, the link
 * slowed by Chromium. Returns the page and its CDP session.
 *
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('./subjects.mjs').Subject} subject
 * @param {{ throttle: number, network?: { latency: number, down: number, up: number } }} options
 */
export async function probedPage(context, subject, { throttle, network }) {
  await context.addInitScript(probe, { banner: subject.banner });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Performance.enable');
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latency,
      downloadThroughput: network.down / 8,
      uploadThroughput: network.up / 8,
    });
  }
  return { page, cdp };
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('../scripts/static-server.mjs').StaticServer} server
 * @param {import('./subjects.mjs').Subject} subject
 * @param {{ throttle: number, storageState?: object, network?: { latency: number, down: number, up: number } }} options `storageState`: a returning visitor's cookies and storage; `network`: round-trip ms and bits per second, emulated by Chromium
 * @returns {Promise<RunFigures>}
 */
export async function visit(browser, server, subject, { throttle, storageState, network }) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  try {
    const { page, cdp } = await probedPage(context, subject, { throttle, network });
    const since = server.requests.length;

    await page.goto(`${server.url}/${subject.id}.html`, { waitUntil: 'commit' });
    const moment = subject.id === 'none' ? 'load' : storageState ? 'ready' : 'banner';
    await page.evaluate(
      ([name, timeout]) => Promise.race([window.__bench.until(name), new Promise((resolve) => setTimeout(resolve, timeout))]),
      [moment, MOMENT_TIMEOUT_MS],
    );
    await page.waitForLoadState('load');
    await page.waitForTimeout(SETTLE_MS);

    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics: afterGc } = await cdp.send('Performance.getMetrics');
    const metric = (list, name) => list.find((entry) => entry.name === name)?.value ?? 0;
    const results = await page.evaluate(() => window.__bench.results());
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, start: entry.startTime, bytes: entry.encodedBodySize })),
    );
    const bannerShown =
      subject.banner.length > 0 &&
      (await page
        .locator(subject.banner.join(' >> '))
        .first()
        .isVisible()
        .catch(() => false));

    const isOwn = (url) => {
      try {
        return subject.ownFiles.test(new URL(url).pathname);
      } catch {
        return false;
      }
    };
    // A long task is the banner's when its own scripts ran ≥ 50 ms in it: long on their own account.
    const ownScripts = results.longFrames.map((frame) =>
      frame.scripts.filter((script) => isOwn(script.url)).map((script) => script.duration),
    );
    const bannerLongTasks = ownScripts.filter((durations) => durations.reduce((sum, ms) => sum + ms, 0) >= 50).length;
    const bannerLongestScriptMs = Math.max(0, ...ownScripts.flat());
    const own = server.requests.slice(since).filter((request) => subject.ownFiles.test(request.path) && /\.(m?js|css)$/.test(request.path));
    return {
      bannerVisible: results.bannerVisibleAt,
      ready: results.readyAt,
      fcp: results.fcp,
      scriptMs: metric(metrics, 'ScriptDuration') * 1000,
      longTasks: results.longTasks.length,
      longTaskMs: results.longTasks.reduce((sum, task) => sum + task.duration, 0),
      bannerLongTasks,
      bannerLongestScriptMs,
      layoutShift: results.layoutShift,
      heapMb: metric(afterGc, 'JSHeapUsedSize') / 2 ** 20,
      bytes: own.reduce((sum, request) => sum + request.bytes, 0),
      files: own.map((request) => request.path),
      // Requested before the banner's first visible frame: what it needed to paint.
      criticalBytes:
        results.bannerVisibleAt === null
          ? 0
          : resources
              .filter((entry) => isOwn(entry.url) && entry.start <= results.bannerVisibleAt)
              .reduce((sum, entry) => sum + entry.bytes, 0),
      bannerShown,
    };
  } finally {
    await context.close();
  }
}

/**
 * A returning visitor's state: one visit that accepts everything through the banner's own
 * API, then the context's cookies and localStorage as they are left.
 * @param {import('playwright-core').Browser} browser
 * @param {import('../scripts/static-server.mjs').StaticServer} server
 * @param {import('./subjects.mjs').Subject} subject
 */
export async function acceptedState(browser, server, subject) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(probe, { banner: subject.banner });
    const page = await context.newPage();
    await page.goto(`${server.url}/${subject.id}.html`);
    await page.evaluate(
      (timeout) => Promise.race([window.__bench.until('banner'), new Promise((resolve) => setTimeout(resolve, timeout))]),
      MOMENT_TIMEOUT_MS,
    );
    await subject.acceptAll(page);
    await page.waitForTimeout(300);
    return await context.storageState();
  } finally {
    await context.close();
  }
}
