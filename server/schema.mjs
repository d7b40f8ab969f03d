/**
 * JSON schemas of the collector's inputs (SPEC §8), compiled by fastify's ajv. The event
 * schema is the protocol: one source of truth for what a receipt may hold.
 */

/** Event types of the receipt protocol; mirrors `ReceiptEventType` in src/core/types.ts. */
export const EVENT_TYPES = Object.freeze([
  'banner.shown',
  'consent.given',
  'consent.updated',
  'consent.withdrawn',
  'notice.shown',
  'policy.accepted',
  'policy.accepted.implicit',
]);

/** How a decision was made; mirrors `DecisionMethod`. */
export const METHODS = Object.freeze(['accept-all', 'reject-all', 'custom', 'withdraw', 'implicit']);

/** Languages with built-in texts; mirrors `Language`. */
export const LANGUAGES = Object.freeze(['kk', 'ru', 'en']);

/** Most events in one POST (SPEC §8). */
export const MAX_BATCH = 50;

/** Largest request body, in bytes (SPEC §10: 413 past 64 KB). */
export const BODY_LIMIT = 64 * 1024;

// A plain UUID in either case (stored lower-cased). ajv's "uuid" format also takes a
// "urn:uuid:" prefix, which would let one id be written two ways and slip past dedupe.
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

// RFC 3339 with seconds 00–59 and years 1970–2999: every value the format admits then
// converts to a Date that SQLite text ordering and PostgreSQL's timestamptz both keep.
const DATE_TIME = '^(19[7-9]\\d|2\\d{3})-\\d{2}-\\d{2}T\\d{2}:\\d{2}:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

// Origin and path only: the widget never sends the query string or the hash.
const PAGE = '^https?://[^/?#\\s]+(/[^?#\\s]*)?$';

/** Category ids as the widget allows them (`ID` in src/core/config.ts). */
const CATEGORY_ID = '^[A-Za-z0-9_-]{1,40}$';

const shortText = (/** @type {number} */ maxLength) => ({ type: 'string', minLength: 1, maxLength });

/** One receipt event. Unknown fields are refused: a misspelt `textsHash` must not vanish silently. */
export const eventSchema = {
  $id: 'kelisim/event',
  type: 'object',
  required: ['eventId', 'type', 'consentId', 'policyVersion', 'categories', 'lang', 'at', 'page', 'client'],
  additionalProperties: false,
  properties: {
    eventId: { type: 'string', pattern: UUID },
    type: { type: 'string', enum: EVENT_TYPES },
    consentId: { type: 'string', pattern: UUID },
    policyVersion: shortText(100),
    categories: {
      type: 'object',
      maxProperties: 50,
      propertyNames: { pattern: CATEGORY_ID },
      additionalProperties: { type: 'boolean' },
    },
    method: { type: 'string', enum: METHODS },
    lang: { type: 'string', enum: LANGUAGES },
    at: { type: 'string', format: 'date-time', pattern: DATE_TIME },
    page: { type: 'string', maxLength: 2048, pattern: PAGE },
    client: shortText(100),
    textsHash: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
    uiVersion: shortText(100),
    subject: { type: 'string', enum: ['minor'] },
  },
};

/** The body of `POST /v1/events`. */
export const batchSchema = {
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: {
    events: { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: eventSchema },
  },
};

/**
 * What each field must be, in words, for 400 messages; keyed by the field's name.
 * @type {Record<string, string>}
 */
const EXPECTED = {
  eventId: 'a UUID',
  consentId: 'a UUID',
  type: `one of ${EVENT_TYPES.join(', ')}`,
  method: `one of ${METHODS.join(', ')}`,
  lang: `one of ${LANGUAGES.join(', ')}`,
  policyVersion: 'a string of 1 to 100 characters',
  client: 'a string of 1 to 100 characters',
  uiVersion: 'a string of 1 to 100 characters',
  categories: 'an object of at most 50 category ids (letters, digits, _ and -, up to 40) mapped to true or false',
  at: 'an ISO 8601 date-time with a time zone, years 1970 to 2999 (e.g. 2026-11-24T10:00:00.000Z)',
  page: 'an http(s) URL of at most 2048 characters, without query string or hash',
  textsHash: 'a SHA-256 in hex (64 characters)',
  subject: '"minor"',
};

/**
 * Where a batch failed validation, in words a developer can act on.
 * @typedef {{ message: string, event?: number, field?: string }} ValidationProblem
 */

/**
 * Turns the first ajv error of a `POST /v1/events` body into which event (its index in
 * `events`), which field, and what the field must be. Values are never echoed: they may
 * be personal data.
 * @param {{ instancePath: string, keyword: string, params: Record<string, unknown>, propertyName?: string }} error
 * @returns {ValidationProblem}
 */
export function describeBatchError(error) {
  const path = error.instancePath.split('/').slice(1);
  if (path[0] !== 'events' || path.length < 2) {
    if (path[0] === 'events') return { message: `"events" must be an array of 1 to ${MAX_BATCH} events` };
    if (error.keyword === 'additionalProperties') {
      return { message: `unknown top-level field "${error.params.additionalProperty}": the body is {"events": [...]}` };
    }
    return { message: 'the body must be a JSON object {"events": [...]}' };
  }
  const event = Number(path[1]);
  const at = `event ${event}`;
  if (path.length === 2) {
    if (error.keyword === 'required') {
      const field = String(error.params.missingProperty);
      return { event, field, message: `${at}: field "${field}" is missing` };
    }
    if (error.keyword === 'additionalProperties') {
      const field = String(error.params.additionalProperty);
      return { event, field, message: `${at}: field "${field}" is not part of the event protocol` };
    }
    return { event, message: `${at}: must be a JSON object` };
  }
  const name = path[2];
  // A bad category id: ajv reports it on the object, with the offending key beside it.
  const key = error.propertyName ?? (error.keyword === 'propertyNames' ? error.params.propertyName : undefined);
  const field = [...path.slice(2), ...(key === undefined ? [] : [key])].join('.');
  return { event, field, message: `${at}: field "${field}" must be ${EXPECTED[name] ?? 'valid'}` };
}

const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** Query of `GET /v1/export.csv`: ISO dates (whole UTC days) or date-times, both optional. */
export const exportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', anyOf: [{ format: 'date', pattern: ISO_DATE }, { format: 'date-time', pattern: DATE_TIME }] },
    to: { type: 'string', anyOf: [{ format: 'date', pattern: ISO_DATE }, { format: 'date-time', pattern: DATE_TIME }] },
  },
};

/** Query of `GET /v1/receipts`. Strings, because the app's ajv coerces nothing. */
export const receiptsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'string', pattern: '^\\d{1,15}$' },
    limit: { type: 'string', pattern: '^([1-9]\\d{0,2}|1000)$' },
  },
};

/** Params of `GET /v1/consents/:consentId`. */
export const consentParamsSchema = {
  type: 'object',
  required: ['consentId'],
  properties: { consentId: { type: 'string', pattern: UUID } },
};
