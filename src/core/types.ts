/**
 * The public types of kelisim: what a page passes in (config), what is stored (the
 * consent record), what is sent (events) and what the page hears (DOM events).
 * Types only: this module costs nothing at run time.
 */

// The receipt protocol's types are generated from its one definition, the collector's
// server/protocol/events.schema.json (scripts/protocol-types.mjs); re-exported here under
// their public names.
import type { CategoryChoices, DecisionMethod, Language, ReceiptEvent, ReceiptEventType } from './protocol.js';

export type { CategoryChoices, DecisionMethod, Language, ReceiptEvent, ReceiptEventType };

/** What the loader decided a page view needs. `implicit` is applied silently and shows nothing. */
export type View = 'banner' | 'notice' | 'implicit' | 'none';

/** The view announced by `kelisim:ready`: what is on screen for this page view (an implicit acceptance shows nothing). */
export type ReadyView = Exclude<View, 'implicit'>;

/** What the interface shows: the banner, the notice, or the preferences dialog over either. */
export type UiView = Exclude<ReadyView, 'none'> | 'preferences';

/** How the policy version in a record was accepted (clause 1.2). */
export type PolicyAcceptance = 'button' | 'implicit';

/** Where the choice lives. `memory` means it is lost when the page closes. */
export type StorageKind = 'cookie' | 'localStorage' | 'memory';

/** A consent purpose. */
export interface CategoryConfig {
  /** Stable id, used in records, events, `data-kelisim` and `allows()`. */
  id: string;
  /** Always on; shown on and disabled. */
  required?: boolean;
  /** Never turned on by "accept all" while Global Privacy Control is on. */
  gpc?: boolean;
  /** Cannot be turned on for a known minor (`setSubject({ minor: true })`). */
  adultOnly?: boolean;
  /** Cookie name patterns (`*` matches any run of characters) cleared when refused. */
  cookies?: string[];
  /** Who receives data under this purpose; shown in the preferences with their countries. */
  services?: ServiceConfig[];
}

/** A text given per language, or one text for every language. */
export type LocalizedText = string | Partial<Record<Language, string>>;

/** A recipient of data under a category (Law 94-V Art. 8: who receives it, and where). */
export interface ServiceConfig {
  /** The service as the visitor knows it: "Google Analytics". */
  name: string;
  /** ISO 3166-1 alpha-2 code of the country where it processes data; other than `KZ` is a cross-border transfer (Art. 16). */
  country: string;
  /** What the service does with the data. */
  purpose?: LocalizedText;
  /** The service's own privacy notice (https:). */
  url?: string;
  /** Cookie name patterns it sets; cleared with the category's own when refused. */
  cookies?: string[];
}

/** The policy in force (clause 1.2). */
export interface PolicyConfig {
  /** Version of the policy in force; a change shows the change notice. */
  version: string;
  /** ISO date or date-time of publication; starts the implicit-acceptance clock. */
  publishedAt?: string;
  /** The full policy. */
  url: string;
  /** "What changed" lines per language for the change notice. */
  changes: Partial<Record<Language, string[]>>;
  /**
   * Calendar days following the day of publication after which continued use accepts
   * (clause 1.2): published on day D, continued use accepts from 00:00 of day D + N + 1.
   */
  implicitAcceptanceDays: number;
  /** IANA time zone whose calendar counts those days; unset: `Asia/Almaty` (UTC+05:00), Kazakhstan's. */
  timeZone?: string;
}

/** Cookie attributes; the localStorage key is the same `name`. */
export interface CookieConfig {
  name: string;
  /** Cookie domain; unset means the current host only. */
  domain?: string;
  path: string;
  sameSite: 'Lax' | 'Strict' | 'None';
  /** Unset means: Secure when the page is on https. */
  secure?: boolean;
  maxAgeDays: number;
}

/** Who is responsible for the data (clause 1.1). */
export interface ControllerConfig {
  name: string;
  /** The name as written in each language; the built-in controller has them. */
  names?: Partial<Record<Language, string>>;
  bin?: string;
  address?: string;
  email?: string;
}

/** Google Consent Mode types that a category grants. */
export type ConsentModeMapping = Record<string, string[]>;

/** The resolved configuration: defaults with the page's config merged over them. */
export interface KelisimConfig extends CoreConfig, Omit<UiConfig, 'policy'> {
  policy: PolicyConfig;
}

/**
 * The part of the config the loader checks and uses on every page view. The rest
 * ({@link UiConfig}) is checked by the interface chunk when it loads: a returning visitor
 * does not pay for checking texts nobody will see.
 */
export interface CoreConfig {
  policy: Pick<PolicyConfig, 'version' | 'publishedAt' | 'implicitAcceptanceDays' | 'timeZone'>;
  categories: CategoryConfig[];
  storage: 'cookie' | 'localStorage';
  cookie: CookieConfig;
  consentMaxAgeDays: number;
  endpoint?: string;
  language: 'auto' | Language;
  reopenButton: boolean;
  /** `false` turns Consent Mode off; a mapping replaces the default one. */
  googleConsentMode: false | ConsentModeMapping;
  respectGpc: boolean;
  /**
   * Reloads the page after a decision made here turns off a category that was on (a
   * withdrawal, a narrower choice): scripts that already ran cannot be unloaded. After the
   * choice is stored and its receipt queued. Absent: off.
   */
  reloadOnRevoke?: boolean;
}

/** The part of the config only the interface uses. */
export interface UiConfig {
  policy: Pick<PolicyConfig, 'url' | 'changes'>;
  texts: Partial<Record<Language, Record<string, string>>>;
  layout: 'bar' | 'box' | 'modal';
  controller: ControllerConfig;
}

/** What a page may pass: every key optional, nested objects partial. */
export interface KelisimOptions {
  policy?: Partial<PolicyConfig>;
  categories?: CategoryConfig[];
  storage?: 'cookie' | 'localStorage';
  cookie?: Partial<CookieConfig>;
  consentMaxAgeDays?: number;
  endpoint?: string;
  language?: 'auto' | Language;
  texts?: Partial<Record<Language, Record<string, string>>>;
  layout?: 'bar' | 'box' | 'modal';
  reopenButton?: boolean;
  controller?: Partial<ControllerConfig>;
  googleConsentMode?: boolean | ConsentModeMapping;
  respectGpc?: boolean;
  /** Reload the page after a withdrawal or a change that turns a category off (default `false`). */
  reloadOnRevoke?: boolean;
}

/** The stored choice (SPEC §4). */
export interface ConsentRecord {
  /** Format version of the record. */
  v: 1;
  /** Random consent id: the key of this browser's receipts at the collector. */
  id: string;
  /** The policy version this choice accepted. */
  policyVersion: string;
  categories: CategoryChoices;
  /** When the visitor last chose categories. Consent expires `consentMaxAgeDays` after it. */
  decidedAt: string;
  /** When the record last changed for any reason. */
  updatedAt: string;
  policyAcceptedBy: PolicyAcceptance;
  lang: Language;
  /**
   * When the change notice for `version` was first shown, and the hash of its words
   * (`textsHash`, `uiVersion`): clause 1.2 needs when, and the implicit acceptance's receipt
   * proves it by both.
   */
  noticeSeen?: { version: string; at: string; textsHash?: string; uiVersion?: string };
}

/** The choice as `getConsent()` returns it: the record and where it lives. */
export interface Consent extends ConsentRecord {
  /** `memory` when neither cookies nor localStorage could keep it. */
  storage: StorageKind;
}

/** Why something went wrong; `kelisim:error`'s detail. */
export interface KelisimError {
  /** `config`: a config key was wrong; `storage`: the stored value was unusable; `transport`: the endpoint refused a batch; `ui`: the interface could not load. */
  code: 'config' | 'storage' | 'transport' | 'ui';
  /** The config key or record field concerned, when there is one. */
  key?: string;
  message: string;
}

/** Detail of `kelisim:ready`. */
export interface ReadyDetail {
  view: ReadyView;
  consent: Consent | null;
}

/** Detail of `kelisim:consent`. */
export interface ConsentDetail {
  record: Consent;
  /** Category ids whose value changed with this decision. */
  changed: string[];
  method: DecisionMethod | 'policy' | 'sync';
}

/** Detail of `kelisim:notice`. */
export interface NoticeDetail {
  policyVersion: string;
  /** Categories new in this version; they start off. */
  newCategories: string[];
  /** The date on which continued use accepts the change, when `publishedAt` is known. */
  implicitAcceptanceAt: string | null;
}

/** Detail of `kelisim:withdraw`. */
export interface WithdrawDetail {
  record: Consent;
}

/** The DOM events kelisim dispatches on `document`, by name. */
export interface KelisimEventMap {
  'kelisim:ready': ReadyDetail;
  'kelisim:consent': ConsentDetail;
  'kelisim:notice': NoticeDetail;
  'kelisim:withdraw': WithdrawDetail;
  'kelisim:error': KelisimError;
}

declare global {
  interface DocumentEventMap {
    'kelisim:ready': CustomEvent<ReadyDetail>;
    'kelisim:consent': CustomEvent<ConsentDetail>;
    'kelisim:notice': CustomEvent<NoticeDetail>;
    'kelisim:withdraw': CustomEvent<WithdrawDetail>;
    'kelisim:error': CustomEvent<KelisimError>;
  }
}
