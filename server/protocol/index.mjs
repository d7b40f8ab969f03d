/**
 * The receipt protocol as the collector reads it: `events.schema.json` (JSON Schema,
 * draft-07), the one definition the widget's TypeScript types are generated from too, and
 * the lists and limits the rest of the collector derives from it.
 */
import { readFileSync } from 'node:fs';

/**
 * The parts of a JSON Schema the protocol uses. `x-expected` says in words what a value
 * must be (for 400 messages and the generated TSDoc); an `enum` says it by itself.
 * @typedef {object} ProtocolSchema
 * @property {string} [$ref]
 * @property {string} [title]
 * @property {string} [description]
 * @property {string} [type]
 * @property {string} [format]
 * @property {string} [pattern]
 * @property {string[]} [enum]
 * @property {string[]} [required]
 * @property {Record<string, ProtocolSchema>} [properties]
 * @property {ProtocolSchema | boolean} [additionalProperties]
 * @property {ProtocolSchema} [items]
 * @property {number} [maxItems]
 * @property {Record<string, ProtocolSchema>} [definitions]
 * @property {string} [x-expected]
 */

/**
 * The whole schema: the body of `POST /v1/events` (`{"events": [...]}`), its event under
 * `definitions.ReceiptEvent`. Given to fastify as the route's body schema as it is.
 * @type {ProtocolSchema & { properties: { events: ProtocolSchema & { maxItems: number } }, definitions: Record<string, ProtocolSchema> }}
 */
export const protocolSchema = JSON.parse(readFileSync(new URL('./events.schema.json', import.meta.url), 'utf8'));

/** The schema keyword that only annotates; fastify's ajv must be told about it (strict mode). */
export const EXPECTED_KEYWORD = 'x-expected';

const { definitions } = protocolSchema;
const event = definitions.ReceiptEvent;

/**
 * A schema with its `$ref` (to `#/definitions/…`) followed; its own `description` and
 * `x-expected` win over the definition's.
 * @param {ProtocolSchema} schema
 * @returns {ProtocolSchema}
 */
export function resolved(schema) {
  const { $ref, ...own } = schema;
  if ($ref === undefined) return schema;
  const name = /^#\/definitions\/(\w+)$/.exec($ref)?.[1];
  const target = name === undefined ? undefined : definitions[name];
  if (!target) throw new Error(`events.schema.json: cannot follow $ref ${$ref}`);
  return { ...resolved(target), ...own };
}

/** @param {string} name */
const enumOf = (name) => Object.freeze([.../** @type {string[]} */ (definitions[name].enum)]);

/** Event types of the receipt protocol. */
export const EVENT_TYPES = enumOf('ReceiptEventType');

/** How a decision was made. */
export const METHODS = enumOf('DecisionMethod');

/** Languages with built-in texts. */
export const LANGUAGES = enumOf('Language');

/** Most events in one POST. */
export const MAX_BATCH = protocolSchema.properties.events.maxItems;

/** The event's fields in the schema's order: the order of the columns and of the CSV export. */
export const EVENT_FIELDS = Object.freeze(Object.keys(/** @type {Record<string, ProtocolSchema>} */ (event.properties)));

/** Fields every event has. */
export const REQUIRED_FIELDS = Object.freeze(new Set(event.required ?? []));

/**
 * The schema of one event field, `$ref` followed.
 * @param {string} field
 * @returns {ProtocolSchema | undefined}
 */
export function fieldSchema(field) {
  const schema = event.properties?.[field];
  return schema && resolved(schema);
}

/** @param {string} field */
function patternOf(field) {
  const pattern = fieldSchema(field)?.pattern;
  if (!pattern) throw new Error(`events.schema.json: ${field} has no pattern`);
  return pattern;
}

/** A UUID as the protocol writes one (either letter case, no `urn:uuid:` prefix). */
export const UUID_PATTERN = patternOf('consentId');

/** An RFC 3339 date-time as the protocol admits one (`at`). */
export const DATE_TIME_PATTERN = patternOf('at');

/**
 * What a field must be, in words: its `x-expected`, or its `enum` spelled out.
 * @param {ProtocolSchema} schema
 * @returns {string | undefined}
 */
export function expectedWords(schema) {
  const expected = schema[EXPECTED_KEYWORD];
  if (expected) return expected;
  if (schema.enum?.length === 1) return JSON.stringify(schema.enum[0]);
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  return undefined;
}
