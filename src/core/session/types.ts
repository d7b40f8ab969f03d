/**
 * The session's types, apart from both its halves (the loader's `session.ts` and the
 * decisions chunk's `actions.ts`), so that neither imports the other.
 */
import type { DeferredConfig } from '../config/loaded.js';
import type { RecordStore } from '../record/read.js';
import type { HeldBackReason } from '../policy/held-back.js';
import type {
  CategoryChoices,
  CategoryConfig,
  Consent,
  ConsentDetail,
  ConsentRecord,
  CoreConfig,
  KelisimError,
  Language,
  PolicyAcceptance,
  ReadyDetail,
  UiView,
  View,
} from '../types.js';

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
 * `Actions` (`actions.ts`), a chunk imported on first need, so a returning visitor never loads them.
 */
export interface Session {
  readonly config: CoreConfig;
  /** The interface's part of the config, checked by the interface when it loads. */
  readonly deferred: DeferredConfig;
  readonly store: RecordStore;
  /** The stored choice; `null` before any. Changed only by the decisions and by sync. */
  record: ConsentRecord | null;
  /** A known minor (`setSubject`): adult-only categories stay off. */
  minor: boolean;
  /**
   * What the interface shows and the decisions have not yet recorded: it may draw a view
   * before the decisions chunk is here. Taken by `SessionActions.recordShown`.
   */
  shown?: ShownView;
  now(): Date;
  /**
   * What every page view does at start: read the choice, set Consent Mode before any gated
   * tag runs, run what is allowed, apply clause 1.2 where it accepts, resume unsent receipts,
   * follow other tabs, announce `kelisim:ready` and show what is needed.
   */
  start(): Promise<ReadyDetail>;
  /** The decisions chunk, imported once on first need. */
  actions(): Promise<SessionActions>;
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

/** What the interface reports it shows: the words on screen, in display order, for `textsHash` (SPEC §8). */
export interface ShownView {
  /** `embed`: a blocked frame's placeholder (`src/embeds/`), whose button decides too. */
  view: UiView | 'embed';
  texts: string[];
  uiVersion: string;
}

/**
 * The decisions chunk's `Actions`, as the loader, the page's API and the interface use
 * them: every change to the choice goes through here.
 */
export interface SessionActions {
  /** The language the interface speaks and decisions record. */
  language: Language;
  /** What this page view needs, by the whole of clause 1.2. */
  view(): View;
  /** The interface reports what it shows; the first showing of a view is a receipt of its own. */
  viewShown(shown: ShownView): void;
  /** Records `session.shown`, if the interface left a view there. */
  recordShown(): void;
  /** Why a category may not be turned on for this visitor now; `explicit`: by the visitor's own toggle. */
  heldBack(category: CategoryConfig, explicit?: boolean): HeldBackReason | null;
  /** Optional categories the stored choice has never answered: new in this policy version. */
  newCategories(): string[];
  acceptAll(): Consent;
  rejectAll(): Consent;
  accept(ids: string[]): Consent;
  withdraw(): Consent;
  acceptPolicy(by: PolicyAcceptance): Consent;
  setSubject(minor: boolean): Consent | null;
  /** Makes the page follow the session's record: Consent Mode, gated scripts, `kelisim:consent`. */
  follow(before: ConsentRecord | null, method: ConsentDetail['method']): Consent | null;
}

/** The decisions chunk's exports (`decisions.ts`), as the loader imports them. */
export interface DecisionsChunk {
  Actions: new (session: Session) => SessionActions;
}
