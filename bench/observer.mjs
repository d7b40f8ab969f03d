// What the loader's MutationObserver (issue 14: content added after load is gated) costs a
// page that adds thousands of nodes: the same workloads on the same page without kelisim
// and with it (a returning visitor: nothing is shown, only the loader runs and watches),
// in Debian's Chromium. The fastest of RUNS runs (on a shared machine the slow ones measure
// the neighbours), the medians beside it. Figures, not a test.
//
//   npm run build && RUNS=15 node bench/observer.mjs     (THROTTLE=4 for 4× CPU throttling)
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 15);
const THROTTLE = Number(process.env.THROTTLE ?? 1);

/**
 * The workloads, each timed from its first insertion until the last batch's observers have
 * run (a task after the last insertion). `static` nodes are in the page before it starts.
 */
const WORKLOADS = [
  { name: '10,000 nodes in one insertion', static: 0, batches: 1, perBatch: 10_000 },
  { name: '5,000 nodes, one insertion per task', static: 0, batches: 5_000, perBatch: 1 },
  { name: '2,000 insertions per task, 20,000-node page', static: 20_000, batches: 2_000, perBatch: 1 },
  { name: '2,000 insertions with 10 gated scripts among them', static: 0, batches: 2_000, perBatch: 1, gated: 10 },
];

const page = (withKelisim) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Observer cost</title>
${withKelisim ? '<script type="application/json" id="kelisim-config">{"reopenButton":false}</script><script type="module" src="/dist/kelisim.js"></script>' : ''}
</head><body><main></main><div id="static"></div></body></html>`;

/** Runs in the page: the workload's time in ms. */
function workload({ static: staticCount, batches, perBatch, gated = 0 }) {
  const holder = document.getElementById('static');
  const filler = document.createDocumentFragment();
  for (let i = 0; i < staticCount; i++) filler.append(document.createElement('span'));
  holder.append(filler);
  const main = document.querySelector('main');
  const channel = new MessageChannel();
  const nextTask = () => new Promise((resolve) => ((channel.port1.onmessage = resolve), channel.port2.postMessage(0)));
  const every = gated ? Math.floor(batches / gated) : Infinity;
  return (async () => {
    const start = performance.now();
    for (let b = 0; b < batches; b++) {
      const fragment = document.createDocumentFragment();
      for (let i = 0; i < perBatch; i++) {
        const item = document.createElement('div');
        item.textContent = `item ${b}.${i}`;
        fragment.append(item);
      }
      if (b % every === every - 1) {
        const tag = document.createElement('script');
        tag.type = 'text/plain';
        tag.dataset.kelisim = 'analytics';
        tag.text = 'window.gatedRuns = (window.gatedRuns || 0) + 1';
        fragment.append(tag);
      }
      main.append(fragment);
      if (batches > 1) await nextTask();
    }
    await nextTask();
    return performance.now() - start;
  })();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fastest = (values) => Math.min(...values);

const server = await startStaticServer({ mounts: { '/dist/': DIST }, pages: { '/plain.html': page(false), '/kelisim.html': page(true) } });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  // A returning visitor who allowed analytics: the loader alone, watching.
  const stored = await browser.newContext();
  const setup = await stored.newPage();
  await setup.goto(`${server.url}/kelisim.html`);
  await setup.waitForFunction(() => window.Kelisim);
  await setup.evaluate(() => window.Kelisim.ready.then(() => window.Kelisim.accept(['analytics'])));
  const state = await stored.storageState();
  await stored.close();

  console.log(`MutationObserver cost, ${THROTTLE}× CPU throttling, fastest of ${RUNS} runs (median in brackets), ms`);
  console.log(
    `${'workload'.padEnd(52)}${'without'.padStart(10)}${'with'.padStart(10)}${'added'.padStart(16)}${'per insertion'.padStart(16)}`,
  );
  for (const work of WORKLOADS) {
    const times = { plain: [], kelisim: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const kind of ['plain', 'kelisim']) {
        const context = await browser.newContext({ storageState: state });
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        await tab.goto(`${server.url}/${kind}.html`);
        if (kind === 'kelisim') await tab.waitForFunction(() => window.Kelisim?.ready.then(() => true));
        times[kind].push(await tab.evaluate(workload, work));
        if (work.gated && kind === 'kelisim') {
          await tab.waitForFunction((n) => window.gatedRuns === n, work.gated);
        }
        await context.close();
      }
    }
    const [without, withIt] = [fastest(times.plain), fastest(times.kelisim)];
    const medians = `(${median(times.plain).toFixed(0)} / ${median(times.kelisim).toFixed(0)})`;
    const added = withIt - without;
    const each = `${((added / work.batches) * 1000).toFixed(0)} µs`;
    console.log(
      `${work.name.padEnd(52)}${without.toFixed(0).padStart(10)}${withIt.toFixed(0).padStart(10)}${`${added.toFixed(0)} (${((added / without) * 100).toFixed(1)} %)`.padStart(16)}${each.padStart(16)}   ${medians}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
