/**
 * What the benchmark measures inside the page, the same way for every banner. Installed as
 * an init script (it runs before any of the page's scripts) with the path to the banner's
 * element; the runner reads `window.__bench.results()` when the run is over.
 *
 * - banner visible: the first animation frame in which the banner's box has a size, is in
 *   the viewport and is visible (`checkVisibility` with opacity and visibility, through
 *   shadow roots); its time is when that frame's rendering began (performance.now() in
 *   its requestAnimationFrame callback), from navigation start. Checked once per frame,
 *   which costs every banner the same.
 * - ready: when the banner's own "decided" signal fired (kelisim:ready, or the callback
 *   each config passes to `__bench.ready`).
 * - long tasks ≥ 50 ms, long animation frames (with the scripts that ran in them), layout
 *   shifts and first contentful paint, from PerformanceObserver.
 *
 * Serialised by playwright: it must not use anything from this module's scope.
 * @param {{ banner: string[] }} options `banner`: selectors, each inside the previous element's shadow root (or the element) when it has one.
 */
export function probe({ banner }) {
  const state = {
    bannerVisibleAt: null,
    readyAt: null,
    readyBy: null,
    fcp: null,
    longTasks: [],
    longFrames: [],
    layoutShift: 0,
    shifts: [],
  };
  const settle = {};
  const moments = {
    banner: new Promise((resolve) => (settle.banner = resolve)),
    ready: new Promise((resolve) => (settle.ready = resolve)),
    load: new Promise((resolve) => addEventListener('load', resolve, { once: true })),
  };

  const find = () => {
    let node = document;
    for (const selector of banner) {
      node = (node.shadowRoot ?? node).querySelector(selector);
      if (!node) return null;
    }
    return node;
  };
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    const inViewport = box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    return box.width > 0 && box.height > 0 && inViewport && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  // The clock is read in the callback, not taken from its argument: the argument is when the
  // frame was due, which a long task on the main thread can put before the banner even existed.
  const watch = () => {
    if (!banner.length) return; // the page alone: no banner to wait for
    const now = performance.now();
    const element = find();
    if (element && visible(element)) settle.banner((state.bannerVisibleAt = now));
    else if (now < 20_000) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser does not know: the figure stays empty.
    }
  };
  observe('longtask', (entry) => state.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  // Long animation frames name the scripts that ran in them: how a long task is told to be the banner's.
  observe('long-animation-frame', (entry) =>
    state.longFrames.push({
      start: entry.startTime,
      duration: entry.duration,
      blocking: entry.blockingDuration,
      scripts: entry.scripts.map((script) => ({ url: script.sourceURL, duration: script.duration })),
    }),
  );
  observe('layout-shift', (entry) => {
    if (entry.hadRecentInput) return;
    state.layoutShift += entry.value;
    state.shifts.push({ at: entry.startTime, value: entry.value });
  });
  observe('paint', (entry) => entry.name === 'first-contentful-paint' && (state.fcp = entry.startTime));

  const ready = (by) => {
    if (state.readyAt !== null) return;
    state.readyAt = performance.now();
    state.readyBy = by;
    settle.ready();
  };
  document.addEventListener('kelisim:ready', () => ready('kelisim:ready'));

  /** Settles once the moment a run waits for has come: the banner shown, its ready signal, or the page loaded. */
  const until = (moment) => moments[moment];

  Object.defineProperty(window, '__bench', { value: { ready, until, results: () => structuredClone(state) } });
}
