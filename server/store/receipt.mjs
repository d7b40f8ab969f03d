/**
 * The receipt: one stored event, as both stores keep it and every route returns it.
 * Store-independent mapping lives here so SQLite and PostgreSQL cannot drift apart.
 */

/**
 * An event as POSTed by the widget (SPEC §8), already validated by the schema.
 * @typedef {object} ReceiptEvent
 * @property {string} eventId
 * @property {string} type
 * @property {string} consentId
 * @property {string} policyVersion
 * @property {Record<string, boolean>} categories
 * @property {string} [method]
 * @property {string} lang
 * @property {string} at
 * @property {string} page
 * @property {string} client
 * @property {string} [textsHash]
 * @property {string} [uiVersion]
 * @property {'minor'} [subject]
 */

/**
 * A stored receipt. `at` is the client's clock, `receivedAt` the server's; both are
 * ISO 8601 UTC strings. `seq` is the store's insertion order, used as a cursor.
 * @typedef {object} Receipt
 * @property {number} seq
 * @property {string} eventId
 * @property {string} type
 * @property {string} consentId
 * @property {string} policyVersion
 * @property {Record<string, boolean>} categories
 * @property {string | null} method
 * @property {string} lang
 * @property {string} at
 * @property {string} page
 * @property {string} client
 * @property {string | null} textsHash
 * @property {string | null} uiVersion
 * @property {string | null} subject
 * @property {string} receivedAt
 * @property {string | null} ip
 */

/**
 * The table's columns, in insert order (without `seq`, which the store assigns).
 * Shared by both stores' SQL and by the CSV export's header.
 */
export const COLUMNS = Object.freeze([
  'event_id',
  'type',
  'consent_id',
  'policy_version',
  'categories',
  'method',
  'lang',
  'at',
  'page',
  'client',
  'texts_hash',
  'ui_version',
  'subject',
  'received_at',
  'ip',
]);

/**
 * The column values of one event, in {@link COLUMNS} order. Ids and hashes are
 * lower-cased so one UUID cannot be written two ways; `at` becomes UTC ISO so receipts
 * sort by it in both stores; categories are kept as the JSON the client sent.
 * @param {ReceiptEvent} event
 * @param {Date} receivedAt
 * @param {string | null} ip
 * @returns {Array<string | Date | null>}
 */
export function toRow(event, receivedAt, ip) {
  return [
    event.eventId.toLowerCase(),
    event.type,
    event.consentId.toLowerCase(),
    event.policyVersion,
    JSON.stringify(event.categories),
    event.method ?? null,
    event.lang,
    new Date(event.at).toISOString(),
    event.page,
    event.client,
    event.textsHash?.toLowerCase() ?? null,
    event.uiVersion ?? null,
    event.subject ?? null,
    receivedAt,
    ip,
  ];
}

/**
 * A database row (snake_case, as either driver returns it) as a {@link Receipt}.
 * @param {Record<string, unknown>} row
 * @returns {Receipt}
 */
export function fromRow(row) {
  return {
    seq: Number(row.seq),
    eventId: String(row.event_id),
    type: String(row.type),
    consentId: String(row.consent_id),
    policyVersion: String(row.policy_version),
    categories: JSON.parse(String(row.categories)),
    method: nullableText(row.method),
    lang: String(row.lang),
    at: isoString(row.at),
    page: String(row.page),
    client: String(row.client),
    textsHash: nullableText(row.texts_hash),
    uiVersion: nullableText(row.ui_version),
    subject: nullableText(row.subject),
    receivedAt: isoString(row.received_at),
    ip: nullableText(row.ip),
  };
}

/** @param {unknown} value */
function nullableText(value) {
  return value === null || value === undefined ? null : String(value);
}

/** SQLite keeps ISO text, PostgreSQL returns a Date: both become ISO text. @param {unknown} value */
function isoString(value) {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Rows per page when a store walks a large range (export): bounded memory, few round trips. */
export const PAGE_SIZE = 1000;

/**
 * Walks a range page by page in `seq` order, yielding receipts one by one, so an export
 * of millions of rows never sits in memory.
 * @param {(afterSeq: number, limit: number) => Promise<Receipt[]>} fetchPage
 * @returns {AsyncGenerator<Receipt>}
 */
export async function* pagedBySeq(fetchPage) {
  let afterSeq = 0;
  for (;;) {
    const page = await fetchPage(afterSeq, PAGE_SIZE);
    yield* page;
    if (page.length < PAGE_SIZE) return;
    afterSeq = page[page.length - 1].seq;
  }
}
