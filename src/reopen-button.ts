/**
 * The small floating control that reopens the preferences, so withdrawal (clause 2.5) is
 * always in reach. Plain DOM in the loader rather than Lit in the interface chunk: a
 * returning visitor sees it without downloading the interface. Its style is a constructed
 * stylesheet, which a strict `style-src 'self'` allows, and system colours, which follow
 * the visitor's light or dark scheme without a media query.
 *
 * @csspart reopen - The button.
 * @cssproperty --kelisim-bg - Background (default: the system's Canvas colour).
 * @cssproperty --kelisim-fg - Glyph colour (default: CanvasText).
 * @cssproperty --kelisim-z-index - Stacking order.
 */
import { pickLanguage } from './core/language.js';
import type { Session } from './core/session/session.js';
import type { Language } from './core/types.js';

const LABELS: Record<Language, string> = { kk: 'Құпиялылық баптаулары', ru: 'Настройки конфиденциальности', en: 'Privacy settings' };

/** Adds the control once, labelled in the visitor's language (as the interface picks it), or by the config's `reopenLabel` text. */
export function showReopenButton(session: Session): void {
  if (document.querySelector('kelisim-reopen')) return;
  const lang = pickLanguage(session.config.language, session.record?.lang);
  const label = (session.deferred.texts as Record<string, Record<string, unknown>> | undefined)?.[lang]?.reopenLabel;
  const host = document.createElement('kelisim-reopen');
  const root = host.attachShadow({ mode: 'open' });
  const button = root.appendChild(document.createElement('button'));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    'button{position:fixed;inset:auto auto 16px 16px;z-index:var(--kelisim-z-index,2147483000);width:44px;height:44px;border:1px solid;border-radius:50%;color-scheme:light dark;background:var(--kelisim-bg,Canvas);color:var(--kelisim-fg,CanvasText);font:22px/1 system-ui;cursor:pointer}',
  );
  root.adoptedStyleSheets = [sheet];
  button.part.add('reopen');
  button.ariaLabel = button.title = typeof label === 'string' ? label : LABELS[lang];
  // A gear in text presentation (U+FE0E), drawn in the button's colour; the label speaks for it.
  button.textContent = '\u2699\uFE0E';
  button.onclick = () => session.show('preferences');
  document.body.append(host);
}
