/**
 * The placeholder of a blocked `<iframe data-kelisim data-src>` (issue 14, SPEC §6): in real
 * pages with the real loader (`openPage`), and in this page for axe.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { resolveConfig } from '../src/core/config/check.js';
import { createSession } from '../src/core/session/session.js';
import { VERSION } from '../src/core/version.js';
import { hold } from '../src/embeds/placeholder.js';
import { WORDS } from '../src/embeds/words.js';
import { en, kk, ru } from './support/texts.js';
import { waitForLog } from './support/core-helpers.js';
import { cleanEachTest, openPage, POLICY, storeCookie, storedChoice, storedCookie, type TestPage, waitFor } from './support/page.js';

const policy = POLICY;

const record = (categories?: Record<string, boolean>) => storedChoice(categories ? { categories } : {});

/** A video a site embeds; its host is never contacted in these tests before consent. */
const VIDEO = 'https://www.youtube-nocookie.com/embed/kelisim-test';
/** A frame on the test server, for the allowed case: its request is visible in resource timing. */
const LOCAL = '/test/fixtures/embed-frame.html';

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The placeholder standing for the page's (first) gated frame, and its parts. */
const placeholder = (page: TestPage) => page.document.querySelector('kelisim-embed') as HTMLElement | null;
const part = (host: HTMLElement, name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const fetched = (page: TestPage, what: string) =>
  page.window.performance.getEntriesByType('resource').some((entry) => entry.name.includes(what));

/** A page with a gated frame between two paragraphs; the visitor is returning (analytics on, marketing off) unless `first`. */
async function embedPage(options: { frame?: string; lang?: string; config?: object; first?: boolean } = {}): Promise<TestPage> {
  if (!options.first) storeCookie(record());
  const frame = options.frame ?? `<iframe data-kelisim="marketing" data-src="${VIDEO}" width="560" height="315"></iframe>`;
  const page = await openPage({
    config: { policy, ...options.config },
    lang: options.lang ?? 'en',
    before: `window.__shifts = []; new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });`,
    body: `<style>body{margin:8px;font:16px/1.5 sans-serif}</style><h1>A page</h1><p id="above">Above the video.</p>${frame}<p id="below">Below the video.</p>`,
  });
  await waitFor(() => !!placeholder(page), 3000, 'the placeholder');
  return page;
}

describe('embed placeholders', () => {
  let page: TestPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('stands in the blocked frame’s place at its size, says what it is and what it needs, and fetches nothing from its host', async () => {
    page = await embedPage();
    const host = placeholder(page)!;
    const frame = page.document.querySelector('iframe')!;
    // Booleans, not elements: chai cannot print another window's elements when it fails (it hangs).
    expect(host.nextElementSibling === frame, 'right before the frame').to.equal(true);
    expect(getComputedStyle(frame).display).to.equal('none');
    // 560 × 315 and the frame's default 2px border: its box, exactly.
    const box = host.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([564, 319]);
    expect(part(host, 'title').textContent).to.equal('youtube-nocookie.com');
    expect(part(host, 'message').textContent).to.equal('Content from youtube-nocookie.com loads only with your consent to “Marketing”.');
    expect(part(host, 'allow').textContent).to.equal('Allow “Marketing”');
    expect(part(host, 'open-preferences').textContent).to.equal('Privacy settings');
    expect(part(host, 'embed').getAttribute('role')).to.equal('group');
    expect(frame.hasAttribute('src')).to.equal(false);
    await sleep(200);
    expect(fetched(page, 'youtube'), 'a request to the embed’s host').to.equal(false);
    expect(host.shadowRoot!.querySelectorAll('img, link, [src]').length, 'images, links, sources').to.equal(0);
  });

  it('names the frame by data-kelisim-title, and the category as the page’s own texts name it', async () => {
    page = await embedPage({
      frame: `<iframe data-kelisim="marketing" data-kelisim-title="Campus tour (YouTube)" data-src="${VIDEO}" width="320" height="180"></iframe>`,
      config: { texts: { en: { 'category.marketing.name': 'Advertising' } } },
    });
    const host = placeholder(page)!;
    expect(part(host, 'title').textContent).to.equal('Campus tour (YouTube)');
    expect(part(host, 'allow').textContent).to.equal('Allow “Advertising”');
  });

  for (const [lang, message, allow, settings] of [
    [
      'kk',
      'youtube-nocookie.com мазмұны «Маркетинг» санатына келісім бергенде ғана жүктеледі.',
      '«Маркетинг» санатына рұқсат ету',
      'Құпиялылық баптаулары',
    ],
    [
      'ru',
      'Содержимое с youtube-nocookie.com загрузится только с вашего согласия на категорию «Маркетинг».',
      'Разрешить «Маркетинг»',
      'Настройки конфиденциальности',
    ],
  ]) {
    it(`speaks the visitor’s language: ${lang}`, async () => {
      page = await embedPage({ lang });
      const host = placeholder(page)!;
      expect(part(host, 'embed').getAttribute('lang')).to.equal(lang);
      expect(part(host, 'message').textContent).to.equal(message);
      expect(part(host, 'allow').textContent).to.equal(allow);
      expect(part(host, 'open-preferences').textContent).to.equal(settings);
    });
  }

  it('names the built-in categories exactly as the widget’s texts do', () => {
    for (const [lang, texts] of [
      ['kk', kk],
      ['ru', ru],
      ['en', en],
    ] as const) {
      for (const id of ['necessary', 'analytics', 'marketing', 'partners']) {
        expect(WORDS[lang].categories[id], `${lang} ${id}`).to.equal((texts as unknown as Record<string, string>)[`category.${id}.name`]);
      }
    }
  });

  it('its button allows exactly its category, as a custom decision whose receipt is proven by the placeholder’s words', async () => {
    const bucket = `embed-${Math.random().toString(36).slice(2)}`;
    page = await embedPage({
      frame: `<iframe data-kelisim="marketing" data-src="${LOCAL}" width="300" height="150"></iframe>`,
      config: { endpoint: `${location.origin}/__endpoint/${bucket}` },
    });
    const host = placeholder(page)!;
    const words = [...host.shadowRoot!.querySelectorAll('[part~="title"], [part~="message"], button')].map((node) => node.textContent);
    const heard: unknown[] = [];
    page.kelisim.on('consent', (detail) => heard.push(detail));
    part(host, 'allow').click();
    await waitFor(() => heard.length === 1, 3000, 'the decision');
    expect(heard[0]).to.deep.include({ method: 'custom', changed: ['marketing'] });
    // Analytics stays on, partners off: the current choice plus this category.
    expect(storedCookie(page.document)!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, partners: false });
    const frame = page.document.querySelector('iframe')!;
    await waitFor(
      () => !page!.document.querySelector('kelisim-embed') && frame.getAttribute('src') === LOCAL,
      2000,
      'the frame in its place',
    );
    expect(getComputedStyle(frame).display).to.equal('inline');
    const log = await waitForLog(bucket, (entries) => entries.events.some((event) => event.type === 'consent.updated'), 'the receipt');
    const receipt = log.events.find((event) => event.type === 'consent.updated')!;
    expect(receipt).to.deep.include({ method: 'custom', consentId: record().id, uiVersion: VERSION });
    expect(receipt.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, partners: false });
    expect(receipt.textsHash).to.equal(await sha256(words.join('\n')));
  });

  it('nothing moves when the frame takes its place again, nor when the placeholder came', async () => {
    page = await embedPage({
      frame: `<iframe data-kelisim="marketing" data-src="${LOCAL}" width="480" height="270" style="display:block;margin:24px 0"></iframe>`,
    });
    const below = () => page!.document.getElementById('below')!.getBoundingClientRect().top;
    const before = below();
    expect(getComputedStyle(placeholder(page)!).display).to.equal('block');
    // Through the API rather than a click: a shift right after input would not count as one.
    await page.kelisim.accept(['analytics', 'marketing']);
    await waitFor(() => !placeholder(page!), 2000, 'the frame back');
    expect(below()).to.equal(before);
    await sleep(300);
    expect((page.window as unknown as { __shifts: number[] }).__shifts).to.deep.equal([]);
    expect(fetched(page, LOCAL), 'the frame loads once allowed').to.equal(true);
  });

  it('for a known minor and an adult-only category: no allow button, it says who must agree, and offers the preferences', async () => {
    storeCookie(record());
    page = await openPage({ config: { policy }, body: '<div id="outlet"></div>' });
    page.kelisim.setSubject({ minor: true });
    await sleep(50);
    page.document.getElementById('outlet')!.innerHTML = `<iframe data-kelisim="marketing" data-src="${VIDEO}"></iframe>`;
    await waitFor(() => !!placeholder(page!), 3000, 'the placeholder');
    const host = placeholder(page)!;
    expect(!!host.shadowRoot!.querySelector('[part~="allow"]'), 'an allow button').to.equal(false);
    expect(part(host, 'message').textContent).to.include('legal representative');
    part(host, 'open-preferences').click();
    await waitFor(
      () =>
        (page!.document.querySelector('kelisim-consent')?.shadowRoot?.querySelector('[part~="preferences"]') as HTMLDialogElement | null)
          ?.open === true,
      4000,
      'the preferences',
    );
  });

  it('a minor set after it was drawn: its button says so instead of deciding', async () => {
    page = await embedPage();
    page.kelisim.setSubject({ minor: true });
    await sleep(50);
    const host = placeholder(page)!;
    part(host, 'allow').click();
    await waitFor(() => !host.shadowRoot!.querySelector('[part~="allow"]'), 2000, 'the minor’s message');
    expect(part(host, 'message').textContent).to.include('legal representative');
    expect(host.shadowRoot!.activeElement === part(host, 'open-preferences'), 'the focus on Privacy settings').to.equal(true);
    expect(storedCookie(page.document)!.categories).to.include({ marketing: false });
  });

  it('leaves with its frame: a route change that removes the frame removes the placeholder', async () => {
    page = await embedPage();
    page.document.querySelector('iframe')!.remove();
    await waitFor(() => !placeholder(page!), 2000, 'the placeholder gone');
  });

  it('is not downloaded by a page without a blocked frame', async () => {
    storeCookie(record({ necessary: true, analytics: true, marketing: true, partners: true }));
    page = await openPage({ config: { policy }, body: `<iframe data-kelisim="marketing" data-src="${LOCAL}"></iframe>` });
    await waitFor(() => page!.document.querySelector('iframe')!.getAttribute('src') === LOCAL, 2000, 'the allowed frame');
    await sleep(100);
    expect(page.requested().filter((path) => path.startsWith('/src/embeds/'))).to.deep.equal([]);
  });
});

describe('embed placeholders, in this page: keyboard and axe', () => {
  const added: HTMLElement[] = [];
  afterEach(() => added.splice(0).forEach((node) => node.remove()));

  /** A blocked frame after a focusable button, its placeholder drawn by a session of this page. */
  function blocked(src = VIDEO) {
    const { config, deferred } = resolveConfig({ language: 'en', cookie: { name: `embed_${Math.random().toString(36).slice(2)}` } });
    const session = createSession(config, deferred, { mount: () => {} });
    const before = document.createElement('button');
    before.textContent = 'Before';
    const frame = document.createElement('iframe');
    Object.assign(frame.dataset, { kelisim: 'marketing', src });
    frame.width = '560';
    frame.height = '315';
    document.body.append(before, frame);
    hold([frame], session);
    const host = document.querySelector('kelisim-embed') as HTMLElement;
    added.push(before, frame, host);
    return { before, frame, host };
  }

  it('works from the keyboard: Tab reaches the button, Enter allows, and the focus lands on the frame', async () => {
    const { before, frame, host } = blocked(LOCAL);
    expect(part(host, 'embed').getAttribute('aria-labelledby')).to.equal(part(host, 'title').id);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(host.shadowRoot!.activeElement).to.equal(part(host, 'allow'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !host.isConnected, 3000, 'the frame back');
    expect(frame.getAttribute('src')).to.equal(LOCAL);
    await waitFor(() => document.activeElement === frame, 2000, 'the focus on the frame');
    before.focus();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds nothing (${scheme})`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const { host } = blocked();
      await expect(host).to.be.accessible();
      await emulateMedia({ colorScheme: 'light' });
    });
  }
});
