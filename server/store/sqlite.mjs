import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { COLUMNS, fromRow, pagedBySeq, toRow } from './receipt.mjs';

/**
 * Schema versions, applied in order by {@link SqliteStore.init}. Append; never edit one
 * that has shipped. `seq` is AUTOINCREMENT so a cursor never sees a number reused.
 */
const MIGRATIONS = [
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
];

const SELECT = `SELECT seq, ${COLUMNS.join(', ')} FROM receipts`;

/**
 * The statements the store runs, prepared once.
 * @param {Database.Database} db
 */
function prepareStatements(db) {
  const insert = db.prepare(
    `INSERT INTO receipts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (event_id) DO NOTHING`,
  );
  return {
    /** All rows or none; returns how many were new. */
    insertAll: db.transaction((/** @type {unknown[][]} */ rows) => rows.reduce((accepted, row) => accepted + insert.run(row).changes, 0)),
    byConsent: db.prepare(`${SELECT} WHERE consent_id = ? ORDER BY at, seq`),
    rangePage: db.prepare(
      `${SELECT} WHERE (@from IS NULL OR received_at >= @from) AND (@to IS NULL OR received_at < @to) AND seq > @after ORDER BY seq LIMIT @limit`,
    ),
    newest: db.prepare(`SELECT * FROM (${SELECT} ORDER BY seq DESC LIMIT ?) ORDER BY seq`),
    after: db.prepare(`${SELECT} WHERE seq > ? ORDER BY seq LIMIT ?`),
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
    return { accepted, duplicates: events.length - accepted };
  }

  /** @param {string} consentId */
  async byConsent(consentId) {
    return receipts(this.ready.byConsent.all(consentId.toLowerCase()));
  }

  /**
   * @param {Date | null} from
   * @param {Date | null} to
   */
  exportRange(from, to) {
    const bounds = { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
    return pagedBySeq(async (after, limit) => receipts(this.ready.rangePage.all({ ...bounds, after, limit })));
  }

  /** @param {{ after: number | null, limit: number }} options */
  async list({ after, limit }) {
    const { newest, after: afterSeq } = this.ready;
    return receipts(after === null ? newest.all(limit) : afterSeq.all(after, limit));
  }

  async ping() {
    this.db.prepare('SELECT 1').get();
  }

  async close() {
    if (this.db.open) this.db.close();
  }
}
