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
 * @property {(events: ReceiptEvent[], receivedAt: Date, ip: string | null) => Promise<{ accepted: number, duplicates: number, missingTexts: string[] }>} insertBatch
 *   Stores a batch in one transaction, all or nothing. An `eventId` already stored (or
 *   repeated within the batch) is counted as a duplicate and not stored again.
 *   `missingTexts`: the batch's distinct hashes (lower-case) whose words the archive lacks.
 * @property {(upload: import('./receipt.mjs').TextsUpload, receivedAt: Date) => Promise<{ stored: boolean }>} insertTexts
 *   Keeps verified words under their hash, once: `stored` is false when they were there already.
 * @property {(hashes: string[]) => Promise<Map<string, import('./receipt.mjs').StoredTexts>>} textsOf
 *   The archived words of these hashes (lower-case keys); a hash without words is absent.
 * @property {(consentId: string) => Promise<Receipt[]>} byConsent One browser's receipts, oldest first (by `at`).
 * @property {(consentId: string) => Promise<import('./receipt.mjs').Erasure[]>} erasuresOf The erasure records of one consent id, oldest first.
 * @property {(consentId: string, at: Date) => Promise<import('./receipt.mjs').Erasure>} erase
 *   Deletes one browser's receipts and records that (id hash, time, count), in one transaction.
 * @property {(before: Date) => Promise<number>} sweep Deletes the receipts received before that instant; how many.
 * @property {(from: Date | null, to: Date | null) => AsyncIterable<Receipt>} exportRange
 *   Receipts received in [from, to) (server time), in insertion order, streamed page by page.
 * @property {(from: Date | null, to: Date | null) => AsyncIterable<Receipt>} exportByConsent
 *   The same receipts, each consent's together, by consent id then `at`: for consent records.
 * @property {(options: { after: string | null, limit: number }) => Promise<{ receipts: Receipt[], next: string }>} list
 *   The live list. Without `after`: the newest `limit` receipts; with it: the first `limit`
 *   after that cursor, none ever passed over. `next` is the cursor to pass next time.
 * @property {(range: { from: Date, to: Date, timeZone: string }) => Promise<import('./stats.mjs').Stats>} stats
 *   The console's aggregates, computed in SQL.
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
