/**
 * `npm run bench:collector`: how fast the collector stores receipts on this machine.
 * Starts the real service (server/main.mjs) on loopback against a temporary SQLite file,
 * and against PostgreSQL too when DATABASE_URL is set (in a temporary schema), drives it
 * with concurrent clients posting batches of 10–50 events, and prints sustained events/s
 * and request latency. Figures, not a test: nothing here passes or fails.
 *
 *   BENCH_SECONDS=10 BENCH_CLIENTS=8 npm run bench:collector
 */
import { performance } from 'node:perf_hooks';
import { makeEvent, postEvents, startCollector, storeKinds } from '../test/server/harness.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const WARM_UP_MS = 1000;

/** @param {number} min @param {number} max */
const between = (min, max) => min + Math.floor(Math.random() * (max - min + 1));

/**
 * One client: posts batches back to back until `until`, recording each request's latency
 * (only for requests started after `measureFrom`).
 * @param {string} url
 * @param {number} measureFrom
 * @param {number} until
 */
async function client(url, measureFrom, until) {
  const consentId = crypto.randomUUID();
  /** @type {number[]} */
  const latencies = [];
  let events = 0;
  while (performance.now() < until) {
    const batch = Array.from({ length: between(10, 50) }, () => makeEvent({ consentId }));
    const started = performance.now();
    const response = await postEvents(url, batch);
    const result = await response.json();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(result)}`);
    if (started >= measureFrom) {
      latencies.push(performance.now() - started);
      events += result.accepted;
    }
  }
  return { latencies, events };
}

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** @param {ReturnType<typeof storeKinds>[number]} kind */
async function bench(kind) {
  const target = await kind.create();
  // No rate limit (one IP sends everything) and warn-level logs (the pipe to this process is not what is measured).
  const collector = await startCollector(target, { KELISIM_RATE_LIMIT: '0', LOG_LEVEL: 'warn' });
  try {
    const measureFrom = performance.now() + WARM_UP_MS;
    const until = measureFrom + SECONDS * 1000;
    const results = await Promise.all(Array.from({ length: CLIENTS }, () => client(collector.url, measureFrom, until)));
    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const events = results.reduce((sum, r) => sum + r.events, 0);
    return {
      store: kind.name,
      'events/s': Math.round(events / SECONDS),
      'requests/s': Math.round(latencies.length / SECONDS),
      'p50 ms': Number(percentile(latencies, 50).toFixed(2)),
      'p99 ms': Number(percentile(latencies, 99).toFixed(2)),
      'max ms': Number(latencies.at(-1)?.toFixed(2)),
      events,
    };
  } finally {
    await collector.stop();
    await target.dispose();
  }
}

console.log(`kelisim collector: ${CLIENTS} concurrent clients, batches of 10–50 events, ${SECONDS} s after ${WARM_UP_MS / 1000} s warm-up, loopback`);
const rows = [];
for (const kind of storeKinds()) {
  if (kind.skip) {
    console.log(`${kind.name}: skipped (${kind.skip})`);
    continue;
  }
  rows.push(await bench(kind));
}
console.table(rows);
