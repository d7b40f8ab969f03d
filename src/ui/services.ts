import type { CategoryConfig, Language } from '../core/types.js';
import type { Texts } from '../i18n/texts.js';
import { countryName } from './language.js';

/** Where the Company's own storage is (clause 2.4): a service elsewhere is a cross-border transfer (Law 94-V Art. 16). */
export const HOME = 'KZ';

/**
 * The countries outside Kazakhstan of every service the site names, in this language, each
 * once, in the order the services come: for the banner's first layer. Empty without services.
 */
export function countriesAbroad(categories: CategoryConfig[], texts: Texts, lang: Language): string[] {
  const codes = new Set(
    categories
      .flatMap((category) => category.services ?? [])
      .map((service) => service.country)
      .filter((code) => code !== HOME),
  );
  return [...codes].map((code) => countryName(texts, lang, code));
}
