/**
 * Hostile configs through full page loads of the real loader (same-origin iframes,
 * test/support/page.ts): zero exceptions into the page, zero payloads run, one
 * console.error per checking stage (the loader's, then the interface's) naming every
 * rejected key, one `kelisim:error` per key, and the banner still rendered as text only.
 * A few dozen loads; the thousands of in-page runs are in config.test.ts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { configCase, namingErrors, type ConfigCase } from '../support/hardening-config.js';
import { FLAG, TEXT_PAYLOADS, markupInjected, payloadsRun } from '../support/hardening-payloads.js';
import { bucketName, endpointLog } from '../support/core-helpers.js';
import { cleanEachTest, clearStorage, openPage, waitFor, type PageOptions, type TestPage } from '../support/page.js';

// A new seed each run, printed with the figures; to replay a failure, put its seed (and path) here.
const seed = Date.now() % 1_000_000;
const figures = { loads: 0, pageErrors: 0, executed: 0 };

/** Run in the page before anything else: every error and rejection, counted. */
const LISTEN = `
  window.__pageErrors = [];
  addEventListener('error', (e) => window.__pageErrors.push(String(e.message || e.error)));
  addEventListener('unhandledrejection', (e) => window.__pageErrors.push('unhandled rejection: ' + e.reason));
`;

type Page = TestPage & { window: TestPage['window'] & { __pageErrors: string[] } };

/**
 * Opens a page with this config in its `<script type="application/json">`, written as a
 * site's template must write JSON into HTML: with `<` escaped, so that a `</script>` in a
 * text cannot end the element (the widget never sees that case: the browser cuts the JSON).
 */
async function load(options: PageOptions): Promise<Page> {
  figures.loads++;
  const { config, ...rest } = options;
  const configText = rest.configText ?? (config === undefined ? undefined : JSON.stringify(config).replace(/</g, '\\u003c'));
  return (await openPage({ lang: 'en', ...rest, configText, before: `${LISTEN}${options.before ?? ''}` })) as Page;
}

/** The widget's view, once the interface has rendered it (and so has checked its keys). */
async function shown(page: Page, part = 'banner'): Promise<ShadowRoot> {
  let root: ShadowRoot | null | undefined;
  await waitFor(
    () => !!(root = page.document.querySelector('kelisim-consent')?.shadowRoot)?.querySelector(`[part~="${part}"]`),
    4000,
    `the ${part}`,
  );
  return root!;
}

/** The lines of one console.error of kelisim: `- key: message` each. */
const lines = (logged: string) => logged.split('\n').filter((line) => line.startsWith('- '));

function settle(page: Page): void {
  const errors = page.window.__pageErrors.length;
  const executed = payloadsRun(page.window, window);
  figures.pageErrors += errors;
  figures.executed += executed;
  expect(page.window.__pageErrors, 'errors thrown into the page').to.deep.equal([]);
  expect(executed, 'payloads that ran').to.equal(0);
}

describe('hostile configs through the real loader', () => {
  let page: Page | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });
  after(() => {
    console.log(
      `kelisim hardening | configs through full page loads: ${figures.loads}; page errors: ${figures.pageErrors}; payloads executed: ${figures.executed}; seed ${seed}`,
    );
  });

  it('a few dozen generated configs: one console.error per stage naming each rejected key, banner as text, still deciding and sending', async () => {
    const bucket = bucketName('hardening-config');
    const cases = fc.sample(configCase({ englishOnly: true, absoluteLinks: true, endpoint: `${location.origin}/__endpoint/${bucket}` }), {
      numRuns: 28,
      seed,
    });
    for (const [i, c] of cases.entries()) {
      // The last page's own tasks (its decisions arrive after its banner) end before the next starts clean.
      await new Promise((resolve) => setTimeout(resolve, 50));
      clearStorage();
      await checkCase(c, i, bucket);
    }
    // 28 full page loads, each waiting for the interface's every part: longer than one test's default.
  }).timeout(120_000);

  async function checkCase(c: ConfigCase, i: number, bucket: string): Promise<void> {
    const left = `${document.cookie} ${Object.keys(localStorage).join(' ')}`.trim();
    const where = `case ${i} (seed ${seed}): ${JSON.stringify(c.config).slice(0, 300)}${left ? `\nleft by the last case: ${left.slice(0, 300)}` : ''}`;
    page = await load({ config: c.config });
    const ready = page.window.__events.filter((e) => e.type === 'kelisim:ready');
    expect(ready, where).to.have.length(1);
    expect((ready[0]!.detail as { view: string }).view, where).to.equal('banner');
    const root = await shown(page);
    // The interface's last stage: the text keys, checked once the rest of the texts arrive.
    await page.document.querySelector('kelisim-consent')!.whenReady();

    const logged = page.window.__errors.filter((line) => line.startsWith('kelisim:'));
    // The loader's stage, then the interface's two (its keys; the text keys): one line each that found something.
    const coreLine = c.core.length ? (logged[0] ?? '') : '';
    const uiLines = logged.slice(c.core.length ? 1 : 0);
    expect(uiLines.length, `${where}\nconsole.error: ${JSON.stringify(logged)}`).to.be.within(c.ui.length ? 1 : 0, c.ui.length ? 2 : 0);
    const uiLine = uiLines.join('\n');
    for (const [expected, line, stage] of [
      [c.core, coreLine, 'loader'],
      [c.ui, uiLine, 'interface'],
    ] as const) {
      const named = lines(line).map((l) => l.slice(2, l.indexOf(': ')));
      const errors = namingErrors(expected, named);
      expect(errors, `${where}\nthe ${stage}'s console.error: ${line.slice(0, 600)}`).to.deep.equal([]);
    }
    const events = page.window.__events.filter((e) => e.type === 'kelisim:error').map((e) => e.detail as { code: string; key: string });
    expect(
      events.every((e) => e.code === 'config'),
      where,
    ).to.equal(true);
    expect(events.length, `${where}: one kelisim:error per named key`).to.equal(lines(coreLine).length + lines(uiLine).length);

    const injected = markupInjected(root);
    expect(injected, `${where}: markup parsed`).to.deep.equal([]);
    if (c.title) expect(root.querySelector('[part~="banner"] h2')?.textContent, where).to.equal(c.title);
    const accept = root.querySelector<HTMLButtonElement>('[part~="accept-all"]')!;
    accept.click();
    await waitFor(() => page!.kelisim.getConsent() !== null, 2000, 'the decision');
    if (c.kept.some((k) => k.parts[0] === 'endpoint')) {
      const consentId = page.kelisim.getConsent()!.id;
      await waitFor(
        async () => (await endpointLog(bucket)).events.filter((e) => e.consentId === consentId).length === 2,
        4000,
        `${where}: banner.shown and consent.given at the endpoint`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    settle(page);
    page.remove();
    page = undefined;
  }

  it('JSON that does not parse, nests 100 000 deep, or weighs 2 MB: named, and the banner shows on the defaults', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const huge = JSON.stringify({
      policy: { version: '2026-06-01' },
      texts: { en: { bannerTitle: TEXT_PAYLOADS[0]!.padEnd(2_000_000, 'A') } },
    });
    for (const [configText, key] of [
      ['{"policy": ', '#kelisim-config'],
      [deep, null],
      [huge, 'texts.en.bannerTitle'],
      ['"<img src=x onerror=alert(1)>"', 'config'],
      ['null', null],
    ] as const) {
      clearStorage();
      page = await load({ configText });
      expect((await page.kelisim.ready).view).to.equal('banner');
      await shown(page);
      const logged = page.window.__errors.filter((line) => line.startsWith('kelisim:'));
      if (key) expect(logged.join('\n'), configText.slice(0, 40)).to.include(`- ${key}:`);
      expect(logged.length, configText.slice(0, 40)).to.be.at.most(1);
      settle(page);
      page.remove();
      page = undefined;
    }
  });

  it('a prototype-pollution config pollutes nothing, and every such key is named', async () => {
    const configText = `{"__proto__": {"polluted": 1, "reopenButton": false}, "constructor": {"prototype": {"polluted": 1}},
      "policy": {"version": "2026-06-01", "__proto__": {"url": "javascript:alert(1)"}},
      "cookie": {"__proto__": {"name": "x"}}, "texts": {"__proto__": {"bannerTitle": "polluted"}, "en": {"__proto__": {"acceptAll": "polluted"}}},
      "controller": {"name": "X", "__proto__": {"email": "a@b.kz"}}, "categories": [{"id": "necessary", "required": true, "__proto__": {"gpc": true}}]}`;
    page = await load({ configText });
    const root = await shown(page);
    const named = page.window.__errors.flatMap(lines).map((l) => l.slice(2, l.indexOf(': ')));
    expect(named).to.include.members([
      '__proto__',
      'constructor',
      'policy.__proto__',
      'cookie.__proto__',
      'texts.__proto__',
      'texts.en.__proto__',
      'controller.__proto__',
      'categories[0].__proto__',
    ]);
    const win = page.window as unknown as { Object: ObjectConstructor };
    expect(new win.Object() as Record<string, unknown>).not.to.have.property('polluted');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(root.querySelector('[part~="banner"] h2')?.textContent).not.to.equal('polluted');
    expect(root.querySelector('[part~="accept-all"]')?.textContent).not.to.equal('polluted');
    expect(root.querySelector('[part~="policy-link"]')?.getAttribute('href')).to.equal('https://edunavigator.kz/privacy');
    settle(page);
  });

  it('a page policy without a version: nothing shown, one console.error that says so, the interface never mounted', async () => {
    page = await load({
      config: {
        policy: { url: 'javascript:alert(1)', changes: { en: [TEXT_PAYLOADS[0]] } },
        texts: { en: { bannerTitle: TEXT_PAYLOADS[1] } },
      },
    });
    expect(await page.kelisim.ready).to.deep.equal({ view: 'none', consent: null });
    expect(page.window.__errors).to.have.length(1);
    expect(page.window.__errors[0]).to.include('- policy.version:');
    // A first visit may download the interface beside the config check; it is never mounted.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(page.document.querySelector('kelisim-consent')).to.equal(null);
    settle(page);
  });

  it('markup in <html lang> and an unknown language: the interface falls back, nothing runs', async () => {
    const lang = JSON.stringify(`"><img src=x onerror="window.${FLAG}=1"><x y="`);
    page = await load({
      before: `document.documentElement.lang = ${lang};`,
      config: { policy: { version: '2026-06-01' }, language: 'xx' },
    });
    const root = await shown(page);
    expect(page.window.__errors.join('\n')).to.include('- language:');
    expect(root.querySelector('[part~="banner"]')?.getAttribute('lang')).to.be.oneOf(['kk', 'ru', 'en']);
    settle(page);
  });
});
