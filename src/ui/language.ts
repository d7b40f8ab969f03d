import { TEXT_CHUNKS } from '../core/language.js';
import { calendarDay } from '../core/policy/clause-1-2.js';
import type { ControllerConfig, Language, UiConfig } from '../core/types.js';
import { format, type Texts } from '../i18n/texts.js';

/** Each language's name in itself, for the switch: the same in every language, so not in the chunks. */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** A language's built-in texts with the page's overrides for it merged over them. */
export async function loadTexts(lang: Language, overrides: UiConfig['texts']): Promise<Texts> {
  return { ...(await TEXT_CHUNKS[lang]()).default, ...overrides[lang] };
}

/**
 * A text by key, placeholders filled. Keys outside {@link Texts} (a page's own category,
 * `category.courses.name`; a country, `country.US`) come from the language's own extras or
 * from overrides; a missing one is `undefined`.
 */
export function say(texts: Texts, key: string, values: Record<string, string | number> = {}): string | undefined {
  const template = (texts as unknown as Record<string, string | undefined>)[key];
  return template === undefined ? undefined : format(template, values);
}

/** The controller's name as written in this language (`«BTS Education» ЖШС`), else as given. */
export const controllerName = (controller: ControllerConfig, lang: Language): string =>
  controller.names?.[lang] ?? controller.name;

/**
 * The operator as the banner's first layer names it (Law 94-V Art. 8): its name, and in
 * brackets its BIN and address when the site configures them:
 * «BTS Education» ЖШС (БСН 000000000000, Астана қ., …).
 */
export function operatorName(controller: ControllerConfig, lang: Language, texts: Texts): string {
  const details = [controller.bin && format(texts.operatorBin, { bin: controller.bin }), controller.address].filter(Boolean);
  return controllerName(controller, lang) + (details.length ? ` (${details.join(', ')})` : '');
}

/**
 * A long date: the calendar day on which `instant` falls in `timeZone` (the policy's, never
 * the visitor's), in the visitor's language. `Intl`'s form where it has month names
 * («1 июня 2026 г.», «June 1, 2026»), else the texts' own («2026 ж. 1 маусым»): Chromium
 * writes a Kazakh month as a number.
 */
export function formatDate(instant: Date, timeZone: string, lang: Language, texts: Texts): string {
  const month = new Intl.DateTimeFormat(lang, { month: 'long', timeZone }).format(instant);
  if (!/\d/.test(month)) return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(instant);
  const day = calendarDay(instant, timeZone);
  return format(texts.dateLong, { day: day.day, month: texts.monthNames.split(' ')[day.month - 1]!, year: day.year });
}

/** A category's name in this language; a page's own category without a text shows its id. */
export const categoryName = (texts: Texts, id: string): string => say(texts, `category.${id}.name`) ?? id;

/**
 * A country's name in this language, from its ISO 3166-1 alpha-2 code: the language's own
 * `country.XX` text where it has one (Kazakh does: Chromium has no Kazakh region names),
 * else `Intl.DisplayNames` (English in today's Chromium for Kazakh), else the code.
 */
export function countryName(texts: Texts, lang: Language, code: string): string {
  const own = say(texts, `country.${code}`);
  if (own) return own;
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

