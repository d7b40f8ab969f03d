import { html, nothing, type TemplateResult } from 'lit/html.js';
import { format } from '../i18n/texts.js';
import type { ViewContext } from './context.js';
import { heldBackMessages } from './held-back.js';
import { languageSwitch } from './language-switch.js';
import { controllerName } from './language.js';
import { policyLink } from './policy-link.js';
import { css } from './styles.js';
import { summary } from './summary.js';

/**
 * The first-visit banner: the policy in brief, the layered summary, and three actions of
 * equal weight (accept all, reject optional, choose), so refusing is as easy as accepting.
 * `bar` and `box` are non-modal regions that leave focus where it is; `modal` is a modal
 * `<dialog>` that takes focus and cannot be dismissed without a choice.
 */
export function banner(c: ViewContext): TemplateResult {
  const { texts, config, lang, on } = c;
  const controller = controllerName(config.controller, lang);
  const modal = config.layout === 'modal';
  // Modal: the dialog focuses its title first, so a screen reader starts at the top and
  // no control looks chosen before the visitor chooses.
  const content = html`
    <header>
      <h2 id="banner-title" part="title" tabindex=${modal ? -1 : nothing} ?autofocus=${modal}>${texts.bannerTitle}</h2>
      ${languageSwitch(c)}
    </header>
    <p part="intro">${format(texts.bannerIntro, { controller })}</p>
    ${heldBackMessages(c)} ${summary(texts, controller)} ${policyLink(c)}
    <div part="actions" class="actions">
      <button part="button accept-all" @click=${on.acceptAll}>${texts.acceptAll}</button>
      <button part="button reject-all" @click=${on.rejectAll}>${texts.rejectAll}</button>
      <button part="button open-preferences" @click=${on.openPreferences}>${texts.choose}</button>
    </div>
  `;
  return modal
    ? html`<dialog part="banner" class="panel" lang=${lang} aria-labelledby="banner-title" @cancel=${refuse} @close=${reopen}>${content}</dialog>`
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
 * The bar along the bottom, its text at a readable width in the middle of wide screens; the
 * summary's parts side by side where there is room, an opened one taking the whole row so
 * its sentences read at a comfortable width.
 */
export const bannerStyles = css`
  .bar {
    inset: auto 0 0;
    max-height: min(36rem, 75%);
    padding-inline: max(var(--_space), calc((100% - 72rem) / 2));
    border-width: 1px 0 0;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.25rem var(--_space);
    margin-top: 0.5em;
  }
  details[open] {
    grid-column: 1 / -1;
  }
  h2[tabindex] {
    outline: none;
  }
  summary {
    padding: 0.25em 0;
    cursor: pointer;
    font-weight: 600;
  }
`;
