/**
 * `GET /v1/export.json`: receipts as consent records aligned with ISO/IEC TS 27560:2023
 * (Privacy technologies — Consent record information structure). One record per consent
 * id (the PII principal as kelisim knows it), its receipts as the record's events, the
 * words on screen as its notices. Field names follow the standard's terms as the W3C DPV
 * guide to 27560 writes them (`record_id`, `pii_principal_id`, `event_time`,
 * `event_state`…); state and type values are DPV terms (`dpv:ConsentGiven`). The mapping,
 * field by field, and what does not apply, is in docs/receipts.md.
 *
 * Streamed: the document is written record by record, so an export of millions of
 * receipts never sits in memory.
 */

/** @typedef {import('./store/receipt.mjs').Receipt} Receipt */

/** `schema_version` of every document: the standard, and this layout of it. */
export const SCHEMA_VERSION = 'ISO/IEC TS 27560:2023 consent record; kelisim-27560/1';

/**
 * @typedef {object} ExportOptions
 * @property {Date | null} from
 * @property {Date | null} to
 * @property {Date} generatedAt
 * @property {number | null} retentionDays `KELISIM_RETENTION_DAYS`, the record's retention period.
 * @property {string} collector e.g. `kelisim-collector/1.1.0`
 */

/**
 * The state a receipt records (27560 "event state"), as a DPV consent status.
 * @param {Receipt} receipt
 */
function eventState(receipt) {
  switch (receipt.type) {
    case 'banner.shown':
    case 'notice.shown':
      return 'dpv:ConsentRequested';
    case 'consent.withdrawn':
      return 'dpv:ConsentWithdrawn';
    case 'policy.accepted':
    case 'policy.accepted.implicit':
      return 'dpv:RenewedConsentGiven';
    default: {
      // A decision that leaves every optional purpose off is a refusal, and a receipt too.
      const optional = Object.entries(receipt.categories).filter(([id]) => id !== 'necessary');
      return optional.some(([, allowed]) => allowed) || optional.length === 0 ? 'dpv:ConsentGiven' : 'dpv:ConsentRefused';
    }
  }
}

/**
 * How consent was expressed (27560 "event type", DPV consent type): by an action of the
 * visitor, or implied by continued use (clause 1.2). A view being shown expresses nothing.
 * @param {Receipt} receipt
 */
function eventType(receipt) {
  if (receipt.type.endsWith('.shown')) return null;
  return receipt.method === 'implicit' ? 'dpv:ImpliedConsent' : 'dpv:ExpressedConsent';
}

/**
 * One receipt as a 27560 event.
 * @param {Receipt} receipt
 */
function event(receipt) {
  const shown = receipt.type.endsWith('.shown');
  return {
    event_id: receipt.eventId,
    event_time: receipt.at,
    event_type: eventType(receipt),
    event_state: eventState(receipt),
    // Who expressed it: the controller presents a view; the data subject decides.
    entity_id: shown ? 'pii_controller' : receipt.consentId,
    expression_method: receipt.method,
    purposes: Object.fromEntries(
      Object.entries(receipt.categories).map(([id, allowed]) => [
        id,
        allowed ? 'dpv:ConsentGiven' : shown ? 'dpv:ConsentRequested' : 'dpv:ConsentRefused',
      ]),
    ),
    notice: {
      policy_version: receipt.policyVersion,
      texts_hash: receipt.textsHash,
      ui_version: receipt.uiVersion,
      shown_at: receipt.noticeShownAt,
    },
    recorded_time: receipt.receivedAt,
    kelisim: { type: receipt.type, page: receipt.page, client: receipt.client, subject: receipt.subject, lang: receipt.lang },
  };
}

/**
 * One consent's receipts as one 27560 record.
 * @param {Receipt[]} receipts Of one consent id, oldest first.
 * @param {ExportOptions} options
 */
function record(receipts, options) {
  const [first] = receipts;
  const notices = new Map();
  for (const receipt of receipts) {
    if (!receipt.textsHash || notices.has(receipt.textsHash)) continue;
    notices.set(receipt.textsHash, {
      notice_id: receipt.textsHash,
      policy_version: receipt.policyVersion,
      language: receipt.lang,
      ui_version: receipt.uiVersion,
    });
  }
  return {
    record_id: first.consentId,
    pii_principal_id: first.consentId,
    language: [...new Set(receipts.map((r) => r.lang))],
    notices: [...notices.values()],
    purposes: [...new Set(receipts.flatMap((r) => Object.keys(r.categories)))].map((id) => ({
      purpose: id,
      lawful_basis: id === 'necessary' ? null : 'dpv:Consent',
    })),
    retention_period: options.retentionDays ? `P${options.retentionDays}D` : null,
    pii_principal_is_child: receipts.some((r) => r.subject === 'minor'),
    events: receipts.map(event),
  };
}

/**
 * The export document, in chunks of whole records.
 * @param {AsyncIterable<Receipt>} receipts Each consent's receipts together (store.exportByConsent).
 * @param {ExportOptions} options
 * @returns {AsyncGenerator<string>}
 */
export async function* consentRecords(receipts, options) {
  const head = {
    schema_version: SCHEMA_VERSION,
    generated: options.generatedAt.toISOString(),
    generated_by: options.collector,
    received_from: options.from?.toISOString() ?? null,
    received_to: options.to?.toISOString() ?? null,
  };
  let chunk = `${JSON.stringify(head).slice(0, -1)},"records":[`;
  let first = true;
  /** @type {Receipt[]} */
  let group = [];
  const flush = () => {
    chunk += `${first ? '\n' : ',\n'}${JSON.stringify(record(group, options))}`;
    first = false;
    group = [];
  };
  for await (const receipt of receipts) {
    if (group.length && group[0].consentId !== receipt.consentId) flush();
    group.push(receipt);
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (group.length) flush();
  yield `${chunk}\n]}\n`;
}
