import { expect } from '@open-wc/testing';
import { en, kk, ru } from '../../test/support/texts.js';
import type { Texts } from '../i18n/texts.js';
import { categoryName, controllerName, countryName, loadTexts, operatorName, say } from './language.js';
import { formatDate } from './notice.js';

describe('language helpers', () => {
  /** 00:00 of 9 June 2026 in Kazakhstan (UTC+05:00): still 8 June in UTC and west of it. */
  const june9Almaty = new Date('2026-06-08T19:00:00Z');

  it('writes the calendar day of the policy’s time zone, in each language', () => {
    expect(formatDate(june9Almaty, 'Asia/Almaty', 'kk', kk)).to.equal('2026 ж. 9 маусым');
    expect(formatDate(june9Almaty, 'Asia/Almaty', 'ru', ru)).to.equal('9 июня 2026 г.');
    expect(formatDate(june9Almaty, 'Asia/Almaty', 'en', en)).to.equal('June 9, 2026');
  });

  it('never the visitor’s day: the same instant is 8 June in UTC and in Los Angeles', () => {
    expect(formatDate(june9Almaty, 'UTC', 'en', en)).to.equal('June 8, 2026');
    expect(formatDate(june9Almaty, 'America/Los_Angeles', 'kk', kk)).to.equal('2026 ж. 8 маусым');
  });

  it('never writes a month as a number: the texts’ month names where Intl has none', () => {
    const marked = { ...kk, dateLong: '{day}/{month}/{year}', monthNames: 'a b c d e f g h i j k l' };
    // Debian's Chromium has no Kazakh month names; a browser with them uses its own.
    const intlHasNames = !/\d/.test(new Intl.DateTimeFormat('kk', { month: 'long' }).format(june9Almaty));
    expect(formatDate(june9Almaty, 'Asia/Almaty', 'kk', marked)).to.equal(intlHasNames ? '2026 ж. 9 маусым' : '9/f/2026');
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

  it('names the operator with its BIN and address when configured, each part only when given', () => {
    const names = { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' };
    const full = { name: 'BTS Education LLP', names, bin: '123456789012', address: 'Астана, Мәңгілік Ел 55' };
    expect(operatorName(full, 'kk', kk)).to.equal('«BTS Education» ЖШС (БСН 123456789012, Астана, Мәңгілік Ел 55)');
    expect(operatorName(full, 'ru', ru)).to.equal('ТОО «BTS Education» (БИН 123456789012, Астана, Мәңгілік Ел 55)');
    expect(operatorName(full, 'en', en)).to.equal('BTS Education LLP (BIN 123456789012, Астана, Мәңгілік Ел 55)');
    expect(operatorName({ name: 'Acme LLP', bin: '123456789012' }, 'en', en)).to.equal('Acme LLP (BIN 123456789012)');
    expect(operatorName({ name: 'Acme LLP', address: 'Almaty' }, 'en', en)).to.equal('Acme LLP (Almaty)');
    expect(operatorName({ name: 'Acme LLP' }, 'en', en)).to.equal('Acme LLP');
  });

  describe('country names', () => {
    it('Kazakh: its own names, since Chromium has none (it answers in English)', () => {
      expect(countryName(kk, 'kk', 'US')).to.equal('Америка Құрама Штаттары');
      expect(countryName(kk, 'kk', 'RU')).to.equal('Ресей');
      expect(countryName(kk, 'kk', 'KZ')).to.equal('Қазақстан');
      expect(countryName(kk, 'kk', 'IE')).to.equal('Ирландия');
    });

    it('Kazakh: a country without a name of its own falls back to Intl’s (English in this Chromium)', () => {
      expect(countryName(kk, 'kk', 'ZA')).to.equal(new Intl.DisplayNames(['kk'], { type: 'region' }).of('ZA'));
      expect(countryName(kk, 'kk', 'ZA')).to.be.oneOf(['South Africa', 'Оңтүстік Африка']);
    });

    it('Russian and English: Intl.DisplayNames', () => {
      expect(countryName(ru, 'ru', 'US')).to.equal('Соединенные Штаты');
      expect(countryName(ru, 'ru', 'RU')).to.equal('Россия');
      expect(countryName(en, 'en', 'US')).to.equal('United States');
      expect(countryName(en, 'en', 'NL')).to.equal('Netherlands');
    });

    it('a page names or renames a country with a text override', () => {
      const texts = { ...ru, 'country.US': 'США' } as Texts;
      expect(countryName(texts, 'ru', 'US')).to.equal('США');
      expect(countryName({ ...kk, 'country.ZA': 'Оңтүстік Африка' } as Texts, 'kk', 'ZA')).to.equal('Оңтүстік Африка');
    });
  });
});
