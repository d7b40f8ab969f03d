import { html, type TemplateResult } from 'lit/html.js';
import { format, type Texts } from '../i18n/texts.js';

/**
 * The parts of the layered summary, in the order a consent must name them (Law 94-V
 * Art. 8(4); policy clauses 1.1, 2.2, 2.1, 2.4, 4.2, 2.5, 3.3): who, what, why, where and
 * how long, sharing (across borders too), rights and withdrawal, security.
 */
const PARTS = ['Who', 'What', 'Why', 'Where', 'Sharing', 'Rights', 'Security'] as const;

/**
 * The policy summary's second layer: each part a heading that expands (`<details>`) to one
 * or two plain sentences. Native disclosure: keyboard, state and semantics come with it.
 */
export const summary = (texts: Texts, controller: string): TemplateResult => html`
  <div part="summary" class="summary">
    ${PARTS.map(
      (part) => html`<details part="summary-item">
        <summary>${texts[`summary${part}Title`]}</summary>
        <p>${format(texts[`summary${part}`], { controller })}</p>
      </details>`,
    )}
  </div>
`;
