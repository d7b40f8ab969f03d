import { TEXT_CHUNKS } from '../core/language.js';
import type { ControllerConfig, Language, UiConfig } from '../core/types.js';
import { format, type MoreTexts, type Texts } from '../i18n/texts.js';

/** Each language's name in itself, for the switch: the same in every language, so not in the chunks. */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** Each language's second chunk of texts: everything but the banner's first layer. */
const MORE_TEXT_CHUNKS: Record<Language, () => Promise<{ default: MoreTexts }>> = {
  kk: () => import('../i18n/kk-more.js'),
  ru: () => import('../i18n/ru-more.js'),
  en: () => import('../i18n/en-more.js'),
};

/**
 * A language's built-in texts with the page's overrides for it merged over them: the
 * banner's first layer, or with `complete` all of them. Until then the rest are missing:
 * only the banner may be drawn from them.
 */
export async function loadTexts(lang: Language, overrides: UiConfig['texts'], complete = false): Promise<Texts> {
  const [first, more] = await Promise.all([TEXT_CHUNKS[lang](), complete ? MORE_TEXT_CHUNKS[lang]() : null]);
  return { ...first.default, ...more?.default, ...overrides[lang] } as Texts;
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
export const controllerName = (controller: ControllerConfig, lang: Language): string => controller.names?.[lang] ?? controller.name;

/**
 * The operator as the banner's first layer names it (Law 94-V Art. 8): its name, and in
 * brackets its BIN and address when the site configures them:
 * «BTS Education» ЖШС (БСН 000000000000, Астана қ., …).
 */
export function operatorName(controller: ControllerConfig, lang: Language, texts: Texts): string {
  const details = [controller.bin && format(texts.operatorBin, { bin: controller.bin }), controller.address].filter(Boolean);
  return controllerName(controller, lang) + (details.length ? ` (${details.join(', ')})` : '');
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
