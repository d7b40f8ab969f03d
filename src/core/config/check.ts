/**
 * The config checker, which the loader imports only for a config this browser has not yet
 * seen clean (see `page.ts`). Nothing else imports it: the interface, the decisions and the
 * stored-choice check share only `schema.ts` and `report.ts` with it. They still share its
 * chunk (`core`): as a chunk of its own, the checker would spare a returning visitor's
 * notice 1.5 KB but cost every first visit 0.3 KB and a request (docs/performance.md).
 */
import { defaults } from './defaults.js';
import type { DeferredConfig, LoadedConfig } from './loaded.js';
import { remember } from '../checked/remember.js';
import { report } from './report.js';
import { bool, ID, int, is, isObject, list, oneOf, record, shape, text, type Check, type Fail } from './schema.js';
import { isTimeZone, writtenDate } from '../policy/dates.js';
import type { CategoryConfig, ConsentModeMapping, CoreConfig, KelisimError, Language, LocalizedText, ServiceConfig } from '../types.js';
import { safeEndpointUrl, safeLinkUrl } from './url.js';

/** The outcome of reading a page's config. */
export interface ConfigResult extends LoadedConfig {
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

/** A text for every language, or one per language. */
const localized: Check<LocalizedText> = (value, key, fail) =>
  typeof value === 'string'
    ? text(500)(value, key, fail)
    : shape<Partial<Record<Language, string>>>({ kk: text(500), ru: text(500), en: text(500) })(value, key, fail);

/** A recipient of data: its country as an ISO 3166-1 alpha-2 code, its notice an https: link. */
const serviceFields = shape<ServiceConfig>({
  name: text(100),
  country: text(2, /^[A-Z]{2}$/),
  purpose: localized,
  url: is<string>('an https: link', (v) => typeof v === 'string' && v.length < 2048 && /^https:\/\/[^\s]+$/.test(v) && !!safeLinkUrl(v)),
  cookies: list(text(100)),
});

/** A service is named and placed, or left out: the preferences list it by name and country. */
const service: Check<ServiceConfig> = (value, key, fail) => {
  const checked = serviceFields(value, key, fail);
  return checked && (!checked.name || !checked.country) ? fail(key, 'needs a name and a country') : checked;
};

const DEFAULTS = defaults();

/**
 * Every key a page's config may hold: its rule and, where it has one, edunavigator.kz's
 * default, in one table. `later` keys belong to the interface, which checks them itself.
 */
const options = shape<CoreConfig & Required<DeferredConfig>>({
  policy: shape({
    version: text(100, /^/, DEFAULTS.policy.version),
    publishedAt: is<string>(
      'an ISO date such as 2026-06-01, or a date-time such as 2026-06-01T10:00:00+05:00',
      (v) => typeof v === 'string' && !!writtenDate(v),
    ),
    implicitAcceptanceDays: int(0, 366, DEFAULTS.policy.implicitAcceptanceDays),
    timeZone: is<string>('an IANA time zone such as Asia/Almaty', (v) => typeof v === 'string' && v.length <= 64 && isTimeZone(v)),
    url: later,
    changes: later,
  }) as Check<CoreConfig['policy']>,
  categories: list(
    shape<CategoryConfig>({
      id: text(40, ID),
      required: bool(),
      gpc: bool(),
      adultOnly: bool(),
      cookies: list(text(100)),
      services: list(service, 30),
    }),
    20,
    DEFAULTS.categories,
  ),
  storage: oneOf(['cookie', 'localStorage'], DEFAULTS.storage),
  cookie: shape({
    name: text(64, /^[\w-]+$/, DEFAULTS.cookie.name),
    domain: text(253, /^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i),
    path: text(200, /^\/[^;\s]*$/, DEFAULTS.cookie.path),
    sameSite: oneOf(['Lax', 'Strict', 'None'], DEFAULTS.cookie.sameSite),
    secure: bool(),
    maxAgeDays: int(1, 400, DEFAULTS.cookie.maxAgeDays),
  }),
  consentMaxAgeDays: int(1, 3650, DEFAULTS.consentMaxAgeDays),
  endpoint: (value, key, fail) =>
    (typeof value === 'string' && value.length < 2048 && safeEndpointUrl(value)) ||
    fail(key, 'must be https: (http: only to localhost) or relative'),
  language: oneOf(['auto', 'kk', 'ru', 'en'], DEFAULTS.language),
  texts: later,
  layout: later,
  reopenButton: bool(DEFAULTS.reopenButton),
  controller: later,
  googleConsentMode: Object.assign(
    (value: unknown, key: string, fail: Fail) =>
      value === false ? false : value === true ? DEFAULTS.googleConsentMode : wholeMapping(value, key, fail),
    { fallback: DEFAULTS.googleConsentMode },
  ),
  respectGpc: bool(DEFAULTS.respectGpc),
  // No default in the loader's config: absent is off.
  reloadOnRevoke: bool(),
});

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
  const { url, changes, ...policy } = config.policy as CoreConfig['policy'] & { url?: unknown; changes?: unknown };
  const result: ConfigResult = { config: { ...config, policy }, deferred: given, problems };
  if ('policy' in given) {
    // A page's own policy must name its version: the default one is edunavigator's.
    const version = isObject(given.policy) ? given.policy.version : undefined;
    if (typeof version !== 'string' || version !== policy.version) result.fatal = 'policy.version is required';
  } else policy.publishedAt = DEFAULTS.policy.publishedAt;
  // Each category needs an id of its own; a list left with none keeps the defaults.
  const categories = config.categories.filter((c, i, all) => c.id && all.findIndex((other) => other.id === c.id) === i);
  if (categories.length < config.categories.length || !categories.length)
    fail('categories', 'must be 1 or more, each with an id of its own');
  result.config.categories = categories.length ? categories : defaults().categories;
  return result;
}

/** edunavigator.kz and its subdomains: the site whose controller and policy are the defaults. */
const HOME = /(^|\.)edunavigator\.kz$/i;

/**
 * A new site's first run: copying the README's first lines leaves edunavigator.kz's
 * controller (BTS Education LLP) and policy link on someone else's site. On any other host
 * (localhost and 127.0.0.1 too: that is where a developer tries it first; an `about:srcdoc`
 * page counts as its parent's host), what to set; nothing on edunavigator.kz or when the
 * page set both.
 */
export function firstRunHint(given: DeferredConfig, host: string): string | undefined {
  if (HOME.test(host)) return;
  const keys: string[] = [];
  if (!isObject(given.controller)) keys.push('controller (name, bin, address, email)');
  if (!(isObject(given.policy) && given.policy.url)) keys.push('policy.url (with policy.version and policy.publishedAt)');
  if (!keys.length) return;
  return `kelisim: ${host} shows edunavigator.kz's own ${keys.map((key) => key.split(' ')[0]).join(' and ')} (BTS Education's). For your own site, set ${keys.join(' and ')} in the config, and texts where your policy says things differently: see "Quick start for your own site" in kelisim's README.`;
}

/** The hint was said on this page. */
let hinted = false;

/**
 * Says the {@link firstRunHint} as one `console.warn`. A warning, not an error: the config
 * is valid, and `kelisim:error` is for what was refused. Said once: this checker runs on a
 * first visit and for a changed config, never again for a config it found clean; and at
 * most once per page.
 */
function firstRun(given: DeferredConfig): void {
  const hint = hinted ? undefined : firstRunHint(given, location.hostname || new URL(document.baseURI).hostname);
  if (hint) console.warn(hint);
  hinted ||= !!hint;
}

/**
 * {@link resolveConfig} for the loader: reports every problem (after `earlier`, the page's
 * unreadable config element), and remembers a clean config (its `json`, from `knownConfig`)
 * so this browser's later page views merge it without this chunk. `null`: the config
 * cannot run, and nothing is shown.
 */
export function checkConfig(input: unknown, json?: string, earlier?: KelisimError): LoadedConfig | null {
  const { config, deferred, problems, fatal } = resolveConfig(input);
  report([
    ...(earlier ? [earlier] : []),
    ...problems,
    ...(fatal ? [{ code: 'config' as const, key: 'policy.version', message: `${fatal}; nothing is shown` }] : []),
  ]);
  if (fatal) return null;
  firstRun(deferred);
  if (json && !problems.length) remember(json);
  return { config, deferred };
}
