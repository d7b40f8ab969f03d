/**
 * Blocked storage, as browsers block it: cookies off (`navigator.cookieEnabled` false, the
 * cookie jar silent), cookies throwing (sandboxed frames), localStorage throwing on access
 * (a "block all site data" setting) or on write (private modes with no quota), and both.
 * The widget still asks, still sends its receipts to the real collector, and
 * `getConsent().storage` says where the choice lives: the other store, or `memory` when
 * neither works (the next page view asks again).
 */
import { expect } from '@open-wc/testing';
import { waitFor } from '../support/core-helpers.js';
import { faultyEndpoint, receiptsOf } from '../support/hardening-collector.js';
import { openRealPage, view, type RealPage } from '../support/hardening-page.js';
import { cleanEachTest } from '../support/page.js';

/** Scripts run in the page before the loader, each blocking one store the way a browser does. */
const BLOCK = {
  /** Cookies disabled: the browser says so, and the jar neither gives nor takes. */
  cookiesOff: `Object.defineProperty(Navigator.prototype, 'cookieEnabled', { get: () => false, configurable: true });
    Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {}, configurable: true });`,
  /** A sandboxed, opaque-origin frame: any access to document.cookie throws. */
  cookiesThrow: `Object.defineProperty(Document.prototype, 'cookie', { get() { throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError'); }, set() { throw new DOMException('sandboxed', 'SecurityError'); }, configurable: true });`,
  /** Site data blocked: touching window.localStorage throws. */
  storageThrows: `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError'); }, configurable: true });`,
  /** A private mode with no quota: reads work, every write throws. */
  storageFull: `Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`,
};

const cases: Array<{ name: string; block: string; storage: 'cookie' | 'localStorage'; where: 'cookie' | 'localStorage' | 'memory' }> = [
  { name: 'cookies disabled', block: BLOCK.cookiesOff, storage: 'cookie', where: 'localStorage' },
  { name: 'cookies throwing (sandboxed frame)', block: BLOCK.cookiesThrow, storage: 'cookie', where: 'localStorage' },
  { name: 'localStorage throwing on access', block: BLOCK.storageThrows, storage: 'localStorage', where: 'cookie' },
  { name: 'localStorage throwing on write (private mode)', block: BLOCK.storageFull, storage: 'localStorage', where: 'cookie' },
  { name: 'cookies disabled and localStorage throwing', block: BLOCK.cookiesOff + BLOCK.storageThrows, storage: 'cookie', where: 'memory' },
  {
    name: 'cookies throwing and localStorage full',
    block: BLOCK.cookiesThrow + BLOCK.storageFull,
    storage: 'localStorage',
    where: 'memory',
  },
];

const figures = { loads: 0, pageErrors: 0, sent: 0, delivered: 0 };

describe('blocked storage', function () {
  this.timeout(20_000);
  let page: RealPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });
  after(() => {
    console.log(
      `kelisim hardening | blocked storage: ${figures.loads} page loads; receipts sent ${figures.sent}, delivered ${figures.delivered}; page errors ${figures.pageErrors}`,
    );
  });

  for (const { name, block, storage, where } of cases) {
    it(`${name}: still asks, still sends, the choice lives in ${where}`, async () => {
      const bucket = `hardening-blocked-${Math.random().toString(36).slice(2, 10)}`;
      const config = { policy: { version: '2026-06-01' }, language: 'en', storage, endpoint: faultyEndpoint(bucket) };
      figures.loads++;
      page = await openRealPage({ config, before: block });
      expect((await page.kelisim.ready).view, 'asked').to.equal('banner');
      const root = await view(page);
      root.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
      await waitFor(() => page!.kelisim.getConsent() !== null, 3000, 'the decision');
      const consent = page.kelisim.getConsent()!;
      expect(consent.storage).to.equal(where);
      expect(page.kelisim.allows('analytics')).to.equal(true);
      figures.sent += 2;
      await waitFor(async () => (await receiptsOf(consent.id)).length === 2, 8000, 'both receipts at the collector');
      const stored = await receiptsOf(consent.id);
      expect(stored.map((r) => r.type).sort()).to.deep.equal(['banner.shown', 'consent.given']);
      figures.delivered += stored.length;
      figures.pageErrors += page.window.__pageErrors.length;
      expect(page.window.__pageErrors, 'errors in the page').to.deep.equal([]);

      // The next page view under the same conditions: a stored choice is kept; one in memory is gone, so the visitor is asked again.
      page.remove();
      figures.loads++;
      page = await openRealPage({ config, before: block });
      const next = await page.kelisim.ready;
      if (where === 'memory') expect(next).to.deep.equal({ view: 'banner', consent: null });
      else expect(next.consent).to.include({ id: consent.id, storage: where });
      figures.pageErrors += page.window.__pageErrors.length;
      expect(page.window.__pageErrors).to.deep.equal([]);
    });
  }
});
