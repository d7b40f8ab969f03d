import { expect } from '@open-wc/testing';
import en from '../../src/i18n/en.js';
import kk from '../../src/i18n/kk.js';
import ru from '../../src/i18n/ru.js';
import { categoryName, controllerName, formatDate, loadTexts, say } from '../../src/ui/language.js';

describe('language helpers', () => {
  const june8 = new Date(2026, 5, 8);

  it('writes long dates in each language', () => {
    expect(formatDate(june8, 'kk', kk)).to.equal('2026 ж. 8 маусым');
    expect(formatDate(june8, 'ru', ru)).to.equal('8 июня 2026 г.');
    expect(formatDate(june8, 'en', en)).to.equal('June 8, 2026');
  });

  it('never writes a month as a number: the texts’ month names where Intl has none', () => {
    const marked = { ...kk, dateLong: '{day}/{month}/{year}', monthNames: 'a b c d e f g h i j k l' };
    // Debian's Chromium has no Kazakh month names; a browser with them uses its own.
    const intlHasNames = !/\d/.test(new Intl.DateTimeFormat('kk', { month: 'long' }).format(june8));
    expect(formatDate(june8, 'kk', marked)).to.equal(intlHasNames ? '2026 ж. 8 маусым' : '8/f/2026');
  });

  it('loads one language’s texts with the page’s overrides for it only', async () => {
    const texts = await loadTexts('ru', { ru: { acceptAll: 'Да' }, en: { acceptAll: 'Yes' } });
    expect(texts.acceptAll).to.equal('Да');
    expect(texts.rejectAll).to.equal(ru.rejectAll);
  });

  it('fills a text by key, and says when there is none', () => {
    expect(say(en, 'summaryWho', { controller: 'Acme' })).to.match(/^Acme \(the Company\)/);
    expect(say(en, 'category.courses.name')).to.equal(undefined);
  });

  it('names a page’s own category by its id when no text names it', () => {
    expect(categoryName(en, 'analytics')).to.equal('Analytics');
    expect(categoryName(en, 'courses')).to.equal('courses');
    expect(categoryName({ ...en, ['category.courses.name' as 'acceptAll']: 'Course tips' }, 'courses')).to.equal('Course tips');
  });

  it('names the controller as written in the language, else as given', () => {
    const controller = { name: 'BTS Education LLP', names: { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' } };
    expect(controllerName(controller, 'kk')).to.equal('«BTS Education» ЖШС');
    expect(controllerName(controller, 'en')).to.equal('BTS Education LLP');
  });
});
