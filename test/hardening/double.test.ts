/**
 * Double inclusion: the loader tag twice (two module instances), the module loader next to
 * the classic build a tag manager injects, `init()` twice, and `<kelisim-consent>` placed by
 * hand while the loader also mounts. One widget, one set of events: one `kelisim:ready`,
 * one element, one `banner.shown` receipt, one `consent.given` per decision, one reopen button.
 */
import { expect } from '@open-wc/testing';
import { waitFor } from '../support/core-helpers.js';
import { faultyEndpoint, receiptsOf } from '../support/hardening-collector.js';
import { openRealPage, view, type RealPage, type RealPageOptions } from '../support/hardening-page.js';
import { cleanEachTest } from '../support/page.js';

const policy = { version: '2026-06-01', publishedAt: '2026-06-01' };
const figures = { loads: 0, widgets: 0, readyEvents: 0, bannerReceipts: 0 };

/** Opens the page, decides by the banner's button, and checks there was one of everything. */
async function once(options: RealPageOptions & { init?: number }): Promise<RealPage> {
  const bucket = `hardening-double-${Math.random().toString(36).slice(2, 10)}`;
  const config = { policy, language: 'en' as const, endpoint: faultyEndpoint(bucket) };
  figures.loads++;
  const page = await openRealPage({ config: options.init ? undefined : config, ...options, waitReady: !options.init });
  if (options.init) {
    const results = await Promise.all(Array.from({ length: options.init }, () => page.kelisim.init(config)));
    expect(new Set(results.map((r) => r.view))).to.deep.equal(new Set(['banner']));
  }
  const root = await view(page);
  // Let a second copy, if any, do whatever it would do.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const count = (type: string) => page.window.__events.filter((e) => e.type === type).length;
  figures.readyEvents += count('kelisim:ready');
  figures.widgets += page.document.querySelectorAll('kelisim-consent').length;
  expect(count('kelisim:ready'), 'kelisim:ready').to.equal(1);
  expect(page.document.querySelectorAll('kelisim-consent'), 'widgets').to.have.length(1);
  expect(root.querySelectorAll('[part~="banner"]'), 'banners').to.have.length(1);

  root.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
  await waitFor(() => page.kelisim.getConsent() !== null, 3000, 'the decision');
  const { id } = page.kelisim.getConsent()!;
  await waitFor(async () => (await receiptsOf(id)).length >= 2, 8000, 'the receipts');
  await new Promise((resolve) => setTimeout(resolve, 150));
  const receipts = await receiptsOf(id);
  figures.bannerReceipts += receipts.filter((r) => r.type === 'banner.shown').length;
  expect(receipts.map((r) => r.type).sort(), 'one banner.shown, one consent.given').to.deep.equal(['banner.shown', 'consent.given']);
  expect(count('kelisim:consent'), 'kelisim:consent').to.equal(1);
  await waitFor(() => !!page.document.querySelector('kelisim-reopen'), 3000, 'the reopen button');
  expect(page.document.querySelectorAll('kelisim-reopen'), 'reopen buttons').to.have.length(1);
  expect(page.window.__pageErrors, 'errors in the page').to.deep.equal([]);
  return page;
}

describe('double inclusion', function () {
  this.timeout(20_000);
  let page: RealPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });
  after(() => {
    console.log(
      `kelisim hardening | double inclusion: ${figures.loads} pages, ${figures.widgets} widgets, ${figures.readyEvents} kelisim:ready, ${figures.bannerReceipts} banner.shown receipts`,
    );
  });

  it('the script tag twice: one widget, one set of events', async () => {
    page = await once({ loaders: 2 });
    expect(page.window.__errors).to.deep.equal([]);
  });

  it('a data-manual tag first and two plain ones, the page calling init(): still one', async () => {
    // The first copy to run owns window.Kelisim; it was told to wait for init(), and init() starts it.
    page = await once({ loaders: 2, head: '<script type="module" data-manual src="/src/kelisim.ts?copy=manual"></script>', init: 1 });
  });

  it('the classic build in <head> (before the config and <body> exist) and the module tag: one widget, one set of events, the page’s config', async function () {
    const iife = await fetch('/dist/kelisim.iife.js', { method: 'HEAD' });
    if (!iife.ok) this.skip(); // dist/ not built: `npm test` builds it first
    page = await once({
      head: '<script src="/dist/kelisim.iife.js"></script>',
      body: '<script type="text/plain" data-kelisim="analytics">window.__ran = (window.__ran || 0) + 1</script>',
    });
    expect(page.kelisim.getConsent()!.policyVersion, 'the config element after the tag was read').to.equal(policy.version);
    await waitFor(() => (page!.window as unknown as { __ran?: number }).__ran === 1, 3000, 'the gated script below the tag');
  });

  it('init() twice, at once: one start, and the second call says so', async () => {
    page = await once({ loaderAttributes: 'data-manual', init: 2 });
    expect(page.window.__errors.join('\n')).to.include('already started');
  });

  it('<kelisim-consent> placed by hand and the loader mounting: the page’s own element is used', async () => {
    page = await once({ body: '<main><kelisim-consent id="by-hand"></kelisim-consent></main>' });
    expect(page.document.querySelector('kelisim-consent')!.id).to.equal('by-hand');
  });

  it('all of it at once: two tags, a hand-placed element, init() on top', async () => {
    page = await once({ loaders: 2, body: '<kelisim-consent id="by-hand"></kelisim-consent>' });
    await page.kelisim.init({ policy });
    expect(page.document.querySelectorAll('kelisim-consent')).to.have.length(1);
    expect(page.window.__events.filter((e) => e.type === 'kelisim:ready')).to.have.length(1);
  });
});
