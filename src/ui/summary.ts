import { html, nothing, type TemplateResult } from 'lit/html.js';
import { format, type Texts } from '../i18n/texts.js';

/**
 * The parts of the layered summary, in the order a consent must name them (Law 94-V
 * Art. 8(4)): who (clause 1.1), what (2.2, 2.3), why (2.1), where and how long (2.4),
 * who receives it (4.1–4.3, across borders too), rights (Art. 24) and withdrawal (2.5),
 * security (3.1–3.5). docs/content.md has the table.
 */
const PARTS = ['Who', 'What', 'Why', 'Where', 'Sharing', 'Rights', 'Security'] as const;

/**
 * The policy summary's second layer: each part a heading that expands (`<details>`) to one
 * or two plain sentences, and `after` them (the link to the full policy) in the same row.
 * Native disclosure: keyboard, state and semantics come with it.
 *
 * A part's sentences are in the page only while it is open (`open`; `onToggle` says when
 * the visitor opens or closes one): the words a receipt proves are the words on screen, the
 * same for every visitor who opened nothing, and they come with the rest of the texts,
 * which opening a part fetches.
 */
export const summary = (
  texts: Texts,
  controller: string,
  after: TemplateResult,
  open: ReadonlySet<string>,
  onToggle: (part: string, open: boolean) => void,
): TemplateResult => html`
  <div part="summary" class="summary">
    ${PARTS.map((part) => {
      const body = open.has(part) ? texts[`summary${part}`] : undefined;
      return html`<details
        part="summary-item"
        ?open=${open.has(part)}
        @toggle=${(event: Event) => onToggle(part, (event.target as HTMLDetailsElement).open)}
      >
        <summary>${texts[`summary${part}Title`]}</summary>
        ${body === undefined ? nothing : html`<p>${format(body, { controller })}</p>`}
      </details>`;
    })}
    ${after}
  </div>
`;
