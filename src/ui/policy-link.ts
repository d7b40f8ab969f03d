import { html, type TemplateResult } from 'lit/html.js';
import type { ViewContext } from './context.js';

/** The link to the full policy (clause 1.2); the URL was checked to be a safe link. */
export const policyLink = (c: ViewContext): TemplateResult =>
  html`<p class="policy"><a part="policy-link" href=${c.config.policy.url}>${c.texts.policyLink}</a></p>`;
