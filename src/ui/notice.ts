import { html, nothing, type TemplateResult } from 'lit/html.js';
import { LANGUAGES } from '../core/config/defaults.js';
import { implicitAcceptanceAt, publicationDay, startOfDay } from '../core/policy/clause-1-2.js';
import type { Language } from '../core/types.js';
import { format, formatDays } from '../i18n/texts.js';
import type { ViewContext } from './context.js';
import { languageSwitch } from './language-switch.js';
import { categoryName, formatDate } from './language.js';
import { policyLink } from './policy-link.js';

/**
 * The change notice (clause 1.2): compact and non-blocking. When the new version was
 * published, what changed, which categories are new (they start off), the link, accept,
 * a way to review the settings, and the day from which continued use counts as acceptance.
 */
export function notice(c: ViewContext): TemplateResult {
  const { texts, lang, session, actions, on } = c;
  const { policy } = session.config;
  const day = (date: Date) => formatDate(date, lang, texts);
  const publishedDay = policy.publishedAt ? publicationDay(policy.publishedAt, policy.timeZone) : null;
  const published = publishedDay && startOfDay(publishedDay, policy.timeZone);
  const [changesLang, changes] = changesFor(c.config.policy.changes, lang);
  const added = actions.newCategories().map((id) => categoryName(texts, id));
  const acceptsAt = implicitAcceptanceAt(policy);
  return html`
    <section part="notice" class="overlay box" lang=${lang} aria-labelledby="notice-title">
      <header class="closable">
        <h2 id="notice-title" part="title">${texts.noticeTitle}</h2>
        <button part="close" class="close" aria-label=${texts.close} @click=${on.dismissNotice}>×</button>
        ${languageSwitch(c)}
      </header>
      ${published ? html`<p part="published">${sentence(texts.noticePublished, { date: day(published) })}</p>` : nothing}
      ${changes.length
        ? html`<h3>${texts.noticeChangesTitle}</h3>
            <ul part="changes" lang=${changesLang}>
              ${changes.map((line) => html`<li>${line}</li>`)}
            </ul>`
        : nothing}
      ${added.length ? html`<p part="new-categories">${format(texts.noticeNewCategories, { list: new Intl.ListFormat(lang).format(added) })}</p>` : nothing}
      ${acceptsAt
        ? html`<p part="implicit">
            ${sentence(texts.noticeImplicit, {
              date: day(acceptanceDay(acceptsAt, session.now())),
              days: formatDays(texts, lang, policy.implicitAcceptanceDays),
            })}
          </p>`
        : nothing}
      ${policyLink(c)}
      <div part="actions" class="actions">
        <button part="button accept-notice" @click=${on.acceptNotice}>${texts.acceptNotice}</button>
        <button part="button open-preferences" @click=${on.openPreferences}>${texts.noticeReview}</button>
      </div>
    </section>
  `;
}

/**
 * A text with a date filled in. Russian dates end in an abbreviation («2026 г.»); where the
 * sentence ends right after one, it gets one full stop, not two.
 */
const sentence = (template: string, values: Record<string, string>): string => format(template, values).replace(/\.\.(?=\s|$)/g, '.');

/**
 * The "what changed" lines in the visitor's language; when a page wrote none for it, those of
 * the first language that has some (marked with their `lang`), rather than saying nothing.
 */
function changesFor(changes: Partial<Record<Language, string[]>>, lang: Language): [Language, string[]] {
  const found = [lang, ...LANGUAGES].find((l) => changes[l]?.length) ?? lang;
  return [found, changes[found] ?? []];
}

/**
 * The day from which continued use accepts, for this visitor. Clause 1.2's day when it is
 * still ahead; once it has passed, today: a visitor told only now is bound from the next
 * page view on, never retroactively.
 */
function acceptanceDay(acceptsAt: Date, now: Date): Date {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return acceptsAt > today ? acceptsAt : today;
}
