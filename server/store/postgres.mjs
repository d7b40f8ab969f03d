import pg from 'pg';
import { daySpans } from '../zone.mjs';
import { COLUMNS, consentIdHash, fromRow, fromTextsRow, pagedBy, toRow } from './receipt.mjs';
import { statsFromRows } from './stats.mjs';

/**
 * Schema versions, applied in order by {@link PostgresStore.init}. Append; never edit one
 * that has shipped. Tables are created in the connection's current schema (search_path).
 * `categories` stays text, not jsonb: the JSON exactly as the client sent it, as in SQLite.
 */
export const MIGRATIONS = [
  {
    version: 1,
    sql: `
      CREATE TABLE receipts (
        seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id       uuid NOT NULL UNIQUE,
        type           text NOT NULL,
        consent_id     uuid NOT NULL,
        policy_version text NOT NULL,
        categories     text NOT NULL,
        method         text,
        lang           text NOT NULL,
        at             timestamptz NOT NULL,
        page           text NOT NULL,
        client         text NOT NULL,
        texts_hash     text,
        ui_version     text,
        subject        text,
        received_at    timestamptz NOT NULL,
        ip             text
      );
      CREATE INDEX receipts_by_consent ON receipts (consent_id, at);
      CREATE INDEX receipts_by_received_at ON receipts (received_at);
    `,
  },
  {
    // 1.1: the texts archive, erasure records, the implicit acceptance's notice time, the
    // console's aggregates, and a commit-ordered cursor for the live list. Adding `tx`
    // with its default rewrites the table once (seconds per million receipts); every row
    // already there gets the migration's transaction id.
    version: 2,
    sql: `
      ALTER TABLE receipts ADD COLUMN notice_shown_at timestamptz;
      ALTER TABLE receipts ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
      CREATE INDEX receipts_by_tx ON receipts (tx, seq);
      CREATE INDEX receipts_by_consent_at_seq ON receipts (consent_id, at, seq);
      DROP INDEX receipts_by_consent;
      CREATE INDEX receipts_for_stats ON receipts (type, received_at) INCLUDE (method, lang, policy_version, consent_id);
      CREATE INDEX receipts_choices ON receipts (received_at) INCLUDE (categories) WHERE method IS NOT NULL;
      CREATE TABLE texts (
        texts_hash  text PRIMARY KEY,
        texts       text NOT NULL,
        lang        text NOT NULL,
        ui_version  text NOT NULL,
        received_at timestamptz NOT NULL
      );
      CREATE TABLE erasures (
        seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consent_id_hash text NOT NULL,
        erased_at       timestamptz NOT NULL,
        receipts        integer NOT NULL
      );
      CREATE INDEX erasures_by_consent ON erasures (consent_id_hash);
    `,
  },
];

const SELECT = `SELECT seq, ${COLUMNS.join(', ')} FROM receipts`;

/** The live list's rows, with the writing transaction's id for the cursor. */
const SELECT_WITH_TX = `SELECT tx::text AS cursor_tx, seq, ${COLUMNS.join(', ')} FROM receipts`;

/** Decision events: the receipts that carry a `method`. */
const DECISIONS = "('consent.given', 'consent.updated', 'consent.withdrawn', 'policy.accepted.implicit')";

/** Receipts received in [$1, $2). */
const RANGE = 'received_at >= $1 AND received_at < $2';

/**
 * Only transactions older than every transaction still running: their rows can no longer
 * appear behind a reader's cursor (see {@link PostgresStore.list}).
 */
const SETTLED = 'tx < pg_snapshot_xmin(pg_current_snapshot())';

/**
 * Receipts in PostgreSQL (`pg` pool). Durability is PostgreSQL's: with the default
 * `synchronous_commit = on` a statement returns only once its commit is flushed.
 */
export class PostgresStore {
  kind = /** @type {const} */ ('postgres');

  /**
   * @param {string} connectionString
   * @param {{ onError?: (error: Error) => void }} [options]
   */
  constructor(connectionString, { onError } = {}) {
    this.pool = new pg.Pool({ connectionString, max: 10 });
    // An idle client losing its connection emits 'error' on the pool; unheard, it would end the process.
    this.pool.on('error', (error) => onError?.(error));
  }

  async init() {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Serialises services starting together on one database; released at COMMIT.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('kelisim.migrate.' || current_schema()))");
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_version');
      for (const { version, sql } of MIGRATIONS.filter((m) => m.version > rows[0].v)) {
        await client.query(sql);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [version]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * One multi-row INSERT: a single statement is its own transaction, so the batch is
   * stored whole or not at all. ON CONFLICT DO NOTHING also skips an `eventId` repeated
   * within the batch, and waits for a concurrent insert of the same id to settle.
   * @param {import('./receipt.mjs').ReceiptEvent[]} events
   * @param {Date} receivedAt
   * @param {string | null} ip
   */
  async insertBatch(events, receivedAt, ip) {
    const values = events.flatMap((event) => toRow(event, receivedAt, ip));
    const width = COLUMNS.length;
    const tuples = events.map((_, i) => `(${COLUMNS.map((__, j) => `$${i * width + j + 1}`).join(', ')})`);
    const { rowCount } = await this.pool.query(
      `INSERT INTO receipts (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (event_id) DO NOTHING`,
      values,
    );
    const accepted = rowCount ?? 0;
    const hashes = [...new Set(events.flatMap((event) => (event.textsHash ? [event.textsHash.toLowerCase()] : [])))];
    /** @type {string[]} */
    let missingTexts = [];
    if (hashes.length) {
      const held = await this.pool.query('SELECT texts_hash FROM texts WHERE texts_hash = ANY($1::text[])', [hashes]);
      const have = new Set(held.rows.map((row) => row.texts_hash));
      missingTexts = hashes.filter((hash) => !have.has(hash));
    }
    return { accepted, duplicates: events.length - accepted, missingTexts };
  }

  /**
   * Two collectors given the same words at once: one stores them, the other finds them there.
   * @param {import('./receipt.mjs').TextsUpload} upload Already verified: its hash is its texts'.
   * @param {Date} receivedAt
   */
  async insertTexts(upload, receivedAt) {
    const { rowCount } = await this.pool.query(
      'INSERT INTO texts (texts_hash, texts, lang, ui_version, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (texts_hash) DO NOTHING',
      [upload.textsHash.toLowerCase(), JSON.stringify(upload.texts), upload.lang, upload.uiVersion, receivedAt],
    );
    return { stored: rowCount === 1 };
  }

  /** @param {string[]} hashes */
  async textsOf(hashes) {
    /** @type {Map<string, import('./receipt.mjs').StoredTexts>} */
    const found = new Map();
    if (!hashes.length) return found;
    const { rows } = await this.pool.query(
      'SELECT texts_hash, texts, lang, ui_version, received_at FROM texts WHERE texts_hash = ANY($1::text[])',
      [[...new Set(hashes.map((h) => h.toLowerCase()))]],
    );
    for (const row of rows) found.set(row.texts_hash, fromTextsRow(row));
    return found;
  }

  /** @param {string} consentId */
  async erasuresOf(consentId) {
    const hash = consentIdHash(consentId);
    const { rows } = await this.pool.query('SELECT erased_at, receipts FROM erasures WHERE consent_id_hash = $1 ORDER BY seq', [hash]);
    return rows.map((row) => ({ consentIdHash: hash, erasedAt: row.erased_at.toISOString(), receipts: Number(row.receipts) }));
  }

  /**
   * One statement, so the receipts go and the erasure record appears together or not at all.
   * @param {string} consentId
   * @param {Date} at
   */
  async erase(consentId, at) {
    const hash = consentIdHash(consentId);
    const { rows } = await this.pool.query(
      `WITH gone AS (DELETE FROM receipts WHERE consent_id = $1 RETURNING 1)
       INSERT INTO erasures (consent_id_hash, erased_at, receipts) SELECT $2, $3, count(*) FROM gone RETURNING receipts`,
      [consentId, hash, at],
    );
    return { consentIdHash: hash, erasedAt: at.toISOString(), receipts: Number(rows[0].receipts) };
  }

  /** @param {Date} before */
  async sweep(before) {
    const { rowCount } = await this.pool.query('DELETE FROM receipts WHERE received_at < $1', [before]);
    return rowCount ?? 0;
  }

  /** @param {string} consentId */
  async byConsent(consentId) {
    const { rows } = await this.pool.query(`${SELECT} WHERE consent_id = $1 ORDER BY at, seq`, [consentId]);
    return rows.map(fromRow);
  }

  /**
   * @param {Date | null} from
   * @param {Date | null} to
   */
  exportByConsent(from, to) {
    return pagedBy(
      { consentId: '00000000-0000-0000-0000-000000000000', at: '-infinity', seq: 0 },
      (r) => ({ consentId: r.consentId, at: r.at, seq: r.seq }),
      async (after, limit) => {
        const { rows } = await this.pool.query(
          `${SELECT} WHERE ($1::timestamptz IS NULL OR received_at >= $1) AND ($2::timestamptz IS NULL OR received_at < $2)
             AND (consent_id, at, seq) > ($3::uuid, $4::timestamptz, $5) ORDER BY consent_id, at, seq LIMIT $6`,
          [from, to, after.consentId, after.at, after.seq, limit],
        );
        return rows.map(fromRow);
      },
    );
  }

  /**
   * @param {Date | null} from
   * @param {Date | null} to
   */
  exportRange(from, to) {
    return pagedBy(
      0,
      (receipt) => receipt.seq,
      async (after, limit) => {
        const { rows } = await this.pool.query(
          `${SELECT} WHERE ($1::timestamptz IS NULL OR received_at >= $1) AND ($2::timestamptz IS NULL OR received_at < $2)
           AND seq > $3 ORDER BY seq LIMIT $4`,
          [from, to, after, limit],
        );
        return rows.map(fromRow);
      },
    );
  }

  /**
   * The live list, complete under concurrent writers. `seq` comes from a sequence, so a
   * lower `seq` can commit after a higher one has been read, and a cursor on `seq` alone
   * would pass it over. Each row therefore keeps the id of the transaction that wrote it
   * (`tx`), and the list shows only rows of transactions older than the oldest one still
   * running: none of those can still commit. The cursor is (`tx`, `seq`): a row that
   * commits later belongs to a transaction that was running, so its `tx` is past the
   * cursor. A row appears once every transaction started before it has ended
   * (milliseconds, for the collector's one-statement batches).
   * @param {{ after: string | null, limit: number }} options
   */
  async list({ after, limit }) {
    /** @type {{ rows: Array<Record<string, unknown>> }} */
    let result;
    if (after === null) {
      result = await this.pool.query(
        `SELECT * FROM (${SELECT_WITH_TX} WHERE ${SETTLED} ORDER BY tx DESC, seq DESC LIMIT $1) AS newest ORDER BY cursor_tx::xid8, seq`,
        [limit],
      );
    } else {
      // A bare number is a `seq` from an older collector's cursor: resume after it.
      const [tx, seq] = after.includes('.') ? after.split('.') : [null, after];
      result =
        tx === null
          ? await this.pool.query(`${SELECT_WITH_TX} WHERE seq > $1 AND ${SETTLED} ORDER BY tx, seq LIMIT $2`, [seq, limit])
          : await this.pool.query(`${SELECT_WITH_TX} WHERE (tx, seq) > ($1::xid8, $2::bigint) AND ${SETTLED} ORDER BY tx, seq LIMIT $3`, [
              tx,
              seq,
              limit,
            ]);
    }
    const last = result.rows.at(-1);
    return { receipts: result.rows.map(fromRow), next: last ? `${last.cursor_tx}.${last.seq}` : (after ?? '0.0') };
  }

  /**
   * The console's aggregates over receipts received in [from, to), days counted in `timeZone`.
   * The queries run side by side, each on a connection of the pool.
   * @param {{ from: Date, to: Date, timeZone: string }} range
   * @param {Record<string, number>} [timings] Filled with each query's milliseconds (the benchmark's).
   */
  async stats({ from, to, timeZone }, timings) {
    /** @type {string[]} */
    const names = ['byLanguage', 'byPolicyVersion', 'categories', 'banner', 'notice', 'total'];
    let index = 0;
    const query = (/** @type {string} */ sql, /** @type {unknown[]} */ params, name = names[index++]) => {
      const started = performance.now();
      return this.pool.query(sql, params).then((result) => {
        if (timings) timings[name] = Math.max(timings[name] ?? 0, performance.now() - started);
        return result.rows;
      });
    };
    const bounds = [from, to];
    const funnel = `SELECT count(*) AS shown, count(*) FILTER (WHERE done) AS done, count(*) FILTER (WHERE implicit) AS implicit FROM (
        SELECT consent_id, bool_or(type = $3) AS seen, bool_or(type = $4) AS done, bool_or(type = 'policy.accepted.implicit') AS implicit
        FROM receipts WHERE type IN ($3, $4, 'policy.accepted.implicit') AND ${RANGE} GROUP BY consent_id) AS consents WHERE seen`;
    const [byDay, byLanguage, byPolicyVersion, categories, banner, notice, total] = await Promise.all([
      Promise.all(
        daySpans(from, to, timeZone).map((span) =>
          query(
            `SELECT to_char((received_at AT TIME ZONE 'UTC') + make_interval(mins => $3), 'YYYY-MM-DD') AS day, method, count(*) AS count
             FROM receipts WHERE type IN ${DECISIONS} AND ${RANGE} GROUP BY day, method`,
            [span.from, span.to, span.offsetMinutes],
            'byDay',
          ),
        ),
      ).then((lists) => lists.flat()),
      query(`SELECT lang, method, count(*) AS count FROM receipts WHERE type IN ${DECISIONS} AND ${RANGE} GROUP BY lang, method`, bounds),
      query(
        `SELECT policy_version, method, count(*) AS count FROM receipts WHERE type IN ${DECISIONS} AND ${RANGE} GROUP BY policy_version, method`,
        bounds,
      ),
      query(`SELECT categories, count(*) AS count FROM receipts WHERE method IS NOT NULL AND ${RANGE} GROUP BY categories`, bounds),
      query(funnel, [...bounds, 'banner.shown', 'consent.given']).then((rows) => rows[0]),
      query(funnel, [...bounds, 'notice.shown', 'policy.accepted']).then((rows) => rows[0]),
      query(`SELECT count(*) AS count FROM receipts WHERE ${RANGE}`, bounds).then((rows) => rows[0].count),
    ]);
    return statsFromRows({ byDay, byLanguage, byPolicyVersion, categories, banner, notice, total });
  }

  async ping() {
    await this.pool.query('SELECT 1');
  }

  async close() {
    if (!this.pool.ended) await this.pool.end();
  }
}
