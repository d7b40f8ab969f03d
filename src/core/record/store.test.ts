import { expect } from '@open-wc/testing';
import Cookies from 'js-cookie';
import { resolveConfig } from '../config/check.js';
import { createSession, type Session } from '../session/session.js';
import type { UiView } from '../types.js';
import { openStore } from './read.js';
import type { ConsentRecord, KelisimOptions } from '../types.js';
import { cleanPage, collect, override, storedRecord, waitFor } from '../../../test/support/core-helpers.js';

/** The Cookie Store API (Chromium): the one place a page can read a cookie's attributes. */
declare const cookieStore: {
  get(
    name: string,
  ): Promise<{ name: string; value: string; path: string; sameSite: string; secure: boolean; expires: number | null } | null>;
};

const DAY = 86_400_000;
const uniqueName = () => `storage_${Math.random().toString(36).slice(2)}`;

/** Writes a value where a session of this config looks for its record, as another tab or an old version would have. */
function store(kind: 'cookie' | 'localStorage', name: string, value: string): void {
  if (kind === 'cookie') document.cookie = `${name}=${value}; path=/`;
  else localStorage.setItem(name, value);
}

describe('storage', () => {
  const cleanups: Array<() => void> = [];
  let views: UiView[];

  /** A page view: the loader's session with a mount hook that only notes what would be shown. */
  function session(options: KelisimOptions = {}, now?: () => Date): Session {
    const { config, problems } = resolveConfig(options);
    expect(problems).to.deep.equal([]);
    return createSession(config, {}, { mount: (view) => void views.push(view), ...(now ? { now } : {}) });
  }

  beforeEach(() => {
    cleanPage();
    views = [];
  });
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
    cleanPage();
  });

  describe('cookie mode', () => {
    it('writes kelisim_consent as URI-encoded JSON, on path / with SameSite=Lax, that js-cookie reads', async () => {
      const s = session();
      await s.start();
      const consent = (await s.actions()).accept(['analytics']);
      const raw = document.cookie.split('; ').find((pair) => pair.startsWith('kelisim_consent='))!;
      expect(raw).to.not.include('"');
      const record = JSON.parse(Cookies.get('kelisim_consent')!) as ConsentRecord;
      const { storage, ...stored } = consent;
      expect(storage).to.equal('cookie');
      expect(record).to.deep.equal(stored);
      expect(record).to.include({ v: 1, policyVersion: '2026-06-01', policyAcceptedBy: 'button' });
      expect(record.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
      const cookie = (await cookieStore.get('kelisim_consent'))!;
      expect(cookie).to.include({ path: '/', sameSite: 'lax', secure: false });
      expect(cookie.expires! - Date.now()).to.be.closeTo(365 * DAY, DAY);
      expect(localStorage.getItem('kelisim_consent')).to.equal(null);
    });

    it('reads back what it wrote, through the loader’s reader and on the next page view', async () => {
      const first = session();
      await first.start();
      const consent = (await first.actions()).acceptAll();
      const { storage: _kind, ...record } = consent;
      expect(JSON.parse(openStore('cookie', first.config.cookie).read()!)).to.deep.equal(record);
      const next = session();
      const ready = await next.start();
      expect(ready.consent).to.deep.equal(consent);
      expect(views).to.deep.equal(['banner']); // only the first page view asked
    });
  });

  describe('cookie domain', () => {
    it('a configured domain this host is not under falls back to a host cookie', async () => {
      // localhost is dotless, where no domain applies at all; 127.0.0.1 is the same server on a dotted host.
      let result: { host: string; written: boolean; removed: boolean } | undefined;
      const listener = ({ data }: MessageEvent) => void (result ??= data?.cookieDomain);
      addEventListener('message', listener);
      cleanups.push(() => removeEventListener('message', listener));
      window.open(`http://127.0.0.1:${location.port}/test/fixtures/core-cookie-domain.html?name=${uniqueName()}`);
      await waitFor(() => !!result, 5000, 'the page on 127.0.0.1 to answer');
      expect(result).to.deep.equal({ host: '127.0.0.1', written: true, removed: true });
    });
  });

  describe('localStorage mode', () => {
    it('writes the record under the same key name, and no cookie', async () => {
      const s = session({ storage: 'localStorage' });
      await s.start();
      const consent = (await s.actions()).rejectAll();
      const { storage, ...record } = consent;
      expect(storage).to.equal('localStorage');
      expect(JSON.parse(localStorage.getItem('kelisim_consent')!)).to.deep.equal(record);
      expect(Cookies.get('kelisim_consent')).to.equal(undefined);
      const next = session({ storage: 'localStorage' });
      expect((await next.start()).consent).to.deep.equal(consent);
    });
  });

  describe('a stored value that cannot be trusted reads as no choice', () => {
    const future = new Date(Date.now() + 2 * DAY).toISOString();
    const bad: Array<[string, string]> = [
      ['not JSON', '{"v":1,'],
      ['JSON but not an object', '[1,2]'],
      ['a record without an id', JSON.stringify({ ...storedRecord(), id: undefined })],
      ['a record with categories of the wrong type', JSON.stringify({ ...storedRecord(), categories: { analytics: 'yes' } })],
      ['a record of an unknown format version', JSON.stringify({ ...storedRecord(), v: 2 })],
      ['a record decided in the future', JSON.stringify(storedRecord({ decidedAt: future, updatedAt: future }))],
    ];
    for (const kind of ['cookie', 'localStorage'] as const) {
      for (const [what, value] of bad) {
        it(`${kind}: ${what}`, async () => {
          const name = uniqueName();
          store(kind, name, kind === 'cookie' ? encodeURIComponent(value) : value);
          const errors = collect('kelisim:error');
          cleanups.push(errors.stop);
          const s = session({ storage: kind, cookie: { name } });
          const ready = await s.start();
          expect(ready.consent).to.equal(null);
          expect(s.allows('analytics')).to.equal(false);
          expect(views).to.deep.equal(['banner']);
          expect(errors.details.map((error) => error.code)).to.deep.equal(['storage']);
        });
      }
    }

    it('cookie: a value that is not valid URI encoding', async () => {
      const name = uniqueName();
      store('cookie', name, '%7B%22v%22%3A1%E0%A4%A');
      const errors = collect('kelisim:error');
      cleanups.push(errors.stop);
      const ready = await session({ cookie: { name } }).start();
      expect(ready.consent).to.equal(null);
      expect(views).to.deep.equal(['banner']);
      expect(errors.details.map((error) => error.code)).to.deep.equal(['storage']);
    });

    it('a valid record passes, with no error (the cases above fail for their reason alone)', async () => {
      const name = uniqueName();
      store('cookie', name, encodeURIComponent(JSON.stringify(storedRecord())));
      const errors = collect('kelisim:error');
      cleanups.push(errors.stop);
      const ready = await session({ cookie: { name } }).start();
      expect(ready.consent).to.not.equal(null);
      expect(views).to.deep.equal([]);
      expect(errors.details).to.deep.equal([]);
    });
  });

  describe('expiry', () => {
    const decidedAt = '2026-07-01T10:00:00.000Z';
    const at = (ms: number) => () => new Date(Date.parse(decidedAt) + ms);

    it('a choice younger than consentMaxAgeDays stands', async () => {
      const name = uniqueName();
      store('cookie', name, encodeURIComponent(JSON.stringify(storedRecord({ decidedAt, updatedAt: decidedAt }))));
      const s = session({ consentMaxAgeDays: 30, cookie: { name } }, at(30 * DAY - 60_000));
      expect((await s.start()).consent).to.not.equal(null);
      expect(s.allows('analytics')).to.equal(true);
      expect(views).to.deep.equal([]);
    });

    it('after consentMaxAgeDays the visitor is asked again', async () => {
      const name = uniqueName();
      store('cookie', name, encodeURIComponent(JSON.stringify(storedRecord({ decidedAt, updatedAt: decidedAt }))));
      const s = session({ consentMaxAgeDays: 30, cookie: { name } }, at(30 * DAY));
      expect((await s.start()).consent).to.equal(null);
      expect(s.allows('analytics')).to.equal(false);
      expect(views).to.deep.equal(['banner']);
    });
  });

  describe('another tab’s change', () => {
    it('localStorage: a storage event brings it in, with kelisim:consent method "sync"', async () => {
      const name = uniqueName();
      const before = storedRecord({ categories: { necessary: true, analytics: false, marketing: false, partners: false } });
      localStorage.setItem(name, JSON.stringify(before));
      const s = session({ storage: 'localStorage', cookie: { name } });
      await s.start();
      expect(s.allows('analytics')).to.equal(false);
      const changes = collect('kelisim:consent');
      cleanups.push(changes.stop);
      const after = { ...before, categories: { ...before.categories, analytics: true }, updatedAt: new Date().toISOString() };
      const value = JSON.stringify(after);
      localStorage.setItem(name, value);
      dispatchEvent(new StorageEvent('storage', { key: name, newValue: value, storageArea: localStorage }));
      await waitFor(() => changes.details.length > 0, 2000, 'kelisim:consent');
      expect(changes.details).to.have.length(1);
      expect(changes.details[0]).to.deep.include({ method: 'sync', changed: ['analytics'] });
      expect(changes.details[0]!.record).to.deep.equal({ ...after, storage: 'localStorage' });
      expect(s.allows('analytics')).to.equal(true);
    });

    it('localStorage: a write from another document of the site is picked up', async () => {
      const name = uniqueName();
      const s = session({ storage: 'localStorage', cookie: { name } });
      await s.start();
      const changes = collect('kelisim:consent');
      cleanups.push(changes.stop);
      const frame = document.createElement('iframe');
      frame.srcdoc = '<!doctype html><title>another tab</title>';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
      try {
        const record = storedRecord();
        frame.contentWindow!.localStorage.setItem(name, JSON.stringify(record));
        await waitFor(() => changes.details.length > 0, 2000, 'kelisim:consent');
        expect(changes.details[0]!.method).to.equal('sync');
        expect(changes.details[0]!.record.id).to.equal(record.id);
      } finally {
        frame.remove();
      }
    });

    it('cookie: a check on focus brings it in', async () => {
      const name = uniqueName();
      const before = storedRecord({ categories: { necessary: true, analytics: false, marketing: false, partners: false } });
      Cookies.set(name, JSON.stringify(before), { path: '/', sameSite: 'Lax' });
      const s = session({ cookie: { name } });
      await s.start();
      const changes = collect('kelisim:consent');
      cleanups.push(changes.stop);
      dispatchEvent(new Event('focus'));
      await s.actions(); // after whatever the focus check set off with the decisions chunk
      expect(changes.details).to.deep.equal([]); // nothing changed yet: nothing to tell
      const record = {
        ...before,
        categories: { necessary: true, analytics: true, marketing: true, partners: false },
        updatedAt: new Date().toISOString(),
      };
      Cookies.set(name, JSON.stringify(record), { path: '/', sameSite: 'Lax' });
      dispatchEvent(new Event('focus'));
      await waitFor(() => changes.details.length > 0, 2000, 'kelisim:consent');
      expect(changes.details).to.have.length(1);
      expect(changes.details[0]).to.deep.include({ method: 'sync', changed: ['analytics', 'marketing'] });
      expect(changes.details[0]!.record).to.deep.equal({ ...record, storage: 'cookie' });
      expect(s.consent()!.id).to.equal(record.id);
      expect(s.allows('marketing')).to.equal(true);
    });
  });

  describe('fallback when a store is blocked', () => {
    const blockLocalStorage = () =>
      cleanups.push(
        override(window, 'localStorage', {
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        }),
      );
    const blockCookies = () => cleanups.push(override(navigator, 'cookieEnabled', { get: () => false }));
    /** Puts the blocked stores back now, so the test can look at what was written. */
    const unblock = () => {
      while (cleanups.length) cleanups.pop()!();
    };

    it('localStorage blocked: the record goes to the cookie', async () => {
      blockLocalStorage();
      const s = session({ storage: 'localStorage' });
      expect(s.store.kind).to.equal('cookie');
      await s.start();
      const consent = (await s.actions()).acceptAll();
      expect(consent.storage).to.equal('cookie');
      unblock();
      expect(JSON.parse(Cookies.get('kelisim_consent')!).id).to.equal(consent.id);
    });

    it('cookies off: the record goes to localStorage', async () => {
      blockCookies();
      const s = session();
      expect(s.store.kind).to.equal('localStorage');
      await s.start();
      const consent = (await s.actions()).acceptAll();
      expect(consent.storage).to.equal('localStorage');
      unblock();
      expect(JSON.parse(localStorage.getItem('kelisim_consent')!).id).to.equal(consent.id);
      expect(Cookies.get('kelisim_consent')).to.equal(undefined);
    });

    for (const preferred of ['cookie', 'localStorage'] as const) {
      it(`both blocked (${preferred} configured): the choice lives in memory and says so`, async () => {
        blockLocalStorage();
        blockCookies();
        const s = session({ storage: preferred });
        await s.start();
        const consent = (await s.actions()).acceptAll();
        expect(consent.storage).to.equal('memory');
        expect(s.consent()!.storage).to.equal('memory');
        expect(s.allows('analytics')).to.equal(true);
        unblock();
        expect(localStorage.getItem('kelisim_consent')).to.equal(null);
        expect(Cookies.get('kelisim_consent')).to.equal(undefined);
      });
    }
  });
});
