/**
 * `npm run bench:collector`: how fast the collector stores receipts on this machine, and
 * how fast the console's charts come on a database of a million receipts. Starts the real
 * service (server/main.mjs) on loopback against a temporary SQLite file, and against
 * PostgreSQL too when DATABASE_URL is set (in a temporary schema). Figures, not a test:
 * nothing here passes or fails.
 *
 * 1. Receipts: concurrent clients post batches of 10–50 events, as widgets do: each event
 *    names the words of one of a few dozen views, and when the answer lists a hash in
 *    `missingTexts` the client uploads those words (`POST /v1/texts`). One request in 20
 *    brings words no one has sent before (a new version of a banner), one in 20 repeats an
 *    upload another browser made at the same time. Prints events/s and latency of both.
 * 2. The console's aggregates: BENCH_RECEIPTS (default 1,000,000) receipts of a year
 *    (bench/seed-receipts.mjs), then `GET /v1/stats` for the last 30 and 365 days, each
 *    query timed (median of 3). BENCH_RECEIPTS=0 skips it.
 *
 *   BENCH_SECONDS=10 BENCH_CLIENTS=8 npm run bench:collector
 *   DATABASE_URL=… npm run bench:collector      # PostgreSQL too (or: node scripts/postgres.mjs npm run bench:collector)
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openStore } from '../server/store/index.mjs';
import { adminGet, makeEvent, postEvents, postTexts, startCollector, storeKinds } from '../test/server/harness.mjs';
import { seed } from './seed-receipts.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 1_000_000);
const WARM_UP_MS = 1000;
const TIME_ZONE = 'Asia/Almaty';

/** @param {number} min @param {number} max */
const between = (min, max) => min + Math.floor(Math.random() * (max - min + 1));

/** The words of a view, about a banner's length, and their hash. @param {string} label */
function view(label) {
  const texts = Array.from(
    { length: 20 },
    (_, i) => `${label}: sentence ${i} of a consent banner, about as long as the real ones are, in one of three languages.`,
  );
  return {
    textsHash: createHash('sha256').update(texts.join('\n')).digest('hex'),
    texts,
    lang: /** @type {const} */ ('kk'),
    uiVersion: '1.1.0',
  };
}

/** The views every client's events name: a site's banners, notices and preferences. */
const VIEWS = Array.from({ length: 24 }, (_, i) => view(`view ${i}`));
const byHash = new Map(VIEWS.map((v) => [v.textsHash, v]));

/**
 * One client: posts batches back to back until `until`, uploading the words the answer
 * asks for, recording each request's latency (only for requests started after `measureFrom`).
 * @param {string} url
 * @param {number} measureFrom
 * @param {number} until
 */
async function client(url, measureFrom, until) {
  const consentId = crypto.randomUUID();
  /** @type {number[]} */
  const latencies = [];
  /** @type {number[]} */
  const uploadLatencies = [];
  let events = 0;
  let requests = 0;
  const upload = async (/** @type {ReturnType<typeof view>} */ words) => {
    const started = performance.now();
    const response = await postTexts(url, words);
    if (response.status !== 200) throw new Error(`texts: HTTP ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    if (started >= measureFrom) uploadLatencies.push(performance.now() - started);
  };
  while (performance.now() < until) {
    requests++;
    const fresh = requests % 20 === 0 ? view(`new words ${crypto.randomUUID()}`) : null;
    if (fresh) byHash.set(fresh.textsHash, fresh);
    const batch = Array.from({ length: between(10, 50) }, () =>
      makeEvent({ consentId, textsHash: (fresh ?? VIEWS[between(0, VIEWS.length - 1)]).textsHash }),
    );
    const started = performance.now();
    const response = await postEvents(url, batch);
    const result = await response.json();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(result)}`);
    if (started >= measureFrom) {
      latencies.push(performance.now() - started);
      events += result.accepted;
    }
    for (const hash of result.missingTexts) await upload(/** @type {ReturnType<typeof view>} */ (byHash.get(hash)));
    // Another browser that saw the same words and uploaded them at the same moment.
    if (requests % 20 === 10) await upload(VIEWS[between(0, VIEWS.length - 1)]);
  }
  return { latencies, uploadLatencies, events };
}

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
/** @param {number} ms */
const round = (ms) => Number(ms.toFixed(ms < 10 ? 2 : 0));

/** @param {ReturnType<typeof storeKinds>[number]} kind */
async function receipts(kind) {
  const target = await kind.create();
  // No rate limit (one IP sends everything) and warn-level logs (the pipe to this process is not what is measured).
  const collector = await startCollector(target, { KELISIM_RATE_LIMIT: '0', LOG_LEVEL: 'warn' });
  try {
    const measureFrom = performance.now() + WARM_UP_MS;
    const until = measureFrom + SECONDS * 1000;
    const results = await Promise.all(Array.from({ length: CLIENTS }, () => client(collector.url, measureFrom, until)));
    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const uploads = results.flatMap((r) => r.uploadLatencies).sort((a, b) => a - b);
    const events = results.reduce((sum, r) => sum + r.events, 0);
    return {
      store: kind.name,
      'events/s': Math.round(events / SECONDS),
      'batches/s': Math.round(latencies.length / SECONDS),
      'p50 ms': round(percentile(latencies, 50)),
      'p99 ms': round(percentile(latencies, 99)),
      'uploads/s': Math.round(uploads.length / SECONDS),
      'upload p99 ms': round(percentile(uploads, 99)),
      events,
    };
  } finally {
    await collector.stop();
    await target.dispose();
  }
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** @param {ReturnType<typeof storeKinds>[number]} kind */
async function aggregates(kind) {
  const target = await kind.create();
  try {
    const to = new Date();
    const from = new Date(to.getTime() - 365 * 86_400_000);
    const started = performance.now();
    const where = { databaseUrl: target.env.DATABASE_URL ?? null, sqlitePath: target.env.KELISIM_DB ?? '' };
    const written = await seed(where, { receipts: RECEIPTS, from, to });
    console.log(`${kind.name}: ${written} receipts seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const rows = [];
    const store = await openStore(where);
    try {
      for (const days of [30, 365]) {
        /** @type {Record<string, number[]>} */
        const runs = {};
        for (let run = 0; run < 3; run++) {
          /** @type {Record<string, number>} */
          const timings = {};
          const begun = performance.now();
          await store.stats({ from: new Date(to.getTime() - days * 86_400_000), to, timeZone: TIME_ZONE }, timings);
          timings.all = performance.now() - begun;
          for (const [name, ms] of Object.entries(timings)) (runs[name] ??= []).push(ms);
        }
        rows.push({
          store: kind.name,
          range: `${days} days`,
          ...Object.fromEntries(Object.entries(runs).map(([name, ms]) => [`${name} ms`, round(median(ms))])),
        });
      }
    } finally {
      await store.close();
    }
    // The same through HTTP, as the console asks for it.
    const collector = await startCollector(target, { LOG_LEVEL: 'warn' });
    try {
      for (const days of [30, 365]) {
        const first = new Date(to.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
        const times = [];
        for (let run = 0; run < 3; run++) {
          const begun = performance.now();
          const response = await adminGet(collector.url, `/v1/stats?from=${first}&to=${to.toISOString().slice(0, 10)}`);
          await response.json();
          times.push(performance.now() - begun);
        }
        const row = rows.find((r) => r.range === `${days} days`);
        if (row) row['GET /v1/stats ms'] = round(median(times));
      }
    } finally {
      await collector.stop();
    }
    return rows;
  } finally {
    await target.dispose();
  }
}

console.log(
  `kelisim collector: ${CLIENTS} concurrent clients, batches of 10–50 events naming ${VIEWS.length} views' words (uploaded when the collector lacks them; 1 request in 20 with new words, 1 in 20 a repeated upload), ${SECONDS} s after ${WARM_UP_MS / 1000} s warm-up, loopback`,
);
const kinds = storeKinds().filter((kind) => {
  if (kind.skip) console.log(`${kind.name}: skipped (${kind.skip})`);
  return !kind.skip;
});
const throughput = [];
for (const kind of kinds) throughput.push(await receipts(kind));
console.table(throughput);

if (RECEIPTS > 0) {
  console.log(
    `\nThe console's aggregates (GET /v1/stats) on ${RECEIPTS.toLocaleString('en')} receipts of one year, days in ${TIME_ZONE}; median of 3, ms:`,
  );
  const rows = [];
  for (const kind of kinds) rows.push(...(await aggregates(kind)));
  console.table(rows);
}
