/**
 * Hostile configs with an oracle, for test/hardening/config*.test.ts. Each generated case
 * is a page config (as JSON would give it) together with what the widget must do with it:
 * which keys the loader must name as wrong, which the interface must name, and which
 * values it must keep. The rules here are written from the contract (README "Config",
 * SPEC §3), not from the schema, so a schema that drifts from the contract is caught.
 */
import fc from 'fast-check';
import { HOSTILE_KEYS, TEXT_PAYLOADS, URL_PAYLOADS, hostileValue, hugeString, isInherited } from './hardening-payloads.js';

/** Which checking stage names a key: the loader (every page view) or the interface (when it shows). */
export type Stage = 'core' | 'ui';

export interface ConfigCase {
  /** The page's config, a JSON round trip away from what `<script id="kelisim-config">` gives. */
  config: Record<string, unknown>;
  /** Paths the loader must name (a problem's key is the path, or under it). */
  core: string[];
  /** Paths the interface must name. */
  ui: string[];
  /** Valid values the resolved config must keep, by path (`['texts', 'en', 'bannerTitle']`). */
  kept: Array<{ stage: Stage; parts: string[]; value: unknown }>;
  /** The text shown as the banner's title, when the case sets one for `en`. */
  title?: string;
}

interface Choice {
  value: unknown;
  valid: boolean;
}

/** A value that is valid (kept) or not (named), or absent. */
const choose = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>, omit = true): fc.Arbitrary<Choice | null> =>
  fc.oneof(
    { weight: omit ? 1 : 0, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: valid.map((value): Choice | null => ({ value, valid: true })) },
    { weight: 2, arbitrary: invalid.map((value): Choice | null => ({ value, valid: false })) },
  );

/** Hostile values that fail a rule. */
const failing = (isValid: (value: unknown) => boolean) => hostileValue.filter((value) => !isValid(value));

const isInt = (min: number, max: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isOneOf =
  (...options: unknown[]) =>
  (v: unknown) =>
    options.includes(v);
const isBool = (v: unknown) => typeof v === 'boolean';

/** Any text, payloads first: where text is allowed, a payload is valid text. */
const anyText = (max: number) =>
  fc
    .oneof(fc.constantFrom(...TEXT_PAYLOADS), fc.string({ minLength: 1, maxLength: Math.min(max, 60) }))
    .filter((s) => s.length >= 1 && s.length <= max);

/** Category ids the contract allows: letters, digits, `_` and `-`, 1–40; never a name objects inherit. */
const categoryId = fc.stringMatching(/^[a-z][\w-]{0,15}$/).filter((id) => !isInherited(id) && id !== 'unknown-id');

const validCategories = fc.uniqueArray(categoryId, { minLength: 1, maxLength: 6 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.record(
        {
          id: fc.constant(id),
          required: fc.boolean(),
          gpc: fc.boolean(),
          adultOnly: fc.boolean(),
          cookies: fc.array(fc.constantFrom('_ga', '_ga_*', 'tmr_*', '<b>'), { maxLength: 3 }),
        },
        { requiredKeys: ['id'] },
      ),
    ),
  ),
);

const invalidCategories = fc.oneof(
  failing((v) => Array.isArray(v)),
  fc.constant([]),
  fc.constant([{ id: 'a' }, { id: 'a' }]),
  fc.constantFrom(...TEXT_PAYLOADS).map((id) => [{ id: 'necessary', required: true }, { id }]),
  fc.constant([{ id: 'ok', required: 'yes' }]),
  fc.constant(Array.from({ length: 21 }, (_, i) => ({ id: `c${i}` }))),
);

/** Text keys the built-in texts have (the interface refuses others). */
export const TEXT_KEYS = [
  'bannerTitle',
  'bannerIntro',
  'acceptAll',
  'rejectAll',
  'choose',
  'policyLink',
  'summaryWhoTitle',
  'summaryWho',
  'preferencesTitle',
  'save',
  'withdraw',
  'noticeTitle',
  'acceptNotice',
  'reopenLabel',
];

export interface CaseOptions {
  /** Only languages that keep `<html lang="en">` in force (page loads: the banner must speak English). */
  englishOnly?: boolean;
  /** The one valid endpoint (page loads: a loopback one, so no request leaves the machine). */
  endpoint?: string;
  /**
   * Absolute policy links only. The page loads run in `srcdoc` frames, whose address
   * (`about:srcdoc`) no relative link resolves against: the widget refuses those there.
   */
  absoluteLinks?: boolean;
}

/** One config case: every key absent, valid or hostile, on its own. */
export function configCase(options: CaseOptions = {}): fc.Arbitrary<ConfigCase> {
  const lang = options.englishOnly ? fc.constant('en') : fc.constantFrom('en', 'ru', 'kk');
  const spec: Record<string, [Stage, fc.Arbitrary<Choice | null>]> = {
    'policy.publishedAt': [
      'core',
      choose(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        failing((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v)),
      ),
    ],
    'policy.implicitAcceptanceDays': ['core', choose(fc.integer({ min: 0, max: 366 }), failing(isInt(0, 366)))],
    'policy.url': [
      'ui',
      choose(
        fc.constantFrom(
          'https://example.kz/privacy',
          'mailto:dpo@example.kz',
          'http://example.kz/p?q=<script>',
          ...(options.absoluteLinks ? [] : ['/privacy#top', 'privacy.html']),
        ),
        fc.oneof(
          fc.constantFrom(...URL_PAYLOADS),
          failing((v) => typeof v === 'string'),
          hugeString,
        ),
      ),
    ],
    'policy.changes': [
      'ui',
      choose(
        fc.dictionary(fc.constantFrom('kk', 'ru', 'en'), fc.array(anyText(500), { maxLength: 5 }), { maxKeys: 3 }),
        fc.oneof(
          failing((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
          fc.constant({ en: 'one line' }),
          fc.constant({ xx: ['line'] }),
          hugeString.map((s) => ({ en: [s] })),
        ),
      ),
    ],
    categories: ['core', choose(validCategories, invalidCategories)],
    storage: ['core', choose(fc.constantFrom('cookie', 'localStorage'), failing(isOneOf('cookie', 'localStorage')))],
    'cookie.name': [
      'core',
      choose(
        fc.constantFrom('kelisim_consent', 'site-consent'),
        fc.oneof(
          fc.constantFrom('a;b', 'a=b', 'a b', '', ...TEXT_PAYLOADS),
          failing((v) => typeof v === 'string'),
        ),
      ),
    ],
    'cookie.domain': [
      'core',
      choose(
        fc.constantFrom('example.kz', '.example.kz'),
        fc.oneof(
          fc.constantFrom('localhost', 'exa mple.kz', 'a;b.kz', ...TEXT_PAYLOADS),
          failing((v) => typeof v === 'string'),
        ),
      ),
    ],
    'cookie.path': [
      'core',
      choose(
        fc.constantFrom('/', '/app'),
        fc.oneof(
          fc.constantFrom('app', '/a;b', '/a b', ...URL_PAYLOADS),
          failing((v) => typeof v === 'string'),
        ),
      ),
    ],
    'cookie.sameSite': ['core', choose(fc.constantFrom('Lax', 'Strict', 'None'), failing(isOneOf('Lax', 'Strict', 'None')))],
    'cookie.secure': ['core', choose(fc.boolean(), failing(isBool))],
    'cookie.maxAgeDays': ['core', choose(fc.integer({ min: 1, max: 400 }), failing(isInt(1, 400)))],
    consentMaxAgeDays: ['core', choose(fc.integer({ min: 1, max: 3650 }), failing(isInt(1, 3650)))],
    endpoint: [
      'core',
      choose(
        options.endpoint
          ? fc.constant(options.endpoint)
          : fc.constantFrom('https://consent.example.kz/v1/events', '/v1/events', 'http://127.0.0.1:9/v1/events'),
        fc.oneof(
          fc.constantFrom('http://example.kz/v1/events', ...URL_PAYLOADS),
          failing((v) => typeof v === 'string'),
          hugeString.map((s) => `https://example.kz/${s}`),
        ),
      ),
    ],
    language: [
      'core',
      choose(
        options.englishOnly ? fc.constantFrom('auto', 'en') : fc.constantFrom('auto', 'kk', 'ru', 'en'),
        fc.oneof(
          fc.constantFrom('xx', 'EN', 'kk-KZ', 'de', '__proto__', ...TEXT_PAYLOADS),
          failing((v) => typeof v === 'string'),
        ),
      ),
    ],
    layout: ['ui', choose(fc.constantFrom('bar', 'box', 'modal'), failing(isOneOf('bar', 'box', 'modal')))],
    reopenButton: ['core', choose(fc.boolean(), failing(isBool))],
    googleConsentMode: [
      'core',
      choose(
        fc.oneof(fc.boolean(), fc.constant({ analytics: ['analytics_storage'], marketing: ['ad_storage'] })),
        fc.oneof(
          failing((v) => typeof v === 'boolean' || (typeof v === 'object' && v !== null)),
          fc.constant({ analytics: 'analytics_storage' }),
          fc.constant({ 'bad id!': [] }),
          fc.constant({ a: [1] }),
        ),
      ),
    ],
    respectGpc: ['core', choose(fc.boolean(), failing(isBool))],
  };

  /** Texts: each entry valid or not, on its own; payloads are valid text. */
  const texts = fc.array(
    fc.oneof(
      fc
        .tuple(lang, fc.constantFrom(...TEXT_KEYS), anyText(2000))
        .map(([l, key, value]) => ({ parts: ['texts', l, key], value, valid: true })),
      fc
        .tuple(
          lang,
          fc.constantFrom(...TEXT_KEYS),
          fc.oneof(
            failing((v) => typeof v === 'string'),
            fc.constant(''),
            hugeString,
          ),
        )
        .map(([l, key, value]) => ({ parts: ['texts', l, key], value, valid: false })),
      fc
        .tuple(lang, fc.constantFrom('notAKey', 'onerror', '<img>', 'a b', 'constructor', '__proto__', 'category.unknown-id.name'))
        .map(([l, key]) => ({ parts: ['texts', l, key], value: 'x', valid: false })),
      fc
        .constantFrom('xx', 'EN', '__proto__', 'constructor')
        .map((l) => ({ parts: ['texts', l], value: { bannerTitle: 'x' } as unknown, valid: false })),
    ),
    { maxLength: 6 },
  );

  /** The controller: a whole object (name required), each field valid or not; or not an object at all. */
  const controller = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    {
      weight: 3,
      arbitrary: fc.record({
        name: choose(
          anyText(200),
          fc.oneof(
            failing((v) => typeof v === 'string'),
            fc.constant(''),
            hugeString,
          ),
          false,
        ),
        bin: choose(fc.constant('123456789012'), fc.constantFrom('12345', 'abcdefghijkl', `${TEXT_PAYLOADS[0]}`, 123456789012)),
        address: choose(
          anyText(300),
          fc.oneof(
            failing((v) => typeof v === 'string'),
            hugeString,
          ),
        ),
        email: choose(fc.constantFrom('dpo@example.kz'), fc.constantFrom('not an email', '<a@b>', `javascript:x@y`.replace(':', ' '), 5)),
        extra: fc.option(fc.constantFrom(...HOSTILE_KEYS.filter((k) => k.length < 80 && k.trim())), { nil: null }),
      }),
    },
    { weight: 1, arbitrary: failing((v) => typeof v === 'object' && v !== null && !Array.isArray(v)).map((value) => ({ whole: value })) },
  );

  /** Keys nobody knows, at the top, in `policy` and in `cookie`. */
  const unknown = fc.array(
    fc.tuple(
      fc.constantFrom('', 'policy', 'cookie'),
      fc.constantFrom(...HOSTILE_KEYS.filter((k) => k.length < 80 && k.trim()), 'extra', 'Storage'),
    ),
    { maxLength: 3 },
  );

  const names = Object.keys(spec);
  return fc
    .tuple(fc.tuple(...names.map((name) => spec[name]![1])), texts, controller, unknown, fc.string({ minLength: 1, maxLength: 100 }))
    .map(([choices, textEntries, ctrl, extras, version]) => {
      const config: Record<string, unknown> = { policy: { version } };
      const result: ConfigCase = { config, core: [], ui: [], kept: [] };
      const add = (stage: Stage, parts: string[], value: unknown, valid: boolean) => {
        if (has(config, parts)) return; // one value per path
        set(config, parts, value);
        if (valid) result.kept.push({ stage, parts, value });
        else result[stage].push(pathOf(parts));
      };
      names.forEach((name, i) => {
        const choice = choices[i];
        if (choice) add(spec[name]![0], name.split('.'), choice.value, choice.valid);
      });
      for (const entry of textEntries) add('ui', entry.parts, entry.value, entry.valid);
      if (ctrl && 'whole' in ctrl) add('ui', ['controller'], ctrl.whole, false);
      else if (ctrl) {
        const given: Record<string, unknown> = {};
        let valid = true;
        for (const field of ['name', 'bin', 'address', 'email'] as const) {
          const choice = ctrl[field];
          if (!choice) continue;
          given[field] = choice.value;
          if (!choice.valid) {
            valid = false;
            result.ui.push(`controller.${field}`);
          }
        }
        if (!('name' in given)) {
          valid = false;
          result.ui.push('controller.name');
        }
        if (ctrl.extra !== null) {
          set(given, [ctrl.extra], 'x');
          result.ui.push(pathOf(['controller', ctrl.extra]));
          valid = false;
        }
        config.controller = given;
        if (valid) result.kept.push({ stage: 'ui', parts: ['controller'], value: given });
      }
      for (const [where, key] of extras) add('core', where ? [where, key] : [key], 1, false);
      const title = (config.texts as Record<string, Record<string, unknown>> | undefined)?.en?.bannerTitle;
      if (typeof title === 'string' && result.kept.some((k) => pathOf(k.parts) === 'texts.en.bannerTitle')) result.title = title;
      // The config as a page gives it: through JSON, where `__proto__` is an own key like any other.
      result.config = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
      return result;
    });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A path as problems name it: parts joined with dots, each cut at 80 characters. */
export const pathOf = (parts: string[]): string => parts.map((part) => part.slice(0, 80)).join('.');

/** Sets a path, creating plain objects on the way; `__proto__` as an own key, never the prototype. */
function set(target: Record<string, unknown>, parts: string[], value: unknown): void {
  let at = target;
  const own = (object: Record<string, unknown>, key: string, v: unknown) =>
    Object.defineProperty(object, key, { value: v, enumerable: true, writable: true, configurable: true });
  for (const part of parts.slice(0, -1)) {
    if (!Object.hasOwn(at, part) || !isPlainObject(at[part])) own(at, part, {});
    at = at[part] as Record<string, unknown>;
  }
  own(at, parts.at(-1)!, value);
}

function has(target: Record<string, unknown>, parts: string[]): boolean {
  let at: unknown = target;
  for (const part of parts) {
    if (!isPlainObject(at) || !Object.hasOwn(at, part)) return false;
    at = at[part];
  }
  return true;
}

/** Reads a path from a resolved config; own properties only. */
export function get(target: unknown, parts: string[]): unknown {
  let at = target;
  for (const part of parts) at = isPlainObject(at) && Object.hasOwn(at, part) ? at[part] : undefined;
  return at;
}

/**
 * Whether the problems name exactly the expected paths: each expected path by a problem at
 * it or under it, and no problem outside them. Returns what is wrong, or an empty list.
 */
export function namingErrors(expected: string[], problemKeys: string[]): string[] {
  const errors: string[] = [];
  const under = (key: string, path: string) => key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`);
  for (const path of expected) if (!problemKeys.some((key) => under(key, path))) errors.push(`not named: ${path}`);
  for (const key of problemKeys) if (!expected.some((path) => under(key, path))) errors.push(`named but valid: ${key}`);
  return errors;
}
