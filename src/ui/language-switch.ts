import { html, type TemplateResult } from 'lit/html.js';
import { LANGUAGES } from '../core/config/defaults.js';
import type { Language } from '../core/types.js';
import type { ViewContext } from './context.js';
import { LANGUAGE_NAMES } from './language.js';

/** Each language's short name in itself, as Kazakh sites write their switches (ҚАЗ · РУС · ENG). */
const SHORT: Record<Language, string> = { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' };

/**
 * The language switch (ҚАЗ · РУС · ENG): one toggle button per language, each named in its
 * own language and marked with `lang` so a screen reader pronounces it right. Short on
 * screen, so it shares the heading's row on a phone; the visible name is the accessible
 * name (what a voice command says), the full name its description and tooltip (`title`).
 * The shown language changes at once; decisions record it.
 */
export const languageSwitch = (c: ViewContext): TemplateResult => html`
  <div part="language" class="languages" role="group" aria-label=${c.texts.languageLabel}>
    ${LANGUAGES.map(
      (lang) =>
        html`<button
          lang=${lang}
          aria-pressed=${lang === c.lang}
          title=${lang === c.lang ? c.texts.languageName : LANGUAGE_NAMES[lang]}
          @click=${() => c.on.setLanguage(lang)}
        >
          ${SHORT[lang]}
        </button>`,
    )}
  </div>
`;
