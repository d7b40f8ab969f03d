/**
 * The receipt store: one small interface, two implementations (SQLite by default,
 * PostgreSQL when a database URL is given). Routes see only this interface.
 */

/** @typedef {import('./receipt.mjs').Receipt} Receipt */
/** @typedef {import('./receipt.mjs').ReceiptEvent} ReceiptEvent */

/**
 * @typedef {object} ReceiptStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {() => Promise<void>} init Creates the schema or migrates it to the current version.
 * @property {(events: ReceiptEvent[], receivedAt: Date, ip: string | null) => Promise<{ accepted: number, duplicates: number }>} insertBatch
 *   Stores a batch in one transaction, all or nothing. An `eventId` already stored (or
 *   repeated within the batch) is counted as a duplicate and not stored again.
 * @property {(consentId: string) => Promise<Receipt[]>} byConsent One browser's receipts, oldest first (by `at`).
 * @property {(from: Date | null, to: Date | null) => AsyncIterable<Receipt>} exportRange
 *   Receipts received in [from, to) (server time), in insertion order, streamed page by page.
 * @property {(options: { after: number | null, limit: number }) => Promise<Receipt[]>} list
 *   Without `after`: the newest `limit` receipts; with it: the first `limit` after that `seq`.
 *   Both in ascending `seq`.
 * @property {() => Promise<void>} ping Throws when the database cannot answer.
 * @property {() => Promise<void>} close
 */

/**
 * Opens the store the configuration names and brings its schema up to date.
 * @param {{ databaseUrl?: string | null, sqlitePath: string, onError?: (error: Error) => void }} options
 *   `onError` hears errors that happen outside any request (a PostgreSQL connection lost while idle).
 * @returns {Promise<ReceiptStore>}
 */
export async function openStore({ databaseUrl, sqlitePath, onError }) {
  const store = databaseUrl
    ? new (await import('./postgres.mjs')).PostgresStore(databaseUrl, { onError })
    : new (await import('./sqlite.mjs')).SqliteStore(sqlitePath);
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}
