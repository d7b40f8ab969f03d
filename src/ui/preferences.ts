import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { CategoryConfig } from '../core/types.js';
import { format } from '../i18n/texts.js';
import { heldBackFor, type ViewContext } from './context.js';
import { heldBackMessages } from './held-back.js';
import { languageSwitch } from './language-switch.js';
import { categoryName, controllerName, say } from './language.js';
import { policyLink } from './policy-link.js';
import { serviceList } from './service-list.js';
import { css } from './styles.js';

/**
 * The preferences: a modal `<dialog>` (focus trapped by the browser, Escape closes it
 * without deciding) with one switch per category, save, and withdrawal (clause 2.5).
 * `withdrawn`: the visitor just withdrew; the dialog says what that did and what it did not.
 */
export function preferences(c: ViewContext, withdrawn: boolean): TemplateResult {
  const { texts, session, on } = c;
  return html`
    <dialog part="preferences" class="panel" lang=${c.lang} aria-labelledby="preferences-title" @close=${on.preferencesClosed}>
      <header class="closable">
        <h2 id="preferences-title" part="title">${texts.preferencesTitle}</h2>
        ${languageSwitch(c)}
        <button part="close" class="close" aria-label=${texts.close} @click=${on.closePreferences}>×</button>
      </header>
      <p>${texts.preferencesIntro}</p>
      ${heldBackMessages(c)}
      <ul class="categories">
        ${session.config.categories.map((category) => categorySwitch(c, category))}
      </ul>
      <div part="actions" class="actions">
        <button part="button save" @click=${on.save}>${texts.save}</button>
      </div>
      ${session.consent() ? withdrawal(c, withdrawn) : nothing} ${policyLink(c)}
    </dialog>
  `;
}

/**
 * One category: a native checkbox with `role="switch"`, its name as the label and its
 * purpose as the description, then the services that receive data under it, each with its
 * country (Law 94-V Art. 8(4), Art. 16). Required ones are on and disabled; an adult-only one is off
 * and disabled for a known minor, with the reason. GPC does not lock: the visitor's own
 * toggle overrides it (SPEC §6).
 */
function categorySwitch(c: ViewContext, category: CategoryConfig): TemplateResult {
  const { texts, session, lang } = c;
  const { id, required } = category;
  const locked = heldBackFor(c, category, true) === 'minor';
  const on = !!required || (!locked && !!session.consent()?.categories[id]);
  const description = say(texts, `category.${id}.description`) ?? (required ? texts.requiredLabel : '');
  return html`<li part="category" class="category">
    <input
      type="checkbox"
      role="switch"
      part="switch"
      id="switch-${id}"
      name=${id}
      .checked=${on}
      ?disabled=${!!required || locked}
      aria-describedby="about-${id}"
    />
    <label for="switch-${id}">${categoryName(texts, id)}</label>
    <p id="about-${id}">${description}${locked ? html`<strong part="locked">${texts.adultOnlyLocked}</strong>` : nothing}</p>
    ${serviceList(texts, lang, category)}
  </li>`;
}

/**
 * Clause 2.5: what withdrawing here does before it is pressed; after, where the written
 * application goes that withdraws consent to processing altogether (and may suspend or end
 * the User Agreement).
 */
function withdrawal({ texts, config, lang, on }: ViewContext, withdrawn: boolean): TemplateResult {
  const { address } = config.controller;
  const controller = controllerName(config.controller, lang);
  return html`<section class="withdrawal" aria-labelledby="withdraw-title">
    <h3 id="withdraw-title">${texts.withdrawTitle}</h3>
    <p>${texts.withdrawIntro}</p>
    <button part="button withdraw" @click=${on.withdraw}>${texts.withdraw}</button>
    ${
      withdrawn
        ? html`<p part="withdrawn" class="message" role="status" tabindex="-1">
            ${address ? format(texts.withdrawDone, { controller, address }) : format(texts.withdrawDoneNoAddress, { controller })}
          </p>`
        : nothing
    }
  </section>`;
}

/**
 * The switches: a native checkbox drawn as a track and a knob. The knob's side says on or
 * off without colour; `prefers-reduced-motion` stills its slide.
 */
export const preferencesStyles = css`
  .categories {
    padding: 0;
    list-style: none;
  }
  .category {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.75rem;
    align-items: center;
    padding: 0.75em 0;
    border-bottom: 1px solid var(--_border);
  }
  .category p,
  .services {
    grid-column: 2;
    margin: 0;
  }
  .services-title {
    margin-top: 0.5em;
    font-weight: 600;
  }
  [part~='services'] {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .service-name {
    font-weight: 600;
  }
  .service-more {
    display: block;
  }
  .category label {
    font-weight: 600;
  }
  [part~='locked'] {
    display: block;
  }
  [role='switch'] {
    appearance: none;
    position: relative;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 0.75rem;
    background: var(--_bg);
    cursor: pointer;
  }
  [role='switch']::before {
    content: '';
    position: absolute;
    top: 0.125rem;
    left: 0.125rem;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--_border);
  }
  [role='switch']:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  [role='switch']:checked::before {
    background: var(--_on-accent);
    transform: translateX(1.25rem);
  }
  [role='switch']:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (prefers-reduced-motion: no-preference) {
    [role='switch']::before {
      transition: transform 0.15s;
    }
  }
  @media (forced-colors: active) {
    [role='switch']::before {
      background: CanvasText;
    }
  }
  .withdrawal {
    margin-top: var(--_space);
  }
`;
