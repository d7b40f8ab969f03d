import type { Actions } from './actions.js';
import type { DeferredConfig } from '../config/check.js';
import { emit } from '../events.js';
import { activateGated } from '../gating/scripts.js';
import { isChecked } from '../checked/known.js';
import { currentView, isExpired } from '../policy/current.js';
import { gtagConsent } from '../signals/consent-mode.js';
import { readLocal } from '../local-storage.js';
import { openStore, type RecordStore } from '../record/read.js';
import type { CategoryChoices, Consent, ConsentRecord, CoreConfig, KelisimError, ReadyDetail, View } from '../types.js';

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
  /** Shows a view, when this visitor gets an interface at all. */
  show(view: UiView): void;
  /** Reports a problem as `kelisim:error`. */
  report(error: KelisimError): void;
  /** The Consent Mode state for these choices, minor status applied. */
  consentMode(choices: CategoryChoices): Record<string, 'granted' | 'denied'>;
}

/** Imports the decisions chunk: the browser keeps the module, so every call after the first is free. */
export const loadDecisions = (): Promise<typeof import('../decisions.js')> => import('../decisions.js');

/**
 * Creates the session. Closures rather than a class: the loader is on every page view,
 * and only closure-local names can be shortened by the minifier.
 */
export function createSession(config: CoreConfig, deferred: DeferredConfig = {}, hooks: SessionHooks = {}): Session {
  const { categories, cookie } = config;
  const store = openStore(config.storage, cookie);
  let chunk: Promise<Actions> | undefined;
  /** The stored value last read: a sync reads again only when it changed, and reports a bad one once. */
  let raw: string | null;

  const now = () => hooks.now?.() ?? new Date();
  /**
   * Whether a category is on with this choice: required ones always; an adult-only one
   * never for a known minor, whatever was stored (SPEC §6).
   */
  const isOn = (id: string, chosen: boolean | undefined) => {
    const category = categories.find((c) => c.id === id);
    return !!category && (!!category.required || (!!chosen && !(session.minor && category.adultOnly)));
  };
  const report = (error: KelisimError) => emit('kelisim:error', error);
  /**
   * The stored choice: as it is when this browser wrote or checked this very value before,
   * else through the check in the decisions chunk (a bad value is "no choice", and reported).
   */
  const load = async (): Promise<ConsentRecord | null> => {
    const value = (raw = store.read());
    if (!value) return null;
    if (isChecked(value)) return JSON.parse(value) as ConsentRecord;
    const { record, problem } = (await loadDecisions()).checkStored(value, now());
    if (problem) report(problem);
    return record;
  };
  // Another tab's decision: localStorage tells at once, a cookie when this tab is looked at again.
  // Unchanged (always, in memory, where this session holds the only copy): nothing to read or report again.
  const sync = async () => {
    if (store.read() === raw) return;
    const before = session.record;
    const after = await load();
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    session.record = after;
    void session.actions().then((actions) => actions.follow(before, 'sync'));
  };

  const session: Session = {
    config,
    deferred,
    store,
    record: null,
    minor: false,
    now,
    report,

    async start() {
      // Consent Mode's default comes first, before anything could wait for a check.
      if (config.googleConsentMode) gtagConsent('default', { ...session.consentMode({}), wait_for_update: 500 });
      const record = (session.record = await load());
      const consent = session.consent(); // an expired choice grants nothing
      if (config.googleConsentMode && consent) gtagConsent('update', session.consentMode(consent.categories));
      void activateGated(session.allows);
      // Another tab's choice: a `storage` event tells at once (localStorage), a look at this tab
      // again (cookies). `sync` reads only when the stored value changed, so any event will do.
      for (const type of ['storage', 'focus', 'pageshow']) addEventListener(type, sync);
      document.addEventListener('click', (event) => {
        if ((event.target as Element).closest?.('[data-kelisim-open]')) {
          event.preventDefault();
          session.show('preferences');
        }
      });
      let view: View = currentView(record, config, now()) ?? (await session.actions()).view();
      if (view === 'implicit') {
        // Accepted by continued use: recorded and sent before the page hears "ready".
        (await session.actions()).acceptPolicy('implicit');
        view = 'none';
      } else if (config.endpoint && readLocal(`${cookie.name}_queue`)?.includes('eventId')) {
        // An earlier page left receipts unsent (a string test: the common case parses nothing).
        void session.actions();
      }
      if (!hooks.mount) view = 'none';
      const detail: ReadyDetail = { view, consent: session.consent() };
      emit('kelisim:ready', detail);
      if (view !== 'none') session.show(view);
      return detail;
    },

    actions: () => (chunk ??= loadDecisions().then((module) => new module.Actions(session))),

    consent() {
      const record = session.record;
      return record && !isExpired(record, config.consentMaxAgeDays, now())
        ? { ...record, categories: { ...record.categories }, storage: store.kind }
        : null;
    },

    allows: (id) => isOn(id, session.consent()?.categories[id]),

    show: (view) => hooks.mount?.(view, session),

    consentMode(choices) {
      // A type is granted when a category that maps to it is allowed, denied otherwise.
      const state: Record<string, 'granted' | 'denied'> = {};
      for (const [id, types] of Object.entries(config.googleConsentMode || {})) {
        for (const type of types) if (state[type] !== 'granted') state[type] = isOn(id, choices[id]) ? 'granted' : 'denied';
      }
      return state;
    },
  };
  return session;
}
