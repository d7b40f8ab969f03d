import { expect } from '@open-wc/testing';
import { en, kk, ru } from '../../test/support/texts.js';
import { emulateMedia } from '@web/test-runner-commands';
import {
  CURRENT_VERSION,
  focused,
  part,
  press,
  readRecord,
  recordEvents,
  resetPage,
  sendGpc,
  settle,
  start,
  storedRecord,
  tabTo,
  type Started,
} from '../../test/support/ui.js';

/** Opens the preferences from the banner's "choose" and waits until the dialog is up. */
async function openFromBanner(started: Started): Promise<HTMLDialogElement> {
  part(started.root, 'open-preferences').click();
  await settle(started.element);
  return part<HTMLDialogElement>(started.root, 'preferences');
}

/** The switch of a category, by id. */
const switchOf = (root: ShadowRoot, id: string) => root.querySelector<HTMLInputElement>(`[role="switch"][name="${id}"]`)!;

/** A page button that opens the preferences, as `data-kelisim-open` or the reopen button would. */
function pageButton(started: Started): HTMLButtonElement {
  const button = document.createElement('button');
  button.dataset.test = '';
  button.textContent = 'Privacy settings';
  button.addEventListener('click', () => started.session.show('preferences'));
  document.body.prepend(button);
  return button;
}

describe('preferences', () => {
  beforeEach(resetPage);
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('is a modal dialog with one labelled switch per category, and its purpose', async () => {
    const started = await start();
    const dialog = await openFromBanner(started);
    expect(dialog.tagName).to.equal('DIALOG');
    expect(dialog.matches(':modal')).to.be.true;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('preferences-title');
    const categories = [...dialog.querySelectorAll('[part~="category"]')];
    expect(categories).to.have.length(4);
    for (const [id, name, description] of [
      ['necessary', en['category.necessary.name'], en['category.necessary.description']],
      ['analytics', en['category.analytics.name'], en['category.analytics.description']],
      ['marketing', en['category.marketing.name'], en['category.marketing.description']],
      ['partners', en['category.partners.name'], en['category.partners.description']],
    ]) {
      const input = switchOf(started.root, id!);
      expect(input.type).to.equal('checkbox');
      expect(input.getAttribute('role')).to.equal('switch');
      expect(input.labels![0]!.textContent).to.equal(name);
      expect(started.root.getElementById(input.getAttribute('aria-describedby')!)!.textContent!.trim()).to.equal(description);
    }
  });

  it('shows required categories on and disabled, optional ones off before any choice', async () => {
    const started = await start();
    await openFromBanner(started);
    expect(switchOf(started.root, 'necessary').checked).to.be.true;
    expect(switchOf(started.root, 'necessary').disabled).to.be.true;
    for (const id of ['analytics', 'marketing', 'partners']) {
      expect(switchOf(started.root, id).checked, id).to.be.false;
      expect(switchOf(started.root, id).disabled, id).to.be.false;
    }
  });

  it('shows the stored choice when a returning visitor opens it', async () => {
    const categories = { necessary: true, analytics: false, marketing: true, partners: false };
    const { root } = await start({ record: storedRecord({ policyVersion: CURRENT_VERSION, categories }), open: 'preferences' });
    expect(root.querySelector('[part~="banner"], [part~="notice"]'), 'nothing else is shown').to.equal(null);
    for (const [id, on] of Object.entries(categories)) expect(switchOf(root, id).checked, id).to.equal(on);
    expect(part(root, 'withdraw')).to.exist;
  });

  it('save (mouse) stores exactly the switches that are on', async () => {
    const started = await start();
    await openFromBanner(started);
    const events = recordEvents();
    switchOf(started.root, 'marketing').click();
    part(started.root, 'save').click();
    expect(readRecord()!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: true, partners: false });
    expect(events.of('kelisim:consent').map((d) => [d.method, d.changed])).to.deep.equal([['custom', ['marketing']]]);
    await settle(started.element);
    expect(started.root.querySelector('dialog, [part~="banner"]'), 'every view closes').to.equal(null);
    events.stop();
  });

  it('keyboard only: Tab to a switch, Space toggles it, Enter on save', async () => {
    const started = await start();
    await tabTo(part(started.root, 'open-preferences'));
    await press('Enter');
    await settle(started.element);
    const analytics = switchOf(started.root, 'analytics');
    await tabTo(analytics);
    await press('Space');
    expect(analytics.checked).to.be.true;
    await tabTo(part(started.root, 'save'));
    await press('Enter');
    expect(readRecord()!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
  });

  it('focus moves into the dialog when it opens', async () => {
    const started = await start();
    const dialog = await openFromBanner(started);
    expect(dialog.contains(focused())).to.be.true;
  });

  it('Escape closes it without deciding, and focus returns to "choose"', async () => {
    const started = await start();
    const choose = part(started.root, 'open-preferences');
    await tabTo(choose);
    await press('Enter');
    await settle(started.element);
    const events = recordEvents();
    await press('Escape');
    await settle(started.element);
    expect(started.root.querySelector('dialog')).to.equal(null);
    expect(readRecord(), 'nothing stored').to.equal(null);
    expect(events.of('kelisim:consent')).to.deep.equal([]);
    expect(part(started.root, 'banner'), 'the banner still asks').to.exist;
    expect(focused()).to.equal(choose);
    events.stop();
  });

  it('the close button closes it without deciding, and focus returns to the page control that opened it', async () => {
    const started = await start();
    const opener = pageButton(started);
    opener.focus();
    opener.click();
    await settle(started.element);
    part(started.root, 'close').click();
    await settle(started.element);
    expect(started.root.querySelector('dialog')).to.equal(null);
    expect(readRecord()).to.equal(null);
    expect(document.activeElement).to.equal(opener);
  });

  it('after a decision focus goes back to the page control that opened it', async () => {
    const started = await start();
    const opener = pageButton(started);
    opener.focus();
    opener.click();
    await settle(started.element);
    part(started.root, 'save').click();
    await settle(started.element);
    expect(document.activeElement).to.equal(opener);
  });

  it('traps focus: Tab never reaches the page behind', async () => {
    const started = await start();
    const behind = pageButton(started);
    const dialog = await openFromBanner(started);
    for (let i = 0; i < 30; i++) {
      await press('Tab');
      const now = focused();
      expect(now, `press ${i + 1}`).not.to.equal(behind);
      expect(now === null || now === document.body || dialog.contains(now), `press ${i + 1}: ${now?.outerHTML.slice(0, 60)}`).to.be.true;
    }
  });

  it('switches language live, keeping what the visitor toggled', async () => {
    const started = await start();
    await openFromBanner(started);
    switchOf(started.root, 'analytics').click();
    part(started.root, 'preferences').querySelector<HTMLButtonElement>('[part~="language"] [lang="ru"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(started.element);
    expect(part(started.root, 'preferences').getAttribute('lang')).to.equal('ru');
    expect(switchOf(started.root, 'analytics').labels![0]!.textContent).to.equal(ru['category.analytics.name']);
    expect(switchOf(started.root, 'analytics').checked).to.be.true;
    part(started.root, 'save').click();
    expect(readRecord()).to.include({ lang: 'ru' });
  });

  describe('GPC and minors', () => {
    it('GPC: the switches stay free, the visitor’s own toggle turns marketing on', async () => {
      sendGpc();
      const started = await start();
      await openFromBanner(started);
      expect(part(started.root, 'preferences').querySelector('[part~="gpc"]')!.textContent).to.equal(en.gpcHonoured);
      expect(switchOf(started.root, 'marketing').disabled).to.be.false;
      switchOf(started.root, 'marketing').click();
      part(started.root, 'save').click();
      expect(readRecord()!.categories.marketing).to.be.true;
    });

    it('minor: adult-only switches are off, locked, and say why', async () => {
      const started = await start({ minor: true, config: { language: 'kk' } });
      await openFromBanner(started);
      for (const id of ['marketing', 'partners']) {
        const input = switchOf(started.root, id);
        expect(input.checked, id).to.be.false;
        expect(input.disabled, id).to.be.true;
        const description = started.root.getElementById(input.getAttribute('aria-describedby')!)!;
        expect(description.querySelector('[part~="locked"]')!.textContent).to.equal(kk.adultOnlyLocked);
      }
      expect(switchOf(started.root, 'analytics').disabled).to.be.false;
      expect(part(started.root, 'preferences').querySelector('[part~="minor"]')!.textContent).to.equal(kk.minorNotice);
    });
  });

  describe('withdrawal (clause 2.5)', () => {
    /** A visitor who accepted everything earlier, back with the preferences open. */
    async function afterAcceptAll(config: Record<string, unknown> = {}): Promise<Started> {
      const started = await start({ config });
      part(started.root, 'accept-all').click();
      await settle(started.element);
      started.session.show('preferences');
      await settle(started.element);
      return started;
    }

    it('is offered only once there is a consent to withdraw', async () => {
      const started = await start();
      await openFromBanner(started);
      expect(started.root.querySelector('[part~="withdraw"]')).to.equal(null);
    });

    it('turns every optional category off, tells the page, and says where to write', async () => {
      const started = await afterAcceptAll();
      expect(switchOf(started.root, 'analytics').checked).to.be.true;
      const events = recordEvents();
      part(started.root, 'withdraw').click();
      expect(readRecord()!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, partners: false });
      expect(events.of('kelisim:withdraw')).to.have.length(1);
      expect(events.of('kelisim:consent').map((d) => d.method)).to.deep.equal(['withdraw']);
      await settle(started.element);
      const dialog = part<HTMLDialogElement>(started.root, 'preferences');
      expect(dialog.open, 'stays open to say what happened').to.be.true;
      const done = part(started.root, 'withdrawn');
      expect(done.textContent!.trim()).to.equal(en.withdrawDoneNoAddress.replace('{controller}', 'BTS Education LLP'));
      expect(done.getAttribute('role')).to.equal('status');
      expect(focused(), 'the message takes the focus').to.equal(done);
      for (const id of ['analytics', 'marketing', 'partners']) expect(switchOf(started.root, id).checked, id).to.be.false;
      events.stop();
    });

    it('unchecks even a switch the visitor had just turned on', async () => {
      const started = await afterAcceptAll();
      switchOf(started.root, 'analytics').click(); // off
      switchOf(started.root, 'analytics').click(); // on again, unsaved
      part(started.root, 'withdraw').click();
      await settle(started.element);
      expect(switchOf(started.root, 'analytics').checked).to.be.false;
    });

    it('names the configured controller and address, in the visitor’s language', async () => {
      const started = await afterAcceptAll({
        language: 'ru',
        controller: { name: 'Acme LLP', names: { ru: 'ТОО «Акме»' }, address: '050000, Алматы, пр. Абая, 1' },
      });
      await tabTo(part(started.root, 'withdraw'));
      await press('Enter');
      await settle(started.element);
      expect(part(started.root, 'withdrawn').textContent!.trim()).to.equal(
        'Согласия на необязательную обработку отозваны. Чтобы полностью отозвать согласие на обработку персональных данных, направьте письменное заявление в ТОО «Акме» по адресу: 050000, Алматы, пр. Абая, 1. Это может приостановить или прекратить действие Пользовательского соглашения.',
      );
    });

    it('Kazakh: the fallback names the Company’s address in the User Agreement', async () => {
      const started = await afterAcceptAll({ language: 'kk' });
      part(started.root, 'withdraw').click();
      await settle(started.element);
      expect(part(started.root, 'withdrawn').textContent).to.include(
        'Пайдаланушы келісімінде көрсетілген «BTS Education» ЖШС мекенжайына жазбаша өтініш беріңіз.',
      );
    });
  });

  describe('accessibility', () => {
    it('axe finds nothing, light and dark', async () => {
      const started = await start();
      await openFromBanner(started);
      await expect(started.element).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      await settle(started.element);
      await expect(started.element).to.be.accessible();
    });

    it('axe finds nothing after withdrawal, for a minor with GPC', async () => {
      sendGpc();
      const started = await start({ minor: true });
      part(started.root, 'reject-all').click();
      await settle(started.element);
      started.session.show('preferences');
      await settle(started.element);
      part(started.root, 'withdraw').click();
      await settle(started.element);
      await expect(started.element).to.be.accessible();
    });

    it('a switch shows its state by the knob’s place, not by colour alone', async () => {
      const started = await start();
      await openFromBanner(started);
      const input = switchOf(started.root, 'analytics');
      const off = getComputedStyle(input, '::before').transform;
      input.click();
      expect(getComputedStyle(input, '::before').transform).not.to.equal(off);
    });
  });
});
