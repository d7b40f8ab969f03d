import { expect } from '@open-wc/testing';
import type { DeferredConfig } from './loaded.js';
import type { KelisimError } from '../types.js';
import { defaultUiConfig, resolveUiConfig } from './interface.js';

/** Resolves a config and returns what it reported: the `kelisim:error`s and the console lines. */
function resolve(deferred: DeferredConfig, isTextKey?: (key: string) => boolean) {
  const reported: KelisimError[] = [];
  const consoleLines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void consoleLines.push(args.join(' '));
  try {
    const config = resolveUiConfig(deferred, (error) => reported.push(error), isTextKey);
    return { config, reported, consoleLines };
  } finally {
    console.error = original;
  }
}

describe('resolveUiConfig', () => {
  it('gives edunavigator.kz’s defaults for an empty config, and reports nothing', () => {
    const { config, reported, consoleLines } = resolve({});
    expect(config).to.deep.equal({
      policy: { url: 'https://edunavigator.kz/privacy', changes: {} },
      texts: {},
      layout: 'bar',
      controller: { name: 'BTS Education LLP', names: { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' } },
    });
    expect(reported).to.deep.equal([]);
    expect(consoleLines).to.deep.equal([]);
  });

  it('treats keys the loader passes as undefined as absent', () => {
    const { config, reported } = resolve({ policy: { url: undefined, changes: undefined }, texts: undefined, layout: undefined });
    expect(config.policy.url).to.equal('https://edunavigator.kz/privacy');
    expect(reported).to.deep.equal([]);
  });

  it('takes good values', () => {
    const { config, reported } = resolve({
      policy: { url: '/privacy', changes: { ru: ['Новая категория'], kk: ['Жаңа санат'] } },
      layout: 'modal',
      texts: { en: { acceptAll: 'Yes to all' } },
    });
    expect(config.policy.url).to.equal(new URL('/privacy', location.href).href);
    expect(config.policy.changes).to.deep.equal({ ru: ['Новая категория'], kk: ['Жаңа санат'] });
    expect(config.layout).to.equal('modal');
    expect(config.texts).to.deep.equal({ en: { acceptAll: 'Yes to all' } });
    expect(reported).to.deep.equal([]);
  });

  const unsafe = ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'jav\tascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x'];
  for (const url of unsafe) {
    it(`rejects the policy link ${JSON.stringify(url)} and keeps the default`, () => {
      const { config, reported } = resolve({ policy: { url } });
      expect(config.policy.url).to.equal('https://edunavigator.kz/privacy');
      expect(reported).to.have.length(1);
      expect(reported[0]).to.include({ code: 'config', key: 'policy.url' });
      expect(reported[0]!.message).to.match(/https:, http:, mailto: or relative/);
    });
  }

  it('accepts http:, https:, mailto: and relative links', () => {
    for (const url of ['http://example.kz/p', 'https://example.kz/p', 'mailto:dpo@example.kz', 'privacy.html']) {
      expect(resolve({ policy: { url } }).reported, url).to.deep.equal([]);
    }
  });

  it('reports every bad key by name and reason in ONE console line, and one event each; the good keys stay', () => {
    const { config, reported, consoleLines } = resolve({
      policy: { url: 'javascript:void(0)', changes: { fr: ['?'], ru: 'not a list' } },
      layout: 'sidebar',
      texts: { en: { acceptAll: 42 }, de: {} },
      controller: { name: 'Acme LLP', bin: '123' },
    });
    const keys = reported.map((problem) => problem.key);
    expect(keys).to.have.members([
      'policy.url',
      'policy.changes.fr',
      'policy.changes.ru',
      'layout',
      'texts.en.acceptAll',
      'texts.de',
      'controller.bin',
    ]);
    expect(consoleLines).to.have.length(1);
    for (const key of keys) expect(consoleLines[0]).to.include(`- ${key}: `);
    expect(config.layout).to.equal('bar');
    expect(config.policy.url).to.equal('https://edunavigator.kz/privacy');
    expect(config.controller).to.deep.equal({ name: 'Acme LLP' });
  });

  it('lets a page’s controller replace the default entirely', () => {
    const { config } = resolve({
      controller: { name: 'Acme LLP', address: 'Almaty, Abay ave. 1', email: 'dpo@acme.kz', bin: '123456789012' },
    });
    expect(config.controller).to.deep.equal({
      name: 'Acme LLP',
      address: 'Almaty, Abay ave. 1',
      email: 'dpo@acme.kz',
      bin: '123456789012',
    });
    expect(config.controller.names, 'edunavigator’s names must not survive').to.equal(undefined);
  });

  it('requires the controller’s name, and keeps the default without one', () => {
    const { config, reported } = resolve({ controller: { address: 'Almaty' } });
    expect(reported).to.deep.equal([{ code: 'config', key: 'controller.name', message: 'is required' }]);
    expect(config.controller).to.deep.equal(defaultUiConfig().controller);
  });

  it('reports a controller that is not an object', () => {
    const { config, reported } = resolve({ controller: 'Acme' });
    expect(reported.map((p) => p.key)).to.deep.equal(['controller']);
    expect(config.controller.name).to.equal('BTS Education LLP');
  });

  it('reports unknown text keys when it knows the keys, and drops only them', () => {
    const known = new Set(['acceptAll', 'rejectAll']);
    const { config, reported } = resolve({ texts: { ru: { acceptAll: 'Да', acceptAl: 'опечатка' } } }, (key) => known.has(key));
    expect(reported).to.deep.equal([{ code: 'config', key: 'texts.ru.acceptAl', message: 'is not a known text key' }]);
    expect(config.texts).to.deep.equal({ ru: { acceptAll: 'Да' } });
  });

  it('keeps texts as the strings they are: markup is text, never parsed here', () => {
    const { config } = resolve({ texts: { en: { bannerTitle: '<img src=x onerror="alert(1)">' } } });
    expect(config.texts.en!.bannerTitle).to.equal('<img src=x onerror="alert(1)">');
  });

  it('never lets __proto__ through', () => {
    const texts = JSON.parse('{"en": {"__proto__": {"polluted": "yes"}, "acceptAll": "OK"}}');
    const { config, reported } = resolve({ texts });
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(config.texts.en)).to.equal(Object.prototype);
    expect(reported.map((p) => p.key)).to.deep.equal(['texts.en.__proto__']);
  });

  it('returns a fresh default each time, so one page cannot change another’s', () => {
    const first = resolve({}).config;
    first.controller.name = 'changed';
    expect(resolve({}).config.controller.name).to.equal('BTS Education LLP');
  });
});
