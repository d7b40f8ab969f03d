import { expect } from '@open-wc/testing';
import { en, kk } from '../../test/support/texts.js';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import {
  COOKIE,
  focused,
  part,
  press,
  readRecord,
  recordEvents,
  resetPage,
  settle,
  start,
  storedRecord,
  storeRecord,
  tabTo,
  until,
  type StartOptions,
} from '../../test/support/ui.js';

/** Two days after the built-in version's publication: clause 1.2's seven days are still ahead. */
const JUNE_3 = new Date('2026-06-03T12:00:00+05:00');
/** Published 1 June (Kazakhstan), seven days following it: continued use accepts from 9 June 00:00 UTC+05:00. */
const JUNE_9_ALMATY = '2026-06-08T19:00:00.000Z';
const CHANGES = {
  en: ['Sharing with partners is now a category of its own.', 'The storage period is stated more precisely.'],
  ru: ['Передача партнёрам выделена в отдельную категорию.'],
};

/** A visitor who chose under the previous version (without the partners category), back on June 3. */
function returning(options: StartOptions = {}): StartOptions {
  return {
    now: () => JUNE_3,
    record: storedRecord({
      categories: { necessary: true, analytics: true, marketing: false },
      decidedAt: '2026-05-01T09:00:00.000Z',
      updatedAt: '2026-05-01T09:00:00.000Z',
    }),
    ...options,
    config: { policy: { version: '2026-06-01', publishedAt: '2026-06-01', changes: CHANGES }, ...options.config },
  };
}

const texts = (root: ShadowRoot, name: string) => part(root, name).textContent!.replace(/\s+/g, ' ').trim();

describe('change notice', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await executeServerCommand('emulate-timezone', { timeZone: '' });
  });

  it('says how the change is accepted and from which day; what changed, when, and what is new behind a disclosure', async () => {
    const events = recordEvents();
    const { root } = await start(returning());
    const notice = part(root, 'notice');
    expect(notice.tagName).to.equal('SECTION');
    expect(part(root, 'title').textContent).to.equal(en.noticeTitle);
    expect(texts(root, 'implicit')).to.equal(
      'The changes are accepted by the button, or if you keep using the services from June 9, 2026 (after 7 calendar days following the day of publication).',
    );
    const details = part<HTMLDetailsElement>(root, 'changes-details');
    expect(details.open, 'collapsed at first').to.be.false;
    expect(details.querySelector('summary')!.textContent).to.equal(en.noticeChangesTitle);
    expect(texts(root, 'published')).to.equal('The new version was published on June 1, 2026.');
    expect([...part(root, 'changes').querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(CHANGES.en);
    expect(texts(root, 'new-categories')).to.equal('New category: Sharing with Partners. It stays off until you turn it on.');
    for (const name of ['published', 'changes', 'new-categories']) expect(details.contains(part(root, name)), name).to.be.true;
    expect(part<HTMLAnchorElement>(root, 'policy-link').href).to.equal('https://edunavigator.kz/privacy');
    expect(part(root, 'accept-notice').textContent!.trim()).to.equal(en.acceptNotice);
    expect(part(root, 'open-preferences').textContent!.trim()).to.equal(en.noticeReview);

    const [detail] = events.of('kelisim:notice');
    expect(detail).to.deep.equal({ policyVersion: '2026-06-01', newCategories: ['partners'], implicitAcceptanceAt: JUNE_9_ALMATY });
    expect(readRecord()!.noticeSeen, 'clause 1.2 counts from this showing').to.include({ version: '2026-06-01', at: JUNE_3.toISOString() });
    events.stop();
  });

  it('Russian: date and plural forms by Intl, one full stop after «г.»', async () => {
    const { root } = await start(returning({ config: { language: 'ru' } }));
    expect(texts(root, 'published')).to.equal('Новая редакция опубликована 1 июня 2026 г.');
    expect([...part(root, 'changes').querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(CHANGES.ru);
    expect(texts(root, 'new-categories')).to.equal('Новая категория: Передача Партнёрам. Она выключена, пока вы её не включите.');
    expect(texts(root, 'implicit')).to.equal(
      'Изменения принимаются нажатием кнопки или продолжением пользования сервисом с 9 июня 2026 г. (через 7 календарных дней после дня публикации).',
    );
  });

  describe('new categories, by count', () => {
    /** A visitor who chose before marketing and partners existed: two categories are new. */
    const beforeTwo = (lang: string) =>
      returning({
        config: { language: lang },
        record: storedRecord({
          categories: { necessary: true, analytics: true },
          decidedAt: '2026-05-01T09:00:00.000Z',
          updatedAt: '2026-05-01T09:00:00.000Z',
        }),
      });
    const cases = [
      [
        'en',
        'New category: Sharing with Partners. It stays off until you turn it on.',
        'New categories: Marketing and Sharing with Partners. They stay off until you turn them on.',
      ],
      [
        'ru',
        'Новая категория: Передача Партнёрам. Она выключена, пока вы её не включите.',
        'Новые категории: Маркетинг и Передача Партнёрам. Они выключены, пока вы их не включите.',
      ],
      [
        'kk',
        'Жаңа санат: Серіктестерге беру. Өзіңіз қоспайынша, ол өшірулі тұрады.',
        'Жаңа санаттар: Маркетинг және Серіктестерге беру. Өзіңіз қоспайынша, олар өшірулі тұрады.',
      ],
    ] as const;
    for (const [lang, one, two] of cases) {
      it(`${lang}: one category in the singular, two in the plural`, async () => {
        const single = await start(returning({ config: { language: lang } }));
        expect(texts(single.root, 'new-categories')).to.equal(one);
        resetPage();
        const double = await start(beforeTwo(lang));
        expect(texts(double.root, 'new-categories')).to.equal(two);
      });
    }
  });

  it('Russian plural for 1 and 2 days', async () => {
    const one = await start(
      returning({ config: { language: 'ru', policy: { version: '2026-06-01', publishedAt: '2026-06-03', implicitAcceptanceDays: 1 } } }),
    );
    expect(texts(one.root, 'implicit')).to.include('с 5 июня 2026 г. (через 1 календарный день после дня публикации)');
    resetPage();
    const two = await start(
      returning({ config: { language: 'ru', policy: { version: '2026-06-01', publishedAt: '2026-06-03', implicitAcceptanceDays: 2 } } }),
    );
    expect(texts(two.root, 'implicit')).to.include('с 6 июня 2026 г. (через 2 календарных дня после дня публикации)');
  });

  it('Kazakh: its own date form and the nominative placeholders', async () => {
    const { root } = await start(returning({ config: { language: 'kk' } }));
    expect(texts(root, 'implicit')).to.equal(
      kk.noticeImplicit.replace('{days}', '7 күнтізбелік күн').replace('{date}', '2026 ж. 9 маусым'),
    );
    expect(texts(root, 'published')).to.equal('Жарияланған күні: 2026 ж. 1 маусым.');
    expect(part(root, 'title').textContent).to.equal(kk.noticeTitle);
    // No lines in Kazakh: the first language that has some, marked as such.
    expect(part(root, 'changes').getAttribute('lang')).to.equal('ru');
  });

  describe('clause 1.2’s days, in Kazakhstan’s calendar whatever the visitor’s', () => {
    for (const timeZone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      it(`a visitor in ${timeZone} reads 1 June and 9 June, Kazakhstan’s dates`, async () => {
        await executeServerCommand('emulate-timezone', { timeZone });
        const { root } = await start(returning());
        expect(texts(root, 'published')).to.equal('The new version was published on June 1, 2026.');
        expect(texts(root, 'implicit')).to.include('from June 9, 2026 (after 7 calendar days');
      });
    }

    it('a publication given as an instant is the day it falls on in Kazakhstan', async () => {
      // 20:00 UTC on 31 May is 01:00 on 1 June in Almaty: published 1 June, accepted from 9 June.
      const { root } = await start(returning({ config: { policy: { version: '2026-06-01', publishedAt: '2026-05-31T20:00:00Z' } } }));
      expect(texts(root, 'published')).to.equal('The new version was published on June 1, 2026.');
      expect(texts(root, 'implicit')).to.include('from June 9, 2026');
    });
  });

  describe('a visitor told only after the period has passed', () => {
    const cases = [
      [
        'en',
        'The period of 7 calendar days after the day of publication has passed: if you keep using the services after this notice, the changes count as accepted.',
      ],
      [
        'ru',
        'Срок в 7 календарных дней после дня публикации истёк: если вы продолжите пользоваться сервисом после этого уведомления, изменения будут считаться принятыми.',
      ],
      [
        'kk',
        'Жарияланған күннен кейінгі 7 күнтізбелік күн өтті: осы хабарламадан кейін Сервисті пайдалануды жалғастырсаңыз, өзгертулер сіз тарапыңыздан қабылданған болып саналады.',
      ],
    ] as const;
    for (const [lang, sentence] of cases) {
      it(`${lang}: is told the period has passed, never “from” a past date`, async () => {
        const { root } = await start(returning({ now: () => new Date('2026-07-20T12:00:00+05:00'), config: { language: lang } }));
        expect(texts(root, 'implicit')).to.equal(sentence);
      });
    }

    it('from the first moment of the day clause 1.2 names: 9 June 00:00 in Almaty', async () => {
      const before = await start(returning({ now: () => new Date(Date.parse(JUNE_9_ALMATY) - 1) }));
      expect(texts(before.root, 'implicit')).to.include('from June 9, 2026');
      resetPage();
      const at = await start(returning({ now: () => new Date(JUNE_9_ALMATY) }));
      expect(texts(at.root, 'implicit')).to.equal(en.noticeImplicitPassed.replace('{days}', '7 calendar days'));
    });
  });

  it('without a publication date: no date, no clause 1.2 sentence, only the button accepts', async () => {
    const { root } = await start(returning({ config: { policy: { version: '2026-07-01' } } }));
    expect(root.querySelector('[part~="implicit"]')).to.equal(null);
    expect(root.querySelector('[part~="published"]')).to.equal(null);
    expect(root.querySelector('[part~="changes"]'), 'no changes configured').to.equal(null);
  });

  it('is not modal: focus stays on the page', async () => {
    const button = document.createElement('button');
    button.dataset.test = '';
    document.body.prepend(button);
    button.focus();
    await start(returning());
    expect(document.activeElement).to.equal(button);
  });

  it('accept (mouse) records the version by button, keeps the choices, starts the new category off, closes', async () => {
    const { root, element } = await start(returning());
    const events = recordEvents();
    part(root, 'accept-notice').click();
    const record = readRecord()!;
    expect(record).to.include({ policyVersion: '2026-06-01', policyAcceptedBy: 'button' });
    expect(record.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
    expect(record.noticeSeen).to.equal(undefined);
    expect(events.of('kelisim:consent').map((d) => d.method)).to.deep.equal(['policy']);
    await settle(element);
    expect(root.querySelector('[part~="notice"]')).to.equal(null);
    events.stop();
  });

  it('accept by keyboard: Tab, Enter', async () => {
    const { root } = await start(returning());
    await tabTo(part(root, 'accept-notice'));
    await press('Enter');
    expect(readRecord()).to.include({ policyVersion: '2026-06-01', policyAcceptedBy: 'button' });
  });

  it('review settings opens the preferences over it; Escape goes back to the notice', async () => {
    const { root, element } = await start(returning());
    const review = part(root, 'open-preferences');
    await tabTo(review);
    await press('Enter');
    await settle(element);
    expect(part<HTMLDialogElement>(root, 'preferences').open).to.be.true;
    await press('Escape');
    await settle(element);
    expect(root.querySelector('dialog')).to.equal(null);
    expect(part(root, 'notice')).to.exist;
    expect(focused()).to.equal(review);
    expect(readRecord()!.policyVersion, 'nothing decided').to.equal('2026-01-01');
  });

  it('saving the preferences from the notice accepts the version with the new choice', async () => {
    const { root, element } = await start(returning());
    part(root, 'open-preferences').click();
    await settle(element);
    root.querySelector<HTMLInputElement>('[role="switch"][name="partners"]')!.click();
    part(root, 'save').click();
    await settle(element);
    expect(readRecord()).to.include({ policyVersion: '2026-06-01' });
    expect(readRecord()!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: true });
    expect(root.querySelector('[part~="notice"], dialog')).to.equal(null);
  });

  it('close dismisses it for this page view without deciding', async () => {
    const { root, element } = await start(returning());
    const events = recordEvents();
    part(root, 'close').click();
    await settle(element);
    expect(root.querySelector('[part~="notice"]')).to.equal(null);
    expect(readRecord()!.policyVersion).to.equal('2026-01-01');
    expect(events.of('kelisim:consent')).to.deep.equal([]);
    events.stop();
  });

  it('axe finds nothing, light and dark', async () => {
    const { element } = await start(returning());
    await expect(element).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    await settle(element);
    await expect(element).to.be.accessible();
  });

  describe('another tab decided', () => {
    for (const [view, options] of [
      ['banner', {}],
      ['notice', returning()],
    ] as const) {
      it(`${view}: closes when the choice changes in another tab`, async () => {
        const { root, element } = await start(options);
        const events = recordEvents();
        expect(part(root, view)).to.exist;
        // What another tab leaves behind: a current record in the shared cookie.
        storeRecord(
          storedRecord({ policyVersion: '2026-06-01', decidedAt: '2026-06-02T09:00:00.000Z', updatedAt: '2026-06-02T09:00:00.000Z' }),
        );
        expect(document.cookie).to.include(COOKIE);
        dispatchEvent(new Event('focus'));
        await until(() => events.of('kelisim:consent').some((d) => d.method === 'sync'), 'the sync');
        await settle(element);
        expect(root.querySelector(`[part~="${view}"]`)).to.equal(null);
        events.stop();
      });
    }
  });
});
