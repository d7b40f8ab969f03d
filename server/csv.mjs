/**
 * Receipts as CSV (RFC 4180): a header row, CRLF line ends, every field that holds a
 * comma, quote, CR or LF quoted with its quotes doubled.
 */

import { EVENT_FIELDS } from './protocol/index.mjs';

/** @typedef {import('./store/receipt.mjs').Receipt} Receipt */

/**
 * Header row and column order of the export; camelCase like the JSON receipts: `seq`, the
 * protocol's fields in its order, then what the server adds.
 */
export const CSV_FIELDS = /** @type {ReadonlyArray<keyof Receipt>} */ (Object.freeze(['seq', ...EVENT_FIELDS, 'receivedAt', 'ip']));

/**
 * One CSV field. A value a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or CR; OWASP "CSV injection") gets a leading `'`: client-supplied text such
 * as `policyVersion` reaches an admin's spreadsheet.
 * @param {unknown} value
 * @returns {string}
 */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Lines are sent in chunks of about this many characters: few writes, bounded memory. */
const CHUNK = 64 * 1024;

/**
 * The CSV document (header first) in chunks of whole lines, for streaming.
 * @param {AsyncIterable<Receipt>} receipts
 * @returns {AsyncGenerator<string>}
 */
export async function* receiptsCsv(receipts) {
  let chunk = `${CSV_FIELDS.join(',')}\r\n`;
  for await (const receipt of receipts) {
    chunk += `${CSV_FIELDS.map((field) => csvField(receipt[field])).join(',')}\r\n`;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
