import { html, nothing, type TemplateResult } from 'lit/html.js';
import { LANGUAGES } from '../core/config/defaults.js';
import { newCategories } from '../core/policy/new-categories.js';
import { calendarDay, implicitAcceptanceAt, policyTimeZone, publicationDay, startOfDay } from '../core/policy/clause-1-2.js';
import type { Language } from '../core/types.js';
import type { Texts } from '../i18n/texts.js';
import { format, formatDays } from '../i18n/texts.js';
import type { ViewContext } from './context.js';
import { languageSwitch } from './language-switch.js';
import { categoryName } from './language.js';
import { policyLink } from './policy-link.js';
import { css } from './styles.js';

/**
 * The change notice (clause 1.2): compact and non-blocking. How the change is accepted (by
 * the button, or by continued use from a day it names); what changed, expandable so that
 * the notice stays within half a phone's height: when the new version was published, the
 * site's lines, the categories new in it (they start off); the link, accept, and a way to
 * review the settings.
 *
 * Dates are calendar days in the policy's time zone (Kazakhstan), never the visitor's: the
 * day clause 1.2 counts is one day for everyone. A visitor who first sees the notice after
 * that day is told so, and that continued use after this notice accepts, never "from" a
 * day already past.
 */
export function notice(c: ViewContext): TemplateResult {
  const { texts, lang, session, on } = c;
  const { policy } = session.config;
  const zone = policyTimeZone(policy);
  const day = (instant: Date) => formatDate(instant, zone, lang, texts);
  const publishedDay = policy.publishedAt ? publicationDay(policy.publishedAt, zone) : null;
  const published = publishedDay && startOfDay(publishedDay, zone);
  const [changesLang, changes] = changesFor(c.config.policy.changes, lang);
  const added = newCategories(session.record, session.config.categories).map((id) => categoryName(texts, id));
  const acceptsAt = implicitAcceptanceAt(policy);
  const days = formatDays(texts, lang, policy.implicitAcceptanceDays);
  return html`
    <section part="notice" class="overlay box notice" lang=${lang} aria-labelledby="notice-title">
      <header class="closable">
        <h2 id="notice-title" part="title">${texts.noticeTitle}</h2>
        ${languageSwitch(c)}
        <button part="close" class="close" aria-label=${texts.close} @click=${on.dismissNotice}>×</button>
      </header>
      ${
        acceptsAt
          ? html`<p part="implicit">
              ${
                session.now() >= acceptsAt
                  ? format(texts.noticeImplicitPassed, { days })
                  : sentence(texts.noticeImplicit, { date: day(acceptsAt), days })
              }
            </p>`
          : nothing
      }
      <div class="more">
        ${
          published || changes.length || added.length
            ? html`<details part="changes-details" class="changes">
                <summary>${texts.noticeChangesTitle}</summary>
                ${published ? html`<p part="published">${sentence(texts.noticePublished, { date: day(published) })}</p>` : nothing}
                ${
                  changes.length
                    ? html`<ul part="changes" lang=${changesLang}>
                        ${changes.map((line) => html`<li>${line}</li>`)}
                      </ul>`
                    : nothing
                }
                ${
                  added.length
                    ? html`<p part="new-categories">
                        ${format(added.length === 1 ? texts.noticeNewCategory : texts.noticeNewCategories, { list: listOf(added, texts.listAnd) })}
                      </p>`
                    : nothing
                }
              </details>`
            : nothing
        }
        ${policyLink(c)}
      </div>
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

/** “A, B and C”: the texts' own word, since Chromium's `Intl.ListFormat` has no Kazakh patterns («A, B»). */
const listOf = (items: string[], and: string): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}` : items.join('');

/**
 * The "what changed" lines in the visitor's language; when a page wrote none for it, those of
 * the first language that has some (marked with their `lang`), rather than saying nothing.
 */
function changesFor(changes: Partial<Record<Language, string[]>>, lang: Language): [Language, string[]] {
  const found = [lang, ...LANGUAGES].find((l) => changes[l]?.length) ?? lang;
  return [found, changes[found] ?? []];
}

/**
 * At most half the viewport's height (SPEC §9), so on a phone the page stays in sight above
 * it; the list of changes is a disclosure, and what still does not fit scrolls inside while
 * the two actions stay in sight.
 */
export const noticeStyles = css`
  .notice {
    max-height: calc(50% - var(--_space));
  }
  @media (min-width: 30.01rem) {
    .notice {
      width: min(32rem, calc(100% - 2 * var(--_space)));
    }
  }
  @media (max-width: 30rem) {
    .notice {
      max-height: 50%;
    }
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
    margin-top: 0.5em;
  }
  .changes[open] {
    flex-basis: 100%;
  }
  .changes summary {
    padding: 0.25em 0;
    cursor: pointer;
    font-weight: 600;
  }
  .changes p,
  .changes ul {
    margin-top: 0.25em;
  }
  .notice .actions {
    grid-template-columns: 1fr 1fr;
  }
`;

/**
 * A long date: the calendar day on which `instant` falls in `timeZone` (the policy's, never
 * the visitor's), in the visitor's language. `Intl`'s form where it has month names
 * («1 июня 2026 г.», «June 1, 2026»), else the texts' own («2026 ж. 1 маусым»): Chromium
 * writes a Kazakh month as a number.
 */
export function formatDate(instant: Date, timeZone: string, lang: Language, texts: Texts): string {
  const month = new Intl.DateTimeFormat(lang, { month: 'long', timeZone }).format(instant);
  if (!/\d/.test(month)) return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(instant);
  const day = calendarDay(instant, timeZone);
  return format(texts.dateLong, { day: day.day, month: texts.monthNames.split(' ')[day.month - 1]!, year: day.year });
}
