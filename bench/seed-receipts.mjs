/**
 * A database of receipts as a site's visitors would leave them, for the console's
 * benchmark (`npm run bench:collector`), its tests and its screenshots. Deterministic: the
 * same seed gives the same receipts.
 *
 *   node bench/seed-receipts.mjs [count]            SQLite file (KELISIM_DB, default data/seed.db)
 *   DATABASE_URL=… node bench/seed-receipts.mjs     PostgreSQL (in the URL's search_path)
 *
 * Each visitor: the banner (one or two page views), a decision for most (accept all,
 * reject optional or a custom choice), for some a later change or a withdrawal, and for
 * some the notice of a new policy version, accepted by its button or by continued use.
 * Rows go in through the store's own column mapping (`toRow`), many per transaction.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { COLUMNS, toRow } from '../server/store/receipt.mjs';
import { openStore } from '../server/store/index.mjs';

/** A small fast PRNG (mulberry32): the same seed, the same database. @param {number} seed */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} next */
function uuid(next) {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(next() * 4)];
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The words of each view, per language and policy version: what the texts archive holds. */
export function viewTexts(/** @type {string} */ view, /** @type {string} */ lang, /** @type {string} */ version) {
  return [`${view} (${lang})`, `BTS Education LLP — ${view}, policy ${version}`, 'Accept all', 'Reject optional'];
}

/** Policy versions in force one after another over the seeded period: each change brings notices. */
export const DEFAULT_VERSIONS = ['2026-01-15', '2026-05-20', '2026-09-01', '2026-11-25'];

/** @param {string[]} texts */
const hashOf = (texts) => createHash('sha256').update(texts.join('\n')).digest('hex');

/**
 * @typedef {object} SeedOptions
 * @property {number} receipts About how many receipts to make (stops at the first visitor past it).
 * @property {Date} from First day's start.
 * @property {Date} to End (exclusive) of the period receipts are received in.
 * @property {number} [seed]
 * @property {string[]} [versions] Policy versions, in force one after another over the period.
 */

/**
 * The receipts, visitor by visitor: each with the server time it was received at.
 * @param {SeedOptions} options
 * @returns {Generator<{ event: import('../server/store/receipt.mjs').ReceiptEvent, receivedAt: Date }>}
 */
export function* receipts({ receipts: count, from, to, seed = 1, versions = DEFAULT_VERSIONS }) {
  const next = random(seed);
  const pick = (/** @type {Array<[unknown, number]>} */ weighted) => {
    let r = next();
    for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  const span = to.getTime() - from.getTime();
  const versionAt = (/** @type {number} */ ms) =>
    versions[Math.min(versions.length - 1, Math.floor(((ms - from.getTime()) / span) * versions.length))];
  let made = 0;
  while (made < count) {
    const consentId = uuid(next);
    const lang = /** @type {'kk' | 'ru' | 'en'} */ (
      pick([
        ['kk', 0.45],
        ['ru', 0.45],
        ['en', 0.1],
      ])
    );
    const minor = next() < 0.05;
    let t = from.getTime() + Math.floor(next() * span * 0.98);
    /** @type {Array<import('../server/store/receipt.mjs').ReceiptEvent>} */
    const list = [];
    const none = { necessary: true, analytics: false, marketing: false, partners: false };
    let categories = none;
    const push = (/** @type {string} */ type, /** @type {string | undefined} */ method, /** @type {string | null} */ view, extra = {}) => {
      const version = versionAt(t);
      const hash = view ? hashOf(viewTexts(view, lang, version)) : undefined;
      list.push(
        /** @type {any} */ ({
          eventId: uuid(next),
          type,
          consentId,
          policyVersion: version,
          categories,
          ...(method && { method }),
          lang,
          at: new Date(t).toISOString(),
          page: `https://edunavigator.kz/${pick([
            ['', 0.4],
            ['courses', 0.3],
            ['universities', 0.2],
            ['tests', 0.1],
          ])}`,
          client: 'kelisim/1.1.0',
          ...(hash && { textsHash: hash, uiVersion: '1.1.0' }),
          ...(minor && { subject: 'minor' }),
          ...extra,
        }),
      );
    };
    push('banner.shown', undefined, 'banner');
    if (next() < 0.3) {
      t += Math.floor(next() * 86_400_000);
      push('banner.shown', undefined, 'banner');
    }
    if (next() < 0.8) {
      t += 2000 + Math.floor(next() * 60_000);
      const method = /** @type {string} */ (
        pick([
          ['accept-all', 0.5],
          ['reject-all', 0.35],
          ['custom', 0.15],
        ])
      );
      categories =
        method === 'accept-all'
          ? { necessary: true, analytics: true, marketing: !minor, partners: !minor }
          : method === 'reject-all'
            ? none
            : { necessary: true, analytics: true, marketing: !minor && next() < 0.3, partners: false };
      push('consent.given', method, method === 'custom' ? 'preferences' : 'banner');
      if (next() < 0.1) {
        t += Math.floor(next() * 5 * 86_400_000);
        categories = { necessary: true, analytics: next() < 0.5, marketing: false, partners: false };
        push('consent.updated', 'custom', 'preferences');
      }
      const shownVersion = versionAt(t);
      const later = t + Math.floor(next() * 20 * 86_400_000);
      if (versionAt(later) !== shownVersion && next() < 0.6) {
        t = later;
        const noticeAt = new Date(t).toISOString();
        push('notice.shown', undefined, 'notice');
        const outcome = pick([
          ['button', 0.4],
          ['implicit', 0.4],
          ['none', 0.2],
        ]);
        if (outcome === 'button') {
          t += 5000 + Math.floor(next() * 60_000);
          push('policy.accepted', undefined, 'notice');
        } else if (outcome === 'implicit') {
          t += 8 * 86_400_000 + Math.floor(next() * 5 * 86_400_000);
          push('policy.accepted.implicit', 'implicit', 'notice', { noticeShownAt: noticeAt });
        }
      }
      if (next() < 0.03) {
        t += Math.floor(next() * 30 * 86_400_000);
        categories = none;
        push('consent.withdrawn', 'withdraw', 'preferences');
      }
    }
    for (const event of list) {
      const receivedAt = new Date(Date.parse(event.at) + Math.floor(next() * 1500));
      if (receivedAt >= to) continue;
      made++;
      yield { event, receivedAt };
    }
  }
}

/**
 * Writes receipts straight into a store's tables (the collector's own mapping), many per
 * transaction, plus the words of every view, so proofs verify. Returns how many.
 * @param {{ databaseUrl?: string | null, sqlitePath: string }} where
 * @param {SeedOptions} options
 */
export async function seed(where, options) {
  // Opening the store creates or migrates the schema, as the collector would.
  const store = await openStore({ databaseUrl: where.databaseUrl ?? null, sqlitePath: where.sqlitePath });
  await store.close();
  const versions = options.versions ?? DEFAULT_VERSIONS;
  const texts = [];
  for (const view of ['banner', 'preferences', 'notice']) {
    for (const lang of ['kk', 'ru', 'en']) for (const version of versions) texts.push({ texts: viewTexts(view, lang, version), lang });
  }
  let written = 0;
  if (!where.databaseUrl) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(where.sqlitePath);
    // A seed is rebuilt, not recovered: no fsync, no write-ahead copy; WAL again at the end.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      `INSERT INTO receipts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (event_id) DO NOTHING`,
    );
    const insertTexts = db.prepare(
      'INSERT INTO texts (texts_hash, texts, lang, ui_version, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const many = db.transaction((/** @type {unknown[][]} */ rows) => {
      for (const row of rows) written += insert.run(row).changes;
    });
    /** @type {unknown[][]} */
    let rows = [];
    for (const { event, receivedAt } of receipts(options)) {
      rows.push(toRow(event, receivedAt, null).map((v) => (v instanceof Date ? v.toISOString() : v)));
      if (rows.length === 10_000) (many(rows), (rows = []));
    }
    many(rows);
    for (const t of texts) insertTexts.run(hashOf(t.texts), JSON.stringify(t.texts), t.lang, '1.1.0', options.from.toISOString());
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
    db.close();
    return written;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  try {
    const width = COLUMNS.length;
    const flush = async (/** @type {unknown[][]} */ rows) => {
      if (!rows.length) return;
      const tuples = rows.map((_, i) => `(${COLUMNS.map((__, j) => `$${i * width + j + 1}`).join(', ')})`);
      const result = await client.query(
        `INSERT INTO receipts (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (event_id) DO NOTHING`,
        rows.flat(),
      );
      written += result.rowCount ?? 0;
    };
    /** @type {unknown[][]} */
    let rows = [];
    await client.query('BEGIN');
    for (const { event, receivedAt } of receipts(options)) {
      rows.push(toRow(event, receivedAt, null));
      if (rows.length === 1000) (await flush(rows), (rows = []));
    }
    await flush(rows);
    for (const t of texts) {
      await client.query(
        'INSERT INTO texts (texts_hash, texts, lang, ui_version, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [hashOf(t.texts), JSON.stringify(t.texts), t.lang, '1.1.0', options.from],
      );
    }
    await client.query('COMMIT');
    // Fresh statistics and a visibility map, as autovacuum would leave them: index-only scans.
    await client.query('VACUUM ANALYZE receipts');
  } finally {
    await client.end();
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 1_000_000);
  const to = new Date('2026-12-01T00:00:00Z');
  const from = new Date(to.getTime() - 365 * 86_400_000);
  const sqlitePath = process.env.KELISIM_DB || 'data/seed.db';
  const started = performance.now();
  const written = await seed({ databaseUrl: process.env.DATABASE_URL || null, sqlitePath }, { receipts: count, from, to });
  console.log(
    `${written} receipts from ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)} in ${process.env.DATABASE_URL ? 'PostgreSQL' : sqlitePath}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
