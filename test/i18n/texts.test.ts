import { expect } from '@open-wc/testing';
import { format, formatDays, formatTerm, type TextKey, type Texts } from '../../src/i18n/texts.js';
import { en, kk, ru } from '../support/texts.js';

// The mocha globals that @web/test-runner provides; @types/mocha is not installed.
declare const describe: (title: string, body: () => void) => void;
declare const it: (title: string, body: () => void | Promise<void>) => void;

const languages: Array<[string, Texts]> = [
  ['kk', kk],
  ['ru', ru],
  ['en', en],
];

/** Plural forms differ by language on purpose; they are checked on their own below. */
const isPlural = (key: string): boolean => /^(days|months)_/.test(key);
/** A language's own country names (Kazakh: Intl has none); checked on their own below. */
const isCountry = (key: string): boolean => key.startsWith('country.');
const keysOf = (texts: Texts): TextKey[] => Object.keys(texts) as TextKey[];
const all = (texts: Texts): string => Object.values(texts).join('\n');
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('i18n texts', () => {
  const reference = keysOf(en).filter((key) => !isPlural(key) && !isCountry(key));

  it('English, the reference, is complete', () => {
    // Spot checks (tsc checks the rest), so an empty reference cannot pass everything below.
    expect(reference).to.include.members([
      'bannerIntro',
      'bannerConfirm',
      'bannerTerm',
      'withdrawDone',
      'noticeImplicit',
      'noticeImplicitPassed',
      'category.partners.description',
    ]);
  });

  for (const [lang, texts] of languages) {
    describe(lang, () => {
      it('has every key the English texts have, and no other', () => {
        const keys = keysOf(texts).filter((key) => !isPlural(key) && !isCountry(key));
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
        expect(forms).to.include.members(['days_other', 'months_other']);
        for (const form of forms) {
          expect(categories, form).to.include(form.replace(/^\w+_/, ''));
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

      it('capitalises Partners, as the policy does (a defined term)', () => {
        const lowercase = { kk: /(^|[^\p{L}])серіктес/u, ru: /(^|[^\p{L}])партн[её]р/u, en: /\bpartners?\b/ }[lang]!;
        for (const key of keysOf(texts)) expect(texts[key], key).not.to.match(lowercase);
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
    expect(keysOf(kk).filter(isPlural)).to.deep.equal(['days_other', 'months_other']);
  });

  it('names the placeholders of the first layer and the notice', () => {
    expect(placeholders(en.operatorBin)).to.deep.equal(['bin']);
    expect(placeholders(en.bannerAbroad)).to.deep.equal(['countries']);
    expect(placeholders(en.bannerTerm)).to.deep.equal(['term']);
    expect(placeholders(en.bannerChanges)).to.deep.equal(['days']);
    expect(placeholders(en.bannerConfirm)).to.deep.equal([]);
    expect(placeholders(en.noticeImplicitPassed)).to.deep.equal(['days']);
    expect(placeholders(en.noticeNewCategory)).to.deep.equal(['list']);
  });

  it('names in Kazakh at least the countries a Kazakh site’s services plausibly use', () => {
    const codes = 'KZ RU US IE NL DE FI GB FR SE CN TR UZ KG BY AE SG JP KR IN PL CZ LT LV EE UA CH AT BE ES IT'.split(' ');
    const names = kk as unknown as Record<string, string>;
    for (const code of codes) expect(names[`country.${code}`], code).to.match(/^[А-ЯЁӘҒҚҢӨҰҮҺІ][\p{L} -]+$/u);
    expect(Object.keys(ru).filter(isCountry), 'Russian has Intl’s').to.deep.equal([]);
  });
});

/**
 * The points a Kazakh lawyer raised against the earlier texts (issue 10), each kept from
 * coming back: what the words must say, and what they must not.
 */
describe('what the texts say, against the policy', () => {
  it('carries no liability waiver (clause 4.4 does not belong on a consent banner)', () => {
    expect(all(kk)).not.to.match(/кепілдік бермейді|жауапкершілік көтермейді/);
    expect(all(ru)).not.to.match(/не гарантирует|не отвечает/);
    expect(all(en)).not.to.match(/not liable|does not guarantee/);
  });

  it('sharing: as the law allows (4.1), with Partners across borders on consent (4.2), never correspondence (4.3)', () => {
    expect(en.summarySharing)
      .to.include('in the cases and manner that Kazakh law provides')
      .and.include('With your consent')
      .and.include('across borders');
    expect(en.summarySharing).to.include('information about your correspondence');
    expect(ru.summarySharing)
      .to.include('в порядке и случаях, предусмотренных законодательством')
      .and.include('трансграничная передача')
      .and.include('информацию о вашей переписке');
    expect(kk.summarySharing)
      .to.include('заңнамасында көзделген тәртіпте және жағдайларда')
      .and.include('трансшекаралық беру')
      .and.include('хат алмасуыңыз жөніндегі ақпаратты');
    for (const texts of [kk, ru, en])
      expect(texts.summarySharing).not.to.match(/only if you allow|только с вашего разрешения|тек сіз рұқсат берсеңіз/);
  });

  it('why: quality and new services only with consent, after what is always done', () => {
    const after = (text: string, first: string, then: string) =>
      expect(text.indexOf(then)).to.be.greaterThan(text.indexOf(first)).and.greaterThan(-1);
    after(en.summaryWhy, 'Only with your consent', 'improve their quality');
    after(ru.summaryWhy, 'Только с вашего согласия', 'повышать их качество');
    after(kk.summaryWhy, 'Тек сіздің келісіміңізбен', 'сапасын арттыру');
  });

  it('where: the Company’s own storage in Kazakhstan, services abroad as cross-border', () => {
    expect(en.summaryWhere)
      .to.match(/^The Company stores .* in the Republic of Kazakhstan/)
      .and.include('cross-border transfer');
    expect(ru.summaryWhere)
      .to.match(/^Компания хранит .* Республики Казахстан/)
      .and.include('трансграничная передача');
    expect(kk.summaryWhere)
      .to.match(/^Компания .* Қазақстан Республикасының аумағында/)
      .and.include('трансшекаралық беру');
  });

  it('rights: access, correction, blocking and deletion (Art. 24) beside withdrawal (2.5)', () => {
    expect(en.summaryRights)
      .to.include('information about your personal data')
      .and.match(/correct, complete, block or delete/);
    expect(ru.summaryRights).to.include('изменения и дополнения, блокирования и уничтожения');
    expect(kk.summaryRights).to.include('өзгертуді және толықтыруды, бұғаттауды және жоюды');
  });

  it('clause 2.5: the written application withdraws consent to processing, and may end the User Agreement', () => {
    for (const key of ['summaryRights', 'withdrawIntro', 'withdrawDone', 'withdrawDoneNoAddress'] as const) {
      expect(en[key], key).to.include('may suspend or end the User Agreement');
      expect(ru[key], key).to.include('приостановить или прекратить действие Пользовательского соглашения');
      expect(kk[key], key).to.include('Пайдаланушы келісімін тоқтата тұруға немесе тоқтатуға');
    }
    expect(en.withdrawDone).to.include('withdraw your consent to the processing of your personal data altogether');
    expect(all(en)).not.to.include('withdraw from the User Agreement');
  });

  it('Kazakh: «Пайдаланушы келісімі» wherever the agreement is meant', () => {
    // The agreement is what is suspended, ended, in force, or where an address is given.
    const uses = [...all(kk).matchAll(/(\S+\s)?келісім\S*\s(тоқтата|тоқтатуға|қолданыс|бойынша|көрсетілген|енгізілген)/g)];
    expect(uses.length, 'the check finds the agreement').to.be.greaterThan(5);
    for (const match of uses) expect(match[1], match[0]).to.equal('Пайдаланушы ');
  });

  it('Kazakh style: a verb on the third button, full noun phrases, no double plural, the Company not “we”', () => {
    expect(kk.choose).not.to.equal('Таңдау');
    expect(all(kk)).not.to.match(/қажеттісі ғана|Келісіміңіз болса|cookies файл|\bбіз\b/);
    expect(kk.gpcHonoured).to.include('Компания');
  });

  it('Russian: one word for security, one form for where and how long', () => {
    expect(ru.summarySecurityTitle).to.equal('Безопасность');
    expect(ru.summaryWhereTitle).to.equal('Где и как долго');
  });

  it('Partners: the Company develops its services with them (4.2), not they theirs', () => {
    expect(en['category.partners.description']).to.include('With them the Company develops its');
    expect(ru['category.partners.description']).to.include('С ними Компания развивает свои');
    expect(kk['category.partners.description']).to.include('Компания олармен бірге');
  });

  it('minors: a legal representative consents for a minor (Civil Code)', () => {
    expect(en.minorNotice).to.include('your legal representative (a parent or guardian) gives consent for you');
    expect(ru.minorNotice).to.include('согласие за вас даёт ваш законный представитель');
    expect(kk.minorNotice).to.include('сіз үшін келісімді заңды өкіліңіз');
  });

  it('the first layer: accept all includes Partners abroad; any button is recorded with these words', () => {
    expect(en.bannerAcceptAll)
      .to.include('every optional purpose')
      .and.include('Partners')
      .and.include('abroad too (cross-border transfer)');
    expect(ru.bannerAcceptAll).to.include('все необязательные цели').and.include('за рубеж (трансграничная передача)');
    expect(kk.bannerAcceptAll).to.include('міндетті емес барлық мақсатты').and.include('шет елдерге де беруді (трансшекаралық беру)');
    expect(en.bannerConfirm).to.include('any of the three buttons').and.include('recorded with these words');
    expect(ru.bannerConfirm).to.include('любой из трёх кнопок').and.include('записывается вместе с этим текстом');
    expect(kk.bannerConfirm).to.include('Үш түйменің кез келгенін').and.include('осы мәтінмен бірге тіркеледі');
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
    expect(format(ru.noticeImplicit, { date: '9 июня 2026 г.', days })).to.equal(
      'Изменения принимаются нажатием кнопки или продолжением пользования сервисом с 9 июня 2026 г. (через 7 календарных дней после дня публикации).',
    );
  });
});

describe('formatTerm', () => {
  const cases: Array<[string, Texts, number, string]> = [
    ['en', en, 365, '12 months'],
    ['ru', ru, 365, '12 месяцев'],
    ['kk', kk, 365, '12 ай'],
    ['en', en, 366, '12 months'],
    ['ru', ru, 30, '1 месяц'],
    ['ru', ru, 61, '2 месяца'],
    ['ru', ru, 183, '6 месяцев'],
    ['ru', ru, 730, '24 месяца'],
    ['en', en, 31, '1 month'],
    // Not a whole number of months, give or take a day: the days themselves.
    ['en', en, 90, '90 calendar days'],
    ['ru', ru, 180, '180 календарных дней'],
    ['kk', kk, 200, '200 күнтізбелік күн'],
    ['ru', ru, 1, '1 календарный день'],
    ['en', en, 29, '29 calendar days'],
  ];
  for (const [lang, texts, days, expected] of cases) {
    it(`${lang}: ${days} days → ${expected}`, () => {
      expect(formatTerm(texts, lang, days)).to.equal(expected);
    });
  }
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
    expect(text).to.include('мына мекенжайға жіберіңіз: «BTS Education» ЖШС, Астана, 010000.');
  });
});
