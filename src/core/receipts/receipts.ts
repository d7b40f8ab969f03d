/**
 * The receipts a browser sends (SPEC §8): each event built from the session's record and
 * the proof of the words on screen, then handed to the at-least-once {@link Transport}.
 */
import { VERSION } from '../config/defaults.js';
import { Transport } from '../transport/transport.js';
import type { CategoryChoices, CategoryConfig, ConsentRecord, DecisionMethod, KelisimError, Language, ReceiptEvent, ReceiptEventType } from '../types.js';
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

/**
 * The receipts of one page view. Sends nothing without an endpoint: events then stay
 * local (DOM events only).
 */
export class Receipts {
  /** The consent id of a visitor who has not decided yet: their first receipt carries it. */
  readonly pendingId = uuid();
  private readonly transport: Transport | null;
  private shown: ShownWords | null = null;
  private shownHash: Promise<string | undefined> = Promise.resolve(undefined);

  constructor(endpoint: string | undefined, queueKey: string, onError: (error: KelisimError) => void) {
    this.transport = endpoint ? new Transport({ endpoint, queueKey, onError }) : null;
    this.transport?.start();
  }

  /** The words now on screen: decisions made next are proven by them. */
  wordsShown(shown: ShownWords): void {
    this.shown = shown;
    this.shownHash = sha256(shown.texts.join('\n'));
  }

  /**
   * Sends one event. Decisions and acceptances by button carry the proof of the words on
   * screen (`textsHash`, `uiVersion`), computed before the event leaves.
   */
  send(type: ReceiptEventType, subject: ReceiptSubject, method?: DecisionMethod): void {
    const { transport, shown } = this;
    if (!transport) return;
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
    if (shown && !type.endsWith('.shown') && method !== 'implicit') {
      event.uiVersion = shown.uiVersion;
      void this.shownHash.then((hash) => {
        if (hash) event.textsHash = hash;
        void transport.send([event]);
      });
    } else void transport.send([event]);
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
