import type { Actions } from './actions.js';
import type { DeferredConfig } from './config.js';
import { emit } from './events.js';
import { activateGated } from './gating.js';
import { decide } from './policy.js';
import { isExpired, parseRecord } from './record.js';
import { consentModeState, gpcEnabled, gtagConsent } from './signals.js';
import { openStore, type RecordStore } from './storage.js';
import type { CategoryChoices, CategoryConfig, Consent, ConsentRecord, CoreConfig, KelisimError, ReadyDetail } from './types.js';

/** What the interface shows; `preferences` is the dialog. */
export type UiView = 'banner' | 'notice' | 'preferences';

/** What a session needs from its page; the loader passes the real ones, tests their own. */
export interface SessionHooks {
  /** Shows a view: the loader imports the UI chunk here, and only here. None: nothing is shown (crawlers). */
  mount?: (view: UiView, session: Session) => void;
  /** The clock, injected so the 7-day rule and expiry are tested without waiting. */
  now?: () => Date;
}

/**
 * One widget's state on one page view, and what every page view does with it. This is
 * the part in the loader; decisions (which write, clear cookies and send receipts) live in
 * {@link Actions}, a chunk imported on first need, so a returning visitor never loads them.
 */
export interface Session {
  readonly config: CoreConfig;
  /** The interface's part of the config, checked by the interface when it loads. */
  readonly deferred: DeferredConfig;
  readonly store: RecordStore;
  /** The stored choice; `null` before any. Changed only by {@link Actions} and by sync. */
  record: ConsentRecord | null;
  /** A known minor (`setSubject`): adult-only categories stay off. */
  minor: boolean;
  now(): Date;
  /**
   * What every page view does at start: read the choice, set Consent Mode before any gated
   * tag runs, run what is allowed, apply clause 1.2 where it accepts, resume unsent receipts,
   * follow other tabs, announce `kelisim:ready` and show what is needed.
   */
  start(): Promise<ReadyDetail>;
  /** The decisions chunk, imported once on first need. */
  actions(): Promise<Actions>;
  /** The stored choice and where it lives, or `null` before any choice (or once expired). */
  consent(): Consent | null;
  /** Whether a category is allowed now: required ones always, others by a valid stored choice. */
  allows(id: string): boolean;
  /**
   * Why "accept all" leaves a category off: a minor and adult-only, or GPC and marked `gpc`.
   * With `explicit` only the minor rule holds: a visitor's own toggle overrides GPC, never
   * the need for a guardian's consent.
   */
  heldBack(category: CategoryConfig, explicit?: boolean): 'minor' | 'gpc' | null;
  /** Shows a view, when this visitor gets an interface at all. */
  show(view: UiView): void;
  /** Reports a problem as `kelisim:error`. */
  report(error: KelisimError): void;
  /** The Consent Mode state for these choices, minor status applied. */
  consentMode(choices: CategoryChoices): Record<string, 'granted' | 'denied'>;
}

/**
 * Creates the session. Closures rather than a class: the loader is on every page view,
 * and only closure-local names can be shortened by the minifier.
 */
export function createSession(config: CoreConfig, deferred: DeferredConfig = {}, hooks: SessionHooks = {}): Session {
  const { categories, cookie } = config;
  const store = openStore(config.storage, cookie);
  let chunk: Promise<Actions> | undefined;

  const now = () => hooks.now?.() ?? new Date();
  const report = (error: KelisimError) => emit('kelisim:error', error);
  /** The stored value last read: a sync reads again only when it changed, and reports a bad one once. */
  let raw: string | null = null;
  const load = () => {
    const { record, problem } = parseRecord((raw = store.read()), now());
    if (problem) report(problem);
    return record;
  };
  const activate = () => void activateGated(session.allows);

  const session: Session = {
    config,
    deferred,
    store,
    record: null,
    minor: false,
    now,
    report,

    async start() {
      const record = (session.record = load());
      const consent = session.consent(); // an expired choice grants nothing
      if (config.googleConsentMode) {
        gtagConsent('default', { ...session.consentMode({}), wait_for_update: 500 });
        if (consent) gtagConsent('update', session.consentMode(consent.categories));
      }
      activate();
      // Another tab's decision: localStorage tells at once, a cookie when this tab is looked at again.
      const sync = () => {
        // Memory: this session holds the only copy. Unchanged: nothing to read or report again.
        if (store.kind === 'memory' || store.read() === raw) return;
        const before = session.record;
        const after = load();
        if (JSON.stringify(before) === JSON.stringify(after)) return;
        session.record = after;
        void session.actions().then((actions) => actions.follow(before, 'sync'));
      };
      addEventListener('storage', (event) => event.key === cookie.name && sync());
      addEventListener('focus', sync);
      addEventListener('pageshow', sync);
      document.addEventListener('click', (event) => {
        if ((event.target as Element).closest?.('[data-kelisim-open]')) {
          event.preventDefault();
          session.show('preferences');
        }
      });
      let view = decide(record, config, now());
      if (view === 'implicit') {
        // Accepted by continued use: recorded and sent before the page hears "ready".
        (await session.actions()).acceptPolicy('implicit');
        view = 'none';
      } else if (config.endpoint && hasQueuedEvents(`${cookie.name}_queue`)) void session.actions();
      if (!hooks.mount) view = 'none';
      const detail: ReadyDetail = { view, consent: session.consent() };
      emit('kelisim:ready', detail);
      if (view !== 'none') session.show(view);
      return detail;
    },

    actions: () => (chunk ??= import('./actions.js').then((module) => new module.Actions(session))),

    consent() {
      const record = session.record;
      return record && !isExpired(record, config.consentMaxAgeDays, now())
        ? { ...record, categories: { ...record.categories }, storage: store.kind }
        : null;
    },

    allows(id) {
      const category = categories.find((c) => c.id === id);
      return !!category && (!!category.required || (!session.heldBack(category, true) && !!session.consent()?.categories[id]));
    },

    heldBack(category, explicit) {
      if (session.minor && category.adultOnly) return 'minor';
      return !explicit && category.gpc && config.respectGpc && gpcEnabled() ? 'gpc' : null;
    },

    show: (view) => hooks.mount?.(view, session),

    consentMode(choices) {
      const allowed: CategoryChoices = {};
      for (const c of categories) allowed[c.id] = !!c.required || (!!choices[c.id] && !session.heldBack(c, true));
      return consentModeState(config.googleConsentMode || {}, allowed);
    },
  };
  return session;
}

/** Whether an earlier page left receipts unsent; a string test, so the common case parses nothing. */
function hasQueuedEvents(key: string): boolean {
  try {
    return !!localStorage.getItem(key)?.includes('eventId');
  } catch {
    return false;
  }
}
