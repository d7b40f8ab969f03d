import type { Session, UiView } from '../core/session.js';
import './define.js';

/**
 * The UI chunk's entry, imported by the loader only when a view must be shown.
 * CONTRACT (the loader calls this; keep the signature): find the page's own
 * `<kelisim-consent>` or append one to `<body>`, hand it the session and the decisions
 * (`await session.actions()`), and open `view`.
 */
export function mount(view: UiView, session: Session): void {
  const element = document.querySelector('kelisim-consent') ?? document.body.appendChild(document.createElement('kelisim-consent'));
  element.show(view, session).catch((error: Error) => session.report({ code: 'ui', message: `interface failed to show ${view}: ${error.message}` }));
}
