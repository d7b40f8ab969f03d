import { TEXT_CHUNKS } from '../core/language.js';
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
 * `category.courses.name`) come from overrides; a missing one is `undefined`.
 */
export function say(texts: Texts, key: string, values: Record<string, string | number> = {}): string | undefined {
  const template = (texts as unknown as Record<string, string | undefined>)[key];
  return template === undefined ? undefined : format(template, values);
}

/** The controller's name as written in this language (`«BTS Education» ЖШС`), else as given. */
export const controllerName = (controller: ControllerConfig, lang: Language): string =>
  controller.names?.[lang] ?? controller.name;

/**
 * A long date in the visitor's language: `Intl`'s («1 июня 2026 г.», «June 1, 2026»), or,
 * where the browser's `Intl` has no month names for the language and writes a number
 * instead, the texts' own form («2026 ж. 1 маусым»).
 */
export function formatDate(date: Date, lang: Language, texts: Texts): string {
  const month = new Intl.DateTimeFormat(lang, { month: 'long' }).format(date);
  return /\d/.test(month)
    ? format(texts.dateLong, { day: date.getDate(), month: texts.monthNames.split(' ')[date.getMonth()]!, year: date.getFullYear() })
    : new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
}

/** A category's name in this language; a page's own category without a text shows its id. */
export const categoryName = (texts: Texts, id: string): string => say(texts, `category.${id}.name`) ?? id;
