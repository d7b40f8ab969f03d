import { html, nothing, type TemplateResult } from 'lit/html.js';
import { heldBackFor, type ViewContext } from './context.js';

/**
 * Why some categories stay off whatever "accept all" says: the browser's Global Privacy
 * Control signal was honoured, or the visitor is a known minor whose guardian must agree
 * (SPEC §6). Each message appears only when its rule holds back a category.
 */
export function heldBackMessages(c: ViewContext): TemplateResult | typeof nothing {
  const { session, texts } = c;
  // Asked as if no category were adult-only: for a minor the guardian rule answers first,
  // yet the signal is honoured all the same and the visitor is told so.
  const gpc = session.config.categories.some((category) => heldBackFor(c, { ...category, adultOnly: false }) === 'gpc');
  return gpc || session.minor
    ? html`
        ${gpc ? html`<p part="message gpc" class="message">${texts.gpcHonoured}</p>` : nothing}
        ${session.minor ? html`<p part="message minor" class="message">${texts.minorNotice}</p>` : nothing}
      `
    : nothing;
}
