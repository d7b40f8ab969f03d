/**
 * The receipt: one stored event, as both stores keep it and every route returns it.
 * Store-independent mapping lives here so SQLite and PostgreSQL cannot drift apart.
 */

import { createHash } from 'node:crypto';
import { EVENT_FIELDS, REQUIRED_FIELDS, fieldSchema } from '../protocol/index.mjs';

/** An event as POSTed by the widget, already validated against the protocol's schema. @typedef {import('../protocol/events.js').ReceiptEvent} ReceiptEvent */
/** The words of a view as POSTed to `/v1/texts`, validated and with its hash verified. @typedef {import('../protocol/events.js').TextsUpload} TextsUpload */

/**
 * Words the texts archive holds: what was uploaded, and when the collector first got them.
 * @typedef {{ textsHash: string, texts: string[], lang: string, uiVersion: string, receivedAt: string }} StoredTexts
 */

/**
 * An erasure record: which consent (its id's SHA-256, so the record itself holds no id),
 * when, and how many receipts went.
 * @typedef {{ consentIdHash: string, erasedAt: string, receipts: number }} Erasure
 */

/**
 * A stored receipt: every field of the event (an absent optional one is `null`) and what
 * the store adds. `at` is the client's clock, `receivedAt` the server's; both are ISO 8601
 * UTC strings. `seq` is the store's insertion order, used as a cursor.
 * @typedef {{ [F in keyof ReceiptEvent]-?: undefined extends ReceiptEvent[F] ? NonNullable<ReceiptEvent[F]> | null : ReceiptEvent[F] }
 *   & { seq: number, receivedAt: string, ip: string | null }} Receipt
 */

/**
 * How one event field is kept, read from its schema: ids and hashes (hex patterns) are
 * lower-cased so one value cannot be written two ways; a date-time becomes UTC ISO so
 * receipts sort by it in both stores; an object (categories) is kept as the JSON the
 * client sent.
 * @typedef {{ field: string, column: string, required: boolean, kind: 'lower' | 'time' | 'json' | 'text' }} FieldStorage
 */

/** @type {readonly FieldStorage[]} */
const FIELDS = Object.freeze(
  EVENT_FIELDS.map((field) => {
    const schema = fieldSchema(field) ?? {};
    /** @type {FieldStorage['kind']} */
    const kind =
      schema.type === 'object'
        ? 'json'
        : schema.format === 'date-time'
          ? 'time'
          : schema.pattern?.includes('[0-9a-fA-F]')
            ? 'lower'
            : 'text';
    return { field, column: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), required: REQUIRED_FIELDS.has(field), kind };
  }),
);

/**
 * The table's columns, in insert order (without `seq`, which the store assigns): one per
 * protocol field, snake_case, then the two the server adds. Shared by both stores' SQL.
 * A field added to the protocol needs its column added by a migration in both stores.
 */
export const COLUMNS = Object.freeze([...FIELDS.map((f) => f.column), 'received_at', 'ip']);

/**
 * The column values of one event, in {@link COLUMNS} order.
 * @param {ReceiptEvent} event
 * @param {Date} receivedAt
 * @param {string | null} ip
 * @returns {Array<string | Date | null>}
 */
export function toRow(event, receivedAt, ip) {
  const values = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (event));
  return [
    ...FIELDS.map(({ field, kind }) => {
      const value = values[field];
      if (value === undefined || value === null) return null;
      if (kind === 'json') return JSON.stringify(value);
      if (kind === 'time') return new Date(String(value)).toISOString();
      return kind === 'lower' ? String(value).toLowerCase() : String(value);
    }),
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
  /** @type {Record<string, unknown>} */
  const receipt = { seq: Number(row.seq) };
  for (const { field, column, required, kind } of FIELDS) {
    const value = row[column];
    if (kind === 'json') receipt[field] = JSON.parse(String(value));
    else if (kind === 'time') receipt[field] = required || (value !== null && value !== undefined) ? isoString(value) : null;
    else receipt[field] = required ? String(value) : nullableText(value);
  }
  receipt.receivedAt = isoString(row.received_at);
  receipt.ip = nullableText(row.ip);
  return /** @type {Receipt} */ (/** @type {unknown} */ (receipt));
}

/** @param {unknown} value */
function nullableText(value) {
  return value === null || value === undefined ? null : String(value);
}

/** SQLite keeps ISO text, PostgreSQL returns a Date: both become ISO text. @param {unknown} value */
function isoString(value) {
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * A texts archive row (snake_case) as {@link StoredTexts}.
 * @param {Record<string, unknown>} row
 * @returns {StoredTexts}
 */
export function fromTextsRow(row) {
  return {
    textsHash: String(row.texts_hash),
    texts: JSON.parse(String(row.texts)),
    lang: String(row.lang),
    uiVersion: String(row.ui_version),
    receivedAt: isoString(row.received_at),
  };
}

/**
 * How an erasure record names a consent: the SHA-256 (hex) of its id, lower-case. Whoever
 * holds the id (the visitor's browser, a regulator given it) can check the record; the
 * record alone leads back to nobody.
 * @param {string} consentId
 */
export function consentIdHash(consentId) {
  return createHash('sha256').update(consentId.toLowerCase()).digest('hex');
}

/** Rows per page when a store walks a large range (export): bounded memory, few round trips. */
export const PAGE_SIZE = 1000;

/**
 * Walks a range page by page by a keyset (`seq`, or consent, time and `seq`), yielding
 * receipts one by one, so an export of millions of rows never sits in memory.
 * @template K
 * @param {K} start The key before the first row.
 * @param {(receipt: Receipt) => K} keyOf
 * @param {(after: K, limit: number) => Promise<Receipt[]>} fetchPage
 * @returns {AsyncGenerator<Receipt>}
 */
export async function* pagedBy(start, keyOf, fetchPage) {
  let after = start;
  for (;;) {
    const page = await fetchPage(after, PAGE_SIZE);
    yield* page;
    if (page.length < PAGE_SIZE) return;
    after = keyOf(page[page.length - 1]);
  }
}
