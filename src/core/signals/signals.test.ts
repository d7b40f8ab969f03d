import { expect } from '@open-wc/testing';
import { resolveConfig } from '../config/check.js';
import { createSession, type Session } from '../session/session.js';
import { isCrawler } from './crawler.js';
import type { KelisimOptions } from '../types.js';
import { bucketName, cleanPage, endpointUrl, override, storedRecord, waitFor, waitForLog } from '../../../test/support/core-helpers.js';

declare global {
  interface Window {
    /** What dataLayer held when a gated script ran, as arrays. */
    __seenDataLayer?: unknown[][];
  }
}

/** dataLayer entries are `arguments` objects (what gtag.js reads); as arrays for comparison. */
const dataLayer = (): unknown[][] => (window.dataLayer ?? []).map((entry) => Array.from(entry as ArrayLike<unknown>));

const consentCommands = (): unknown[][] => dataLayer().filter((entry) => entry[0] === 'consent');

/** A gated inline script that snapshots dataLayer when it runs. */
function gatedSnapshot(category: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.kelisim = category;
  script.text = 'window.__seenDataLayer = (window.dataLayer || []).map(function (entry) { return Array.from(entry); });';
  document.body.append(script);
  return script;
}

const DEFAULT_STATE = {
  functionality_storage: 'granted',
  security_storage: 'granted',
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  personalization_storage: 'denied',
};

/** A session with its own cookie, so sessions of earlier tests never hear this one's changes. */
function session(options: KelisimOptions = {}): Session {
  const { config, problems } = resolveConfig({ cookie: { name: `signals_${Math.random().toString(36).slice(2)}` }, ...options });
  expect(problems).to.deep.equal([]);
  return createSession(config, {}, {});
}

describe('signals', () => {
  const cleanups: Array<() => void> = [];

  beforeEach(cleanPage);
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
    document.querySelectorAll('script[data-kelisim]').forEach((script) => script.remove());
    delete window.__seenDataLayer;
    cleanPage();
  });

  describe('Google Consent Mode', () => {
    it('sets the default, everything optional denied, before a gated script runs on a first visit', async () => {
      gatedSnapshot('necessary');
      await session().start();
      await waitFor(() => !!window.__seenDataLayer, 2000, 'the necessary script');
      expect(window.__seenDataLayer).to.deep.equal([['consent', 'default', { ...DEFAULT_STATE, wait_for_update: 500 }]]);
    });

    it('sets the default and the stored choice before a returning visitor’s gated scripts run', async () => {
      const s = session();
      document.cookie = `${s.config.cookie.name}=${encodeURIComponent(JSON.stringify(storedRecord()))}; path=/`;
      gatedSnapshot('analytics');
      await s.start();
      await waitFor(() => !!window.__seenDataLayer, 2000, 'the analytics script');
      expect(window.__seenDataLayer).to.deep.equal([
        ['consent', 'default', { ...DEFAULT_STATE, wait_for_update: 500 }],
        ['consent', 'update', { ...DEFAULT_STATE, analytics_storage: 'granted' }],
      ]);
    });

    it('grants nothing for a stored choice that has expired', async () => {
      const s = session({ consentMaxAgeDays: 30 });
      const decidedAt = new Date(Date.now() - 31 * 86_400_000).toISOString();
      const record = storedRecord({
        decidedAt,
        updatedAt: decidedAt,
        categories: { necessary: true, analytics: true, marketing: true, partners: true },
      });
      document.cookie = `${s.config.cookie.name}=${encodeURIComponent(JSON.stringify(record))}; path=/`;
      await s.start();
      expect(s.consent()).to.equal(null);
      // The visitor is asked again: until then Consent Mode must say what allows() says.
      expect(consentCommands().at(-1)![2]).to.deep.include({ analytics_storage: 'denied', ad_storage: 'denied' });
    });

    it('queues real gtag `arguments` in dataLayer, as gtag.js reads them', async () => {
      await session().start();
      expect(Object.prototype.toString.call(window.dataLayer![0])).to.equal('[object Arguments]');
    });

    it('updates on every decision with the mapping', async () => {
      const s = session();
      await s.start();
      const actions = await s.actions();
      actions.accept(['analytics']);
      actions.acceptAll();
      actions.rejectAll();
      actions.accept(['marketing']);
      actions.withdraw();
      const granted = (...types: string[]) => ({ ...DEFAULT_STATE, ...Object.fromEntries(types.map((type) => [type, 'granted'])) });
      const ads = ['ad_storage', 'ad_user_data', 'ad_personalization', 'personalization_storage'];
      expect(consentCommands().slice(1)).to.deep.equal([
        ['consent', 'update', granted('analytics_storage')],
        ['consent', 'update', granted('analytics_storage', ...ads)],
        ['consent', 'update', granted()],
        ['consent', 'update', granted(...ads)],
        ['consent', 'update', granted()],
      ]);
    });

    it('sends the update before the scripts a decision allows run', async () => {
      const s = session();
      await s.start();
      gatedSnapshot('analytics');
      (await s.actions()).accept(['analytics']);
      await waitFor(() => !!window.__seenDataLayer, 2000, 'the analytics script');
      expect(window.__seenDataLayer!.at(-1)).to.deep.equal(['consent', 'update', { ...DEFAULT_STATE, analytics_storage: 'granted' }]);
    });

    it('uses a custom mapping in place of the default one', async () => {
      const s = session({ googleConsentMode: { analytics: ['analytics_storage', 'custom_storage'], partners: ['ad_storage'] } });
      await s.start();
      (await s.actions()).accept(['partners']);
      expect(consentCommands()).to.deep.equal([
        ['consent', 'default', { analytics_storage: 'denied', custom_storage: 'denied', ad_storage: 'denied', wait_for_update: 500 }],
        ['consent', 'update', { analytics_storage: 'denied', custom_storage: 'denied', ad_storage: 'granted' }],
      ]);
    });

    it('makes no gtag call at all when googleConsentMode is false', async () => {
      const s = session({ googleConsentMode: false });
      await s.start();
      (await s.actions()).acceptAll();
      expect(window.dataLayer).to.equal(undefined);
      expect(window.gtag).to.equal(undefined);
    });

    it('uses the page’s own gtag when there is one', async () => {
      const calls: unknown[][] = [];
      window.gtag = (...args: unknown[]) => void calls.push(args);
      await session().start();
      expect(calls).to.deep.equal([['consent', 'default', { ...DEFAULT_STATE, wait_for_update: 500 }]]);
    });
  });

  describe('Global Privacy Control', () => {
    const gpc = () => cleanups.push(override(navigator, 'globalPrivacyControl', { value: true }));

    it('accept all leaves the gpc categories off and tells Consent Mode so', async () => {
      gpc();
      const s = session();
      await s.start();
      const consent = (await s.actions()).acceptAll();
      expect(consent.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
      expect(s.allows('marketing')).to.equal(false);
      expect(consentCommands().at(-1)).to.deep.equal(['consent', 'update', { ...DEFAULT_STATE, analytics_storage: 'granted' }]);
    });

    it('an explicit choice turns a gpc category on', async () => {
      gpc();
      const s = session();
      await s.start();
      const consent = (await s.actions()).accept(['marketing']);
      expect(consent.categories.marketing).to.equal(true);
      expect(s.allows('marketing')).to.equal(true);
    });

    it('is ignored with respectGpc false', async () => {
      gpc();
      const s = session({ respectGpc: false });
      await s.start();
      const consent = (await s.actions()).acceptAll();
      expect(consent.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, partners: true });
    });

    it('without the signal, accept all turns every category on', async () => {
      const s = session();
      await s.start();
      expect((await s.actions()).acceptAll().categories).to.deep.equal({
        necessary: true,
        analytics: true,
        marketing: true,
        partners: true,
      });
    });
  });

  describe('minors', () => {
    it('adult-only categories cannot be turned on, and events say subject "minor"', async () => {
      const bucket = bucketName('minor');
      const s = session({ endpoint: endpointUrl(bucket) });
      await s.start();
      s.minor = true;
      const actions = await s.actions();
      expect(actions.acceptAll().categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
      expect(actions.accept(['marketing', 'partners']).categories).to.deep.equal({
        necessary: true,
        analytics: false,
        marketing: false,
        partners: false,
      });
      expect(s.allows('marketing')).to.equal(false);
      const log = await waitForLog(bucket, (l) => l.events.length === 2, 'both receipts');
      expect(log.events.map((event) => event.subject)).to.deep.equal(['minor', 'minor']);
    });

    it('setSubject turns off the adult-only categories an adult choice had on', async () => {
      const s = session();
      await s.start();
      const actions = await s.actions();
      actions.acceptAll();
      expect(s.allows('marketing')).to.equal(true);
      const consent = actions.setSubject(true)!;
      expect(consent.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
      expect(s.allows('marketing')).to.equal(false);
      expect(consentCommands().at(-1)).to.deep.equal(['consent', 'update', { ...DEFAULT_STATE, analytics_storage: 'granted' }]);
    });

    it('a stored adult-only consent does not count for a minor', async () => {
      const s = session();
      document.cookie = `${s.config.cookie.name}=${encodeURIComponent(JSON.stringify(storedRecord({ categories: { necessary: true, analytics: true, marketing: true, partners: true } })))}; path=/`;
      await s.start();
      s.minor = true;
      expect(s.allows('analytics')).to.equal(true);
      expect(s.allows('marketing')).to.equal(false);
      expect(s.allows('partners')).to.equal(false);
    });
  });

  describe('crawlers', () => {
    const crawlers: Array<[string, string]> = [
      ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
      [
        'Googlebot smartphone',
        'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      ],
      ['bingbot', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
      ['YandexBot', 'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)'],
      ['DuckDuckBot', 'DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)'],
      ['Baiduspider', 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'],
      ['facebookexternalhit', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
      ['Baiduspider-render', 'Mozilla/5.0 (compatible; Baiduspider-render/2.0; +http://www.baidu.com/search/spider.html)'],
      [
        'YandexMobileBot',
        'Mozilla/5.0 (iPhone; CPU iPhone OS 8_1 like Mac OS X) AppleWebKit/600.1.4 (KHTML, like Gecko) Version/8.0 Mobile/12B411 Safari/600.1.4 (compatible; YandexMobileBot/3.0; +http://yandex.com/bots)',
      ],
      ['AdsBot-Google', 'AdsBot-Google (+http://www.google.com/adsbot.html)'],
      [
        'Applebot',
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
      ],
      ['Yahoo! Slurp', 'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)'],
    ];
    const people: Array<[string, string]> = [
      ['HeadlessChrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36'],
      [
        'Chrome on Windows',
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      ],
      [
        'a CUBOT Android phone',
        'Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      ],
      [
        'Yandex Browser',
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 YaBrowser/24.4.0.0 Safari/537.36',
      ],
      [
        'Facebook’s in-app browser',
        'Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/468.0.0.55.105;]',
      ],
      [
        'Safari on iPhone',
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ],
    ];
    for (const [name, ua] of crawlers) it(`${name} is a crawler`, () => expect(isCrawler(ua)).to.equal(true));
    for (const [name, ua] of people) it(`${name} is not a crawler`, () => expect(isCrawler(ua)).to.equal(false));

    it('this headless test browser is not a crawler', () => {
      expect(navigator.userAgent).to.include('HeadlessChrome');
      expect(isCrawler()).to.equal(false);
    });
  });
});
