import { expect } from '@open-wc/testing';
import { en, kk, ru } from '../../test/support/texts.js';
import type { Texts } from '../i18n/texts.js';
import { part, resetPage, settle, start, until, type Started } from '../../test/support/ui.js';

/**
 * What a consent must say (SPEC §9 r2, Law 94-V Art. 8), in each language, with the
 * operator's BIN and address and the services of each category configured: the banner's
 * first layer names the operator with them, what "accept all" includes (Partners, abroad
 * too, and the services' countries), the term, how a change is accepted, and that any
 * button is recorded with these words; the preferences list the services by name with
 * their countries in the visitor's language, cross-border ones marked in words.
 */

const BIN = '123456789012';
const ADDRESS = '010000, Астана, Мәңгілік Ел даңғылы, 55';

const CONFIG = {
  controller: { name: 'BTS Education LLP', names: { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' }, bin: BIN, address: ADDRESS },
  categories: [
    { id: 'necessary', required: true, services: [{ name: 'kelisim', country: 'KZ' }] },
    {
      id: 'analytics',
      services: [
        {
          name: 'Google Analytics',
          country: 'US',
          url: 'https://policies.google.com/privacy',
          purpose: { kk: 'Кірулер статистикасы', ru: 'Статистика посещений', en: 'Visit statistics' },
        },
        { name: 'Яндекс Метрика', country: 'RU', purpose: 'Webvisor' },
      ],
    },
    {
      id: 'marketing',
      gpc: true,
      adultOnly: true,
      services: [{ name: 'Meta Pixel', country: 'US', purpose: { ru: 'Реклама в Facebook' } }],
    },
    { id: 'partners', gpc: true, adultOnly: true },
  ],
};

interface Expected {
  texts: Texts;
  operator: string;
  term: string;
  days: string;
  countries: { KZ: string; US: string; RU: string };
  purpose: string;
}

const LANGUAGES: Array<[string, Expected]> = [
  [
    'kk',
    {
      texts: kk,
      operator: `«BTS Education» ЖШС (БСН ${BIN}, ${ADDRESS})`,
      term: '12 ай',
      days: '7 күнтізбелік күн',
      countries: { KZ: 'Қазақстан', US: 'Америка Құрама Штаттары', RU: 'Ресей' },
      purpose: 'Кірулер статистикасы',
    },
  ],
  [
    'ru',
    {
      texts: ru,
      operator: `ТОО «BTS Education» (БИН ${BIN}, ${ADDRESS})`,
      term: '12 месяцев',
      days: '7 календарных дней',
      countries: { KZ: 'Казахстан', US: 'Соединенные Штаты', RU: 'Россия' },
      purpose: 'Статистика посещений',
    },
  ],
  [
    'en',
    {
      texts: en,
      operator: `BTS Education LLP (BIN ${BIN}, ${ADDRESS})`,
      term: '12 months',
      days: '7 calendar days',
      countries: { KZ: 'Kazakhstan', US: 'United States', RU: 'Russia' },
      purpose: 'Visit statistics',
    },
  ],
];

const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);

/** Whether `node` is on screen: inside the viewport and not covered (the topmost element at its centre). */
function inSight(root: ShadowRoot, node: Element): boolean {
  const box = node.getBoundingClientRect();
  if (box.height === 0 || box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) return false;
  const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return !!hit && (hit === node || node.contains(hit));
}

async function openPreferences(started: Started): Promise<HTMLDialogElement> {
  part(started.root, 'open-preferences').click();
  await settle(started.element);
  return part<HTMLDialogElement>(started.root, 'preferences');
}

describe('what a consent says, in each language', () => {
  beforeEach(resetPage);

  for (const [lang, expected] of LANGUAGES) {
    const { texts } = expected;
    describe(lang, () => {
      it('the first layer: the operator with BIN and address, accept all’s scope with the countries, the term, clause 1.2, and the button statement', async () => {
        const { root } = await start({ config: { ...CONFIG, language: lang } });
        expect(text(part(root, 'intro'))).to.equal(fill(texts.bannerIntro, { controller: expected.operator }));
        const countries = `${expected.countries.US}, ${expected.countries.RU}`;
        expect(text(part(root, 'accept-all-scope'))).to.equal(`${texts.bannerAcceptAll} ${fill(texts.bannerAbroad, { countries })}`);
        expect(text(part(root, 'term'))).to.equal(fill(texts.bannerTerm, { term: expected.term }));
        expect(text(part(root, 'changes-rule'))).to.equal(fill(texts.bannerChanges, { days: expected.days }));
        expect(text(part(root, 'confirm'))).to.equal(texts.bannerConfirm);
        for (const name of ['confirm', 'accept-all', 'reject-all', 'open-preferences'])
          expect(inSight(root, part(root, name)), name).to.be.true;
      });

      it('the preferences: each service by name, its country in this language, cross-border in words', async () => {
        const started = await start({ config: { ...CONFIG, language: lang } });
        const dialog = await openPreferences(started);
        const services = [...dialog.querySelectorAll('[part~="service"]')];
        expect(services.map((li) => li.querySelector('.service-name')!.textContent)).to.deep.equal([
          'kelisim',
          'Google Analytics',
          'Яндекс Метрика',
          'Meta Pixel',
        ]);
        expect(services.map((li) => li.querySelector('[part~="country"]')!.textContent)).to.deep.equal([
          expected.countries.KZ,
          expected.countries.US,
          expected.countries.RU,
          expected.countries.US,
        ]);
        // Kazakhstan is the Company's own country: no cross-border mark; every other one, in words.
        expect(services.map((li) => li.querySelector('[part~="cross-border"]')?.textContent ?? null)).to.deep.equal([
          null,
          texts.crossBorder,
          texts.crossBorder,
          texts.crossBorder,
        ]);
        // Under the category they belong to, and named by it as a list.
        const analytics = dialog.querySelector('[name="analytics"]')!.closest('[part~="category"]')!;
        const list = analytics.querySelector('[part~="services"]')!;
        expect(started.root.getElementById(list.getAttribute('aria-labelledby')!)!.textContent).to.equal(texts.servicesTitle);
        expect(text(services[1]!)).to.include(expected.purpose);
        const link = services[1]!.querySelector<HTMLAnchorElement>('[part~="service-link"]')!;
        expect(link.href).to.equal('https://policies.google.com/privacy');
        expect(link.textContent).to.equal(texts.servicePrivacy);
        expect(link.getAttribute('aria-label')).to.equal(`Google Analytics: ${texts.servicePrivacy}`);
        // A purpose given in one language only is shown in it, marked as such.
        const pixelPurpose = services[3]!.querySelector('.service-more span');
        expect(pixelPurpose!.textContent).to.equal('Реклама в Facebook');
        expect(pixelPurpose!.getAttribute('lang')).to.equal(lang === 'ru' ? null : 'ru');
        expect(
          dialog.querySelector('[name="partners"]')!.closest('[part~="category"]')!.querySelector('[part~="services"]'),
          'no services, no list',
        ).to.equal(null);
        await expect(started.element).to.be.accessible();
      });

      it('axe finds nothing in the banner with everything configured', async () => {
        const { element } = await start({ config: { ...CONFIG, language: lang } });
        await expect(element).to.be.accessible();
      });
    });
  }

  it('without services: no countries in the first layer, and the summary still says services abroad are cross-border', async () => {
    const { root } = await start({ config: { language: 'en' } });
    expect(root.querySelector('[part~="abroad"]')).to.equal(null);
    expect(text(part(root, 'accept-all-scope'))).to.equal(en.bannerAcceptAll);
    expect(text(part(root, 'intro'))).to.equal(fill(en.bannerIntro, { controller: 'BTS Education LLP' }));
    const where = [...root.querySelectorAll<HTMLDetailsElement>('[part~="summary-item"]')][3]!;
    where.querySelector('summary')!.click();
    const sentence = await until(() => where.querySelector('p'), 'the Where part opened');
    expect(text(sentence)).to.equal(en.summaryWhere);
    expect(en.summaryWhere).to.include('cross-border transfer');
  });

  it('services only in Kazakhstan: nothing abroad to name', async () => {
    const categories = [
      { id: 'necessary', required: true },
      { id: 'analytics', services: [{ name: 'Local stats', country: 'KZ' }] },
    ];
    const { root } = await start({ config: { language: 'en', categories } });
    expect(root.querySelector('[part~="abroad"]')).to.equal(null);
  });

  describe('the consent term, from consentMaxAgeDays', () => {
    const cases: Array<[string, number, string]> = [
      ['en', 30, '1 month'],
      ['ru', 61, '2 месяца'],
      ['ru', 183, '6 месяцев'],
      ['en', 200, '200 calendar days'],
      ['kk', 90, '90 күнтізбелік күн'],
    ];
    for (const [lang, days, term] of cases) {
      it(`${lang}: ${days} days → ${term}`, async () => {
        const { root } = await start({ config: { language: lang, consentMaxAgeDays: days } });
        expect(text(part(root, 'term'))).to.include(term);
      });
    }
  });

  it('clause 1.2’s count in the first layer follows implicitAcceptanceDays, with its plural', async () => {
    const { root } = await start({ config: { language: 'ru', policy: { version: '2026-06-01', implicitAcceptanceDays: 1 } } });
    expect(text(part(root, 'changes-rule'))).to.include('через 1 календарный день после дня публикации');
  });

  it('a page’s own country name in a text override', async () => {
    const started = await start({ config: { ...CONFIG, language: 'ru', texts: { ru: { 'country.US': 'США' } } } });
    expect(text(part(started.root, 'abroad'))).to.equal('Страны зарубежных сервисов: США, Россия.');
    const dialog = await openPreferences(started);
    expect([...dialog.querySelectorAll('[part~="country"]')].map((node) => node.textContent)).to.include('США');
  });
});
