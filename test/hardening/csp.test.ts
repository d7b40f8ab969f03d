/**
 * kelisim under a strict Content-Security-Policy with Trusted Types enforced
 * (test/fixtures/hardening-csp.html; the header comes from test/support/hardening-plugin.mjs):
 *
 *   default-src 'self'; style-src 'self'; require-trusted-types-for 'script';
 *   base-uri 'none'; object-src 'none'; script-src 'self' 'nonce-…'; trusted-types kelisim lit-html
 *
 * The widget works fully (banner, accept, gated scripts with the page's nonce, the reopen
 * button, the preferences) with zero violations. Without the nonce, or without the
 * `kelisim` policy name, the page's policy wins: the gated scripts it does not allow stay
 * blocked, everything else still works, and nothing throws into the page.
 */
import { expect } from '@open-wc/testing';
import { CSP_VARIANTS } from '../support/hardening-csp.mjs';
import { endpointLog } from '../support/core-helpers.js';
import { cleanEachTest, waitFor } from '../support/page.js';
import type { KelisimApi } from '../../src/kelisim.js';

interface CspWindow extends Window {
  Kelisim: KelisimApi;
  __violations: Array<{ directive: string; blocked: string; sample: string; source: string }>;
  __pageErrors: string[];
  __consoleErrors: string[];
  __kelisimErrors: Array<{ code: string; message: string }>;
  __gatedInline?: number;
  __gatedExternal?: number;
}

const figures = { loads: 0, violations: 0, pageErrors: 0 };

async function load(variant: keyof typeof CSP_VARIANTS): Promise<{ frame: HTMLIFrameElement; win: CspWindow; doc: Document }> {
  figures.loads++;
  const frame = document.createElement('iframe');
  frame.src = `/test/fixtures/hardening-csp.html?csp=${variant}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as CspWindow;
  await waitFor(() => !!win.Kelisim, 4000, 'the loader');
  await win.Kelisim.ready;
  return { frame, win, doc: frame.contentDocument! };
}

/** Presses a part of the widget's interface, as a visitor would. */
async function press(doc: Document, part: string): Promise<void> {
  let button: HTMLElement | null | undefined;
  await waitFor(
    () => !!(button = doc.querySelector('kelisim-consent')?.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`)),
    4000,
    part,
  );
  button!.click();
}

describe('a strict Content-Security-Policy with Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  cleanEachTest(() => {
    frame?.remove();
    frame = undefined;
  });
  after(() => {
    console.log(
      `kelisim hardening | strict CSP: ${figures.loads} page loads; violations where the policy allows the widget: ${figures.violations}; page errors: ${figures.pageErrors}`,
    );
  });

  it('the header is on the fixture only, and is the strict one', async () => {
    const strict = await fetch('/test/fixtures/hardening-csp.html');
    const header = strict.headers.get('content-security-policy');
    expect(header).to.equal(CSP_VARIANTS.strict);
    for (const directive of [
      "default-src 'self'",
      "style-src 'self'",
      "require-trusted-types-for 'script'",
      'trusted-types kelisim lit-html',
    ])
      expect(header).to.include(directive);
    expect(header).not.to.match(/unsafe-(inline|eval)|strict-dynamic/);
    expect((await fetch('/test/fixtures/core-tab.html')).headers.get('content-security-policy')).to.equal(null);
  });

  it('works fully with zero violations: banner, accept, gated scripts once, receipts, the reopen button, the preferences', async () => {
    const page = await load('strict');
    frame = page.frame;
    const { win, doc } = page;
    expect(win.__gatedInline, 'nothing gated runs before consent').to.equal(undefined);
    // The gated frame's placeholder: drawn under the same policy (CSSOM and a constructed stylesheet).
    await waitFor(() => !!doc.querySelector('kelisim-embed')?.shadowRoot?.querySelector('[part~="allow"]'), 4000, 'the placeholder');
    await press(doc, 'accept-all');
    await waitFor(
      () => !doc.querySelector('kelisim-embed') && !!doc.querySelector('iframe[data-kelisim]')?.getAttribute('src'),
      4000,
      'the frame in its place',
    );
    await waitFor(() => win.__gatedInline === 1 && win.__gatedExternal === 1, 4000, 'the gated inline (nonce) and external scripts');
    const consent = win.Kelisim.getConsent()!;
    expect(consent.categories.analytics).to.equal(true);
    // Receipts went out under connect-src 'self'.
    await waitFor(
      async () => (await endpointLog('hardening-csp')).events.filter((e) => e.consentId === consent.id).length === 2,
      4000,
      'banner.shown and consent.given',
    );
    // The reopen button (a constructed stylesheet: allowed by style-src 'self'), and the preferences it opens.
    await waitFor(() => !!doc.querySelector('kelisim-reopen'), 4000, 'the reopen button');
    doc.querySelector('kelisim-reopen')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reopen"]')!.click();
    await press(doc, 'save');
    // Decided again, twice: the gated scripts ran once, and only once.
    await win.Kelisim.rejectAll();
    await win.Kelisim.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([win.__gatedInline, win.__gatedExternal]).to.deep.equal([1, 1]);
    figures.violations += win.__violations.length;
    figures.pageErrors += win.__pageErrors.length;
    expect(win.__violations, 'CSP violations').to.deep.equal([]);
    expect(win.__pageErrors, 'errors in the page').to.deep.equal([]);
    expect(win.__consoleErrors).to.deep.equal([]);
  });

  it('without the nonce in the policy: the gated inline script stays blocked (the widget never launders it), the rest works', async () => {
    const page = await load('no-nonce');
    frame = page.frame;
    const { win, doc } = page;
    await press(doc, 'accept-all');
    await waitFor(() => win.__gatedExternal === 1, 4000, 'the gated external script');
    await waitFor(() => !!doc.querySelector('kelisim-reopen'), 4000, 'the reopen button');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.__gatedInline).to.equal(undefined);
    expect(win.__violations.map((v) => [v.directive, v.blocked])).to.deep.equal([['script-src-elem', 'inline']]);
    expect(win.__pageErrors).to.deep.equal([]);
    figures.pageErrors += win.__pageErrors.length;
  });

  it('without the kelisim policy name: its gated scripts stay blocked, everything else works, nothing throws into the page', async () => {
    const page = await load('no-kelisim-policy');
    frame = page.frame;
    const { win, doc } = page;
    await press(doc, 'accept-all');
    await waitFor(() => !!doc.querySelector('kelisim-reopen'), 4000, 'the reopen button');
    await waitFor(() => win.__violations.length >= 3, 4000, 'the violations the browser reports');
    expect(win.Kelisim.getConsent()?.categories.analytics).to.equal(true);
    expect([win.__gatedInline, win.__gatedExternal]).to.deep.equal([undefined, undefined]);
    // The policy name refused, then each sink: the browser tells the site what to add.
    expect(win.__violations.map((v) => v.directive)).to.deep.equal([
      'trusted-types',
      'require-trusted-types-for',
      'require-trusted-types-for',
    ]);
    expect(win.__violations[0]!.sample).to.equal('kelisim');
    expect(win.__pageErrors, 'a blocked gated script must not break the page or the later ones').to.deep.equal([]);
    figures.pageErrors += win.__pageErrors.length;
  });

  it('without the lit-html policy name: no interface, and a ui kelisim:error says why; the API still decides and gates', async () => {
    const page = await load('no-lit-policy');
    frame = page.frame;
    const { win, doc } = page;
    await waitFor(() => win.__kelisimErrors.some((e) => e.code === 'ui'), 4000, 'the ui error');
    expect(doc.querySelector('kelisim-consent')?.shadowRoot?.querySelector('[part~="banner"]') ?? null).to.equal(null);
    expect(win.__violations.map((v) => [v.directive, v.sample])).to.deep.include(['trusted-types', 'lit-html']);
    await win.Kelisim.acceptAll();
    await waitFor(() => win.__gatedInline === 1 && win.__gatedExternal === 1, 4000, 'the gated scripts');
    expect(win.__pageErrors).to.deep.equal([]);
    figures.pageErrors += win.__pageErrors.length;
  });
});
