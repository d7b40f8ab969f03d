import { html, nothing, type TemplateResult } from 'lit/html.js';
import { LANGUAGES } from '../core/config/defaults.js';
import type { CategoryConfig, Language, LocalizedText, ServiceConfig } from '../core/types.js';
import type { Texts } from '../i18n/texts.js';
import { countryName } from './language.js';
import { HOME } from './services.js';

/**
 * A category's services in the preferences: each by name with its country in the visitor's
 * language, "cross-border transfer" in words after a country other than Kazakhstan (not
 * colour alone), what it does when the site says, and a link to its own privacy notice.
 */
export function serviceList(texts: Texts, lang: Language, category: CategoryConfig): TemplateResult | typeof nothing {
  const services = category.services ?? [];
  if (!services.length) return nothing;
  const id = `services-${category.id}`;
  return html`<div class="services">
    <p id=${id} class="services-title">${texts.servicesTitle}</p>
    <ul part="services" aria-labelledby=${id}>
      ${services.map((service) => serviceItem(texts, lang, service))}
    </ul>
  </div>`;
}

function serviceItem(texts: Texts, lang: Language, { name, country, purpose, url }: ServiceConfig): TemplateResult {
  const [purposeLang, purposeText] = inLanguage(purpose, lang);
  return html`<li part="service">
    <span class="service-name">${name}</span> — <span part="country">${countryName(texts, lang, country)}</span>${
      country === HOME ? nothing : html` (<strong part="cross-border">${texts.crossBorder}</strong>)`
    }
    ${
      purposeText || url
        ? html`<span class="service-more"
            >${purposeText ? html`<span lang=${purposeLang === lang ? nothing : purposeLang}>${purposeText}</span>` : nothing}${purposeText && url ? ' · ' : nothing}${
              url
                ? html`<a part="service-link" href=${url} aria-label="${name}: ${texts.servicePrivacy}">${texts.servicePrivacy}</a>`
                : nothing
            }</span
          >`
        : nothing
    }
  </li>`;
}

/**
 * A text given once for all languages or per language: this language's, else the first
 * language that has one (marked with its `lang` where shown), rather than nothing.
 */
function inLanguage(text: LocalizedText | undefined, lang: Language): [Language, string | undefined] {
  if (typeof text !== 'string') {
    const found = [lang, ...LANGUAGES].find((l) => text?.[l]);
    return found ? [found, text![found]] : [lang, undefined];
  }
  return [lang, text];
}
