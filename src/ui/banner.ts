import { html, nothing, type TemplateResult } from 'lit/html.js';
import { format, formatDays, formatTerm } from '../i18n/texts.js';
import type { ViewContext } from './context.js';
import { heldBackMessages } from './held-back.js';
import { languageSwitch } from './language-switch.js';
import { controllerName, operatorName } from './language.js';
import { policyLink } from './policy-link.js';
import { countriesAbroad } from './services.js';
import { css } from './styles.js';
import { summary } from './summary.js';

/**
 * The first-visit banner. Its first layer says what a consent must (Law 94-V Art. 8,
 * SPEC §9): who the operator is, what is on before a choice, what "accept all" turns on
 * (sharing with Partners, abroad too), how long the choice lasts, how a policy change is
 * accepted (clause 1.2), and, right above the buttons, that pressing any of them is
 * recorded with these words. The layered summary follows, then three actions of equal
 * weight (accept all, reject optional, customise), so refusing is as easy as accepting.
 *
 * `bar` and `box` are non-modal regions that leave focus where it is; `modal` is a modal
 * `<dialog>` that takes focus and cannot be dismissed without a choice.
 */
export function banner(c: ViewContext): TemplateResult {
  const { texts, config, lang, on, session } = c;
  const { categories, consentMaxAgeDays, policy } = session.config;
  const modal = config.layout === 'modal';
  // Kazakh country names come with the rest of the texts (Chromium has none): until then, not English ones.
  const abroad = c.complete || lang !== 'kk' ? countriesAbroad(categories, texts, lang) : [];
  // Modal: the dialog focuses its title first, so a screen reader starts at the top and
  // no control looks chosen before the visitor chooses.
  const content = html`
    <header>
      <h2 id="banner-title" part="title" tabindex=${modal ? -1 : nothing} ?autofocus=${modal}>${texts.bannerTitle}</h2>
      ${languageSwitch(c)}
    </header>
    <p part="intro">${format(texts.bannerIntro, { controller: operatorName(config.controller, lang, texts) })}</p>
    <ul part="points" class="points">
      <li part="accept-all-scope">
        ${texts.bannerAcceptAll}${abroad.length ? html` <span part="abroad">${format(texts.bannerAbroad, { countries: abroad.join(', ') })}</span>` : nothing}
      </li>
      <li part="term">${format(texts.bannerTerm, { term: formatTerm(texts, lang, consentMaxAgeDays) })}</li>
      <li part="changes-rule">${format(texts.bannerChanges, { days: formatDays(texts, lang, policy.implicitAcceptanceDays) })}</li>
    </ul>
    ${heldBackMessages(c)} ${summary(texts, controllerName(config.controller, lang), policyLink(c), c.openSummary, on.toggleSummary)}
    <div part="actions" class="actions decide">
      <p part="confirm" class="confirm">${texts.bannerConfirm}</p>
      <div class="buttons">
        <button part="button accept-all" @click=${on.acceptAll}>${texts.acceptAll}</button>
        <button part="button reject-all" @click=${on.rejectAll}>${texts.rejectAll}</button>
        <button part="button open-preferences" @click=${on.openPreferences}>${texts.choose}</button>
      </div>
    </div>
  `;
  return modal
    ? html`<dialog part="banner" class="panel" lang=${lang} aria-labelledby="banner-title" @cancel=${refuse} @close=${reopen}>
        ${content}
      </dialog>`
    : html`<section part="banner" class="overlay ${config.layout}" lang=${lang} aria-labelledby="banner-title">${content}</section>`;
}

/** Escape does not dismiss the modal banner: it asks for a choice, and all three are a Tab away. */
const refuse = (event: Event) => event.preventDefault();

/**
 * Chromium lets a second Escape close a dialog even when `cancel` is refused (close
 * watchers without user activation); the banner is still the page's answer, so it reopens.
 * Removed by a decision, it is no longer connected and stays closed.
 */
const reopen = (event: Event) => {
  const dialog = event.target as HTMLDialogElement;
  if (dialog.isConnected) dialog.showModal();
};

/**
 * The bar along the bottom, at most 70 % of the viewport's height (SPEC §9: on a phone it
 * leaves the page's header in sight) and its text at a readable width in the middle of wide
 * screens. What does not fit scrolls inside it while the statement and the three buttons
 * stay in sight (the sticky actions). The summary's parts are a row of labelled
 * disclosures that wrap; an opened one takes the whole row, so its sentences read at a
 * comfortable width.
 */
export const bannerStyles = css`
  .bar {
    inset: auto 0 0;
    max-height: 70%;
    padding-inline: max(var(--_space), calc((100% - 72rem) / 2));
    border-width: 1px 0 0;
  }
  .points {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }
  .points li + li {
    margin-top: 0.25em;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75em;
  }
  .summary details[open] {
    flex-basis: 100%;
  }
  .summary summary {
    display: inline-block;
    padding: 0.125em 0.625em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    cursor: pointer;
    font-weight: 600;
  }
  .summary summary::before {
    content: '+' / '';
    display: inline-block;
    width: 1em;
  }
  .summary details[open] summary::before {
    content: '−' / '';
  }
  .summary p {
    margin-top: 0.25em;
  }
  h2[tabindex] {
    outline: none;
  }
  .decide {
    display: block;
  }
  .confirm {
    margin: 0 0 0.5rem;
  }
  .summary .policy,
  .more .policy {
    margin: 0;
    align-self: center;
  }
  /*
   * A phone: a little smaller type, and the box along the bottom edge like the bar. The
   * first layer is longer than 70 % of a phone's height in every language: it scrolls under
   * the statement and the buttons, which a shadow sets apart.
   */
  @media (max-width: 30rem) {
    .bar,
    .box {
      font-size: calc(0.875 * var(--kelisim-font-size, 1rem));
      line-height: 1.4;
    }
    h2 {
      font-size: 1.0625em;
    }
    .decide {
      box-shadow: 0 -0.75rem 0.75rem -0.75rem var(--_border);
    }
    .box {
      inset: auto 0 0;
      width: 100%;
      max-height: 70%;
      border-width: 1px 0 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
  }
`;
