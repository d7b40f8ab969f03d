import { html, type TemplateResult } from 'lit/html.js';
import { LANGUAGES } from '../core/config/defaults.js';
import type { ViewContext } from './context.js';
import { LANGUAGE_NAMES } from './language.js';

/**
 * The language switch (kk · ru · en): one toggle button per language, each named in its own
 * language and marked with `lang` so a screen reader pronounces it right. The shown
 * language changes at once; decisions record it.
 */
export const languageSwitch = (c: ViewContext): TemplateResult => html`
  <div part="language" class="languages" role="group" aria-label=${c.texts.languageLabel}>
    ${LANGUAGES.map(
      (lang) => html`<button lang=${lang} aria-pressed=${lang === c.lang} @click=${() => c.on.setLanguage(lang)}>
        ${lang === c.lang ? c.texts.languageName : LANGUAGE_NAMES[lang]}
      </button>`,
    )}
  </div>
`;
