/**
 * The shape of one language's texts. Each language is its own module (`kk.ts`, `ru.ts`,
 * `en.ts`) so that a page downloads only the one it shows. Placeholders in braces are
 * filled by {@link format}; every text is rendered as text, never as HTML.
 *
 * Plural forms are separate keys with the `Intl.PluralRules` category as suffix
 * (`days_one`, `days_few`, `days_many`, `days_other`); a language lists the ones it uses.
 */
export interface Texts {
  /** Name of the language in itself, for the language switch ("Қазақша"). */
  languageName: string;
  /** Label of the language switch. */
  languageLabel: string;

  // First-visit banner
  bannerTitle: string;
  /** One or two sentences; `{controller}` is the controller's name. */
  bannerIntro: string;
  summaryWhoTitle: string;
  summaryWho: string;
  summaryWhatTitle: string;
  summaryWhat: string;
  summaryWhyTitle: string;
  summaryWhy: string;
  summaryWhereTitle: string;
  summaryWhere: string;
  summarySharingTitle: string;
  summarySharing: string;
  summaryRightsTitle: string;
  summaryRights: string;
  summarySecurityTitle: string;
  summarySecurity: string;
  policyLink: string;
  acceptAll: string;
  rejectAll: string;
  choose: string;
  /** Shown when Global Privacy Control was honoured. */
  gpcHonoured: string;
  /** Shown for a known minor (`setSubject({ minor: true })`). */
  minorNotice: string;

  // Preferences dialog
  preferencesTitle: string;
  preferencesIntro: string;
  save: string;
  close: string;
  requiredLabel: string;
  adultOnlyLocked: string;
  'category.necessary.name': string;
  'category.necessary.description': string;
  'category.analytics.name': string;
  'category.analytics.description': string;
  'category.marketing.name': string;
  'category.marketing.description': string;
  'category.partners.name': string;
  'category.partners.description': string;
  withdrawTitle: string;
  /** Explains what the withdraw button does, before it is pressed. */
  withdrawIntro: string;
  withdraw: string;
  /** After withdrawal; `{controller}` and `{address}` name where to write (clause 2.5). */
  withdrawDone: string;
  /**
   * After withdrawal, for a controller whose config gives no address: `{controller}` is
   * written to at the address the User Agreement gives (clause 2.5).
   */
  withdrawDoneNoAddress: string;

  // Change notice
  noticeTitle: string;
  /** `{date}`: the publication date, formatted. */
  noticePublished: string;
  noticeChangesTitle: string;
  /** `{list}`: the new categories' names. */
  noticeNewCategories: string;
  /** Clause 1.2: `{date}` is the day from which continued use accepts, `{days}` the count with its plural word. */
  noticeImplicit: string;
  acceptNotice: string;
  noticeReview: string;

  // Reopen control
  reopenLabel: string;

  /**
   * A long date, for browsers whose `Intl` has no month names for the language (some
   * Chromium builds write Kazakh dates as «2026 M11 25»): `{day}`, `{month}`, `{year}`.
   */
  dateLong: string;
  /** The twelve months as `dateLong` writes them (in Russian, the genitive), separated by spaces. */
  monthNames: string;

  /** `{n}` calendar days, by plural category. */
  days_one?: string;
  days_few?: string;
  days_many?: string;
  days_other: string;
}

/** A text key. */
export type TextKey = keyof Texts;

/** Fills `{name}` placeholders; unknown names stay as written so a typo is visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** "7 days" in the language's plural form, by `Intl.PluralRules`. */
export function formatDays(texts: Texts, lang: string, count: number): string {
  const form = new Intl.PluralRules(lang).select(count);
  const template = texts[`days_${form}` as TextKey] ?? texts.days_other;
  return format(template, { n: count });
}
