/**
 * `reloadOnRevoke` (issue 14, SPEC §6): a script that ran cannot be unloaded, so a site may
 * ask for a reload once a category that was on goes off, after the choice is stored and its
 * receipt queued. Real pages, a real endpoint.
 */
import { expect } from '@open-wc/testing';
import { waitForLog } from './support/core-helpers.js';
import { cleanEachTest, openPage, storedCookie, waitFor, type TestPage } from './support/page.js';

const policy = { version: '2026-06-01', publishedAt: '2026-06-01' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Marked = { __page?: number };

/** Marks the page's current document; a reload replaces it with one that has no mark. */
const mark = (page: TestPage) => ((page.frame.contentWindow as unknown as Marked).__page = 1);
const reloaded = (page: TestPage) => !(page.frame.contentWindow as unknown as Marked).__page && !!page.frame.contentWindow?.Kelisim;

describe('reloadOnRevoke', () => {
  let page: TestPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });

  /** A first visit with the banner on screen, so decisions wait for the hash of its words before they are queued. */
  async function visit(config: object = {}, before?: string) {
    const bucket = `revoke-${Math.random().toString(36).slice(2)}`;
    page = await openPage({ config: { policy, endpoint: `${location.origin}/__endpoint/${bucket}`, ...config }, before });
    await waitFor(
      () => !!page!.document.querySelector('kelisim-consent')?.shadowRoot?.querySelector('[part~="banner"]'),
      4000,
      'the banner',
    );
    return { page, bucket };
  }

  it('reloads after a withdrawal, once the choice is stored and its receipt queued; the receipt arrives', async () => {
    // A slow hash of the banner's words (a busy phone): a reload that did not wait for the receipt would lose it.
    const slowHash = `const digest = crypto.subtle.digest.bind(crypto.subtle); crypto.subtle.digest = (...args) => new Promise((resolve) => setTimeout(resolve, 400)).then(() => digest(...args));`;
    const { page, bucket } = await visit({ reloadOnRevoke: true }, slowHash);
    await page.kelisim.acceptAll();
    mark(page);
    await sleep(300);
    expect(reloaded(page), 'accepting turns nothing off: no reload').to.equal(false);
    await page.kelisim.withdraw();
    await waitFor(() => reloaded(page), 4000, 'the reload');
    expect(storedCookie(page.frame.contentDocument!)!.categories).to.deep.equal({
      necessary: true,
      analytics: false,
      marketing: false,
      partners: false,
    });
    const log = await waitForLog(
      bucket,
      (entries) => entries.events.some((event) => event.type === 'consent.withdrawn'),
      'the withdrawal receipt',
    );
    const withdrawn = log.events.filter((event) => event.type === 'consent.withdrawn');
    expect(withdrawn).to.have.length(1);
    expect(withdrawn[0]!.textsHash, 'proven by the banner’s words').to.be.a('string');
  });

  it('reloads after a narrower choice, not after a wider one or the same', async () => {
    const { page } = await visit({ reloadOnRevoke: true });
    await page.kelisim.accept(['analytics']);
    mark(page);
    await page.kelisim.acceptAll();
    await page.kelisim.acceptAll();
    await sleep(300);
    expect(reloaded(page)).to.equal(false);
    await page.kelisim.accept(['analytics', 'partners']);
    await waitFor(() => reloaded(page), 4000, 'the reload after marketing went off');
    expect(storedCookie(page.frame.contentDocument!)!.categories).to.include({ analytics: true, marketing: false, partners: true });
  });

  it('is off by default: a withdrawal does not reload', async () => {
    const { page } = await visit();
    await page.kelisim.acceptAll();
    mark(page);
    await page.kelisim.withdraw();
    await sleep(500);
    expect(reloaded(page)).to.equal(false);
  });

  it('is checked like any key: a wrong value is named and falls back to off', async () => {
    const { page } = await visit({ reloadOnRevoke: 'yes' });
    expect(page.window.__errors.join('\n')).to.include('reloadOnRevoke');
    await page.kelisim.acceptAll();
    mark(page);
    await page.kelisim.withdraw();
    await sleep(500);
    expect(reloaded(page)).to.equal(false);
  });
});
