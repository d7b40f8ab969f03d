import { expect } from '@open-wc/testing';
import en from '../../src/i18n/en.js';
import kk from '../../src/i18n/kk.js';
import ru from '../../src/i18n/ru.js';
import { format, formatDays, type TextKey, type Texts } from '../../src/i18n/texts.js';

// The mocha globals that @web/test-runner provides; @types/mocha is not installed.
declare const describe: (title: string, body: () => void) => void;
declare const it: (title: string, body: () => void | Promise<void>) => void;

const languages: Array<[string, Texts]> = [
  ['kk', kk],
  ['ru', ru],
  ['en', en],
];

/** Plural forms differ by language on purpose; they are checked on their own below. */
const isPlural = (key: string): boolean => key.startsWith('days_');
const keysOf = (texts: Texts): TextKey[] => Object.keys(texts) as TextKey[];
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('i18n texts', () => {
  const reference = keysOf(en).filter((key) => !isPlural(key));

  it('English, the reference, is complete', () => {
    // Spot checks (tsc checks the rest), so an empty reference cannot pass everything below.
    expect(reference).to.include.members(['bannerIntro', 'withdrawDone', 'noticeImplicit', 'category.partners.description']);
  });

  for (const [lang, texts] of languages) {
    describe(lang, () => {
      it('has every key the English texts have, and no other', () => {
        const keys = keysOf(texts).filter((key) => !isPlural(key));
        expect(keys).to.have.members(reference);
      });

      it('has no empty text', () => {
        for (const key of keysOf(texts)) {
          expect(texts[key], key).to.be.a('string');
          expect(texts[key]!.trim(), key).not.to.equal('');
        }
      });

      it('keeps the same placeholders as English in every text', () => {
        for (const key of reference) {
          expect(placeholders(texts[key]!), key).to.deep.equal(placeholders(en[key]!));
        }
      });

      it('writes plain text with the language’s own quotes', () => {
        for (const key of keysOf(texts)) {
          const text = texts[key]!;
          expect(text, key).not.to.match(/[<>]|\*\*|\]\(|`/); // no HTML, no Markdown
          expect(text, key).not.to.match(/["']/); // no straight quotes
        }
      });

      it('has plural forms only for its own plural categories, each with {n}', () => {
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
        const forms = keysOf(texts).filter(isPlural);
        expect(forms).to.include('days_other');
        for (const form of forms) {
          expect(categories, form).to.include(form.slice('days_'.length));
          expect(placeholders(texts[form]!), form).to.deep.equal(['n']);
        }
      });

      it('names twelve months for the dates Intl cannot write', () => {
        expect(texts.monthNames.split(' ')).to.have.length(12);
        expect(placeholders(texts.dateLong)).to.deep.equal(['day', 'month', 'year']);
      });

      it('states the transport security of clause 3.3', () => {
        expect(texts.summarySecurity).to.include('HTTPS').and.to.include('TLS 1.2');
      });
    });
  }

  it('names the placeholders the widget fills', () => {
    expect(placeholders(en.bannerIntro)).to.deep.equal(['controller']);
    expect(placeholders(en.summaryWho)).to.deep.equal(['controller']);
    expect(placeholders(en.withdrawDone)).to.deep.equal(['address', 'controller']);
    expect(placeholders(en.withdrawDoneNoAddress)).to.deep.equal(['controller']);
    expect(placeholders(en.noticeImplicit)).to.deep.equal(['date', 'days']);
    expect(placeholders(en.noticePublished)).to.deep.equal(['date']);
    expect(placeholders(en.noticeNewCategories)).to.deep.equal(['list']);
  });

  it('keeps Kazakh to one plural form', () => {
    expect(keysOf(kk).filter(isPlural)).to.deep.equal(['days_other']);
  });
});

describe('formatDays', () => {
  const cases: Array<[string, Texts, number, string]> = [
    ['ru', ru, 1, '1 календарный день'],
    ['ru', ru, 2, '2 календарных дня'],
    ['ru', ru, 4, '4 календарных дня'],
    ['ru', ru, 5, '5 календарных дней'],
    ['ru', ru, 7, '7 календарных дней'],
    ['ru', ru, 11, '11 календарных дней'],
    ['ru', ru, 21, '21 календарный день'],
    ['ru', ru, 22, '22 календарных дня'],
    ['ru', ru, 1.5, '1.5 календарного дня'],
    ['kk', kk, 1, '1 күнтізбелік күн'],
    ['kk', kk, 7, '7 күнтізбелік күн'],
    ['kk', kk, 21, '21 күнтізбелік күн'],
    ['en', en, 1, '1 calendar day'],
    ['en', en, 7, '7 calendar days'],
    ['en', en, 21, '21 calendar days'],
  ];
  for (const [lang, texts, count, expected] of cases) {
    it(`${lang}: ${count} → ${expected}`, () => {
      expect(formatDays(texts, lang, count)).to.equal(expected);
    });
  }

  it('fills the implicit-acceptance notice of clause 1.2', () => {
    const days = formatDays(ru, 'ru', 7);
    expect(format(ru.noticeImplicit, { date: '8 июня 2026 г.', days })).to.equal(
      'Если вы продолжите пользоваться сервисом с 8 июня 2026 г. (через 7 календарных дней после публикации), изменения будут считаться принятыми.',
    );
  });
});

describe('format', () => {
  it('fills every occurrence of each placeholder', () => {
    expect(format('{a}, {b} and {a}', { a: 'x', b: 2 })).to.equal('x, 2 and x');
  });

  it('leaves unknown placeholders as written', () => {
    expect(format('{known} {unknown}', { known: 'yes' })).to.equal('yes {unknown}');
  });

  it('leaves a placeholder named like an Object.prototype member as written', () => {
    expect(format('{constructor} {toString}', {})).to.equal('{constructor} {toString}');
  });

  it('does not fill placeholders inside substituted values', () => {
    expect(format('{a}', { a: '{b}', b: 'no' })).to.equal('{b}');
  });

  it('fills a value of 0 and an empty string', () => {
    expect(format('[{n}][{s}]', { n: 0, s: '' })).to.equal('[0][]');
  });

  it('names the controller in the withdrawal text when no address is configured', () => {
    const text = format(kk.withdrawDoneNoAddress, { controller: '«BTS Education» ЖШС' });
    expect(text).to.include('Пайдаланушы келісімінде көрсетілген «BTS Education» ЖШС мекенжайына жазбаша өтініш');
  });

  it('fills the withdrawal text with controller and address', () => {
    const text = format(kk.withdrawDone, { controller: '«BTS Education» ЖШС', address: 'Астана, 010000' });
    expect(text).to.match(/: «BTS Education» ЖШС, Астана, 010000\.$/);
  });
});
