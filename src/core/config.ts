import { bool, int, is, isObject, list, oneOf, record, shape, text, type Check, type Fail } from './schema.js';

/** Accepts any value as it is: for keys that another chunk checks. */
const later: Check = (value) => value;
import type { CategoryConfig, CoreConfig, KelisimError, Language } from './types.js';
import { safeEndpointUrl } from './url.js';

/** The languages with built-in texts, in the order the language switch shows them. */
export const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

/** Category ids: short, and safe in a CSS selector, an attribute and a cookie value. */
export const ID = /^[\w-]{1,40}$/;

/**
 * edunavigator.kz's defaults for what the loader uses: the policy in force, the purposes
 * of clauses 2.1 and 4.2 as categories. A new object per call, so a page cannot change them.
 */
export function defaultConfig(): CoreConfig {
  return {
    policy: { version: '2026-06-01', publishedAt: '2026-06-01', implicitAcceptanceDays: 7 },
    categories: [
      { id: 'necessary', required: true },
      { id: 'analytics', cookies: ['_ga', '_ga_*', '_gid', '_gat*', '_ym*'] },
      { id: 'marketing', gpc: true, adultOnly: true, cookies: ['_fbp', '_gcl_*', 'tmr_*'] },
      { id: 'partners', gpc: true, adultOnly: true },
    ],
    storage: 'cookie',
    cookie: { name: 'kelisim_consent', path: '/', sameSite: 'Lax', maxAgeDays: 365 },
    consentMaxAgeDays: 365,
    language: 'auto',
    reopenButton: true,
    googleConsentMode: {
      necessary: ['functionality_storage', 'security_storage'],
      analytics: ['analytics_storage'],
      marketing: ['ad_storage', 'ad_user_data', 'ad_personalization', 'personalization_storage'],
    },
    respectGpc: true,
  };
}

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
  /** The interface's keys, unchecked: `resolveUiConfig` checks them when the interface loads. */
  deferred: DeferredConfig;
  /** One entry per rejected key; that key fell back to its default. */
  problems: KelisimError[];
  /** Set when the config cannot run at all: nothing is shown. */
  fatal?: string;
}

const strings = (max: number) => list(is<string>(`a string of at most ${max} characters`, (v) => typeof v === 'string' && v.length <= max));

/** What each key of a page's config may hold; `later` keys are the interface's to check. */
const options = shape<Record<keyof CoreConfig | keyof DeferredConfig, unknown>>({
  policy: shape({
    version: text(100),
    publishedAt: is<string>('an ISO date such as 2026-06-01', (v) => typeof v === 'string' && !!parseDate(v)),
    implicitAcceptanceDays: int(0, 366),
    url: later,
    changes: later,
  }),
  categories: list(
    shape<CategoryConfig>({ id: text(40, ID), required: bool, gpc: bool, adultOnly: bool, cookies: list(text(100)) }),
    20,
  ),
  storage: oneOf('cookie', 'localStorage'),
  cookie: shape({
    name: text(64, /^[\w-]+$/),
    domain: text(253, /^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i),
    path: text(200, /^\/[^;\s]*$/),
    sameSite: oneOf('Lax', 'Strict', 'None'),
    secure: bool,
    maxAgeDays: int(1, 400),
  }),
  consentMaxAgeDays: int(1, 3650),
  endpoint: (value, key, fail) =>
    (typeof value === 'string' && value.length < 2048 && safeEndpointUrl(value)) ||
    fail(key, 'must be https: (http: only to localhost) or relative'),
  language: oneOf('auto', 'kk', 'ru', 'en'),
  texts: later,
  layout: later,
  reopenButton: bool,
  controller: later,
  googleConsentMode: (value, key, fail) =>
    typeof value === 'boolean' ? value : record(ID, strings(64))(value, key, fail),
  respectGpc: bool,
});

/**
 * Merges a page's config over the defaults. Each key is checked on its own: a wrong one is
 * reported (which key, what was expected) and only that key falls back to its default.
 * Never throws.
 */
export function resolveConfig(input: unknown): ConfigResult {
  const config = defaultConfig();
  const deferred: DeferredConfig = {};
  const problems: KelisimError[] = [];
  const result = { config, deferred, problems };
  const fail: Fail = (key, message) => void problems.push({ code: 'config', key, message });
  if (input == null) return result;
  if (!isObject(input)) return fail('config', 'must be an object'), result;
  const { policy, cookie, texts, layout, controller, googleConsentMode, ...plain } = options(input, '', fail) as Partial<CoreConfig & DeferredConfig>;
  if ('policy' in input) {
    // A page's own policy must name its version: the default version is edunavigator's.
    if (!policy?.version) return { ...result, fatal: 'policy.version is required' };
    const { url, changes, ...core } = policy as CoreConfig['policy'] & DeferredConfig['policy'];
    config.policy = { implicitAcceptanceDays: 7, ...(core as Partial<CoreConfig['policy']>), version: core.version };
    deferred.policy = { url, changes };
  }
  // Each category needs an id of its own; a list left with none keeps the defaults.
  const given = plain.categories;
  const categories = given?.filter((c, i) => c.id && given.findIndex((other) => other.id === c.id) === i);
  if (given && (categories!.length < given.length || !given.length)) fail('categories', 'must be 1 or more, each with an id of its own');
  if (categories?.length) plain.categories = categories;
  else delete plain.categories;
  Object.assign(config, plain);
  Object.assign(config.cookie, cookie);
  if (googleConsentMode === false || isObject(googleConsentMode)) config.googleConsentMode = googleConsentMode;
  Object.assign(deferred, { texts, layout, controller });
  return result;
}

/**
 * Parses an ISO date or date-time. A bare date (`2026-06-01`) is the start of that day in
 * the visitor's time zone, not UTC midnight, so calendar-day counts match their calendar.
 */
export function parseDate(value: string): Date | null {
  const bare = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  const date = bare ? new Date(+bare[1]!, +bare[2]! - 1, +bare[3]!) : /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : null;
  return date && date.getTime() === date.getTime() ? date : null;
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
