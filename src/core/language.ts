import { LANGUAGES } from './defaults.js';
import type { Language } from './types.js';

/** `auto`: `<html lang>`, then the earlier choice's language, then the browser's, then Kazakh. */
export function pickLanguage(configured: 'auto' | Language, stored?: Language): Language {
  if (configured !== 'auto') return configured;
  // `kz` is the country code, often written where Kazakh's `kk` is meant.
  const bases = [document.documentElement.lang, stored, ...navigator.languages].map((tag) => (tag || '').toLowerCase().split('-')[0]!.replace(/^kz$/, 'kk'));
  return (bases.find((base) => LANGUAGES.includes(base as Language)) as Language | undefined) ?? 'kk';
}
