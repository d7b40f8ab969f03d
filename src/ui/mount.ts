import type { Session } from '../core/session/types.js';
import type { UiView } from '../core/types.js';
import './define.js';

/**
 * The UI chunk's entry, imported by the loader only when a view must be shown: finds the
 * page's own `<kelisim-consent>` or adds one to `<body>`, and opens `view`.
 *
 * Added as the body's first child, not its last: the non-modal banner is then the first
 * thing a keyboard or screen-reader user reaches, not the last after every link of a long
 * page. It is `position: fixed`, so where it stands in the DOM moves nothing on screen.
 */
export function mount(view: UiView, session: Session): void {
  let element = document.querySelector('kelisim-consent');
  if (!element) document.body.prepend((element = document.createElement('kelisim-consent')));
  element
    .show(view, session)
    .catch((error: Error) => session.report({ code: 'ui', message: `interface failed to show ${view}: ${error.message}` }));
}
