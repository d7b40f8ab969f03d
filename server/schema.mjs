/**
 * JSON schemas of the collector's inputs, compiled by fastify's ajv. The event protocol
 * itself is `protocol/events.schema.json`; this module adds the HTTP limits, the admin
 * routes' query schemas, and the words of a 400.
 */
import {
  DATE_TIME_PATTERN,
  LANGUAGES,
  MAX_BATCH,
  UUID_PATTERN,
  expectedWords,
  fieldSchema,
  protocolSchema,
  resolved,
} from './protocol/index.mjs';

export { EVENT_TYPES, LANGUAGES, MAX_BATCH, METHODS } from './protocol/index.mjs';

/** Largest request body, in bytes (413 past 64 KB). */
export const BODY_LIMIT = 64 * 1024;

/** The body of `POST /v1/events`: the protocol's schema as it is. */
export const batchSchema = protocolSchema;

/** Largest `POST /v1/texts` body: a view's words are a few KB; a long services list, tens. */
export const TEXTS_BODY_LIMIT = 256 * 1024;

/** The body of `POST /v1/texts`: the protocol's `TextsUpload`, its references resolvable. */
export const textsSchema = { ...protocolSchema.definitions.TextsUpload, definitions: protocolSchema.definitions };

/**
 * Turns the first ajv error of a `POST /v1/texts` body into which field and what it must be.
 * @param {{ instancePath: string, keyword: string, params: Record<string, unknown> }} error
 * @returns {ValidationProblem}
 */
export function describeTextsError(error) {
  const path = error.instancePath.split('/').slice(1);
  const upload = protocolSchema.definitions.TextsUpload;
  if (path.length === 0) {
    if (error.keyword === 'required') {
      const field = String(error.params.missingProperty);
      return { field, message: `field "${field}" is missing` };
    }
    if (error.keyword === 'additionalProperties') {
      const field = String(error.params.additionalProperty);
      return { field, message: `field "${field}" is not part of the texts upload` };
    }
    return { message: 'the body must be a JSON object {"textsHash", "texts", "lang", "uiVersion"}' };
  }
  const field = path[0];
  const schema = upload.properties?.[field];
  return { field, message: `field "${field}" must be ${(schema && expectedWords(resolved(schema))) ?? 'valid'}` };
}

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
  const schema = fieldSchema(name);
  return { event, field, message: `${at}: field "${field}" must be ${(schema && expectedWords(schema)) ?? 'valid'}` };
}

const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** Query of `GET /v1/export.csv`: ISO dates (whole UTC days) or date-times, both optional. */
export const exportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'string',
      anyOf: [
        { format: 'date', pattern: ISO_DATE },
        { format: 'date-time', pattern: DATE_TIME_PATTERN },
      ],
    },
    to: {
      type: 'string',
      anyOf: [
        { format: 'date', pattern: ISO_DATE },
        { format: 'date-time', pattern: DATE_TIME_PATTERN },
      ],
    },
  },
};

/** Query of `GET /v1/receipts`. Strings, because the app's ajv coerces nothing. `after` is the `next` of the page before. */
export const receiptsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'string', pattern: '^\\d{1,20}(\\.\\d{1,15})?$' },
    limit: { type: 'string', pattern: '^([1-9]\\d{0,2}|1000)$' },
  },
};

/** Query of `GET /v1/stats`: calendar days in the collector's time zone, both inclusive. */
export const statsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', format: 'date', pattern: ISO_DATE },
    to: { type: 'string', format: 'date', pattern: ISO_DATE },
  },
};

/** Query of `GET /v1/consents/:consentId/proof`. */
export const proofQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['html', 'json'] },
    lang: { type: 'string', enum: [...LANGUAGES] },
  },
};

/** Params of `GET /v1/consents/:consentId`: a consentId as the protocol writes it. */
export const consentParamsSchema = {
  type: 'object',
  required: ['consentId'],
  properties: { consentId: { type: 'string', pattern: UUID_PATTERN } },
};
