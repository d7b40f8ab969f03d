import { bool, int, is, isObject, list, oneOf, record, shape, text, type Check, type Fail } from './schema.js';
import type { CategoryConfig, ConsentModeMapping, CoreConfig, KelisimError, Language } from './types.js';
import { safeEndpointUrl } from './url.js';

/** The languages with built-in texts, in the order the language switch shows them. */
export const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

/** Category ids: short, and safe in a CSS selector, an attribute and a cookie value. */
export const ID = /^(?!__proto__$)[\w-]{1,40}$/;

/** The keys the interface checks when it loads, as the page gave them. */
export interface DeferredConfig {
  policy?: { url?: unknown; changes?: unknown };
  texts?: unknown;
  layout?: unknown;
  controller?: unknown;
}

/** The outcome of reading a page's config. */
export interface ConfigResult {
  config: CoreConfig;
  /** The interface's keys, unchecked: the interface checks them when it loads. */
  deferred: DeferredConfig;
  /** One entry per rejected key; that key fell back to its default. */
  problems: KelisimError[];
  /** Set when the config cannot run at all: nothing is shown. */
  fatal?: string;
}

/** Accepts any value as it is: for keys that the interface checks. */
const later: Check = (value) => value;

const strings = (max: number) => list(is<string>(`a string of at most ${max} characters`, (v) => typeof v === 'string' && v.length <= max));

/**
 * A Consent Mode mapping is taken whole or not at all: a mapping cut down to its valid
 * parts could leave out a type, and Consent Mode would then never deny it before a choice.
 */
const wholeMapping: Check<ConsentModeMapping> = (value, key, fail) => {
  let bad = false;
  const mapping = record(ID, strings(64))(value, key, (at, message) => ((bad = true), fail(at, message)));
  return bad ? undefined : mapping;
};

/** edunavigator.kz's purposes (clauses 2.1 and 4.2); only `necessary` may be on without a choice. */
const DEFAULT_CATEGORIES: CategoryConfig[] = [
  { id: 'necessary', required: true },
  { id: 'analytics', cookies: ['_ga', '_ga_*', '_gid', '_gat*', '_ym*'] },
  { id: 'marketing', gpc: true, adultOnly: true, cookies: ['_fbp', '_gcl_*', 'tmr_*'] },
  { id: 'partners', gpc: true, adultOnly: true },
];

/** Google Consent Mode v2 types granted by each category (SPEC §6). */
const DEFAULT_CONSENT_MODE: ConsentModeMapping = {
  necessary: ['functionality_storage', 'security_storage'],
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization', 'personalization_storage'],
};

/**
 * Every key a page's config may hold: its rule and, where it has one, edunavigator.kz's
 * default, in one table. `later` keys belong to the interface, which checks them itself.
 */
const options = shape<CoreConfig & Required<DeferredConfig>>({
  policy: shape({
    version: text(100, /^/, '2026-06-01'),
    publishedAt: is<string>('an ISO date such as 2026-06-01', (v) => typeof v === 'string' && !!parseDate(v)),
    implicitAcceptanceDays: int(0, 366, 7),
    url: later,
    changes: later,
  }) as Check<CoreConfig['policy']>,
  categories: list(shape<CategoryConfig>({ id: text(40, ID), required: bool(), gpc: bool(), adultOnly: bool(), cookies: list(text(100)) }), 20, DEFAULT_CATEGORIES),
  storage: oneOf(['cookie', 'localStorage'], 'cookie'),
  cookie: shape({
    name: text(64, /^[\w-]+$/, 'kelisim_consent'),
    domain: text(253, /^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i),
    path: text(200, /^\/[^;\s]*$/, '/'),
    sameSite: oneOf(['Lax', 'Strict', 'None'], 'Lax'),
    secure: bool(),
    maxAgeDays: int(1, 400, 365),
  }),
  consentMaxAgeDays: int(1, 3650, 365),
  endpoint: (value, key, fail) =>
    (typeof value === 'string' && value.length < 2048 && safeEndpointUrl(value)) || fail(key, 'must be https: (http: only to localhost) or relative'),
  language: oneOf(['auto', 'kk', 'ru', 'en'], 'auto'),
  texts: later,
  layout: later,
  reopenButton: bool(true),
  controller: later,
  googleConsentMode: Object.assign(
    (value: unknown, key: string, fail: Fail) =>
      value === false ? false : value === true ? DEFAULT_CONSENT_MODE : wholeMapping(value, key, fail),
    { fallback: DEFAULT_CONSENT_MODE },
  ),
  respectGpc: bool(true),
});

/** edunavigator.kz's defaults for everything the loader uses. A new object per call. */
export const defaultConfig = (): CoreConfig => resolveConfig({}).config;

/**
 * Merges a page's config over the defaults. Each key is checked on its own: a wrong one is
 * reported (which key, what was expected) and only that key falls back to its default.
 * Never throws.
 */
export function resolveConfig(input: unknown): ConfigResult {
  const problems: KelisimError[] = [];
  const fail: Fail = (key, message) => void problems.push({ code: 'config', key, message });
  if (!isObject(input)) {
    if (input != null) fail('config', 'must be an object');
    input = {};
  }
  const given = input as Record<string, unknown>;
  const { texts, layout, controller, ...config } = options(given, '', fail)!;
  const { url, changes, ...policy } = config.policy as CoreConfig['policy'] & DeferredConfig['policy'];
  const result: ConfigResult = { config: { ...config, policy }, deferred: { policy: { url, changes }, texts, layout, controller }, problems };
  if ('policy' in given) {
    // A page's own policy must name its version: the default one is edunavigator's.
    const version = isObject(given.policy) ? given.policy.version : undefined;
    if (typeof version !== 'string' || version !== policy.version) result.fatal = 'policy.version is required';
  } else policy.publishedAt = '2026-06-01';
  // Each category needs an id of its own; a list left with none keeps the defaults.
  const categories = config.categories.filter((c, i, all) => c.id && all.findIndex((other) => other.id === c.id) === i);
  if (categories.length < config.categories.length || !categories.length) fail('categories', 'must be 1 or more, each with an id of its own');
  result.config.categories = categories.length ? categories : DEFAULT_CATEGORIES;
  return result;
}

/**
 * Parses an ISO date or date-time. A bare date (`2026-06-01`) is the start of that day in
 * the visitor's time zone, not UTC midnight, so calendar-day counts match their calendar.
 */
export function parseDate(value: string): Date | null {
  const bare = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  const date = bare ? new Date(+bare[1]!, +bare[2]! - 1, +bare[3]!) : /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : null;
  // 2026-13-45 would roll over into another date; a bare date must read back as written.
  return date && date.getTime() === date.getTime() && (!bare || date.getDate() === +bare[3]! && date.getMonth() === +bare[2]! - 1) ? date : null;
}

/** Reads `<script type="application/json" id="kelisim-config">`; bad JSON is a problem, not an exception. */
export function readPageConfig(doc: Document = document): { value?: unknown; problem?: KelisimError } {
  const script = doc.getElementById('kelisim-config');
  try {
    return { value: script ? JSON.parse(script.textContent!) : undefined };
  } catch (error) {
    return { problem: { code: 'config', key: '#kelisim-config', message: `is not valid JSON: ${(error as Error).message}` } };
  }
}
