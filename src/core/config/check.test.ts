import { expect } from '@open-wc/testing';
import { resolveConfig } from './check.js';
import { defaults } from './defaults.js';
import { checkConfig } from './check.js';
import { CHECKED_KEY, checkedFingerprints } from '../checked/known.js';
import { knownConfig, mergeChecked, readPageConfig } from './page.js';

const keys = (input: unknown) => resolveConfig(input).problems.map((p) => p.key);

describe('resolveConfig', () => {
  it('checks each service of a category, and leaves out one without a name or a country', () => {
    const services = [
      {
        name: 'Google Analytics',
        country: 'US',
        url: 'https://policies.google.com/privacy',
        purpose: { en: 'Statistics' },
        cookies: ['_ga'],
      },
      { name: 'Nameless' },
      { country: 'RU' },
      { name: 'Bad', country: 'usa' },
      { name: 'Link', country: 'US', url: 'http://example.com' },
    ];
    const { config, problems } = resolveConfig({
      categories: [
        { id: 'necessary', required: true },
        { id: 'analytics', services },
      ],
    });
    expect(problems.map((p) => p.key)).to.deep.equal([
      'categories[1].services[1]',
      'categories[1].services[2]',
      'categories[1].services[3].country',
      'categories[1].services[3]',
      'categories[1].services[4].url',
    ]);
    expect(config.categories[1]!.services).to.deep.equal([services[0], { name: 'Link', country: 'US' }]);
  });

  it('gives the edunavigator defaults without a config', () => {
    const { config, problems } = resolveConfig(undefined);
    expect(problems).to.deep.equal([]);
    expect(config).to.deep.equal(defaults());
    expect(config.categories.map((c) => c.id)).to.deep.equal(['necessary', 'analytics', 'marketing', 'partners']);
    expect(config.categories.find((c) => c.id === 'partners')).to.include({ gpc: true, adultOnly: true });
    expect(config.cookie).to.deep.equal({ name: 'kelisim_consent', path: '/', sameSite: 'Lax', maxAgeDays: 365 });
  });

  it('merges a valid config over the defaults and keeps the interface keys for the interface', () => {
    const { config, deferred, problems } = resolveConfig({
      policy: { version: '2027-01-01', publishedAt: '2027-01-01', url: '/privacy', changes: { en: ['New partner'] } },
      storage: 'localStorage',
      cookie: { name: 'consent', domain: '.example.kz' },
      endpoint: 'https://collector.example.kz/v1/events',
      layout: 'box',
      texts: { en: { acceptAll: 'OK' } },
    });
    expect(problems).to.deep.equal([]);
    expect(config.policy).to.deep.equal({ version: '2027-01-01', publishedAt: '2027-01-01', implicitAcceptanceDays: 7 });
    expect(config.storage).to.equal('localStorage');
    expect(config.cookie).to.include({ name: 'consent', domain: '.example.kz', path: '/', sameSite: 'Lax' });
    expect(config.endpoint).to.equal('https://collector.example.kz/v1/events');
    expect(deferred).to.deep.include({ layout: 'box', texts: { en: { acceptAll: 'OK' } } });
    expect(deferred.policy).to.deep.include({ url: '/privacy', changes: { en: ['New partner'] } });
  });

  it('a page policy does not inherit the default publication date', () => {
    expect(resolveConfig({ policy: { version: 'v9' } }).config.policy).to.deep.equal({ version: 'v9', implicitAcceptanceDays: 7 });
  });

  it('names the key and the reason, and falls back for that key alone', () => {
    const { config, problems } = resolveConfig({
      consentMaxAgeDays: 'a year',
      storage: 'indexedDB',
      cookie: { name: 'bad name;', sameSite: 'lax', path: '/app' },
      respectGpc: false,
    });
    expect(problems.map((p) => [p.code, p.key])).to.deep.equal([
      ['config', 'consentMaxAgeDays'],
      ['config', 'storage'],
      ['config', 'cookie.name'],
      ['config', 'cookie.sameSite'],
    ]);
    expect(problems[0]!.message).to.equal('must be a whole number from 1 to 3650');
    expect(problems[1]!.message).to.equal('must be one of cookie, localStorage');
    expect(config.consentMaxAgeDays).to.equal(365);
    expect(config.storage).to.equal('cookie');
    expect(config.cookie).to.include({ name: 'kelisim_consent', sameSite: 'Lax', path: '/app' });
    expect(config.respectGpc).to.equal(false);
  });

  it('reports unknown keys, at any depth', () => {
    expect(keys({ colour: 'red', cookie: { expires: 3 }, policy: { version: '1', tos: 'x' } })).to.deep.equal([
      'colour',
      'cookie.expires',
      'policy.tos',
    ]);
  });

  it('rejects javascript: and other unsafe schemes for the endpoint', () => {
    for (const endpoint of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/plain,x',
      'http://collector.example.kz/',
      'ftp://x.kz/',
    ]) {
      const { config, problems } = resolveConfig({ endpoint });
      expect(
        problems.map((p) => p.key),
        endpoint,
      ).to.deep.equal(['endpoint']);
      expect(config.endpoint, endpoint).to.equal(undefined);
    }
  });

  it('allows plain http only to the loopback host, and relative paths', () => {
    expect(resolveConfig({ endpoint: 'http://127.0.0.1:8787/v1/events' }).config.endpoint).to.equal('http://127.0.0.1:8787/v1/events');
    expect(resolveConfig({ endpoint: 'http://localhost/v1/events' }).problems).to.deep.equal([]);
    expect(resolveConfig({ endpoint: '/v1/events' }).config.endpoint).to.equal(`${location.origin}/v1/events`);
  });

  it('never lets __proto__ or constructor through', () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": true}, "cookie": {"__proto__": {"polluted": true}}, "constructor": {"prototype": {"polluted": true}}}',
    );
    const { config, problems } = resolveConfig(input);
    expect(problems.map((p) => p.key)).to.deep.equal(['__proto__', 'cookie.__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((config.cookie as unknown as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('checks categories item by item and requires unique ids', () => {
    const { config, problems } = resolveConfig({
      categories: [{ id: 'necessary', required: true }, { id: 'stats', cookies: ['_ga*'] }, { id: 'stats' }, { id: 'bad id!' }, 'x'],
    });
    expect(config.categories).to.deep.equal([
      { id: 'necessary', required: true },
      { id: 'stats', cookies: ['_ga*'] },
    ]);
    expect(problems.map((p) => p.key)).to.include.members(['categories[3].id', 'categories[4]', 'categories']);
  });

  it('keeps the default categories when none of the given ones is usable', () => {
    const { config, problems } = resolveConfig({ categories: [] });
    expect(config.categories).to.deep.equal(defaults().categories);
    expect(problems.map((p) => p.key)).to.deep.equal(['categories']);
  });

  it('accepts Consent Mode as true, false or a mapping', () => {
    expect(resolveConfig({ googleConsentMode: true }).config.googleConsentMode).to.deep.equal(defaults().googleConsentMode);
    expect(resolveConfig({ googleConsentMode: false }).config.googleConsentMode).to.equal(false);
    expect(resolveConfig({ googleConsentMode: { analytics: ['analytics_storage'] } }).config.googleConsentMode).to.deep.equal({
      analytics: ['analytics_storage'],
    });
    expect(keys({ googleConsentMode: 'yes' })).to.deep.equal(['googleConsentMode']);
  });

  it('takes a Consent Mode mapping whole or not at all, so no type escapes the denied default', () => {
    const { config, problems } = resolveConfig({ googleConsentMode: { analytics: ['analytics_storage'], marketing: 'ad_storage' } });
    expect(problems.map((p) => p.key)).to.deep.equal(['googleConsentMode.marketing']);
    expect(config.googleConsentMode).to.deep.equal(defaults().googleConsentMode);
  });

  it('does not take a key named after an Object method for a known one', () => {
    const { config, problems } = resolveConfig({ valueOf: 1, toString: 'x', policy: { hasOwnProperty: 2, version: 'v1' } });
    expect(problems.map((p) => p.key)).to.deep.equal(['valueOf', 'toString', 'policy.hasOwnProperty']);
    expect(config).not.to.have.own.property('toString');
  });

  it('refuses __proto__ as a category id', () => {
    const { config, problems } = resolveConfig({ categories: [{ id: 'necessary', required: true }, { id: '__proto__' }] });
    expect(config.categories.map((c) => c.id)).to.deep.equal(['necessary']);
    expect(problems.map((p) => p.key)).to.include('categories[1].id');
  });

  it('cannot run a page policy without its version: fatal, said plainly', () => {
    const result = resolveConfig({ policy: { url: 'https://example.kz/privacy' } });
    expect(result.fatal).to.match(/policy\.version is required/);
    expect(resolveConfig({ policy: { version: '' } }).fatal).to.be.a('string');
  });

  it('does not throw on any top-level value', () => {
    for (const input of [null, 0, 'config', [], true, () => 1, Symbol('s')]) {
      expect(() => resolveConfig(input)).not.to.throw();
    }
    expect(keys('config')).to.deep.equal(['config']);
  });

  it('bounds huge strings', () => {
    expect(keys({ policy: { version: 'v'.repeat(101) } })).to.deep.equal(['policy.version']);
  });
});

describe('readPageConfig', () => {
  afterEach(() => document.getElementById('kelisim-config')?.remove());

  const place = (json: string) => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = 'kelisim-config';
    script.textContent = json;
    document.body.append(script);
  };

  it('reads the JSON config element', () => {
    place('{"layout":"box"}');
    expect(readPageConfig()).to.deep.equal({ value: { layout: 'box' } });
  });

  it('turns bad JSON into a named problem', () => {
    place('{layout: box}');
    const { problem } = readPageConfig();
    expect(problem).to.include({ code: 'config', key: '#kelisim-config' });
  });

  it('is empty without the element', () => {
    expect(readPageConfig()).to.deep.equal({ value: undefined });
  });
});

describe('a config checked once in this browser', () => {
  beforeEach(() => localStorage.removeItem(CHECKED_KEY));
  afterEach(() => localStorage.removeItem(CHECKED_KEY));

  /** Clean configs of every kind the merge handles: each must merge exactly as the checker resolves it. */
  const CLEAN: unknown[] = [
    undefined,
    {},
    { policy: { version: 'v2' } },
    {
      policy: {
        version: '2027-01-01',
        publishedAt: '2027-01-01T09:00:00+05:00',
        implicitAcceptanceDays: 0,
        url: '/p',
        changes: { kk: ['Жаңа'] },
      },
    },
    {
      categories: [
        { id: 'necessary', required: true },
        { id: 'stats', cookies: ['_pk_*'] },
      ],
    },
    { storage: 'localStorage', cookie: { name: 'c', domain: '.example.kz', secure: true, maxAgeDays: 30 } },
    { consentMaxAgeDays: 180, language: 'ru', reopenButton: false, respectGpc: false },
    { endpoint: '/v1/events' },
    { endpoint: 'v1/events' },
    { endpoint: 'https://collector.example.kz/v1/events' },
    { googleConsentMode: false },
    { googleConsentMode: true },
    { googleConsentMode: { analytics: ['analytics_storage'] } },
    { texts: { en: { acceptAll: 'OK' } }, layout: 'modal', controller: { name: 'X LLP' } },
  ];

  it('merges each clean config exactly as the checker resolves it', () => {
    for (const input of CLEAN) {
      const checked = resolveConfig(input);
      expect(checked.problems, JSON.stringify(input)).to.deep.equal([]);
      expect(mergeChecked(JSON.parse(JSON.stringify(input ?? {}))).config, JSON.stringify(input)).to.deep.equal(checked.config);
    }
  });

  it('is merged without the checker on the next page view, and only then', () => {
    const input = { policy: { version: 'v2' }, endpoint: '/v1/events' };
    const first = knownConfig(input);
    expect(first.known).to.equal(undefined);
    expect(checkConfig(input, first.json)).to.deep.equal({ config: resolveConfig(input).config, deferred: input });
    const again = knownConfig(JSON.parse(JSON.stringify(input)));
    expect(again.json).to.equal(first.json);
    expect(again.known!.config).to.deep.equal(resolveConfig(input).config);
    // Any change to the config is a new fingerprint, checked again.
    expect(knownConfig({ ...input, endpoint: '/v2/events' }).known).to.equal(undefined);
  });

  it('never remembers a config with a problem, or one that cannot run', () => {
    const errors: unknown[] = [];
    const listener = (event: Event) => errors.push((event as CustomEvent).detail);
    document.addEventListener('kelisim:error', listener);
    const original = console.error;
    console.error = () => {};
    try {
      const wrong = { storage: 'disk' };
      expect(checkConfig(wrong, knownConfig(wrong).json)).to.not.equal(null);
      const fatal = { policy: { url: '/p' } };
      expect(checkConfig(fatal, knownConfig(fatal).json)).to.equal(null);
    } finally {
      console.error = original;
      document.removeEventListener('kelisim:error', listener);
    }
    expect(checkedFingerprints()).to.deep.equal([]);
    expect(errors.map((e) => (e as { key: string }).key)).to.deep.equal(['storage', 'policy.version']);
  });

  it('keeps the twelve most recent', () => {
    for (let n = 0; n < 14; n++) checkConfig({ consentMaxAgeDays: n + 1 }, knownConfig({ consentMaxAgeDays: n + 1 }).json);
    expect(checkedFingerprints()).to.have.length(12);
    expect(knownConfig({ consentMaxAgeDays: 14 }).known).to.not.equal(undefined);
    expect(knownConfig({ consentMaxAgeDays: 2 }).known).to.equal(undefined);
  });

  it('has no fingerprint for a value JSON cannot hold: the checker says why', () => {
    expect(knownConfig({ consentMaxAgeDays: 10n })).to.deep.equal({});
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(knownConfig(cyclic)).to.deep.equal({});
  });

  it('takes nothing from a stored value but the fingerprint', () => {
    localStorage.setItem(CHECKED_KEY, '{"categories":[{"id":"analytics","required":true}]}');
    expect(knownConfig({}).known).to.equal(undefined);
  });
});
