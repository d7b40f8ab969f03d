import { expect } from '@open-wc/testing';
import {
  cleanEachTest,
  clearStorage,
  openPage,
  POLICY,
  storeCookie,
  storedChoice,
  storedCookie,
  type TestPage,
  waitFor,
} from './support/page.js';

const daysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return d.toISOString().slice(0, 10);
};
const record = storedChoice;
const policy = POLICY;

describe('the loader', () => {
  let page: TestPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });

  it('announces the banner to a first-time visitor, with only required categories on', async () => {
    page = await openPage({ config: { policy } });
    const ready = page.window.__events.filter((e) => e.type === 'kelisim:ready');
    expect(ready).to.have.length(1);
    expect(ready[0]!.detail).to.deep.equal({ view: 'banner', consent: null });
    expect(page.kelisim.allows('necessary')).to.equal(true);
    expect(page.kelisim.allows('analytics')).to.equal(false);
    expect(page.kelisim.getConsent()).to.equal(null);
  });

  it('announces ready after window.Kelisim exists, so a listener can use the API', async () => {
    page = await openPage({
      config: { policy },
      before: `document.addEventListener('kelisim:ready', () => { window.apiAtReady = typeof window.Kelisim?.getConsent; });`,
    });
    expect((page.window as unknown as { apiAtReady?: string }).apiAtReady).to.equal('function');
  });

  /** A page view with this config and no choice yet: the browser checks the config once and remembers it clean. */
  async function visitOnce(options: Parameters<typeof openPage>[0]): Promise<void> {
    const first = await openPage(options);
    first.remove();
  }

  it('shows nothing to a returning visitor and never requests the interface, the decisions or the checks', async () => {
    // The first visit: the banner, and the visitor's own decision, written by the widget.
    const first = await openPage({ config: { policy } });
    await first.kelisim.acceptAll();
    first.remove();
    page = await openPage({ config: { policy } });
    const { view, consent } = await page.kelisim.ready;
    expect(view).to.equal('none');
    expect(consent).to.include({ policyVersion: '2026-06-01', storage: 'cookie' });
    expect(page.kelisim.allows('analytics')).to.equal(true);
    expect(
      page.requested().filter((path) => /\/src\/(ui|i18n)\/|decisions|actions|\/config\/check|schema|record\/(check|write)/.test(path)),
    ).to.deep.equal([]);
  });

  it('checks a stored value it did not write once, then takes it as it is', async () => {
    await visitOnce({ config: { policy } });
    storeCookie(record());
    const once = await openPage({ config: { policy } });
    expect((await once.kelisim.ready).view).to.equal('none');
    expect(once.requested()).to.include('/src/core/record/check.ts');
    // The check is a chunk of its own: the decisions (deciding, receipts, js-cookie) stay where they are.
    expect(once.requested().filter((path) => /decisions|actions|receipts|transport/.test(path))).to.deep.equal([]);
    once.remove();
    page = await openPage({ config: { policy } });
    expect((await page.kelisim.ready).view).to.equal('none');
    expect(page.kelisim.allows('analytics')).to.equal(true);
    expect(page.requested().filter((path) => /record\/(check|write)|\/config\/check|decisions|actions/.test(path))).to.deep.equal([]);
  });

  it('checks a config it has not seen clean before, then runs on it, without the interface for a returning visitor', async () => {
    await visitOnce({ config: { policy } });
    storeCookie(record());
    page = await openPage({ config: { policy, consentMaxAgeDays: 200 } });
    expect((await page.kelisim.ready).view).to.equal('none');
    expect(page.kelisim.allows('analytics')).to.equal(true);
    expect(page.requested()).to.include('/src/core/config/check.ts');
    expect(page.requested().filter((path) => /\/src\/(ui|i18n)\//.test(path))).to.deep.equal([]);
  });

  /** The interface's view with this part, once it is on screen in the page. */
  const shownPart = (page: TestPage, part: string) =>
    page.document.querySelector('kelisim-consent')?.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;

  it('imports the interface and shows the banner when the banner is needed', async () => {
    page = await openPage({ config: { policy } });
    await waitFor(() => !!shownPart(page!, 'banner'), 4000, 'the banner');
    expect(page.requested().some((path) => path.startsWith('/src/ui/mount'))).to.equal(true);
    expect(shownPart(page, 'banner')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  const entry = (page: TestPage, part: string) =>
    (page.window.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) =>
      new URL(e.name).pathname.startsWith(part),
    );

  it('on a first visit, downloads the interface and its texts while the checker looks at the config', async () => {
    page = await openPage({ config: { policy, language: 'ru' } });
    await waitFor(
      () => !!entry(page!, '/src/ui/mount') && !!entry(page!, '/src/i18n/ru') && !!entry(page!, '/src/core/config/check'),
      4000,
      'the chunks',
    );
    const checkerArrived = entry(page, '/src/core/config/check')!.responseEnd;
    expect(entry(page, '/src/ui/mount')!.startTime).to.be.at.most(checkerArrived);
    // The page's own language, unchecked, names the texts to fetch early.
    expect(entry(page, '/src/i18n/ru')!.startTime).to.be.at.most(checkerArrived);
    expect(!!entry(page, '/src/i18n/en')).to.equal(false);
  });

  it('starts the shown language before the interface asks for it, and leaves the decisions until the view is painted', async () => {
    await visitOnce({ config: { policy }, lang: 'ru' });
    page = await openPage({
      config: { policy },
      lang: 'ru',
      // When the interface element is placed: from then on it would ask for its texts itself.
      before: `new MutationObserver((_, observer) => { if (document.querySelector('kelisim-consent')) { window.mountedAt = performance.now(); observer.disconnect(); } }).observe(document, { childList: true, subtree: true });`,
    });
    const mounted = () => (page!.window as unknown as { mountedAt?: number }).mountedAt;
    await waitFor(() => !!entry(page!, '/src/i18n/ru') && mounted() !== undefined, 4000, 'the texts and the interface');
    const mountedAt = mounted()!;
    expect(entry(page, '/src/i18n/ru')!.startTime).to.be.below(mountedAt);
    // Fetched once the banner is on screen: not on its critical path, but there for a click.
    const decisions = () => entry(page!, '/src/core/decisions');
    expect(!decisions() || decisions()!.startTime > mountedAt, 'decisions requested before the interface was placed').to.equal(true);
    await waitFor(() => !!decisions(), 4000, 'the decisions, once the banner shows');
    // Booleans: chai cannot print another window's timing entries when it fails.
    expect(!!entry(page, '/src/i18n/en')).to.equal(false);
  });

  it('announces the change notice when the stored policy version is older', async () => {
    storeCookie(record({ policyVersion: '2025-01-01' }));
    page = await openPage({ config: { policy } });
    expect((await page.kelisim.ready).view).to.equal('notice');
  });

  it('accepts a change implicitly after the notice was seen and 7 calendar days passed (clause 1.2)', async () => {
    const published = daysAgo(8);
    storeCookie(
      record({ policyVersion: '2025-01-01', noticeSeen: { version: published, at: new Date(Date.now() - 3_600_000).toISOString() } }),
    );
    page = await openPage({ config: { policy: { version: published, publishedAt: published } } });
    const { view, consent } = await page.kelisim.ready;
    expect(view).to.equal('none');
    expect(consent).to.include({ policyVersion: published, policyAcceptedBy: 'implicit' });
    expect(consent!.categories).to.include({ analytics: true, marketing: false });
    expect(storedCookie(page.document)).to.include({ policyVersion: published, policyAcceptedBy: 'implicit' });
    expect(storedCookie(page.document)).not.to.have.property('noticeSeen');
  });

  it('does not accept implicitly for a visitor who never saw the notice', async () => {
    const published = daysAgo(30);
    storeCookie(record({ policyVersion: '2025-01-01' }));
    page = await openPage({ config: { policy: { version: published, publishedAt: published } } });
    expect((await page.kelisim.ready).view).to.equal('notice');
    expect(storedCookie(page.document)).to.include({ policyVersion: '2025-01-01' });
  });

  it('asks again when the stored value is corrupt, and says why', async () => {
    document.cookie = 'kelisim_consent=%7B%22v%22%3A1%2C; path=/';
    page = await openPage({ config: { policy } });
    expect((await page.kelisim.ready).view).to.equal('banner');
    expect(page.window.__events.find((e) => e.type === 'kelisim:error')!.detail).to.include({ code: 'storage' });
  });

  it('names every config problem in one console.error and one kelisim:error each, and still runs', async () => {
    page = await openPage({ config: { policy, layout: 'box', storage: 'disk', consentMaxAgeDays: -1, endpoint: 'javascript:alert(1)' } });
    expect(page.window.__errors).to.have.length(1);
    expect(page.window.__errors[0]).to.include('storage').and.include('consentMaxAgeDays').and.include('endpoint');
    const errors = page.window.__events.filter((e) => e.type === 'kelisim:error').map((e) => (e.detail as { key: string }).key);
    expect(errors).to.deep.equal(['storage', 'consentMaxAgeDays', 'endpoint']);
    expect((await page.kelisim.ready).view).to.equal('banner');
  });

  it('runs on a language that names a property of every object (__proto__, constructor), and names it', async () => {
    // The first visit's head start looks the language up before the checker has seen it.
    for (const language of ['__proto__', 'constructor', 'toString']) {
      page?.remove();
      clearStorage();
      page = await openPage({ config: { policy, language } });
      expect((await page.kelisim.ready).view, language).to.equal('banner');
      expect(page.window.__errors.join('\n'), language).to.include('- language:');
    }
  });

  it('reports invalid config JSON and runs on the defaults', async () => {
    page = await openPage({ configText: '{"policy": ' });
    expect(page.window.__errors[0]).to.include('#kelisim-config');
    expect((await page.kelisim.ready).view).to.equal('banner');
  });

  it('shows nothing and says so when a page policy has no version', async () => {
    page = await openPage({ config: { policy: { url: 'https://example.kz/privacy' } } });
    expect(await page.kelisim.ready).to.deep.equal({ view: 'none', consent: null });
    expect(page.window.__errors.join()).to.include('policy.version is required');
    // The interface may have downloaded beside the checker (a first visit's head start); it is never shown.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(page.document.querySelector('kelisim-consent')).to.equal(null);
  });

  it('waits for init() when its tag has data-manual', async () => {
    page = await openPage({ loaderAttributes: 'data-manual', waitReady: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.window.__events.some((e) => e.type === 'kelisim:ready')).to.equal(false);
    const detail = await page.kelisim.init({ policy, layout: 'modal' });
    expect(detail.view).to.equal('banner');
    expect(page.window.__events.filter((e) => e.type === 'kelisim:ready')).to.have.length(1);
  });

  it('applies a decision made before init() once it has started (data-manual)', async () => {
    page = await openPage({ loaderAttributes: 'data-manual', waitReady: false });
    const decided = page.kelisim.acceptAll();
    let settled = false;
    void decided.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled, 'settled before init()').to.equal(false);
    await page.kelisim.init({ policy });
    const consent = await decided;
    expect(consent).to.include({ policyVersion: '2026-06-01' });
    expect(consent!.categories).to.include({ necessary: true, analytics: true });
    expect(page.kelisim.allows('analytics')).to.equal(true);
  });

  describe('a cookie of the same name on a longer path', () => {
    /** Opens the fixture one folder deeper, where a cookie on `/test/fixtures` shadows ours on `/`. */
    async function openDeep(config: object = { policy }): Promise<NonNullable<TestPage['window']['Kelisim']>> {
      const frame = document.createElement('iframe');
      frame.src = '/test/fixtures/core-deep-page.html';
      document.body.append(frame);
      cleanups.push(() => frame.remove());
      const win = frame.contentWindow as TestPage['window'];
      await waitFor(() => !!win.Kelisim);
      await win.Kelisim!.init(config);
      return win.Kelisim!;
    }
    const cleanups: Array<() => void> = [];
    afterEach(() => {
      cleanups.splice(0).forEach((cleanup) => cleanup());
      document.cookie = 'kelisim_consent=; path=/test/fixtures; max-age=0';
    });

    it('is passed over when it is not a record: ours, on /, is read', async () => {
      storeCookie(record());
      document.cookie = 'kelisim_consent=leftover-from-another-app; path=/test/fixtures';
      const kelisim = await openDeep();
      expect(kelisim.getConsent()).to.include({ id: record().id, policyVersion: '2026-06-01' });
    });

    it('is passed over when it is a record this browser never wrote: ours is the one it wrote', async () => {
      // Ours on the deeper path (it comes first), a stranger's on / (it comes last).
      const config = { policy, cookie: { path: '/test/fixtures' } };
      const ours = (await (await openDeep(config)).acceptAll())!;
      cleanups.splice(0).forEach((cleanup) => cleanup());
      storeCookie(record({ id: 'aaaaaaaa-1111-4222-8333-444455556666', categories: { necessary: true } }));
      const kelisim = await openDeep(config);
      expect(kelisim.getConsent()).to.include({ id: ours.id });
      expect(kelisim.allows('analytics')).to.equal(true);
    });
  });

  it('refuses a second start after a config that cannot run, and decisions resolve to null', async () => {
    page = await openPage({ config: { policy: { url: '/privacy' } } });
    expect((await page.kelisim.ready).view).to.equal('none');
    await page.kelisim.init({ policy });
    expect(page.window.__errors.join()).to.include('already started');
    expect(page.window.__events.filter((e) => e.type === 'kelisim:ready')).to.have.length(1);
    expect(await page.kelisim.acceptAll()).to.equal(null);
  });

  it('keeps one widget when the script is included twice and init() is called again', async () => {
    page = await openPage({ config: { policy }, loaders: 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(page.window.__events.filter((e) => e.type === 'kelisim:ready')).to.have.length(1);
    await page.kelisim.init({ policy });
    expect(page.window.__errors.join()).to.include('already started');
  });

  it('gives crawlers no interface, but gating still applies', async () => {
    storeCookie(record());
    page = await openPage({
      config: { policy: { version: '2027-01-01' } },
      before: `Object.defineProperty(navigator, 'userAgent', { value: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });`,
      body: `<script type="text/plain" data-kelisim="analytics">window.ran = true</script>`,
    });
    expect((await page.kelisim.ready).view).to.equal('none');
    await waitFor(() => (page!.window as unknown as { ran?: boolean }).ran === true, 2000, 'the gated script');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.requested().some((path) => path.startsWith('/src/ui/'))).to.equal(false);
  });

  it('gives a headless browser the full interface', async () => {
    page = await openPage({
      config: { policy },
      before: `Object.defineProperty(navigator, 'userAgent', { value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' });`,
    });
    expect((await page.kelisim.ready).view).to.equal('banner');
  });

  it('decides through the API: the record is stored, gated scripts run, the page hears it', async () => {
    page = await openPage({
      config: { policy },
      body: `<script type="text/plain" data-kelisim="analytics">window.ran = (window.ran || 0) + 1</script>`,
    });
    const heard: unknown[] = [];
    const off = page.kelisim.on('consent', (detail) => heard.push(detail));
    const consent = await page.kelisim.acceptAll();
    expect(consent!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, partners: true });
    expect(storedCookie(page.document)).to.deep.include({ policyVersion: '2026-06-01', policyAcceptedBy: 'button', id: consent!.id });
    expect(page.kelisim.allows('marketing')).to.equal(true);
    await waitFor(() => (page!.window as unknown as { ran?: number }).ran === 1, 2000, 'the gated script');
    expect(heard).to.have.length(1);
    expect(heard[0]).to.deep.include({ method: 'accept-all', changed: ['analytics', 'marketing', 'partners'] });
    off();
    await page.kelisim.rejectAll();
    expect(heard).to.have.length(1);
    expect(page.kelisim.allows('marketing')).to.equal(false);
    expect(storedCookie(page.document)!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, partners: false });
  });

  it('accept(ids) allows exactly those, and withdraw() turns every optional one off', async () => {
    page = await openPage({ config: { policy } });
    await page.kelisim.accept(['analytics', 'unknown']);
    expect(page.kelisim.getConsent()!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
    const withdrawn = new Promise((resolve) => page!.document.addEventListener('kelisim:withdraw', resolve, { once: true }));
    await page.kelisim.withdraw();
    await withdrawn;
    expect(page.kelisim.allows('analytics')).to.equal(false);
  });

  it('setSubject({ minor: true }) keeps adult-only categories off', async () => {
    storeCookie(record({ categories: { necessary: true, analytics: true, marketing: true, partners: true } }));
    page = await openPage({ config: { policy } });
    page.kelisim.setSubject({ minor: true });
    expect(page.kelisim.allows('marketing')).to.equal(false);
    await waitFor(
      () => (storedCookie(page!.document)!.categories as Record<string, boolean>).marketing === false,
      2000,
      'the record to follow',
    );
    const consent = await page.kelisim.acceptAll();
    expect(consent!.categories).to.include({ analytics: true, marketing: false, partners: false });
  });

  it('opens the preferences from any element with data-kelisim-open', async () => {
    storeCookie(record());
    page = await openPage({ config: { policy }, body: '<button type="button" data-kelisim-open><span>Cookie settings</span></button>' });
    expect(shownPart(page, 'preferences'), 'before the click').to.equal(null);
    page.document.querySelector('span')!.click();
    await waitFor(() => (shownPart(page!, 'preferences') as HTMLDialogElement | null)?.open === true, 4000, 'the preferences dialog');
  });

  it('reports a corrupt stored value once, not again on every focus', async () => {
    document.cookie = 'kelisim_consent=%7Bbroken; path=/';
    page = await openPage({ config: { policy } });
    const errors = () => page!.window.__events.filter((e) => e.type === 'kelisim:error').length;
    expect(errors()).to.equal(1);
    page.window.dispatchEvent(new Event('focus'));
    page.window.dispatchEvent(new Event('focus'));
    expect(errors()).to.equal(1);
  });

  it('labels the reopen control in the visitor’s language, as the config sets it', async () => {
    storeCookie(record());
    page = await openPage({ config: { policy, language: 'ru' }, lang: 'en' });
    await waitFor(() => !!page!.document.querySelector('kelisim-reopen'), 3000, 'the reopen control');
    const button = page.document.querySelector('kelisim-reopen')!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal('Настройки конфиденциальности');
  });

  it('picks up a decision made in another tab without reload', async () => {
    page = await openPage({ config: { policy, storage: 'localStorage' } });
    const heard = new Promise<CustomEvent>((resolve) =>
      page!.document.addEventListener('kelisim:consent', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const value = JSON.stringify(record({ lang: 'kk' }));
    localStorage.setItem('kelisim_consent', value);
    page.window.dispatchEvent(new StorageEvent('storage', { key: 'kelisim_consent', newValue: value }));
    const { detail } = await heard;
    expect(detail.method).to.equal('sync');
    expect(page.kelisim.allows('analytics')).to.equal(true);
  });
});
