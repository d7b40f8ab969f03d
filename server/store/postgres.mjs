import pg from 'pg';
import { COLUMNS, fromRow, pagedBySeq, toRow } from './receipt.mjs';

/**
 * Schema versions, applied in order by {@link PostgresStore.init}. Append; never edit one
 * that has shipped. Tables are created in the connection's current schema (search_path).
 * `categories` stays text, not jsonb: the JSON exactly as the client sent it, as in SQLite.
 */
const MIGRATIONS = [
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
];

const SELECT = `SELECT seq, ${COLUMNS.join(', ')} FROM receipts`;

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
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
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
    return { accepted, duplicates: events.length - accepted };
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
  exportRange(from, to) {
    return pagedBySeq(async (after, limit) => {
      const { rows } = await this.pool.query(
        `${SELECT} WHERE ($1::timestamptz IS NULL OR received_at >= $1) AND ($2::timestamptz IS NULL OR received_at < $2)
           AND seq > $3 ORDER BY seq LIMIT $4`,
        [from, to, after, limit],
      );
      return rows.map(fromRow);
    });
  }

  /**
   * `seq` comes from a sequence, so under concurrent writers a lower `seq` can commit after
   * a higher one has been read: a live tail may then skip that receipt. The tail is a
   * convenience; `byConsent` and `exportRange` are the authoritative reads.
   * @param {{ after: number | null, limit: number }} options
   */
  async list({ after, limit }) {
    const { rows } =
      after === null
        ? await this.pool.query(`SELECT * FROM (${SELECT} ORDER BY seq DESC LIMIT $1) AS newest ORDER BY seq`, [limit])
        : await this.pool.query(`${SELECT} WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit]);
    return rows.map(fromRow);
  }

  async ping() {
    await this.pool.query('SELECT 1');
  }

  async close() {
    if (!this.pool.ended) await this.pool.end();
  }
}
