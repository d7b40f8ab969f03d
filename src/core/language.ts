import type { FirstLayerTexts } from '../i18n/texts.js';
import { LANGUAGES } from './config/defaults.js';
import type { Language } from './types.js';

/**
 * A built-in language as configured; `auto` (or, before the checker has seen the config,
 * anything else): `<html lang>`, then the earlier choice's language, then the browser's,
 * then Kazakh. Never a name every object has, like `__proto__`, that would index
 * {@link TEXT_CHUNKS} to something other than a chunk.
 */
export function pickLanguage(configured: 'auto' | Language, stored?: Language): Language {
  if (LANGUAGES.includes(configured as Language)) return configured as Language;
  // `kz` is the country code, often written where Kazakh's `kk` is meant.
  const bases = [document.documentElement.lang, stored, ...navigator.languages].map((tag) =>
    (tag || '').toLowerCase().split('-')[0]!.replace(/^kz$/, 'kk'),
  );
  return (bases.find((base) => LANGUAGES.includes(base as Language)) as Language | undefined) ?? 'kk';
}

/**
 * One chunk per language: a page downloads only the one it shows, and another only when the
 * visitor switches to it. In the loader rather than the interface, so the shown language
 * starts downloading beside the interface instead of after it.
 */
export const TEXT_CHUNKS: Record<Language, () => Promise<{ default: FirstLayerTexts }>> = {
  kk: () => import('../i18n/kk.js'),
  ru: () => import('../i18n/ru.js'),
  en: () => import('../i18n/en.js'),
};
