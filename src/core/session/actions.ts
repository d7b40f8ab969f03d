import { clearCookies } from '../gating/cookies.js';
import { emit } from '../events.js';
import { activateGated } from '../gating/scripts.js';
import { gtagConsent } from '../signals/consent-mode.js';
import { sendsGpc } from '../signals/gpc.js';
import { pickLanguage } from '../language.js';
import { decide, implicitAcceptanceAt } from '../policy/clause-1-2.js';
import { heldBack, type HeldBackReason } from '../policy/held-back.js';
import { newCategories } from '../policy/new-categories.js';
import { Receipts } from '../receipts/receipts.js';
import type { Session, SessionActions, ShownView } from './types.js';

export type { ShownView } from './types.js';
import type {
  CategoryChoices,
  CategoryConfig,
  Consent,
  ConsentDetail,
  ConsentRecord,
  DecisionMethod,
  Language,
  ReceiptEventType,
  View,
} from '../types.js';
import { writeRecord } from '../record/write.js';

/**
 * Everything that changes the choice: decisions, policy acceptance, withdrawal, and the
 * notice's bookkeeping. In the decisions chunk, loaded by the interface or by the first API
 * call that needs it. The rules come from `policy/`, the receipts from `receipts/`; every
 * change here is one {@link Actions.commit}: store, clear refused cookies, receipt, follow
 * (Consent Mode, gating, `kelisim:consent`).
 */
export class Actions implements SessionActions {
  readonly session: Session;
  /** The language the interface speaks and decisions record. */
  language: Language;
  private readonly receipts: Receipts;
  /** Views already shown on this page view: their receipt is sent once. */
  private readonly announced = new Set<ShownView['view']>();

  constructor(session: Session) {
    this.session = session;
    const { endpoint, cookie } = session.config;
    this.language = pickLanguage(session.config.language, session.record?.lang);
    this.receipts = new Receipts(endpoint, `${cookie.name}_queue`, (error) => session.report(error));
  }

  /** Why a category may not be turned on for this visitor now (see {@link heldBack}). */
  heldBack(category: CategoryConfig, explicit?: boolean): HeldBackReason | null {
    const { minor, config } = this.session;
    return heldBack(category, { minor, gpc: config.respectGpc && sendsGpc() }, explicit);
  }

  /** What this page view needs, by the whole of clause 1.2: the loader asks only once the policy has changed. */
  view(): View {
    const { session } = this;
    return decide(session.record, session.config, session.now());
  }

  /**
   * Records what the interface left in `session.shown` (it may have drawn its view before
   * this chunk arrived): before any decision, so the decision is proven by those words, and
   * as soon as the interface or the page wakes this chunk.
   */
  recordShown(): void {
    const shown = this.session.shown;
    this.session.shown = undefined;
    if (shown) this.viewShown(shown);
  }

  /** The interface reports what it shows. The first showing of a view is a receipt of its own. */
  viewShown(shown: ShownView): void {
    const { session } = this;
    const { version } = session.config.policy;
    // Every call updates the proof (a language switch changes the words on screen); only
    // the first showing of a view on this page view is a receipt and an event.
    this.receipts.wordsShown(shown);
    if (this.announced.has(shown.view)) return;
    this.announced.add(shown.view);
    if (shown.view === 'banner') this.send('banner.shown');
    if (shown.view !== 'notice' || !session.record) return;
    this.send('notice.shown');
    // Clause 1.2 counts from here: a later page view after the grace period accepts.
    if (session.record.noticeSeen?.version !== version) {
      const seenAt = session.now().toISOString();
      this.store({ ...session.record, noticeSeen: { version, at: seenAt } });
      // The hash of its words follows once computed: a later implicit acceptance is proven by them.
      void this.receipts.shownProof().then((proof) => {
        const seen = session.record?.noticeSeen;
        if (proof && seen?.version === version && seen.at === seenAt) this.store({ ...session.record!, noticeSeen: { ...seen, ...proof } });
      });
    }
    const at = implicitAcceptanceAt(session.config.policy);
    emit('kelisim:notice', { policyVersion: version, newCategories: this.newCategories(), implicitAcceptanceAt: at && at.toISOString() });
  }

  /** Every optional category that GPC or minor status does not hold back. */
  acceptAll(): Consent {
    return this.choose('accept-all', (category) => !this.heldBack(category));
  }

  /** Only the required categories. A refusal is a receipt too. */
  rejectAll(): Consent {
    return this.choose('reject-all', () => false);
  }

  /** Exactly these categories (and the required ones). A visitor's own toggle may override GPC, not minor status. */
  accept(ids: string[]): Consent {
    // From the page's own code: anything but a list allows nothing optional.
    const allowed = Array.isArray(ids) ? ids : [];
    return this.choose('custom', (category) => allowed.includes(category.id) && !this.heldBack(category, true));
  }

  /** Clause 2.5: every optional category off, their cookies cleared, `consent.withdrawn` sent. */
  withdraw(): Consent {
    const consent = this.choose('withdraw', () => false);
    emit('kelisim:withdraw', { record: consent });
    return consent;
  }

  /** Accepts the policy version in force, by button or (clause 1.2) implicitly; category choices stay. */
  acceptPolicy(by: ConsentRecord['policyAcceptedBy']): Consent {
    this.recordShown();
    const { session } = this;
    if (!session.record) return this.rejectAll();
    const categories = { ...session.record.categories };
    // Categories new in this version start off; the notice named them.
    for (const category of session.config.categories) categories[category.id] ??= !!category.required;
    const { noticeSeen: seen, ...record } = session.record;
    return this.commit(
      { ...record, categories, policyVersion: session.config.policy.version, policyAcceptedBy: by, updatedAt: session.now().toISOString() },
      by === 'implicit' ? 'policy.accepted.implicit' : 'policy.accepted',
      by === 'implicit' ? 'implicit' : undefined,
      // Clause 1.2 accepts because the notice was shown: its receipt names those words and when.
      by === 'implicit' ? seen : undefined,
    );
  }

  /** Marks the visitor as a minor or not; a minor's adult-only consents are turned off at once. */
  setSubject(minor: boolean): Consent | null {
    const { session } = this;
    session.minor = minor;
    const before = session.record;
    if (!minor || !before || !session.config.categories.some((c) => c.adultOnly && before.categories[c.id])) return session.consent();
    // Not the visitor's decision and not an acceptance of the policy: only the adult-only
    // categories go off; the policy version, how it was accepted and when stay as they were.
    const categories = { ...before.categories };
    for (const category of session.config.categories) if (category.adultOnly) categories[category.id] = false;
    return this.commit({ ...before, categories, updatedAt: session.now().toISOString() }, 'consent.updated', 'custom');
  }

  /** Optional categories not in the stored choice: new in this policy version. */
  newCategories(): string[] {
    return newCategories(this.session.record, this.session.config.categories);
  }

  private choose(method: Exclude<DecisionMethod, 'implicit'>, wanted: (category: CategoryConfig) => boolean): Consent {
    this.recordShown();
    const { session } = this;
    const at = session.now().toISOString();
    const categories: CategoryChoices = {};
    for (const category of session.config.categories) categories[category.id] = !!category.required || wanted(category);
    const before = session.record;
    const record: ConsentRecord = {
      v: 1,
      id: before?.id ?? this.receipts.pendingId,
      policyVersion: session.config.policy.version,
      categories,
      decidedAt: at,
      updatedAt: at,
      policyAcceptedBy: 'button',
      lang: this.language,
    };
    return this.commit(record, method === 'withdraw' ? 'consent.withdrawn' : before ? 'consent.updated' : 'consent.given', method);
  }

  /** Stores a record and makes everything follow it. No `method`: the policy alone was accepted by button. */
  private commit(record: ConsentRecord, type: ReceiptEventType, method?: DecisionMethod, notice?: ConsentRecord['noticeSeen']): Consent {
    const { session } = this;
    const before = session.record;
    this.store(record);
    clearCookies(
      session.config.categories.filter((category) => !session.allows(category.id)),
      session.config.cookie.domain,
    );
    this.send(type, method, notice);
    const consent = this.follow(before, method && method !== 'implicit' ? method : 'policy')!;
    // Scripts that ran cannot be unloaded: a site that says so reloads once a category that was on
    // goes off, after the choice is stored and its receipt queued (the transport sends it from there).
    if (
      session.config.reloadOnRevoke &&
      session.config.categories.some((category) => before?.categories[category.id] && !session.allows(category.id))
    ) {
      void this.receipts.queued().then(() => location.reload());
    }
    return consent;
  }

  /** Makes the page follow the session's record: Consent Mode, gated scripts, `kelisim:consent`. */
  follow(before: ConsentRecord | null, method: ConsentDetail['method']): Consent | null {
    const { session } = this;
    const consent = session.consent();
    const after: CategoryChoices = consent?.categories ?? {};
    if (session.config.googleConsentMode) gtagConsent('update', session.consentMode(after));
    void activateGated((id) => session.allows(id));
    const changed = session.config.categories.filter((c) => !c.required && !!before?.categories[c.id] !== !!after[c.id]).map((c) => c.id);
    if (consent) emit('kelisim:consent', { record: consent, changed, method });
    return consent;
  }

  /** The session's new record, kept where the loader found it can live. */
  private store(record: ConsentRecord): void {
    const { session } = this;
    session.record = record;
    writeRecord(session.store.kind, session.config.cookie, JSON.stringify(record));
  }

  private send(type: ReceiptEventType, method?: DecisionMethod, notice?: ConsentRecord['noticeSeen']): void {
    const { session } = this;
    const subject = {
      record: session.record,
      categories: session.config.categories,
      policyVersion: session.config.policy.version,
      lang: this.language,
      minor: session.minor,
      now: session.now(),
    };
    this.receipts.send(type, subject, method, notice);
  }
}
