/**
 * The shape of one language's texts. Each language is its own module (`kk.ts`, `ru.ts`,
 * `en.ts`) so that a page downloads only the one it shows. Placeholders in braces are
 * filled by {@link format}; every text is rendered as text, never as HTML.
 *
 * The order of the keys below is the order of the review sheet (`npm run texts`,
 * docs/texts.md), and each key's comment is its note there: write it for a reviewer.
 *
 * Plural forms are separate keys with the `Intl.PluralRules` category as suffix
 * (`days_one`, `days_few`, `days_many`, `days_other`); a language lists the ones it uses.
 * A language may add `country.XX` keys: a country's name where `Intl.DisplayNames` has
 * none in that language (Kazakh, see kk.ts).
 */
export interface Texts {
  /** Name of the language in itself, for the language switch («Қазақша»). */
  languageName: string;
  /** Label of the language switch (read by screen readers). */
  languageLabel: string;

  // The banner's first layer (what a consent must say, Law 94-V Art. 8)
  /** The banner's heading. */
  bannerTitle: string;
  /**
   * Who processes the data and what is on before a choice (clauses 1.1, 2.1).
   * `{controller}`: the operator's name, followed in brackets by its BIN and address when
   * the site configures them: «BTS Education» ЖШС (БСН 000000000000, Астана қ., …).
   */
  bannerIntro: string;
  /** The BIN inside the operator's brackets (`controller.bin`, 12 digits). */
  operatorBin: string;
  /** What “accept all” turns on: every optional purpose, and sharing with Partners, abroad too (clause 4.2, Art. 16). */
  bannerAcceptAll: string;
  /**
   * Added to the sentence above when the site names services outside Kazakhstan:
   * `{countries}`, their countries, listed in the visitor’s language.
   */
  bannerAbroad: string;
  /** How long the choice lasts (`consentMaxAgeDays`): `{term}` is “12 months” or, when not a whole number of months, “200 calendar days”. */
  bannerTerm: string;
  /** Clause 1.2: changes are announced, and accepted by the button or by continued use; `{days}`: “7 calendar days”. */
  bannerChanges: string;
  /** Above the three buttons: pressing any of them is recorded with the words on screen (`textsHash`, Art. 8). */
  bannerConfirm: string;
  /** The first button. */
  acceptAll: string;
  /** The second button: as easy and as visible as the first. */
  rejectAll: string;
  /** The third button: opens the settings. A verb, not a noun. */
  choose: string;
  /** The link to the full policy (clause 1.2). */
  policyLink: string;
  /** Shown when the browser’s Global Privacy Control signal was honoured. */
  gpcHonoured: string;
  /** Shown for a known minor (`setSubject({ minor: true })`): a legal representative consents (Civil Code Arts. 17, 22). */
  minorNotice: string;

  // The banner's second layer: the summary, one expandable part each
  /** Clause 1.1 and 2.1. */
  summaryWhoTitle: string;
  /** `{controller}`: the operator's name. */
  summaryWho: string;
  /** Clauses 2.2 and 2.3. */
  summaryWhatTitle: string;
  summaryWhat: string;
  /** Clause 2.1: what is always done, and what only with consent. */
  summaryWhyTitle: string;
  summaryWhy: string;
  /** Clause 2.4: the Company’s own storage is in Kazakhstan; services abroad are cross-border. */
  summaryWhereTitle: string;
  summaryWhere: string;
  /** Clauses 4.1 (as the law allows), 4.2 (Partners, with consent, across borders) and 4.3 (correspondence). */
  summarySharingTitle: string;
  summarySharing: string;
  /** Law 94-V Art. 24 (access, correction, blocking, deletion) and clause 2.5 (withdrawal). */
  summaryRightsTitle: string;
  summaryRights: string;
  /** Clauses 3.1–3.5. Clause 4.4’s liability waiver does not belong on a consent banner. */
  summarySecurityTitle: string;
  summarySecurity: string;

  // The preferences dialog
  preferencesTitle: string;
  preferencesIntro: string;
  save: string;
  /** The close button’s label (read by screen readers; the button shows ×). */
  close: string;
  /** A required category without a description of its own. */
  requiredLabel: string;
  /** Under an adult-only category, for a known minor. */
  adultOnlyLocked: string;
  'category.necessary.name': string;
  'category.necessary.description': string;
  'category.analytics.name': string;
  'category.analytics.description': string;
  'category.marketing.name': string;
  'category.marketing.description': string;
  'category.partners.name': string;
  'category.partners.description': string;
  /** Heading of a category’s list of services (`categories[].services`), each shown with its country. */
  servicesTitle: string;
  /** After the country of a service outside Kazakhstan (Art. 16), in words, not colour. */
  crossBorder: string;
  /** The link to a service’s own privacy notice (`services[].url`). */
  servicePrivacy: string;
  withdrawTitle: string;
  /** Explains what the withdraw button does, before it is pressed (clause 2.5). */
  withdrawIntro: string;
  withdraw: string;
  /** After withdrawal; `{controller}` and `{address}` name where the written application goes (clause 2.5). */
  withdrawDone: string;
  /** After withdrawal, for a controller whose config gives no address: the address is the one in the User Agreement (clause 2.5). */
  withdrawDoneNoAddress: string;

  // The change notice (clause 1.2)
  noticeTitle: string;
  /** `{date}`: the publication date, as a calendar day in the policy’s time zone (Kazakhstan). */
  noticePublished: string;
  /** The expandable list of what changed (`policy.changes`). */
  noticeChangesTitle: string;
  /** One new category, which starts off: `{list}` is its name. */
  noticeNewCategory: string;
  /** Several new categories, which start off: `{list}` are their names, the last two joined by `listAnd`. */
  noticeNewCategories: string;
  /** The word before the last name of a list (“Marketing and Sharing with Partners”): Chromium has no Kazakh list patterns. */
  listAnd: string;
  /**
   * Clause 1.2, before the day: `{date}` is the day from which continued use accepts (00:00
   * Kazakhstan time of day D + N + 1), `{days}` the count with its plural word.
   */
  noticeImplicit: string;
  /** Clause 1.2, for a visitor who first sees the notice after that day: `{days}` as above. Never “from” a past date. */
  noticeImplicitPassed: string;
  acceptNotice: string;
  /** Opens the settings from the notice. */
  noticeReview: string;

  // The reopen control
  reopenLabel: string;

  /**
   * A long date, for browsers whose `Intl` has no month names for the language (Chromium
   * writes Kazakh dates as «2026 M11 25»): `{day}`, `{month}`, `{year}`.
   */
  dateLong: string;
  /** The twelve months as `dateLong` writes them (in Russian, the genitive), separated by spaces. */
  monthNames: string;

  /** `{n}` calendar days, by plural category: clause 1.2’s count, and a consent term that is not whole months. */
  days_one?: string;
  days_few?: string;
  days_many?: string;
  days_other: string;
  /** `{n}` months, by plural category: the consent term (`consentMaxAgeDays` 365 is 12 months). */
  months_one?: string;
  months_few?: string;
  months_many?: string;
  months_other: string;
}

/** A text key. */
export type TextKey = keyof Texts;

/**
 * The texts the banner's first paint needs. Each language comes in two chunks: these
 * (`kk.ts`), on the banner's critical path, and the rest (`kk-more.ts`: the summary's
 * paragraphs, the preferences, the notice, withdrawal, Kazakh country names), fetched once
 * the banner shows.
 */
export type FirstLayerKey =
  | 'languageName'
  | 'languageLabel'
  | 'bannerTitle'
  | 'bannerIntro'
  | 'operatorBin'
  | 'bannerAcceptAll'
  | 'bannerAbroad'
  | 'bannerTerm'
  | 'bannerChanges'
  | 'bannerConfirm'
  | 'acceptAll'
  | 'rejectAll'
  | 'choose'
  | 'policyLink'
  | 'gpcHonoured'
  | 'minorNotice'
  | `summary${'Who' | 'What' | 'Why' | 'Where' | 'Sharing' | 'Rights' | 'Security'}Title`
  | 'close'
  | 'listAnd'
  | `${'days' | 'months'}_${'one' | 'few' | 'many' | 'other'}`;

/** A language's first chunk. */
export type FirstLayerTexts = Pick<Texts, FirstLayerKey>;

/** A language's second chunk: every other text. */
export type MoreTexts = Omit<Texts, FirstLayerKey>;

/** The words counted by plural forms. */
export type Counted = 'days' | 'months';

/** Fills `{name}` placeholders; unknown names stay as written so a typo is visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** “7 days” or “12 months” in the language's plural form, by `Intl.PluralRules`. */
export function formatCount(texts: Texts, lang: string, what: Counted, count: number): string {
  const form = new Intl.PluralRules(lang).select(count);
  const template = texts[`${what}_${form}` as TextKey] ?? texts[`${what}_other`];
  return format(template, { n: count });
}

/** "7 calendar days" in the language's plural form. */
export const formatDays = (texts: Texts, lang: string, count: number): string => formatCount(texts, lang, 'days', count);

/** The average month of the Gregorian calendar, in days. */
const MONTH = 365.25 / 12;

/**
 * How long a consent lasts, as people say it: whole months when the days are a whole
 * number of months give or take a day (365 → “12 months”, 30 → “1 month”, 183 → “6
 * months”), else the days themselves (90 → “90 calendar days”, not “3 months”: 90 days
 * are a day and a third short of an average three months, and a term must not read longer
 * than it is by more than the calendar's own unevenness).
 */
export function formatTerm(texts: Texts, lang: string, days: number): string {
  const months = Math.round(days / MONTH);
  return months >= 1 && Math.abs(days - months * MONTH) <= 1 ? formatCount(texts, lang, 'months', months) : formatDays(texts, lang, days);
}
