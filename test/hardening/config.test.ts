/**
 * Hostile configs, in the page (thousands of runs): the loader's check (`resolveConfig`) and
 * the interface's (`resolveUiConfig`, through the real `prepareContext`) never throw, name
 * every rejected key and only those, keep every valid value, fall back to the default for
 * the rest, never let a link other than https:, http:, mailto: or relative through, and
 * never touch `Object.prototype`. Then the real interface renders hostile texts as text.
 * Full page loads of the real loader: config-pages.test.ts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { resolveConfig } from '../../src/core/config/check.js';
import { parseRecord } from '../../src/core/record/check.js';
import { createSession } from '../../src/core/session/session.js';
import type { CoreConfig, KelisimError } from '../../src/core/types.js';
import { complete, prepareContext } from '../../src/ui/context.js';
import { mount } from '../../src/ui/mount.js';
import { check } from '../support/hardening-check.js';
import { configCase, get, namingErrors, pathOf, type ConfigCase } from '../support/hardening-config.js';
import {
  FLAG,
  HOSTILE_KEYS,
  INHERITED_NAMES,
  TEXT_PAYLOADS,
  anyKey,
  hostileValue,
  markupInjected,
  payloadsRun,
} from '../support/hardening-payloads.js';
import { resetPage, storedRecord, storeRecord, until } from '../support/ui.js';

const DEFAULT_POLICY_URL = 'https://edunavigator.kz/privacy';
const ID = /^[\w-]{1,40}$/;
// A new seed each run, printed with the figures; to replay a failure, put its seed (and path) here.
const seed = Date.now() % 1_000_000;
const figures = { configs: 0, uiConfigs: 0, rendered: 0, executed: 0 };

/** Everything a resolved core config must be, whatever the input: the contract's types and ranges. */
function coreViolations(config: CoreConfig): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => ok || bad.push(what);
  const int = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  check(
    typeof config.policy.version === 'string' && config.policy.version.length >= 1 && config.policy.version.length <= 100,
    'policy.version',
  );
  check(
    config.policy.publishedAt === undefined ||
      (typeof config.policy.publishedAt === 'string' && /^\d{4}-\d\d-\d\d/.test(config.policy.publishedAt)),
    'policy.publishedAt',
  );
  check(int(config.policy.implicitAcceptanceDays, 0, 366), 'policy.implicitAcceptanceDays');
  check(Array.isArray(config.categories) && config.categories.length >= 1 && config.categories.length <= 20, 'categories');
  check(new Set(config.categories.map((c) => c.id)).size === config.categories.length, 'categories: unique ids');
  for (const c of config.categories) {
    check(typeof c.id === 'string' && ID.test(c.id), `category id ${String(c.id)}`);
    for (const flag of ['required', 'gpc', 'adultOnly'] as const)
      check(c[flag] === undefined || typeof c[flag] === 'boolean', `category ${flag}`);
    check(
      c.cookies === undefined || (Array.isArray(c.cookies) && c.cookies.every((p) => typeof p === 'string' && p.length <= 100)),
      'category cookies',
    );
  }
  check(['cookie', 'localStorage'].includes(config.storage), 'storage');
  const { cookie } = config;
  check(typeof cookie.name === 'string' && /^[\w-]{1,64}$/.test(cookie.name), 'cookie.name');
  check(typeof cookie.path === 'string' && /^\/[^;\s]*$/.test(cookie.path), 'cookie.path');
  check(
    cookie.domain === undefined || (typeof cookie.domain === 'string' && /^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(cookie.domain)),
    'cookie.domain',
  );
  check(['Lax', 'Strict', 'None'].includes(cookie.sameSite), 'cookie.sameSite');
  check(cookie.secure === undefined || typeof cookie.secure === 'boolean', 'cookie.secure');
  check(int(cookie.maxAgeDays, 1, 400), 'cookie.maxAgeDays');
  check(int(config.consentMaxAgeDays, 1, 3650), 'consentMaxAgeDays');
  if (config.endpoint !== undefined) {
    const url = new URL(config.endpoint);
    check(
      url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname)),
      `endpoint ${config.endpoint.slice(0, 40)}`,
    );
  }
  check(['auto', 'kk', 'ru', 'en'].includes(config.language), 'language');
  check(typeof config.reopenButton === 'boolean' && typeof config.respectGpc === 'boolean', 'booleans');
  const mode = config.googleConsentMode;
  check(
    mode === false ||
      (typeof mode === 'object' && Object.values(mode).every((types) => Array.isArray(types) && types.every((t) => typeof t === 'string'))),
    'googleConsentMode',
  );
  check(!hasOwnDanger(config), 'a __proto__, constructor or prototype own key, or a foreign prototype');
  return bad;
}

/** Whether any object in `value` has a dangerous own key or a prototype other than Object's or Array's. */
function hasOwnDanger(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return true;
  return Reflect.ownKeys(value).some(
    (key) =>
      key === '__proto__' ||
      key === 'constructor' ||
      key === 'prototype' ||
      hasOwnDanger((value as Record<PropertyKey, unknown>)[key], seen),
  );
}

/** Object.prototype and Array.prototype as they are now: pollution shows as a difference. */
const prototypes = () =>
  JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype),
    Object.getOwnPropertyNames(Array.prototype),
    Object.getOwnPropertyNames(Function.prototype),
  ]);

/** Hostile values under every key the contract knows, at every level. */
const knownKeysHostile = fc.record(
  {
    policy: fc.oneof(
      hostileValue,
      fc.record(
        {
          version: fc.oneof(hostileValue, fc.string({ minLength: 1, maxLength: 100 })),
          publishedAt: hostileValue,
          implicitAcceptanceDays: hostileValue,
          url: hostileValue,
          changes: hostileValue,
        },
        { requiredKeys: [] },
      ),
    ),
    categories: fc.oneof(
      hostileValue,
      fc.array(
        fc.oneof(
          hostileValue,
          fc.record(
            { id: hostileValue, required: hostileValue, gpc: hostileValue, adultOnly: hostileValue, cookies: hostileValue },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 4 },
      ),
    ),
    storage: hostileValue,
    cookie: fc.oneof(
      hostileValue,
      fc.record(
        {
          name: hostileValue,
          domain: hostileValue,
          path: hostileValue,
          sameSite: hostileValue,
          secure: hostileValue,
          maxAgeDays: hostileValue,
        },
        { requiredKeys: [] },
      ),
    ),
    consentMaxAgeDays: hostileValue,
    endpoint: hostileValue,
    language: hostileValue,
    texts: fc.oneof(
      hostileValue,
      fc.dictionary(
        fc.constantFrom('kk', 'ru', 'en', 'xx', '__proto__'),
        fc.oneof(hostileValue, fc.dictionary(fc.oneof(anyKey, fc.constantFrom('bannerTitle', 'acceptAll')), hostileValue, { maxKeys: 4 })),
        { maxKeys: 4 },
      ),
    ),
    layout: hostileValue,
    reopenButton: hostileValue,
    controller: fc.oneof(
      hostileValue,
      fc.record(
        { name: hostileValue, names: hostileValue, bin: hostileValue, address: hostileValue, email: hostileValue },
        { requiredKeys: [] },
      ),
    ),
    googleConsentMode: hostileValue,
    respectGpc: hostileValue,
  },
  { requiredKeys: [] },
);

/** Anything at all, JSON or not: what `Kelisim.init(value)` may be handed. */
const anyInput = fc.oneof(
  fc.anything({
    key: anyKey,
    maxDepth: 3,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
  hostileValue,
  knownKeysHostile,
  knownKeysHostile.map((value) => JSON.parse(JSON.stringify(value)) as unknown),
);

/** The resolved value a kept (valid) input must come out as. */
function expectedKept(path: string, value: unknown): unknown {
  if (path === 'endpoint' || path === 'policy.url') return new URL(value as string, location.href).href;
  if (path === 'googleConsentMode' && value === true) return resolveConfig({}).config.googleConsentMode;
  return value;
}

/** The checked interface config and what its check (`resolveUiConfig`) said, through the real `prepareContext`. */
/** The interface checks in two stages, each with one console line for all its problems: its keys, then the text keys. */
const stagesWithProblems = (reported: KelisimError[]): number => {
  const textKeys = reported.filter((p) => p.message === 'is not a known text key').length;
  return (reported.length > textKeys ? 1 : 0) + (textKeys ? 1 : 0);
};

async function uiCheck(result: ReturnType<typeof resolveConfig>) {
  const reported: KelisimError[] = [];
  const logged: string[] = [];
  const session = createSession(result.config, result.deferred);
  session.report = (error) => void reported.push(error);
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.join(' '));
  try {
    // Both of the interface's stages: its keys when it loads, the text keys once the rest of the texts arrive.
    const context = await complete(await prepareContext(session));
    return { config: context.config, reported, logged };
  } finally {
    console.error = original;
  }
}

describe('the detectors this suite relies on', () => {
  it('find markup parsed from a payload, and count a payload that ran', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    // What a text rendered as HTML would do: exactly what the widget must never do.
    root.innerHTML = `${TEXT_PAYLOADS[0]}<a href="javascript:void 0">x</a>`;
    expect(markupInjected(root)).to.include.members(['<img>', 'img[onerror]', 'a[href=javascript:void 0]']);
    await until(() => payloadsRun(window) === 1, 'the payload to run');
    host.remove();
    delete (window as unknown as Record<string, unknown>)[FLAG];
    expect(payloadsRun(window)).to.equal(0);
  });
});

describe('hostile configs, in the page', () => {
  let before: string;
  beforeEach(() => {
    before = prototypes();
    resetPage();
  });
  afterEach(() => {
    expect(prototypes(), 'Object.prototype, Array.prototype or Function.prototype changed').to.equal(before);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
  after(() => {
    const executed = payloadsRun(window);
    // The figures of this file, for the closing note (docs/hardening.md).
    console.log(
      `kelisim hardening | configs in the page: ${figures.configs} through the loader's check, ${figures.uiConfigs} through the interface's, ${figures.rendered} rendered; payloads executed: ${executed}; seed ${seed}`,
    );
  });

  it('the loader takes any value at all: never throws, always resolves to a config of the right types', async () => {
    await check(
      fc.property(anyInput, (input) => {
        figures.configs++;
        const { config, problems, fatal } = resolveConfig(input);
        const bad = coreViolations(config);
        if (bad.length) throw new Error(`resolved config breaks the contract: ${bad.join(', ')}`);
        for (const problem of problems) {
          // The key as given: an empty key at the top level is named '' (the message still says where).
          if (problem.code !== 'config' || typeof problem.key !== 'string' || typeof problem.message !== 'string' || !problem.message)
            throw new Error(`a problem without a key: ${JSON.stringify(problem)}`);
        }
        if (fatal !== undefined && typeof fatal !== 'string') throw new Error('fatal must be a message');
      }),
      { numRuns: 3000, seed },
    );
  });

  it('the loader names every rejected key, and only those; keeps each valid value; falls back for the rest', async () => {
    await check(
      fc.property(configCase(), (c: ConfigCase) => {
        figures.configs++;
        const { config, problems, fatal } = resolveConfig(c.config);
        if (fatal) throw new Error(`fatal for a config with a version: ${fatal}`);
        const errors = namingErrors(
          c.core,
          problems.map((p) => p.key!),
        );
        if (errors.length) throw new Error(`${errors.join('; ')}\nproblems: ${JSON.stringify(problems.map((p) => p.key))}`);
        for (const { stage, parts, value } of c.kept) {
          if (stage !== 'core') continue;
          const path = pathOf(parts);
          expect(get(config, parts), `kept ${path}`).to.deep.equal(expectedKept(path, value));
        }
        const defaults = resolveConfig({}).config;
        for (const path of c.core) {
          const parts = path.split('.');
          if (
            path in
            {
              storage: 1,
              consentMaxAgeDays: 1,
              language: 1,
              reopenButton: 1,
              respectGpc: 1,
              'cookie.name': 1,
              'cookie.path': 1,
              'cookie.sameSite': 1,
              'cookie.maxAgeDays': 1,
              'policy.implicitAcceptanceDays': 1,
            }
          ) {
            expect(get(config, parts), `default for ${path}`).to.deep.equal(get(defaults, parts));
          }
          if (path === 'endpoint') expect(config.endpoint).to.equal(undefined);
        }
      }),
      { numRuns: 2000, seed },
    );
  });

  it('a page policy without a usable version shows nothing and says so, whatever else it holds', async () => {
    await check(
      fc.property(
        fc.oneof(
          hostileValue.filter((v) => typeof v !== 'string' || !v || v.length > 100),
          fc.constant(undefined),
        ),
        knownKeysHostile,
        (version, rest) => {
          figures.configs++;
          const policy =
            typeof rest.policy === 'object' && rest.policy !== null && !Array.isArray(rest.policy)
              ? { ...rest.policy, version }
              : { version };
          const { fatal } = resolveConfig({ ...rest, policy: JSON.parse(JSON.stringify(policy) ?? '{}') });
          expect(fatal).to.be.a('string');
        },
      ),
      { numRuns: 500, seed },
    );
  });

  it('the interface names every rejected key in one console.error and one report each, keeps valid values, lets only safe links through', async () => {
    await check(
      fc.asyncProperty(configCase(), async (c: ConfigCase) => {
        figures.uiConfigs++;
        const resolved = resolveConfig(c.config);
        const { config, reported, logged } = await uiCheck(resolved);
        const errors = namingErrors(
          c.ui,
          reported.map((p) => p.key!),
        );
        if (errors.length) throw new Error(`${errors.join('; ')}\nreported: ${JSON.stringify(reported.map((p) => p.key))}`);
        expect(logged, 'console.error calls: one per stage with a problem').to.have.length(stagesWithProblems(reported));
        for (const problem of reported) expect(logged.join('\n'), 'a console line names the key').to.include(`- ${problem.key}:`);
        expect(new URL(config.policy.url, location.href).protocol).to.match(/^(https|http|mailto):$/);
        if (c.ui.includes('policy.url')) expect(config.policy.url).to.equal(DEFAULT_POLICY_URL);
        for (const { stage, parts, value } of c.kept) {
          if (stage !== 'ui') continue;
          const path = pathOf(parts);
          const found = path === 'controller' ? config.controller : get(config, parts);
          expect(found, `kept ${path}`).to.deep.equal(expectedKept(path, value));
        }
      }),
      { numRuns: 1500, seed },
    );
  });

  it('the interface takes any value under its keys without throwing', async () => {
    await check(
      fc.asyncProperty(knownKeysHostile, async (input) => {
        figures.uiConfigs++;
        const resolved = resolveConfig({
          ...input,
          policy: { ...(typeof input.policy === 'object' && input.policy !== null ? input.policy : {}), version: '2026-06-01' },
        });
        const { config, reported, logged } = await uiCheck(resolved);
        expect(logged).to.have.length(stagesWithProblems(reported));
        expect(new URL(config.policy.url, location.href).protocol).to.match(/^(https|http|mailto):$/);
        for (const texts of Object.values(config.texts)) for (const text of Object.values(texts ?? {})) expect(text).to.be.a('string');
      }),
      { numRuns: 1000, seed },
    );
  });

  it('a wrong Consent Mode mapping runs on the default mapping: every optional type denied before a choice', async () => {
    // Type slips a site can make: a string for a list, a number for a type, an id with a space.
    const wrong = [
      { marketing: 'ad_storage' },
      { analytics: ['analytics_storage'], marketing: 'ad_storage' },
      { 'bad id!': ['ad_storage'] },
      { analytics: [1] },
      { analytics: null },
    ];
    const failures: string[] = [];
    for (const mapping of wrong) {
      figures.configs++;
      resetPage();
      delete window.dataLayer;
      delete window.gtag;
      const { config, problems } = resolveConfig({ googleConsentMode: mapping });
      const session = createSession(config);
      await session.start();
      const command = (window.dataLayer ?? []).map((args) => Array.from(args as ArrayLike<unknown>)).find(([, kind]) => kind === 'default');
      const state = (command?.[2] ?? {}) as Record<string, unknown>;
      const missing = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'].filter((type) => state[type] !== 'denied');
      if (missing.length)
        failures.push(
          `${JSON.stringify(mapping)} (${problems.map((p) => p.key).join(', ') || 'nothing named'}): not denied before a choice: ${missing.join(', ')}`,
        );
    }
    delete window.dataLayer;
    delete window.gtag;
    expect(failures.length, `\n${failures.join('\n')}\n`).to.equal(0);
  });

  it('the real interface renders hostile texts, names and links as text: payloads visible, none run', async () => {
    const view = fc.constantFrom<'banner' | 'notice' | 'preferences'>('banner', 'notice', 'preferences');
    await check(
      fc.asyncProperty(configCase({ englishOnly: true }), view, fc.constantFrom(...TEXT_PAYLOADS), async (c, which, payload) => {
        figures.rendered++;
        resetPage();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a generated config of any shape
        const page = c.config as Record<string, any>;
        // The keys that reach the screen; storage and network keys are the page-load tests' business.
        const texts = { ...page.texts, en: { ...page.texts?.en, acceptAll: payload, acceptNotice: payload, save: payload } };
        const config = {
          language: 'en',
          policy: { ...page.policy, version: '2026-06-01' },
          texts,
          controller: page.controller,
          layout: page.layout,
          categories: page.categories,
        };
        if (which === 'notice') storeRecord(storedRecord());
        const { config: core, deferred } = resolveConfig(JSON.parse(JSON.stringify(config)));
        const session = createSession(core, deferred, { mount });
        const original = console.error;
        console.error = () => {};
        try {
          await session.start();
          if (which === 'preferences') session.show('preferences');
          const element = await until(() => document.querySelector('kelisim-consent'), 'the element');
          const root = element.renderRoot;
          const shown = await until(() => root.querySelector(`[part~="${which}"]`), `the ${which}`);
          await element.updateComplete;
          const injected = markupInjected(root);
          if (injected.length) throw new Error(`markup from the config was parsed: ${injected.join(', ')}`);
          const button = root.querySelector(
            `[part~="${which === 'banner' ? 'accept-all' : which === 'notice' ? 'accept-notice' : 'save'}"]`,
          );
          expect(button?.textContent, 'the payload, as text').to.equal(payload);
          if (which === 'banner' && c.title) expect(shown.querySelector('h2')?.textContent).to.equal(c.title);
          await new Promise((resolve) => setTimeout(resolve));
          expect(payloadsRun(window), 'payloads run').to.equal(0);
        } finally {
          console.error = original;
          document.querySelectorAll('kelisim-consent').forEach((e) => e.remove());
        }
      }),
      { numRuns: 45, seed },
    );
    figures.executed = payloadsRun(window);
  });
});

/**
 * Keys named after what every object inherits (`valueOf`, `hasOwnProperty`, `toString`…),
 * in every object of the config and of the stored record: each is an unknown key like any
 * other. A schema that looks keys up in a plain object finds a function there instead.
 */
describe('keys named after Object.prototype members', () => {
  const positions: Array<{ where: string; make: (key: string) => unknown; named: (key: string) => string }> = [
    { where: 'top level', make: (key) => ({ [key]: 1 }), named: (key) => key },
    { where: 'policy', make: (key) => ({ policy: { version: '1', [key]: 1 } }), named: (key) => `policy.${key}` },
    { where: 'cookie', make: (key) => ({ cookie: { [key]: 1 } }), named: (key) => `cookie.${key}` },
    {
      where: 'a category',
      make: (key) => ({
        categories: [
          { id: 'necessary', required: true },
          { id: 'a', [key]: 1 },
        ],
      }),
      named: (key) => `categories[1].${key}`,
    },
  ];
  const uiPositions = [
    { where: 'controller', make: (key: string) => ({ controller: { name: 'X', [key]: 1 } }), named: (key: string) => `controller.${key}` },
    {
      where: 'controller.names',
      make: (key: string) => ({ controller: { name: 'X', names: { [key]: 'x' } } }),
      named: (key: string) => `controller.names.${key}`,
    },
  ];
  // Computed keys are own properties, `__proto__` too; JSON keeps them so, as a page's JSON would.
  const json = (make: (key: string) => unknown, key: string) => JSON.parse(JSON.stringify(make(key))) as unknown;

  for (const { where, make, named } of positions) {
    it(`the loader names them in ${where}, never calls or keeps them`, () => {
      const failures: string[] = [];
      for (const key of INHERITED_NAMES) {
        figures.configs++;
        try {
          const { config, problems } = resolveConfig(json(make, key));
          if (!problems.some((p) => p.key === named(key)))
            failures.push(`${key}: not named (${problems.map((p) => p.key).join(', ') || 'no problem'})`);
          if (hasOwnDanger(config) || JSON.stringify(config).includes('[object ')) failures.push(`${key}: kept in the resolved config`);
          else if (coreViolations(config).length) failures.push(`${key}: ${coreViolations(config).join(', ')}`);
          const kept =
            where === 'top level'
              ? config
              : where === 'a category'
                ? config.categories[1]
                : (config as unknown as Record<string, unknown>)[where];
          if (kept && Object.hasOwn(kept, key) && key !== '__proto__') failures.push(`${key}: kept in ${where}`);
        } catch (error) {
          failures.push(`${key}: threw ${String(error)}`);
        }
      }
      expect(failures.length, `\n${failures.join('\n')}\n`).to.equal(0);
    });
  }

  for (const { where, make, named } of uiPositions) {
    it(`the interface names them in ${where}, never calls or keeps them`, async () => {
      const failures: string[] = [];
      for (const key of INHERITED_NAMES) {
        figures.uiConfigs++;
        try {
          const { config, reported } = await uiCheck(resolveConfig(json(make, key)));
          if (!reported.some((p) => p.key === named(key)))
            failures.push(`${key}: not named (${reported.map((p) => p.key).join(', ') || 'no problem'})`);
          const kept = where === 'controller' ? config.controller : config.controller.names;
          if (kept && Object.hasOwn(kept, key) && key !== '__proto__') failures.push(`${key}: kept in ${where}`);
        } catch (error) {
          failures.push(`${key}: threw ${String(error)}`);
        }
      }
      expect(failures.length, `\n${failures.join('\n')}\n`).to.equal(0);
    });
  }

  it('a stored record with them reads as the record it is (unknown top-level keys ignored, nothing kept)', () => {
    const failures: string[] = [];
    const valid = {
      v: 1,
      id: '3f1c2a4e-1111-4222-8333-444455556666',
      policyVersion: '2026-06-01',
      categories: { necessary: true },
      decidedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      policyAcceptedBy: 'button',
      lang: 'en',
    };
    for (const key of INHERITED_NAMES) {
      try {
        const { record, problem } = parseRecord(
          JSON.stringify({ ...valid, __KEY__: 1 }).replace('"__KEY__"', JSON.stringify(key)),
          new Date(),
        );
        if (!record) failures.push(`${key}: a valid record refused (${problem?.message})`);
        else if (Object.hasOwn(record, key) && key !== '__proto__')
          failures.push(`${key}: kept in the record as ${String((record as unknown as Record<string, unknown>)[key])}`);
      } catch (error) {
        failures.push(`${key}: threw ${String(error)}`);
      }
    }
    expect(failures.length, `\n${failures.join('\n')}\n`).to.equal(0);
  });

  it('a category may not be named __proto__: allows("__proto__") would answer with Object.prototype after a refusal', async () => {
    const { config, problems } = resolveConfig({
      categories: [{ id: 'necessary', required: true }, { id: '__proto__' }, { id: 'constructor' }, { id: 'toString' }],
    });
    const session = createSession(config);
    await session.start();
    (await session.actions()).rejectAll();
    const allowed = config.categories.filter((c) => !c.required && session.allows(c.id)).map((c) => c.id);
    resetPage();
    expect(allowed, `allowed after reject-all; problems named: ${JSON.stringify(problems.map((p) => p.key))}`).to.deep.equal([]);
  });
});

// Referenced so a reader of this file sees every hostile key the fuzz draws from.
void HOSTILE_KEYS;
