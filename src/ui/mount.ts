import type { Session, UiView } from '../core/session.js';

/** Placeholder until the interface lands: the loader's import() target. */
export function mount(view: UiView, session: Session): void {
  void view;
  void session;
}
