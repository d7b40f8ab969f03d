import type { Texts } from '../i18n/texts.js';
import { LANGUAGES } from './config.js';
import type { Language } from './types.js';

/** `auto`: `<html lang>`, then the earlier choice's language, then the browser's, then Kazakh. */
export function pickLanguage(configured: 'auto' | Language, stored?: Language, doc: Document = document): Language {
  if (configured !== 'auto') return configured;
  for (const tag of [doc.documentElement.lang, stored, ...navigator.languages]) {
    const base = (tag || '').toLowerCase().split('-')[0];
    // `kz` is the country code, often written where Kazakh's `kk` is meant.
    const lang = (base === 'kz' ? 'kk' : base) as Language;
    if (LANGUAGES.includes(lang)) return lang;
  }
  return 'kk';
}

/**
 * One chunk per language: a page downloads only the one it shows, and another only when the
 * visitor switches to it. Here rather than in the interface so the loader can start the
 * shown language's download beside the interface's, instead of after it.
 */
export const TEXT_CHUNKS: Record<Language, () => Promise<{ default: Texts }>> = {
  kk: () => import('../i18n/kk.js'),
  ru: () => import('../i18n/ru.js'),
  en: () => import('../i18n/en.js'),
};
