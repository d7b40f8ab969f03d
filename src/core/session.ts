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
 * One widget's state on one page view, and what every page view does with it: read the
 * stored choice, set Consent Mode, run what is allowed, answer `allows()`. This is the
 * part in the loader. Decisions (which write, clear cookies and send receipts) live in
 * {@link Actions}, a chunk imported on first need, so a returning visitor never loads them.
 */
export class Session {
  readonly config: CoreConfig;
  /** The interface's part of the config, checked by the interface when it loads. */
  readonly deferred: DeferredConfig;
  readonly store: RecordStore;
  /** The stored choice; `null` before any. Changed only by {@link Actions} and {@link sync}. */
  record: ConsentRecord | null = null;
  /** A known minor (`setSubject`): adult-only categories stay off. */
  minor = false;
  private readonly hooks: SessionHooks;
  private actionsChunk?: Promise<Actions>;

  constructor(config: CoreConfig, deferred: DeferredConfig = {}, hooks: SessionHooks = {}) {
    this.config = config;
    this.deferred = deferred;
    this.hooks = hooks;
    this.store = openStore(config.storage, config.cookie);
  }

  now(): Date {
    return this.hooks.now?.() ?? new Date();
  }

  /**
   * Everything a page view does at start: read the choice, set Consent Mode before any
   * gated tag runs, run what is allowed, apply clause 1.2 where it accepts, resume unsent
   * receipts, listen for other tabs, announce `kelisim:ready` and show what is needed.
   */
  async start(): Promise<ReadyDetail> {
    const { config } = this;
    this.record = this.load();
    if (config.googleConsentMode) {
      gtagConsent('default', { ...this.consentMode({}), wait_for_update: 500 });
      if (this.record) gtagConsent('update', this.consentMode(this.record.categories));
    }
    void activateGated((id) => this.allows(id));
    // Another tab's decision: localStorage tells at once, a cookie when this tab is looked at again.
    const sync = () => this.sync();
    addEventListener('storage', (event) => event.key === config.cookie.name && sync());
    addEventListener('focus', sync);
    addEventListener('pageshow', sync);
    document.addEventListener('click', (event) => {
      if ((event.target as Element).closest?.('[data-kelisim-open]')) {
        event.preventDefault();
        this.show('preferences');
      }
    });
    let view = decide(this.record, config, this.now());
    if (view === 'implicit') {
      // Accepted by continued use: recorded and sent before the page hears "ready".
      (await this.actions()).acceptPolicy('implicit');
      view = 'none';
    } else if (config.endpoint && this.hasQueuedEvents()) void this.actions();
    if (!this.hooks.mount) view = 'none';
    const detail: ReadyDetail = { view, consent: this.consent() };
    emit('kelisim:ready', detail);
    if (view !== 'none') this.show(view);
    return detail;
  }

  /** The decisions chunk, imported once on first need. */
  actions(): Promise<Actions> {
    return (this.actionsChunk ??= import('./actions.js').then((chunk) => new chunk.Actions(this)));
  }

  /** The stored choice and where it lives, or `null` before any choice (or once expired). */
  consent(): Consent | null {
    const record = this.record;
    return record && !isExpired(record, this.config.consentMaxAgeDays, this.now())
      ? { ...record, categories: { ...record.categories }, storage: this.store.kind }
      : null;
  }

  /** Whether a category is allowed now: required ones always, others by a valid stored choice. */
  allows(id: string): boolean {
    const category = this.config.categories.find((c) => c.id === id);
    return !!category && (!!category.required || (!this.heldBack(category, true) && !!this.consent()?.categories[id]));
  }

  /**
   * Why "accept all" leaves a category off: a minor and adult-only, or GPC and marked `gpc`.
   * With `explicit` only the minor rule holds: a visitor's own toggle overrides GPC, never
   * the need for a guardian's consent.
   */
  heldBack(category: CategoryConfig, explicit?: boolean): 'minor' | 'gpc' | null {
    if (this.minor && category.adultOnly) return 'minor';
    return !explicit && category.gpc && this.config.respectGpc && gpcEnabled() ? 'gpc' : null;
  }

  /** Shows a view, when this visitor gets an interface at all. */
  show(view: UiView): void {
    this.hooks.mount?.(view, this);
  }

  /** Picks up a change another tab made, without reload; the decisions chunk makes the page follow it. */
  sync(): void {
    if (this.store.kind === 'memory') return; // nothing shared to read: this session holds the only copy
    const before = this.record;
    const after = this.load();
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    this.record = after;
    void this.actions().then((actions) => actions.follow(before, 'sync'));
  }

  /** Reports a problem as `kelisim:error`. */
  report(error: KelisimError): void {
    emit('kelisim:error', error);
  }

  private load(): ConsentRecord | null {
    const { record, problem } = parseRecord(this.store.read(), this.now());
    if (problem) this.report(problem);
    return record;
  }

  /** Whether an earlier page left receipts unsent; a string test, so the common case parses nothing. */
  private hasQueuedEvents(): boolean {
    try {
      return !!localStorage.getItem(`${this.config.cookie.name}_queue`)?.includes('eventId');
    } catch {
      return false;
    }
  }

  /** The Consent Mode state for these choices, with minor status applied. */
  consentMode(choices: CategoryChoices): Record<string, 'granted' | 'denied'> {
    const allowed: CategoryChoices = {};
    for (const c of this.config.categories) allowed[c.id] = !!c.required || (!!choices[c.id] && !this.heldBack(c, true));
    return consentModeState(this.config.googleConsentMode || {}, allowed);
  }
}
