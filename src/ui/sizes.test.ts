import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { part, resetPage, start, storedRecord, type Started } from '../../test/support/ui.js';

/**
 * SPEC §9 r2, measured in real Chromium: on a phone (360×740) and on a desktop (1280×800),
 * in every language, with the operator's BIN and address and services configured (the
 * longest first layer there is), the banner takes at most 70 % of the viewport's height and
 * the change notice at most 50 %; neither reaches the page's header at the top; their
 * buttons, and the banner's statement above them, are in sight without scrolling, and the
 * notice's clause 1.2 sentence too. The figures are logged for the README.
 */

const VIEWPORTS = [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;

const CONFIG = {
  controller: {
    name: 'BTS Education LLP',
    names: { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' },
    bin: '123456789012',
    address: '010000, Астана қ., Есіл ауданы, Мәңгілік Ел даңғылы, 55/20, 3-қабат',
  },
  categories: [
    { id: 'necessary', required: true },
    {
      id: 'analytics',
      services: [
        { name: 'Google Analytics', country: 'US' },
        { name: 'Яндекс Метрика', country: 'RU' },
      ],
    },
    {
      id: 'marketing',
      gpc: true,
      adultOnly: true,
      services: [
        { name: 'Meta Pixel', country: 'US' },
        { name: 'Google Ads', country: 'IE' },
      ],
    },
    { id: 'partners', gpc: true, adultOnly: true },
  ],
};

/** A visitor back after a change with a new category, and lines of what changed in every language. */
const NOTICE = {
  now: () => new Date('2026-06-03T12:00:00+05:00'),
  record: storedRecord({
    categories: { necessary: true, analytics: true, marketing: false },
    decidedAt: '2026-05-01T09:00:00.000Z',
    updatedAt: '2026-05-01T09:00:00.000Z',
  }),
};
const CHANGES = {
  kk: ['Серіктестерге деректер беру бөлек санатқа шығарылды.', 'Деректерді сақтау мерзімі нақтыланды.'],
  ru: ['Передача данных Партнёрам выделена в отдельную категорию.', 'Уточнён срок хранения данных.'],
  en: ['Sharing with Partners is now a category of its own.', 'The storage period is stated more precisely.'],
};

/** Whether `node` is on screen: inside the viewport and the topmost element at its centre. */
function inSight(root: ShadowRoot, node: Element): boolean {
  const box = node.getBoundingClientRect();
  if (box.height === 0 || box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) return false;
  const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return !!hit && (hit === node || node.contains(hit));
}

const measured: string[] = [];

/** The view's share of the viewport's height, checked against `limit` and logged. */
function share(started: Started, view: string, label: string, limit: number): number {
  const box = part(started.root, view).getBoundingClientRect();
  const percent = (box.height / innerHeight) * 100;
  measured.push(`${label}: ${view} ${Math.round(box.height)} px of ${innerHeight} = ${percent.toFixed(1)} %`);
  expect(percent, `${label}: ${view} height`).to.be.at.most(limit);
  expect(box.top, `${label}: ${view} leaves the top of the page (its header) in sight`).to.be.at.least(innerHeight * (1 - limit / 100) - 1);
  return percent;
}

describe('sizes on a phone and a desktop (SPEC §9)', () => {
  beforeEach(resetPage);
  afterEach(() => setViewport({ width: 800, height: 600 }));
  after(() => console.log(`\n${measured.join('\n')}`));

  for (const [device, viewport] of VIEWPORTS) {
    for (const lang of ['kk', 'ru', 'en']) {
      const label = `${device} ${viewport.width}×${viewport.height} ${lang}`;

      for (const layout of ['bar', 'box']) {
        it(`${label}: the ${layout} banner ≤ 70 %, its statement and three buttons in sight`, async () => {
          await setViewport(viewport);
          const started = await start({ config: { ...CONFIG, language: lang, layout } });
          share(started, 'banner', `${label} ${layout}`, 70);
          for (const name of ['confirm', 'accept-all', 'reject-all', 'open-preferences']) {
            expect(inSight(started.root, part(started.root, name)), `${label}: ${name}`).to.be.true;
          }
          // What does not fit scrolls inside the banner, never sideways.
          const banner = part(started.root, 'banner');
          expect(banner.scrollWidth).to.be.at.most(banner.clientWidth);
        });
      }

      it(`${label}: the change notice ≤ 50 %, its clause 1.2 sentence and buttons in sight, details expandable`, async () => {
        await setViewport(viewport);
        const started = await start({
          ...NOTICE,
          config: { ...CONFIG, language: lang, policy: { version: '2026-06-01', publishedAt: '2026-06-01', changes: CHANGES } },
        });
        share(started, 'notice', label, 50);
        for (const name of ['implicit', 'accept-notice', 'open-preferences', 'close']) {
          expect(inSight(started.root, part(started.root, name)), `${label}: ${name}`).to.be.true;
        }
        const details = part<HTMLDetailsElement>(started.root, 'changes-details');
        expect(inSight(started.root, details.querySelector('summary')!), `${label}: what changed`).to.be.true;
        details.open = true;
        await started.element.updateComplete;
        // Opened, it still keeps to half the screen: the lines scroll inside, the buttons stay.
        expect(part(started.root, 'notice').getBoundingClientRect().height / innerHeight).to.be.at.most(0.5);
        expect(inSight(started.root, part(started.root, 'accept-notice')), `${label}: accept, details open`).to.be.true;
      });
    }
  }
});
