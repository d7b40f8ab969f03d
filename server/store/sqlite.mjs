import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { COLUMNS, consentIdHash, fromRow, fromTextsRow, pagedBy, toRow } from './receipt.mjs';
import { daySpans } from '../zone.mjs';
import { statsFromRows } from './stats.mjs';

/**
 * Schema versions, applied in order by {@link SqliteStore.init}. Append; never edit one
 * that has shipped. `seq` is AUTOINCREMENT so a cursor never sees a number reused.
 */
export const MIGRATIONS = [
  {
    version: 1,
    sql: `
      CREATE TABLE receipts (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id       TEXT NOT NULL UNIQUE,
        type           TEXT NOT NULL,
        consent_id     TEXT NOT NULL,
        policy_version TEXT NOT NULL,
        categories     TEXT NOT NULL,
        method         TEXT,
        lang           TEXT NOT NULL,
        at             TEXT NOT NULL,
        page           TEXT NOT NULL,
        client         TEXT NOT NULL,
        texts_hash     TEXT,
        ui_version     TEXT,
        subject        TEXT,
        received_at    TEXT NOT NULL,
        ip             TEXT
      ) STRICT;
      CREATE INDEX receipts_by_consent ON receipts (consent_id, at);
      CREATE INDEX receipts_by_received_at ON receipts (received_at);
    `,
  },
  {
    // 1.1: the texts archive, erasure records, the implicit acceptance's notice time, and
    // the console's aggregates: receipts_for_stats holds every column the charts read but
    // the choices, which receipts_choices holds for decisions only, so no chart reads the
    // table (measured in docs/collector.md).
    version: 2,
    sql: `
      ALTER TABLE receipts ADD COLUMN notice_shown_at TEXT;
      CREATE TABLE texts (
        texts_hash  TEXT PRIMARY KEY,
        texts       TEXT NOT NULL,
        lang        TEXT NOT NULL,
        ui_version  TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE erasures (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        consent_id_hash TEXT NOT NULL,
        erased_at       TEXT NOT NULL,
        receipts        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX erasures_by_consent ON erasures (consent_id_hash);
      CREATE INDEX receipts_for_stats ON receipts (type, received_at, method, lang, policy_version, consent_id);
      CREATE INDEX receipts_choices ON receipts (received_at, categories) WHERE method IS NOT NULL;
    `,
  },
];

const SELECT = `SELECT seq, ${COLUMNS.join(', ')} FROM receipts`;

/** Decision events: the receipts that carry a `method`. */
const DECISIONS = "('consent.given', 'consent.updated', 'consent.withdrawn', 'policy.accepted.implicit')";

/**
 * The statements the store runs, prepared once.
 * @param {Database.Database} db
 */
function prepareStatements(db) {
  const insert = db.prepare(
    `INSERT INTO receipts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (event_id) DO NOTHING`,
  );
  const hasTexts = db.prepare('SELECT 1 FROM texts WHERE texts_hash = ?').pluck();
  const deleteReceipts = db.prepare('DELETE FROM receipts WHERE consent_id = ?');
  const insertErasure = db.prepare('INSERT INTO erasures (consent_id_hash, erased_at, receipts) VALUES (?, ?, ?)');
  const range = '(@from IS NULL OR received_at >= @from) AND (@to IS NULL OR received_at < @to)';
  return {
    /** All rows or none; returns how many were new. */
    insertAll: db.transaction((/** @type {unknown[][]} */ rows) => rows.reduce((accepted, row) => accepted + insert.run(row).changes, 0)),
    hasTexts,
    insertTexts: db.prepare(
      'INSERT INTO texts (texts_hash, texts, lang, ui_version, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (texts_hash) DO NOTHING',
    ),
    textsByHash: db.prepare('SELECT texts_hash, texts, lang, ui_version, received_at FROM texts WHERE texts_hash = ?'),
    byConsent: db.prepare(`${SELECT} WHERE consent_id = ? ORDER BY at, seq`),
    erasuresOf: db.prepare('SELECT erased_at, receipts FROM erasures WHERE consent_id_hash = ? ORDER BY seq'),
    /** Deletes one browser's receipts and records the erasure, in one transaction. */
    erase: db.transaction((/** @type {string} */ consentId, /** @type {string} */ at) => {
      const { changes } = deleteReceipts.run(consentId);
      insertErasure.run(consentIdHash(consentId), at, changes);
      return changes;
    }),
    sweep: db.prepare('DELETE FROM receipts WHERE received_at < ?'),
    rangePage: db.prepare(`${SELECT} WHERE ${range} AND seq > @after ORDER BY seq LIMIT @limit`),
    // The ISO/IEC TS 27560 export: one consent's receipts together, oldest first.
    consentPage: db.prepare(
      `${SELECT} WHERE ${range} AND (consent_id, at, seq) > (@consentId, @at, @seq) ORDER BY consent_id, at, seq LIMIT @limit`,
    ),
    newest: db.prepare(`SELECT * FROM (${SELECT} ORDER BY seq DESC LIMIT ?) ORDER BY seq`),
    after: db.prepare(`${SELECT} WHERE seq > ? ORDER BY seq LIMIT ?`),
    stats: {
      // One query per kind of chart, each answered from receipts_for_stats alone. `day`
      // is the receive time moved by the zone's offset (constant over the span).
      byDay: db.prepare(
        `SELECT strftime('%Y-%m-%d', received_at, @shift) AS day, method, count(*) AS count FROM receipts
         WHERE type IN ${DECISIONS} AND received_at >= @from AND received_at < @to GROUP BY day, method`,
      ),
      byLanguage: db.prepare(
        `SELECT lang, method, count(*) AS count FROM receipts
         WHERE type IN ${DECISIONS} AND received_at >= @from AND received_at < @to GROUP BY lang, method`,
      ),
      byPolicyVersion: db.prepare(
        `SELECT policy_version, method, count(*) AS count FROM receipts
         WHERE type IN ${DECISIONS} AND received_at >= @from AND received_at < @to GROUP BY policy_version, method`,
      ),
      // Few distinct choices (2^optional categories): grouped here, split per category in JS.
      categories: db.prepare(
        `SELECT categories, count(*) AS count FROM receipts
         WHERE method IS NOT NULL AND received_at >= @from AND received_at < @to GROUP BY categories`,
      ),
      funnel: db.prepare(
        `SELECT count(*) AS shown, coalesce(sum(done), 0) AS done, coalesce(sum(implicit), 0) AS implicit FROM (
           SELECT consent_id, max(type = @shown) AS seen, max(type = @done) AS done, max(type = 'policy.accepted.implicit') AS implicit
           FROM receipts WHERE type IN (@shown, @done, 'policy.accepted.implicit') AND received_at >= @from AND received_at < @to
           GROUP BY consent_id) WHERE seen`,
      ),
      total: db.prepare('SELECT count(*) AS count FROM receipts WHERE received_at >= @from AND received_at < @to'),
    },
  };
}

/** @typedef {ReturnType<typeof prepareStatements>} Statements */

/** @param {unknown[]} rows */
function receipts(rows) {
  return rows.map((row) => fromRow(/** @type {Record<string, unknown>} */ (row)));
}

/**
 * Receipts in an embedded SQLite file (better-sqlite3). Calls are synchronous underneath;
 * the async methods only match the {@link import('./index.mjs').ReceiptStore} interface.
 *
 * Durability: WAL with `synchronous = FULL`, so every commit fsyncs the WAL before the
 * 2xx goes out. NORMAL would already survive `kill -9` (the WAL write is in the OS cache
 * when the process dies) but not a power cut or a kernel crash; receipts are legal proof,
 * and one fsync per batch of up to 50 events is cheap.
 */
export class SqliteStore {
  kind = /** @type {const} */ ('sqlite');

  /** @param {string} path The database file; its directory is created when missing. */
  constructor(path) {
    mkdirSync(dirname(path), { recursive: true });
    /** @type {Statements | null} Prepared once the schema exists. */
    this.statements = null;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // Another process (a backup, a second collector) may hold the write lock briefly.
    this.db.pragma('busy_timeout = 5000');
  }

  async init() {
    const { db } = this;
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    const migrate = db.transaction(() => {
      const { v: current } = /** @type {{ v: number }} */ (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_version').get());
      for (const { version, sql } of MIGRATIONS.filter((m) => m.version > current)) {
        db.exec(sql);
        db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
      }
    });
    // IMMEDIATE takes the write lock first, so two processes starting together do not both migrate.
    migrate.immediate();
    // The planner's statistics, so it picks the aggregate index over a table scan.
    db.pragma('optimize');
    this.statements = prepareStatements(db);
  }

  /** @private */
  get ready() {
    if (!this.statements) throw new Error('SqliteStore: init() has not run');
    return this.statements;
  }

  /**
   * @param {import('./receipt.mjs').ReceiptEvent[]} events
   * @param {Date} receivedAt
   * @param {string | null} ip
   */
  async insertBatch(events, receivedAt, ip) {
    // SQLite keeps times as ISO text: it sorts like time and reads back unchanged.
    const rows = events.map((event) => toRow(event, receivedAt, ip).map((v) => (v instanceof Date ? v.toISOString() : v)));
    const accepted = this.ready.insertAll(rows);
    const hashes = new Set(events.flatMap((event) => (event.textsHash ? [event.textsHash.toLowerCase()] : [])));
    const missingTexts = [...hashes].filter((hash) => !this.ready.hasTexts.get(hash));
    return { accepted, duplicates: events.length - accepted, missingTexts };
  }

  /**
   * @param {import('./receipt.mjs').TextsUpload} upload Already verified: its hash is its texts'.
   * @param {Date} receivedAt
   */
  async insertTexts(upload, receivedAt) {
    const { changes } = this.ready.insertTexts.run(
      upload.textsHash.toLowerCase(),
      JSON.stringify(upload.texts),
      upload.lang,
      upload.uiVersion,
      receivedAt.toISOString(),
    );
    return { stored: changes === 1 };
  }

  /** @param {string[]} hashes */
  async textsOf(hashes) {
    /** @type {Map<string, import('./receipt.mjs').StoredTexts>} */
    const found = new Map();
    for (const hash of new Set(hashes.map((h) => h.toLowerCase()))) {
      const row = this.ready.textsByHash.get(hash);
      if (row) found.set(hash, fromTextsRow(/** @type {Record<string, unknown>} */ (row)));
    }
    return found;
  }

  /** @param {string} consentId */
  async byConsent(consentId) {
    return receipts(this.ready.byConsent.all(consentId.toLowerCase()));
  }

  /** @param {string} consentId */
  async erasuresOf(consentId) {
    const rows = /** @type {Array<{ erased_at: string, receipts: number }>} */ (this.ready.erasuresOf.all(consentIdHash(consentId)));
    return rows.map((row) => ({ consentIdHash: consentIdHash(consentId), erasedAt: row.erased_at, receipts: Number(row.receipts) }));
  }

  /**
   * @param {string} consentId
   * @param {Date} at
   */
  async erase(consentId, at) {
    const receipts = /** @type {number} */ (this.ready.erase(consentId.toLowerCase(), at.toISOString()));
    return { consentIdHash: consentIdHash(consentId), erasedAt: at.toISOString(), receipts };
  }

  /** @param {Date} before */
  async sweep(before) {
    return this.ready.sweep.run(before.toISOString()).changes;
  }

  /**
   * @param {Date | null} from
   * @param {Date | null} to
   */
  exportRange(from, to) {
    const bounds = { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
    return pagedBy(
      0,
      (receipt) => receipt.seq,
      async (after, limit) => receipts(this.ready.rangePage.all({ ...bounds, after, limit })),
    );
  }

  /**
   * @param {Date | null} from
   * @param {Date | null} to
   */
  exportByConsent(from, to) {
    const bounds = { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
    return pagedBy(
      { consentId: '', at: '', seq: 0 },
      (r) => ({ consentId: r.consentId, at: r.at, seq: r.seq }),
      async (after, limit) => receipts(this.ready.consentPage.all({ ...bounds, ...after, limit })),
    );
  }

  /**
   * The live list. SQLite has one writer at a time and gives out `seq` inside the write
   * transaction, so rows become visible in `seq` order: `seq` alone is a complete cursor.
   * @param {{ after: string | null, limit: number }} options
   */
  async list({ after, limit }) {
    const { newest, after: afterSeq } = this.ready;
    const since = after === null ? null : Number(after.split('.').at(-1));
    const rows = receipts(since === null ? newest.all(limit) : afterSeq.all(since, limit));
    return { receipts: rows, next: String(rows.at(-1)?.seq ?? since ?? 0) };
  }

  /**
   * The console's aggregates over receipts received in [from, to), days counted in `timeZone`.
   * @param {{ from: Date, to: Date, timeZone: string }} range
   * @param {Record<string, number>} [timings] Filled with each query's milliseconds (the benchmark's).
   */
  async stats({ from, to, timeZone }, timings) {
    const { stats } = this.ready;
    const bounds = { from: from.toISOString(), to: to.toISOString() };
    /** @template T @param {string} name @param {() => T} run @returns {T} */
    const timed = (name, run) => {
      const started = performance.now();
      const result = run();
      if (timings) timings[name] = performance.now() - started;
      return result;
    };
    const byDay = timed('byDay', () =>
      daySpans(from, to, timeZone).flatMap(
        (span) =>
          /** @type {Array<{ day: string, method: string, count: number }>} */ (
            stats.byDay.all({
              from: span.from.toISOString(),
              to: span.to.toISOString(),
              shift: `${span.offsetMinutes >= 0 ? '+' : ''}${span.offsetMinutes} minutes`,
            })
          ),
      ),
    );
    return statsFromRows({
      byDay,
      byLanguage: /** @type {any[]} */ (timed('byLanguage', () => stats.byLanguage.all(bounds))),
      byPolicyVersion: /** @type {any[]} */ (timed('byPolicyVersion', () => stats.byPolicyVersion.all(bounds))),
      categories: /** @type {any[]} */ (timed('categories', () => stats.categories.all(bounds))),
      banner: /** @type {any} */ (timed('banner', () => stats.funnel.get({ ...bounds, shown: 'banner.shown', done: 'consent.given' }))),
      notice: /** @type {any} */ (timed('notice', () => stats.funnel.get({ ...bounds, shown: 'notice.shown', done: 'policy.accepted' }))),
      total: timed('total', () => /** @type {{ count: number }} */ (stats.total.get(bounds)).count),
    });
  }

  async ping() {
    this.db.prepare('SELECT 1').get();
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}
