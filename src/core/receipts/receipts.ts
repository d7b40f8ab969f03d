/**
 * The receipts a browser sends (SPEC §8): each event built from the session's record and
 * the proof of the words on screen, then handed to the at-least-once {@link Transport}.
 */
import { VERSION } from '../config/defaults.js';
import { Transport } from '../transport/transport.js';
import type {
  CategoryChoices,
  CategoryConfig,
  ConsentRecord,
  DecisionMethod,
  KelisimError,
  Language,
  ReceiptEvent,
  ReceiptEventType,
} from '../types.js';
import { uuid } from './uuid.js';

/** The `client` of every event. */
export const CLIENT = `kelisim/${VERSION}`;

/** What a view showed: its words in display order, hashed into `textsHash`. */
export interface ShownWords {
  texts: string[];
  uiVersion: string;
}

/** What an event says about the visitor, from the session at the moment it is sent. */
export interface ReceiptSubject {
  record: ConsentRecord | null;
  categories: CategoryConfig[];
  policyVersion: string;
  lang: Language;
  minor: boolean;
  now: Date;
}

/** The words on screen now, their hash computed once. */
interface Shown extends ShownWords {
  hash: Promise<string | undefined>;
}

/**
 * The receipts of one page view. Sends nothing without an endpoint: events then stay
 * local (DOM events only).
 */
export class Receipts {
  /** The consent id of a visitor who has not decided yet: their first receipt carries it. */
  readonly pendingId = uuid();
  private readonly transport: Transport | null;
  private shown: Shown | null = null;
  /** Events waiting for a hash: later events wait behind them, so all leave in order. */
  private waiting: Promise<void> | null = null;

  constructor(endpoint: string | undefined, queueKey: string, onError: (error: KelisimError) => void) {
    this.transport = endpoint ? new Transport({ endpoint, queueKey, onError }) : null;
    this.transport?.start();
  }

  /** The words now on screen: the view's own receipt and decisions made next are proven by them. */
  wordsShown(shown: ShownWords): void {
    this.shown = { ...shown, hash: sha256(shown.texts.join('\n')) };
  }

  /** The hash and interface version of the words on screen now, for the record of a notice seen. */
  async shownProof(): Promise<{ textsHash: string; uiVersion: string } | undefined> {
    const shown = this.shown;
    const hash = await shown?.hash;
    return hash && shown ? { textsHash: hash, uiVersion: shown.uiVersion } : undefined;
  }

  /**
   * Sends one event. A view's own receipt (`banner.shown`, `notice.shown`) and the
   * decisions made in front of it carry the proof of the words on screen (`textsHash`,
   * `uiVersion`); the words themselves go along, for the collector's archive if it lacks
   * them. An implicit acceptance is proven by the notice shown on an earlier page view:
   * `notice` is the record's `noticeSeen`, its hash and when it was shown.
   */
  send(type: ReceiptEventType, subject: ReceiptSubject, method?: DecisionMethod, notice?: ConsentRecord['noticeSeen']): void {
    if (!this.transport) return;
    const { record } = subject;
    const categories: CategoryChoices = {};
    for (const category of subject.categories) categories[category.id] = record ? !!record.categories[category.id] : !!category.required;
    const event: ReceiptEvent = {
      eventId: uuid(),
      type,
      consentId: record?.id ?? this.pendingId,
      policyVersion: subject.policyVersion,
      categories,
      lang: subject.lang,
      at: subject.now.toISOString(),
      page: pageAddress(),
      client: CLIENT,
    };
    if (method) event.method = method;
    if (subject.minor) event.subject = 'minor';
    if (method === 'implicit') {
      if (notice?.textsHash) Object.assign(event, { textsHash: notice.textsHash, uiVersion: notice.uiVersion ?? VERSION });
      if (notice) event.noticeShownAt = notice.at;
      return this.queue(event);
    }
    this.queue(event, this.shown);
  }

  /** Settles once every event sent so far is in the transport's persistent queue: a reload then loses none. */
  queued(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }

  /** Hands the event to the transport once its hash is known, behind any event still waiting for one. */
  private queue(event: ReceiptEvent, shown?: Shown | null): void {
    const transport = this.transport!;
    const deliver = (hash?: string) => {
      if (hash && shown) Object.assign(event, { textsHash: hash, uiVersion: shown.uiVersion });
      void transport.send(
        [event],
        hash && shown ? { textsHash: hash, texts: shown.texts, lang: event.lang, uiVersion: shown.uiVersion } : undefined,
      );
    };
    // Nothing to wait for: queued at once (synchronously), so a page closed next keeps it.
    if (!shown && !this.waiting) return deliver();
    const step = (this.waiting ?? Promise.resolve()).then(() => shown?.hash).then(deliver);
    this.waiting = step;
    void step.then(() => {
      if (this.waiting === step) this.waiting = null;
    });
  }
}

/** The page's address as events carry it: origin and path, never the query or hash. */
export function pageAddress(href = location.href): string {
  const url = new URL(href);
  return url.origin + url.pathname;
}

/** SHA-256 as hex, or undefined where `crypto.subtle` is missing (plain-http pages). */
export async function sha256(text: string): Promise<string | undefined> {
  if (!crypto.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
