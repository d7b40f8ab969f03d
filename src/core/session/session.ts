import type { DeferredConfig } from '../config/loaded.js';
import { emit } from '../events.js';
import { watch } from '../gating/scripts.js';
import { isChecked } from '../checked/known.js';
import { currentView, isExpired } from '../policy/current.js';
import { gtagConsent } from '../signals/consent-mode.js';
import { readLocal } from '../local-storage.js';
import { openStore } from '../record/read.js';
import type { ConsentRecord, CoreConfig, KelisimError, ReadyDetail, View } from '../types.js';
import type { DecisionsChunk, Session, SessionActions, SessionHooks } from './types.js';

export type { Session, SessionHooks } from './types.js';

/** Imports the decisions chunk: the browser keeps the module, so every call after the first is free. */
export const loadDecisions = (): Promise<DecisionsChunk> => import('../decisions.js');

/**
 * Said after the message of a chunk that would not load (the browser's message names its
 * URL): the two usual causes are `dist/` served from another origin (a CDN) without
 * `Access-Control-Allow-Origin`, which module scripts need, and a `kelisim.js` cached from
 * before a deploy, naming chunks that are gone.
 */
export const CHUNK_HINT = '. Is dist/ on another origin without Access-Control-Allow-Origin, or kelisim.js cached from an older deploy?';

/** Reports a part of the interface (the banner, an embed's placeholder, the reopen control) that would not load. */
export const unloaded = (error: Error): void => emit('kelisim:error', { code: 'ui', message: error.message + CHUNK_HINT });

/**
 * Creates the session. Closures rather than a class: the loader is on every page view,
 * and only closure-local names can be shortened by the minifier.
 */
export function createSession(config: CoreConfig, deferred: DeferredConfig = {}, hooks: SessionHooks = {}): Session {
  const { categories, cookie } = config;
  const store = openStore(config.storage, cookie);
  let chunk: Promise<SessionActions> | undefined;
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
   * else through the check, a chunk of its own (a bad value is "no choice", and reported).
   */
  const load = async (): Promise<ConsentRecord | null> => {
    const value = (raw = store.read());
    if (!value) return null;
    if (isChecked(value)) return JSON.parse(value) as ConsentRecord;
    const { record, problem } = (await import('../record/check.js')).checkStored(value, now());
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
      // What is in the page now and whatever is added later; blocked frames get a
      // placeholder (its own chunk, only on a page that has one), where there is an interface.
      void watch(
        document,
        session.allows,
        hooks.mount && ((frames) => void import('../../embeds/placeholder.js').then((embeds) => embeds.hold(frames, session), unloaded)),
      );
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
