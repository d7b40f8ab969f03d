import { expect } from '@open-wc/testing';
import { resolveConfig } from '../config/check.js';
import { clearCookies } from './cookies.js';
import { activateGated } from './scripts.js';
import { createSession, type Session } from '../session/session.js';
import { cleanPage, cookieNames, setCookie, waitFor } from '../../../test/support/core-helpers.js';

declare global {
  interface Window {
    /** Names of the gated scripts that ran, in order (inline ones and test/fixtures/core-gated.js). */
    __gatedRuns?: string[];
  }
}

/** The order in which gated scripts ran. */
const runs = (): string[] => window.__gatedRuns ?? [];

/** An inline gated script that records `name` when it runs. */
const inline = (categories: string, name: string) =>
  `<script type="text/plain" data-kelisim="${categories}">window.__gatedRuns.push(${JSON.stringify(name)})</script>`;

/** An external gated script (test/fixtures/core-gated.js) that records `name` when it runs. */
const external = (categories: string, name: string) =>
  `<script type="text/plain" data-kelisim="${categories}" src="/test/fixtures/core-gated.js?name=${name}"></script>`;

const only =
  (...ids: string[]) =>
  (id: string): boolean =>
    ids.includes(id);

describe('gating', () => {
  let host: HTMLDivElement;

  /** Puts gated markup in the page, as a site would write it. */
  function page(markup: string): void {
    host.innerHTML = markup;
  }

  beforeEach(() => {
    cleanPage();
    window.__gatedRuns = [];
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    host.remove();
    delete window.__gatedRuns;
    cleanPage();
  });

  it('runs nothing before its category is allowed', async () => {
    page(inline('analytics', 'a') + external('analytics', 'b') + inline('necessary', 'n'));
    await activateGated(only('necessary'));
    expect(runs()).to.deep.equal(['n']);
    expect([...host.querySelectorAll('script[type="text/plain"]')]).to.have.length(2);
  });

  it('runs inline and src scripts once allowed, in document order', async () => {
    page(
      inline('analytics', 'a') +
        external('analytics', 'b') +
        inline('marketing', 'skipped') +
        inline('analytics', 'c') +
        external('analytics', 'd') +
        inline('analytics', 'e'),
    );
    await activateGated(only('analytics'));
    expect(runs()).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    // The refused one stays inert, ready for a later decision.
    expect(host.querySelector('script[type="text/plain"]')!.textContent).to.include('skipped');
  });

  it('runs each script once when activation is called again', async () => {
    page(inline('analytics', 'a') + external('analytics', 'b') + inline('analytics', 'c'));
    await activateGated(only('analytics'));
    await activateGated(only('analytics'));
    expect(runs()).to.deep.equal(['a', 'b', 'c']);
  });

  it('runs each script once when two activations overlap', async () => {
    page(inline('analytics', 'a') + external('analytics', 'b') + inline('analytics', 'c') + external('analytics', 'd'));
    await Promise.all([activateGated(only('analytics')), activateGated(only('analytics'))]);
    expect([...runs()].sort()).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('keeps document order when a second activation starts while a src script loads', async () => {
    // The loader activates at start; a decision a moment later activates again.
    page(
      inline('analytics', 'a') +
        external('analytics', 'b') +
        inline('analytics', 'c') +
        external('analytics', 'd') +
        inline('analytics', 'e'),
    );
    await Promise.all([activateGated(only('analytics')), activateGated(only('analytics'))]);
    expect(runs()).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
  });

  it('needs every category that data-kelisim names', async () => {
    page(inline('analytics marketing', 'both') + '<iframe data-kelisim="analytics  marketing" data-src="about:blank#both"></iframe>');
    await activateGated(only('analytics'));
    expect(runs()).to.deep.equal([]);
    expect(host.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    await activateGated(only('analytics', 'marketing'));
    expect(runs()).to.deep.equal(['both']);
    expect(host.querySelector('iframe')!.getAttribute('src')).to.equal('about:blank#both');
  });

  it('gives a gated iframe its src only when allowed', async () => {
    page(
      '<iframe data-kelisim="marketing" data-src="about:blank#m"></iframe><iframe data-kelisim="analytics" data-src="about:blank#a"></iframe>',
    );
    const [marketing, analytics] = host.querySelectorAll('iframe');
    await activateGated(only('analytics'));
    expect(marketing!.hasAttribute('src')).to.equal(false);
    expect(analytics!.getAttribute('src')).to.equal('about:blank#a');
  });

  it('keeps the attributes of a gated script, and runs data-type="module" as a module', async () => {
    page(
      '<script type="text/plain" id="tag" data-kelisim="analytics" data-extra="x">window.__gatedRuns.push("classic")</script>' +
        '<script type="text/plain" data-type="module" data-kelisim="analytics">window.__gatedRuns.push(typeof import.meta.url)</script>',
    );
    await activateGated(only('analytics'));
    const tag = host.querySelector('#tag') as HTMLScriptElement;
    expect(tag.type).to.equal('text/javascript');
    expect(tag.dataset.extra).to.equal('x');
    expect(tag.dataset.kelisim).to.equal('analytics');
    await waitFor(() => runs().length === 2, 2000, 'the module to run');
    expect(runs()).to.deep.equal(['classic', 'string']);
  });

  describe('through the session', () => {
    let session: Session;

    beforeEach(async () => {
      const { config } = resolveConfig({ cookie: { name: `gating_${Math.random().toString(36).slice(2)}` } });
      session = createSession(config, {}, {});
    });

    it('runs nothing at start for a first visit, and the allowed scripts after a decision', async () => {
      page(inline('analytics', 'a') + inline('marketing', 'm') + inline('necessary', 'n'));
      await session.start();
      await waitFor(() => runs().length > 0, 2000, 'the necessary script');
      expect(runs()).to.deep.equal(['n']);
      (await session.actions()).accept(['analytics']);
      await waitFor(() => runs().length === 2, 2000, 'the analytics script');
      expect(runs()).to.deep.equal(['n', 'a']);
    });
  });
});

describe('cookie clearing', () => {
  const analyticsCookies = ['_ga', '_ga_ABC123', '_gid', '_gat_UA1', '_ym_uid'];
  const marketingCookies = ['_fbp', '_gcl_au', 'tmr_lvid'];
  /** Cookies no category claims, and near misses of the patterns. */
  const otherCookies = ['site_session', '_gax', 'x_ga_1'];

  let session: Session;

  function setAll(): void {
    for (const name of [...analyticsCookies, ...marketingCookies, ...otherCookies]) setCookie(name, '1');
  }

  beforeEach(async () => {
    cleanPage();
    const { config } = resolveConfig({ cookie: { name: `clearing_${Math.random().toString(36).slice(2)}` } });
    session = createSession(config, {}, {});
    await session.start();
    setAll();
  });
  afterEach(cleanPage);

  it('keeps the cookies of allowed categories', async () => {
    (await session.actions()).acceptAll();
    expect(cookieNames()).to.include.members([...analyticsCookies, ...marketingCookies, ...otherCookies]);
  });

  it('clears the cookies of refused categories on reject, by pattern, on the host', async () => {
    (await session.actions()).rejectAll();
    const left = cookieNames();
    expect(left).to.include.members(otherCookies);
    expect(left).to.not.include.any.members([...analyticsCookies, ...marketingCookies]);
  });

  it('clears only the refused categories on a custom choice', async () => {
    (await session.actions()).accept(['analytics']);
    const left = cookieNames();
    expect(left).to.include.members([...analyticsCookies, ...otherCookies]);
    expect(left).to.not.include.any.members(marketingCookies);
  });

  it('clears them on withdrawal, after an earlier accept', async () => {
    const actions = await session.actions();
    actions.acceptAll();
    setAll(); // the trackers ran and set their cookies again
    actions.withdraw();
    const left = cookieNames();
    expect(left).to.include.members(otherCookies);
    expect(left).to.not.include.any.members([...analyticsCookies, ...marketingCookies]);
    expect(left).to.include(session.config.cookie.name);
  });

  it('matches patterns literally apart from *', () => {
    for (const name of ['my.cookie', 'myXcookie', 'a+b_1', 'aab_1']) setCookie(name, '1');
    const cleared = clearCookies([{ id: 'custom', cookies: ['my.cookie', 'a+b_*'] }]);
    expect(cleared.sort()).to.deep.equal(['a+b_1', 'my.cookie']);
    expect(cookieNames()).to.include.members(['myXcookie', 'aab_1']);
    expect(cookieNames()).to.not.include.any.members(['my.cookie', 'a+b_1']);
  });

  it("clears the cookies of a refused category's services too", () => {
    for (const name of ['_ym_uid', '_ym_d', 'tmr_lvid', 'kept']) setCookie(name, '1');
    const analytics = {
      id: 'analytics',
      services: [
        { name: 'Yandex Metrica', country: 'RU', cookies: ['_ym_*'] },
        { name: 'VK Ads', country: 'RU', cookies: ['tmr_*'] },
      ],
    };
    expect(clearCookies([analytics]).sort()).to.deep.equal(['_ym_d', '_ym_uid', 'tmr_lvid']);
    expect(cookieNames()).to.include('kept');
  });

  it('clears on the host even when a cookie domain is configured', () => {
    const cleared = clearCookies([{ id: 'analytics', cookies: ['_ga_*'] }], '.edunavigator.kz');
    expect(cleared).to.deep.equal(['_ga_ABC123']);
    expect(cookieNames()).to.not.include('_ga_ABC123');
  });
});
