/**
 * Content added after load (issue 14, SPEC §6): a single-page app's route change, a lazily
 * rendered widget, a framework's shadow root. Real pages (`openPage`), the real loader.
 */
import { expect } from '@open-wc/testing';
import { cleanEachTest, openPage, POLICY, storeCookie, storedChoice, type TestPage, waitFor } from './support/page.js';

const policy = POLICY;

const record = (categories?: Record<string, boolean>) => storedChoice(categories ? { categories } : {});

type Page = TestPage & { window: TestPage['window'] & { __gatedRuns: string[] } };

/** The page records the gated scripts that ran, in order. */
const before = 'window.__gatedRuns = [];';
const inline = (categories: string, name: string) =>
  `<script type="text/plain" data-kelisim="${categories}">window.__gatedRuns.push(${JSON.stringify(name)})</script>`;
const external = (categories: string, name: string) =>
  `<script type="text/plain" data-kelisim="${categories}" src="/test/fixtures/core-gated.js?name=${name}"></script>`;
const frame = (categories: string, name: string) =>
  `<iframe data-kelisim="${categories}" data-src="about:blank#${name}" width="200" height="100"></iframe>`;
const runs = (page: TestPage) => (page as Page).window.__gatedRuns;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an app's router does: renders a route's markup into its outlet. */
function render(page: TestPage, markup: string, outlet = 'main'): void {
  const container = page.document.querySelector(outlet) ?? page.document.body.appendChild(page.document.createElement(outlet));
  container.innerHTML = '';
  const range = page.document.createRange();
  // As a framework renders a route: its elements arrive in one insertion.
  container.append(range.createContextualFragment(markup));
}

describe('content added after load', () => {
  let page: TestPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });

  it('returning visitor: an app that renders gated content 2 s after load gets it run and its frame loaded, with the loader alone', async () => {
    storeCookie(record());
    // The first page view checks the config once; the next one is the returning visitor's.
    (await openPage({ config: { policy } })).remove();
    page = await openPage({ config: { policy }, before, body: '<main></main>' });
    expect((await page.kelisim.ready).view).to.equal('none');
    await sleep(2000);
    render(page, inline('analytics', 'route') + frame('analytics', 'a') + frame('marketing', 'm'));
    await waitFor(() => runs(page!).includes('route'), 2000, 'the gated script of the new route');
    const [analytics, marketing] = page.document.querySelectorAll('iframe');
    expect(analytics!.getAttribute('src')).to.equal('about:blank#a');
    expect(marketing!.hasAttribute('src'), 'refused stays empty').to.equal(false);
    // Nothing but the loader (and the reopen control, its own small chunk) for this: no interface, no decisions.
    expect(page.requested().filter((path) => /\/src\/(ui|i18n)\/|decisions|actions|config\/check/.test(path))).to.deep.equal([]);
  });

  it('first visit: a route rendered after the decision is gated by it', async () => {
    page = await openPage({ config: { policy }, before, body: '<main></main>' });
    await page.kelisim.accept(['analytics']);
    render(page, inline('analytics', 'a') + inline('marketing', 'm') + frame('analytics', 'f'));
    await waitFor(() => runs(page!).includes('a'), 2000, 'the analytics script');
    expect(runs(page)).to.deep.equal(['a']);
    expect(page.document.querySelector('iframe')!.getAttribute('src')).to.equal('about:blank#f');
  });

  it('holds content added before any decision, and runs it when a decision allows it', async () => {
    page = await openPage({ config: { policy }, before, body: '<main></main>' });
    render(page, inline('analytics', 'a') + frame('analytics', 'f'));
    await sleep(100);
    expect(runs(page)).to.deep.equal([]);
    expect(page.document.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    await page.kelisim.acceptAll();
    await waitFor(() => runs(page!).includes('a'), 2000, 'the script once allowed');
    expect(page.document.querySelector('iframe')!.getAttribute('src')).to.equal('about:blank#f');
  });

  it('runs each script once, in document order: added ones after those already in the page, external ones awaited', async () => {
    storeCookie(record());
    page = await openPage({
      config: { policy },
      before,
      body: `${inline('analytics', 'page-1')}${external('analytics', 'page-2')}${inline('analytics', 'page-3')}<main></main>`,
    });
    // Added while the page's own external script may still load: they wait for it.
    render(page, inline('analytics', 'added-1') + external('analytics', 'added-2') + inline('analytics', 'added-3'));
    await waitFor(() => runs(page!).length === 6, 3000, 'six scripts');
    // A second route, and decisions that look again: nothing runs twice.
    render(page, inline('analytics', 'route-2'), 'aside');
    await waitFor(() => runs(page!).length === 7, 2000, 'the second route');
    await page.kelisim.accept(['analytics']);
    await page.kelisim.scan();
    await sleep(100);
    expect(runs(page)).to.deep.equal(['page-1', 'page-2', 'page-3', 'added-1', 'added-2', 'added-3', 'route-2']);
  });

  it('handles thousands of nodes added one by one, and the gated ones among them once each', async () => {
    storeCookie(record());
    page = await openPage({ config: { policy }, before, body: '<main></main>' });
    const main = page.document.querySelector('main')!;
    for (let i = 0; i < 2000; i++) {
      const item = page.document.createElement('div');
      item.textContent = `item ${i}`;
      if (i % 500 === 0) item.innerHTML = inline('analytics', `in-${i}`);
      main.append(item);
      if (i % 100 === 0) await sleep(0);
    }
    await waitFor(() => runs(page!).length === 4, 2000, 'the four gated scripts');
    await sleep(100);
    expect(runs(page)).to.deep.equal(['in-0', 'in-500', 'in-1000', 'in-1500']);
  });

  it('Kelisim.scan(shadowRoot) gates a shadow root, keeps watching it, and a later decision reaches into it', async () => {
    storeCookie(record());
    page = await openPage({ config: { policy }, before, body: '<div id="widget"></div>' });
    const root = page.document.getElementById('widget')!.attachShadow({ mode: 'open' });
    root.innerHTML = `${frame('analytics', 'a')}${frame('marketing', 'm')}`;
    root.append(page.document.createRange().createContextualFragment(inline('analytics', 'shadow-1')));
    await sleep(100);
    // The document's observer does not see into a shadow root.
    expect(runs(page)).to.deep.equal([]);
    await page.kelisim.scan(root);
    expect(runs(page)).to.deep.equal(['shadow-1']);
    const [analytics, marketing] = root.querySelectorAll('iframe');
    expect(analytics!.getAttribute('src')).to.equal('about:blank#a');
    expect(marketing!.hasAttribute('src')).to.equal(false);
    // Watched from then on.
    root.append(page.document.createRange().createContextualFragment(inline('analytics', 'shadow-2')));
    await waitFor(() => runs(page!).includes('shadow-2'), 2000, 'a script added to the shadow root later');
    // And a decision activates what it held back.
    await page.kelisim.acceptAll();
    await waitFor(() => marketing!.getAttribute('src') === 'about:blank#m', 2000, 'the marketing frame once accepted');
    expect(runs(page)).to.deep.equal(['shadow-1', 'shadow-2']);
  });
});
