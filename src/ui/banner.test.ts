import { expect } from '@open-wc/testing';
import { en, kk, ru } from '../../test/support/texts.js';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { ShownView } from '../core/session/actions.js';
import type { ReceiptEvent } from '../core/types.js';
import { focused, part, press, readRecord, recordEvents, resetPage, sendGpc, settle, start, tabTo, until } from '../../test/support/ui.js';
import { VERSION } from '../core/version.js';

/** The optional categories' values in the stored record. */
const optional = () => {
  const { analytics, marketing, partners } = readRecord()!.categories;
  return { analytics, marketing, partners };
};

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

describe('first-visit banner', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the summary, the policy link and three actions of equal weight', async () => {
    const { root } = await start();
    expect(part(root, 'banner').getAttribute('aria-labelledby')).to.equal('banner-title');
    expect(part(root, 'title').textContent).to.equal(en.bannerTitle);
    expect(part(root, 'intro').textContent).to.equal(en.bannerIntro.replace('{controller}', 'BTS Education LLP'));
    const items = [...root.querySelectorAll('[part~="summary-item"]')] as HTMLDetailsElement[];
    expect(items.map((item) => item.querySelector('summary')!.textContent)).to.deep.equal([
      en.summaryWhoTitle,
      en.summaryWhatTitle,
      en.summaryWhyTitle,
      en.summaryWhereTitle,
      en.summarySharingTitle,
      en.summaryRightsTitle,
      en.summarySecurityTitle,
    ]);
    expect(
      items.every((item) => !item.open),
      'layered: collapsed at first',
    ).to.be.true;
    expect(part<HTMLAnchorElement>(root, 'policy-link').href).to.equal('https://edunavigator.kz/privacy');

    const actions = ['accept-all', 'reject-all', 'open-preferences'].map((name) => part(root, name));
    expect(actions.map((a) => a.textContent!.trim())).to.deep.equal([en.acceptAll, en.rejectAll, en.choose]);
    const boxes = actions.map((a) => a.getBoundingClientRect());
    const styles = actions.map((a) => getComputedStyle(a));
    for (let i = 1; i < 3; i++) {
      expect(boxes[i]!.width, 'same width').to.be.closeTo(boxes[0]!.width, 1);
      expect(boxes[i]!.height, 'same height').to.be.closeTo(boxes[0]!.height, 1);
      for (const property of ['background-color', 'color', 'font-weight', 'font-size', 'border-top-color']) {
        expect(styles[i]!.getPropertyValue(property), property).to.equal(styles[0]!.getPropertyValue(property));
      }
    }
  });

  it('names the controller in the Who part, in the visitor’s language', async () => {
    const { root } = await start({ config: { language: 'ru' } });
    // A closed part's sentences are not in the page: what a receipt proves is what was on screen.
    expect(root.querySelector('[part~="summary-item"] p')).to.equal(null);
    root.querySelector<HTMLElement>('[part~="summary-item"] summary')!.click();
    const who = (await until(() => root.querySelector('[part~="summary-item"] p'), 'the Who part opened')).textContent!;
    expect(who).to.equal(ru.summaryWho.replace('{controller}', 'ТОО «BTS Education»'));
  });

  it('expands a summary part with the keyboard', async () => {
    const { root } = await start();
    const who = root.querySelector<HTMLDetailsElement>('[part~="summary-item"]')!;
    await tabTo(who.querySelector('summary')!);
    await press('Enter');
    expect(who.open).to.be.true;
    expect(who.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('accept all (mouse) stores every optional category, tells the page and closes', async () => {
    const { root, element } = await start();
    const events = recordEvents();
    part(root, 'accept-all').click();
    expect(optional()).to.deep.equal({ analytics: true, marketing: true, partners: true });
    expect(readRecord()).to.include({ policyVersion: '2026-06-01', policyAcceptedBy: 'button', lang: 'en' });
    const [consent] = events.of('kelisim:consent');
    expect(consent!.method).to.equal('accept-all');
    expect(consent!.changed).to.have.members(['analytics', 'marketing', 'partners']);
    await settle(element);
    expect(root.querySelector('[part~="banner"]'), 'closed').to.equal(null);
    events.stop();
  });

  it('reject optional (keyboard: Tab, Enter) stores only the required category', async () => {
    const { root, element } = await start();
    const events = recordEvents();
    await tabTo(part(root, 'reject-all'));
    await press('Enter');
    expect(readRecord()!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, partners: false });
    expect(events.of('kelisim:consent').map((d) => d.method)).to.deep.equal(['reject-all']);
    await settle(element);
    expect(root.querySelector('[part~="banner"]')).to.equal(null);
    events.stop();
  });

  it('accept all with the Space key', async () => {
    const { root } = await start();
    await tabTo(part(root, 'accept-all'));
    await press('Space');
    expect(optional()).to.deep.equal({ analytics: true, marketing: true, partners: true });
  });

  it('choose opens the preferences without deciding', async () => {
    const { root, element } = await start();
    part(root, 'open-preferences').click();
    await settle(element);
    expect(part<HTMLDialogElement>(root, 'preferences').open).to.be.true;
    expect(readRecord()).to.equal(null);
  });

  describe('focus', () => {
    for (const layout of ['bar', 'box']) {
      it(`${layout}: stays on the page (the banner is not modal)`, async () => {
        const before = document.createElement('button');
        before.dataset.test = '';
        before.textContent = 'page button';
        document.body.prepend(before);
        before.focus();
        const { root } = await start({ config: { layout } });
        expect(document.activeElement).to.equal(before);
        expect(part(root, 'banner').tagName).to.equal('SECTION');
        // The page behind stays usable: its button still takes a click.
        let clicked = false;
        before.addEventListener('click', () => (clicked = true));
        before.click();
        expect(clicked).to.be.true;
      });
    }

    it('modal: moves into the banner, which is a modal dialog', async () => {
      const { root } = await start({ config: { layout: 'modal' } });
      const banner = part<HTMLDialogElement>(root, 'banner');
      expect(banner.tagName).to.equal('DIALOG');
      expect(banner.matches(':modal')).to.be.true;
      expect(focused(), 'its title first, no control pre-chosen').to.equal(part(root, 'title'));
      await press('Tab');
      expect(banner.contains(focused())).to.be.true;
    });

    it('modal: Escape does not dismiss it; a choice does', async () => {
      const { root, element } = await start({ config: { layout: 'modal' } });
      await press('Escape');
      await press('Escape');
      await settle(element);
      expect(part<HTMLDialogElement>(root, 'banner').open).to.be.true;
      expect(readRecord()).to.equal(null);
      await tabTo(part(root, 'reject-all'));
      await press('Enter');
      await settle(element);
      expect(root.querySelector('dialog')).to.equal(null);
      expect(readRecord()!.categories.analytics).to.be.false;
    });

    it('shows a focus ring on the control the keyboard reached', async () => {
      const { root } = await start();
      const accept = part(root, 'accept-all');
      await tabTo(accept);
      const style = getComputedStyle(accept);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });

  describe('languages', () => {
    const cases = [
      ['kk', kk],
      ['ru', ru],
      ['en', en],
    ] as const;
    for (const [lang, texts] of cases) {
      it(`${lang}: from <html lang>, every action in that language`, async () => {
        document.documentElement.lang = lang;
        const { root } = await start({ config: { language: 'auto' } });
        expect(part(root, 'banner').getAttribute('lang')).to.equal(lang);
        expect(part(root, 'title').textContent).to.equal(texts.bannerTitle);
        expect(part(root, 'accept-all').textContent!.trim()).to.equal(texts.acceptAll);
        expect(part(root, 'reject-all').textContent!.trim()).to.equal(texts.rejectAll);
        expect(part(root, 'open-preferences').textContent!.trim()).to.equal(texts.choose);
        expect(part(root, 'policy-link').textContent).to.equal(texts.policyLink);
      });
    }

    it('the switch changes the language live and the decision records it', async () => {
      const { root, element } = await start({ config: { language: 'en' } });
      const events = recordEvents();
      const buttons = [...part(root, 'language').querySelectorAll('button')];
      expect(buttons.map((b) => b.getAttribute('lang'))).to.deep.equal(['kk', 'ru', 'en']);
      expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'true']);
      // By keyboard: reach Қазақша, press it.
      await tabTo(buttons[0]!);
      await press('Enter');
      await until(() => part(root, 'title').textContent === kk.bannerTitle, 'Kazakh texts');
      await settle(element);
      expect(part(root, 'banner').getAttribute('lang')).to.equal('kk');
      expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
      expect(focused(), 'focus stays on the switch').to.equal(buttons[0]);
      part(root, 'accept-all').click();
      expect(readRecord()!.lang).to.equal('kk');
      expect(events.of('kelisim:consent')[0]!.record.lang).to.equal('kk');
      events.stop();
    });
  });

  describe('signals', () => {
    it('GPC: says the signal was honoured, and accept all leaves the gpc categories off', async () => {
      sendGpc();
      const { root } = await start();
      expect(part(root, 'gpc').textContent).to.equal(en.gpcHonoured);
      expect(root.querySelector('[part~="minor"]')).to.equal(null);
      part(root, 'accept-all').click();
      expect(optional()).to.deep.equal({ analytics: true, marketing: false, partners: false });
    });

    it('no GPC: no GPC message', async () => {
      const { root } = await start();
      expect(root.querySelector('[part~="gpc"]')).to.equal(null);
    });

    it('GPC with respectGpc: false: no message, accept all is all', async () => {
      sendGpc();
      const { root } = await start({ config: { respectGpc: false } });
      expect(root.querySelector('[part~="gpc"]')).to.equal(null);
      part(root, 'accept-all').click();
      expect(optional()).to.deep.equal({ analytics: true, marketing: true, partners: true });
    });

    it('GPC and a minor: both messages', async () => {
      sendGpc();
      const { root } = await start({ minor: true });
      expect(part(root, 'gpc').textContent).to.equal(en.gpcHonoured);
      expect(part(root, 'minor').textContent).to.equal(en.minorNotice);
    });

    it('minor: says a guardian must agree, and accept all leaves adult-only categories off', async () => {
      const { root } = await start({ minor: true, config: { language: 'ru' } });
      expect(part(root, 'minor').textContent).to.equal(ru.minorNotice);
      part(root, 'accept-all').click();
      expect(optional()).to.deep.equal({ analytics: true, marketing: false, partners: false });
    });
  });

  describe('config', () => {
    it('renders text overrides as text: markup appears literally and runs nothing', async () => {
      const markup = '<img src=x onerror="window.__kelisimXss = 1">';
      const { root } = await start({ config: { texts: { en: { bannerTitle: markup, acceptAll: '<b>Yes</b>' } } } });
      expect(part(root, 'title').textContent).to.equal(markup);
      expect(part(root, 'title').querySelector('img')).to.equal(null);
      expect(part(root, 'accept-all').textContent!.trim()).to.equal('<b>Yes</b>');
      expect(root.querySelector('img, b')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __kelisimXss?: number }).__kelisimXss).to.equal(undefined);
    });

    it('an override applies to its language only', async () => {
      const { root, element } = await start({ config: { texts: { en: { acceptAll: 'Sure' }, ru: { acceptAll: 'Конечно' } } } });
      expect(part(root, 'accept-all').textContent!.trim()).to.equal('Sure');
      part(root, 'language').querySelector<HTMLButtonElement>('[lang="kk"]')!.click();
      await until(() => part(root, 'title').textContent === kk.bannerTitle, 'Kazakh');
      await settle(element);
      expect(part(root, 'accept-all').textContent!.trim()).to.equal(kk.acceptAll);
    });

    it('rejects an unsafe policy URL: the link keeps the default, the page hears why', async () => {
      const events = recordEvents();
      const original = console.error;
      const lines: string[] = [];
      console.error = (...args: unknown[]) => void lines.push(args.join(' '));
      try {
        const { root } = await start({ config: { policy: { version: '2026-06-01', url: 'javascript:alert(document.cookie)' } } });
        expect(part<HTMLAnchorElement>(root, 'policy-link').getAttribute('href')).to.equal('https://edunavigator.kz/privacy');
      } finally {
        console.error = original;
      }
      expect(events.of('kelisim:error').map((e) => e.key)).to.include('policy.url');
      expect(lines.join('\n')).to.include('policy.url');
      events.stop();
    });

    it('links a safe relative policy URL', async () => {
      const { root } = await start({ config: { policy: { version: '2026-06-01', url: '/privacy#cookies' } } });
      expect(part<HTMLAnchorElement>(root, 'policy-link').href).to.equal(new URL('/privacy#cookies', location.href).href);
    });

    it('names a page’s own controller', async () => {
      const { root } = await start({ config: { controller: { name: 'Acme LLP' } } });
      expect(part(root, 'intro').textContent).to.match(/^Acme LLP processes/);
    });
  });

  describe('receipts', () => {
    it('a decision carries the hash of exactly the texts shown, in the language shown', async () => {
      const bucket = `banner-${Math.random().toString(36).slice(2)}`;
      const { root, element, session } = await start({ config: { endpoint: `/__endpoint/${bucket}` } });
      const actions = await session.actions();
      const shown: ShownView[] = [];
      const viewShown = actions.viewShown.bind(actions);
      actions.viewShown = (view) => (shown.push(view), viewShown(view));
      part(root, 'language').querySelector<HTMLButtonElement>('[lang="ru"]')!.click();
      await until(() => shown.length, 'the Russian banner reported');
      // The visitor opens the Who part: its sentence is then among the words shown.
      root.querySelector<HTMLElement>('[part~="summary-item"] summary')!.click();
      await until(() => shown.at(-1)!.texts.length > shown[0]!.texts.length, 'the opened part reported');
      await settle(element);
      const { texts } = shown.at(-1)!;
      expect(shown.at(-1)!.view).to.equal('banner');
      expect(texts[0]).to.equal(ru.bannerTitle);
      expect(texts).to.include(ru.summaryWho.replace('{controller}', 'ТОО «BTS Education»'));
      expect(texts.slice(-3)).to.deep.equal([ru.acceptAll, ru.rejectAll, ru.choose]);
      part(root, 'reject-all').click();
      const given = await until(async () => {
        const log = (await (await fetch(`/__endpoint/${bucket}/log`)).json()) as { events: ReceiptEvent[] };
        return log.events.find((e) => e.type === 'consent.given');
      }, 'the receipt');
      expect(given.textsHash).to.equal(await sha256(texts.join('\n')));
      expect(given.uiVersion).to.equal(VERSION);
      expect(given.lang).to.equal('ru');
    });
  });

  describe('accessibility', () => {
    for (const layout of ['bar', 'box', 'modal']) {
      it(`${layout}: axe finds nothing, light and dark`, async () => {
        const { element } = await start({ config: { layout } });
        await expect(element).to.be.accessible();
        await emulateMedia({ colorScheme: 'dark' });
        await settle(element);
        await expect(element).to.be.accessible();
      });
    }

    it('axe finds nothing with GPC and minor messages, and with a summary part open', async () => {
      sendGpc();
      const { root, element } = await start({ minor: true });
      root.querySelector('details')!.open = true;
      await expect(element).to.be.accessible();
    });

    it('axe does see inside the shadow root (this check can fail)', async () => {
      const { root, element } = await start();
      const nameless = document.createElement('button');
      part(root, 'actions').append(nameless);
      await expect(element).not.to.be.accessible();
    });

    it('the dark scheme changes the colours', async () => {
      const { root } = await start();
      const light = getComputedStyle(part(root, 'banner')).backgroundColor;
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(part(root, 'banner')).backgroundColor).not.to.equal(light);
    });

    it('moves nothing on the page: it overlays, position fixed', async () => {
      const filler = document.createElement('p');
      filler.dataset.test = '';
      filler.textContent = 'page content';
      document.body.append(filler);
      const before = filler.getBoundingClientRect().toJSON();
      const height = document.documentElement.scrollHeight;
      const { root } = await start();
      expect(getComputedStyle(part(root, 'banner')).position).to.equal('fixed');
      expect(filler.getBoundingClientRect().toJSON()).to.deep.equal(before);
      expect(document.documentElement.scrollHeight).to.equal(height);
    });

    it('reduced motion: no animation', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const { root } = await start();
      expect(getComputedStyle(part(root, 'banner')).animationName).to.equal('none');
      await emulateMedia({ reducedMotion: 'no-preference' });
      resetPage();
      const moving = await start();
      expect(getComputedStyle(part(moving.root, 'banner')).animationName).not.to.equal('none');
    });

    it('opaque from its first frame: it rises into place, it does not fade in', async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      const { root } = await start();
      const banner = part(root, 'banner');
      // Played again and held at its first frame: what the first paint shows.
      banner.style.animation = 'none';
      banner.getBoundingClientRect();
      banner.style.animation = '';
      for (const animation of banner.getAnimations()) (animation.pause(), (animation.currentTime = 0));
      expect(banner.getAnimations()).to.not.be.empty;
      expect(getComputedStyle(banner).opacity).to.equal('1');
      expect(banner.checkVisibility({ opacityProperty: true })).to.be.true;
    });

    it('320 px wide (400 % zoom of 1280): nothing cut off sideways, the actions in sight', async () => {
      await setViewport({ width: 320, height: 480 });
      const { root } = await start();
      const banner = part(root, 'banner');
      expect(banner.scrollWidth).to.be.at.most(banner.clientWidth);
      for (const name of ['accept-all', 'reject-all', 'open-preferences']) {
        const box = part(root, name).getBoundingClientRect();
        expect(box.left, name).to.be.at.least(0);
        expect(box.right, name).to.be.at.most(320);
        expect(box.bottom, name).to.be.at.most(480);
      }
    });

    it('keeps what the page focuses above the bar (scroll padding), and gives it back after', async () => {
      const { root, element } = await start();
      const covered = innerHeight - part(root, 'banner').offsetTop;
      expect(covered).to.be.greaterThan(50);
      await until(() => document.documentElement.style.scrollPaddingBottom === `${covered}px`, 'scroll padding');
      part(root, 'reject-all').click();
      await settle(element);
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    });
  });
});
