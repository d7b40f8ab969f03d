import type { EventsAnswer, TextsUpload } from '../protocol.js';
import type { KelisimError, ReceiptEvent } from '../types.js';

/** How the transport talks to the endpoint; timings are options so tests run in milliseconds. */
export interface TransportOptions {
  endpoint: string;
  /** localStorage key of the persistent queue. */
  queueKey: string;
  onError: (error: KelisimError) => void;
  /** Most events kept while the endpoint is unreachable; the oldest go first. Default 500. */
  maxQueue?: number;
  /** First retry delay; doubles per failure up to `maxDelayMs`. Default 2 s. */
  baseDelayMs?: number;
  /** Default 5 minutes. */
  maxDelayMs?: number;
  /**
   * How long one POST may take before it counts as failed and is retried. Default 10 s.
   * Without it an endpoint that accepts the connection and never answers holds the queue
   * for good: nothing else is sent until the browser gives up, if ever.
   */
  timeoutMs?: number;
  /** Injected for tests; default `Math.random`. */
  random?: () => number;
}

/** Most events in one POST (SPEC §8). */
export const BATCH_SIZE = 50;

/**
 * Most bytes in one POST body. The collector refuses bodies past 64 KB with a 413, which
 * drops the batch, and `keepalive` allows 64 KB in flight: 50 events with long paths or
 * many categories (a valid config) would pass it.
 */
export const BATCH_BYTES = 60_000;

/** Failed attempts in a row, with no answer at all, before the transport says so (`kelisim:error`). */
export const SILENT_FAILURES = 3;

/**
 * Event fields newer than the first collector (1.0), which refuses a field it does not
 * know with a 400 that names it. An event refused for one of these is sent again without
 * it rather than dropped: the receipt matters more than the extra proof.
 */
export const NEWER_FIELDS: ReadonlyArray<keyof ReceiptEvent> = ['noticeShownAt'];

/** Words of views kept for queued events, at most; hashes known to be archived, at most. */
const MAX_WORDS = 20;
const MAX_ARCHIVED = 100;

/** An upload the collector asked for; `eventId` names the receipt whose answer asked. */
export interface PendingUpload extends TextsUpload {
  eventId: string;
}

/**
 * The persistent queue. Besides events, what the texts archive needs: words waiting for
 * the collector to say whether it has them, uploads it asked for, and the hashes it holds.
 * The loader resumes a queue whose JSON names an `eventId`; every upload names one, so a
 * page closed mid-upload uploads on the next view, even one that shows nothing.
 */
interface StoredQueue {
  events: ReceiptEvent[];
  /** Events dropped because the queue was full, in all (each drop is also reported when it happens). */
  dropped: number;
  /** The words behind the `textsHash` of queued events, until the collector answers for them. */
  words?: TextsUpload[];
  /** Words the collector said it lacks (`missingTexts`), to upload once. */
  uploads?: PendingUpload[];
  /** Hashes the collector holds (it said so, or took or refused our upload): never uploaded again. Newest last. */
  archived?: string[];
}

/**
 * `bad`: the one event a refusal named (the collector's 400 says which); only it is dropped.
 * `strip`: a field an older collector does not know, to remove from that event before resending.
 * `missing`: the collector's `missingTexts`, `null` from a collector that keeps no words.
 * `network`: no answer at all (offline, refused, CORS), as opposed to a timeout or an HTTP error.
 */
type Outcome =
  | { ok: true; missing?: string[] | null }
  | {
      ok: false;
      retryAfterMs?: number;
      drop?: string;
      bad?: ReceiptEvent;
      strip?: { event: ReceiptEvent; field: keyof ReceiptEvent };
      network?: boolean;
    };

/**
 * At-least-once delivery of receipt events. Events are written to a localStorage queue
 * before anything is sent, removed only after a 2xx, and sent in batches of at most 50.
 * Failures back off exponentially with jitter; `online`, the next page load and `pagehide`
 * (with `keepalive`) resume. The collector deduplicates by `eventId`, so resending is safe.
 *
 * The words behind a `textsHash` travel the same way, after the events: queued with the
 * first event that names them, uploaded (`POST` to `texts` beside the endpoint) only when
 * the collector's answer lists the hash in `missingTexts`, and never twice for one hash
 * in this browser. A collector that keeps everyone's words already is never sent them.
 *
 * Tabs share the queue. Every change is a read-modify-write within one synchronous step,
 * but a tab in another process sees localStorage changes late, so its write can put back
 * a copy of the queue that lacks this page's newest events. A page therefore keeps its
 * own events until a 2xx for them and adds them again when they go missing; one that
 * another tab had delivered is sent twice, which the collector's deduplication absorbs.
 */
export class Transport {
  private readonly options: Required<Omit<TransportOptions, 'random'>> & { random: () => number };
  private memory: StoredQueue = { events: [], dropped: 0 };
  /** This page's own events, by eventId, until a 2xx (or a refusal) for them. */
  private readonly own = new Map<string, ReceiptEvent>();
  /** Words and uploads of this page, kept the same way until the collector has answered for them. */
  private readonly ownWords = new Map<string, TextsUpload>();
  private readonly ownUploads = new Map<string, PendingUpload>();
  private sending: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** Attempts in a row that got no answer at all; reported once at {@link SILENT_FAILURES}. */
  private unanswered = 0;

  constructor(options: TransportOptions) {
    this.options = { maxQueue: 500, baseDelayMs: 2000, maxDelayMs: 300_000, timeoutMs: 10_000, random: Math.random, ...options };
  }

  /** Starts listening for `online` and `pagehide`, and sends whatever an earlier page left. */
  start(): void {
    addEventListener('online', () => void this.flush());
    addEventListener('pagehide', () => this.flushOnExit());
    if (this.pending().length || this.uploads().length) void this.flush();
    // An earlier version left uploads of hashes held already: written back without them.
    else if (this.read().uploads?.length) this.update((queue) => queue);
  }

  /** Events still waiting for a 2xx, oldest first. */
  pending(): ReceiptEvent[] {
    return this.current().events;
  }

  /** Uploads the collector asked for and has not had yet, oldest first. */
  uploads(): PendingUpload[] {
    const { uploads = [], archived = [] } = this.current();
    return uploads.filter((upload) => !archived.includes(upload.textsHash));
  }

  /**
   * Queues events (persistently, before any network) and sends them. `words`: the texts
   * behind the events' `textsHash`, kept until the collector says whether it needs them.
   */
  send(events: ReceiptEvent[], words?: TextsUpload): Promise<void> {
    const { maxQueue } = this.options;
    let dropped: ReceiptEvent[] = [];
    this.update((queue) => {
      const events2 = queue.events.concat(events);
      dropped = events2.slice(0, Math.max(0, events2.length - maxQueue));
      const keep = words && !queue.archived?.includes(words.textsHash) && !queue.words?.some((w) => w.textsHash === words.textsHash);
      return {
        ...queue,
        events: events2.slice(dropped.length),
        dropped: queue.dropped + dropped.length,
        words: keep ? [...(queue.words ?? []), words].slice(-MAX_WORDS) : queue.words,
      };
    });
    if (words) this.ownWords.set(words.textsHash, words);
    for (const event of events) this.own.set(event.eventId, event);
    for (const event of dropped) this.own.delete(event.eventId);
    if (dropped.length) {
      this.options.onError({ code: 'transport', message: `event queue full: dropped the ${dropped.length} oldest undelivered event(s)` });
    }
    return this.flush();
  }

  /**
   * Sends the queue, batch by batch, until it is empty or the endpoint fails; then a retry
   * is scheduled. Only one flush runs at a time per page, and with Web Locks per browser.
   */
  flush(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.sending ??= this.withLock(() => this.sendAll()).finally(() => (this.sending = null));
    return this.sending;
  }

  /** On `pagehide`: one last batch with `keepalive`, which outlives the page. Acknowledged next load. */
  flushOnExit(): void {
    if (this.own.size) this.update((queue) => queue); // this page's undelivered events outlive it only in storage
    const batch = this.nextBatch();
    if (batch.length) void this.post(batch, true).then((outcome) => outcome.ok && this.acknowledge(batch, outcome.missing));
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const batch = this.nextBatch();
      const upload = batch.length ? undefined : this.uploads()[0];
      if (!batch.length && !upload) return;
      const outcome = upload ? await this.postTexts(upload) : await this.post(batch, false);
      if (!outcome.ok && outcome.network) this.unanswered++;
      else this.unanswered = 0;
      if (!outcome.ok && outcome.strip) {
        // An older collector: the same event again, without the field it does not know.
        this.strip(outcome.strip.event, outcome.strip.field);
        continue;
      }
      if (upload && (outcome.ok || outcome.drop)) {
        this.uploaded(upload);
        this.failures = 0;
        if (!outcome.ok)
          this.options.onError({ code: 'transport', message: `endpoint refused the words of ${upload.textsHash}: ${outcome.drop}` });
        continue;
      }
      if (outcome.ok || outcome.drop) {
        // A refusal that names one event (an older or foreign one in the queue) drops that
        // event alone; the rest of the batch goes again at once.
        const gone = !outcome.ok && outcome.bad ? [outcome.bad] : batch;
        this.acknowledge(gone, outcome.ok ? outcome.missing : null);
        this.failures = 0;
        if (!outcome.ok) this.options.onError({ code: 'transport', message: `endpoint refused ${gone.length} event(s): ${outcome.drop}` });
        continue;
      }
      if (this.unanswered === SILENT_FAILURES) this.reportUnanswered();
      const { baseDelayMs, maxDelayMs, random } = this.options;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** this.failures++);
      // Jitter spreads the retries of many visitors after an outage over the whole window.
      const delay = Math.min(maxDelayMs, outcome.retryAfterMs ?? backoff / 2 + (random() * backoff) / 2);
      this.retryTimer = setTimeout(() => void this.flush(), delay);
      return;
    }
  }

  /**
   * A browser hides why a request got no answer: offline, a connection refused, or a
   * collector whose answer lacks CORS headers (the reference collector refuses an origin
   * missing from ALLOWED_ORIGINS with a 403 the page never sees). Said once per outage;
   * the events stay queued and the retries go on.
   */
  private reportUnanswered(): void {
    const offline = navigator.onLine === false ? ' The browser says it is offline.' : '';
    this.options.onError({
      code: 'transport',
      message:
        `the endpoint ${this.options.endpoint} did not answer ${SILENT_FAILURES} times in a row; the events stay queued and are retried.${offline} ` +
        `Likely causes: no network; or the collector does not allow this page's origin ${location.origin} (CORS: add it to the collector's ALLOWED_ORIGINS); ` +
        'or a Content-Security-Policy whose connect-src does not list the endpoint.',
    });
  }

  /** The oldest events that fit one POST: at most {@link BATCH_SIZE}, and {@link BATCH_BYTES} unless it is one event alone. */
  private nextBatch(): ReceiptEvent[] {
    const batch: ReceiptEvent[] = [];
    const encoder = new TextEncoder();
    let bytes = 13; // {"events":[]}
    for (const event of this.pending()) {
      bytes += encoder.encode(JSON.stringify(event)).length + 1;
      if (batch.length === BATCH_SIZE || (batch.length && bytes > BATCH_BYTES)) break;
      batch.push(event);
    }
    return batch;
  }

  private async post(batch: ReceiptEvent[], keepalive: boolean): Promise<Outcome> {
    try {
      const response = await fetch(this.options.endpoint, {
        method: 'POST',
        // text/plain keeps the request "simple": no CORS preflight, and the same body a beacon sends.
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ events: batch }),
        keepalive,
        credentials: 'omit',
        // Where AbortSignal.timeout is missing (before Safari 16), no timeout rather than no request.
        signal: AbortSignal.timeout?.(this.options.timeoutMs),
      });
      const { status } = response;
      if (status >= 200 && status < 300) {
        // A collector that keeps words lists the hashes it lacks (maybe none); an older one says nothing.
        const answer = (await response.json().catch(() => null)) as Partial<EventsAnswer> | null;
        return { ok: true, missing: Array.isArray(answer?.missingTexts) ? answer.missingTexts.filter((h) => typeof h === 'string') : null };
      }
      const refused = await this.refusal(response);
      if (!refused.drop) return refused;
      const { event: index, field } = refused.answer;
      const event = Number.isInteger(index) ? batch[index as number] : undefined;
      if (
        event &&
        NEWER_FIELDS.includes(field as keyof ReceiptEvent) &&
        field! in event &&
        /not part of the event protocol/.test(refused.drop)
      ) {
        return { ok: false, strip: { event, field: field as keyof ReceiptEvent } };
      }
      return { ok: false, drop: refused.drop, bad: batch.length > 1 ? event : undefined };
    } catch (error) {
      // offline, refused, CORS: the network, not the data; retry. A timeout is a slow answer, not none.
      return { ok: false, network: (error as Error)?.name !== 'TimeoutError' && (error as Error)?.name !== 'AbortError' };
    }
  }

  /** What a non-2xx answer means: retry (408, 429, 5xx), else a refusal with the collector's reason. */
  private async refusal(
    response: Response,
  ): Promise<{ ok: false; retryAfterMs?: number; drop?: string; answer: { event?: unknown; field?: string } }> {
    const { status } = response;
    if (status === 408 || status === 429 || status >= 500) {
      const seconds = Number(response.headers.get('Retry-After'));
      return { ok: false, retryAfterMs: seconds > 0 ? seconds * 1000 : undefined, answer: {} };
    }
    const reason = await response.text().catch(() => '');
    let answer: { event?: unknown; field?: string } = {};
    try {
      answer = (JSON.parse(reason) as typeof answer) ?? {};
    } catch {
      // not the collector's answer: the whole batch goes
    }
    return { ok: false, drop: `HTTP ${status}${reason ? ` ${reason.slice(0, 300)}` : ''}`, answer };
  }

  /** Uploads the words of one hash to `texts` beside the endpoint (`…/v1/events` → `…/v1/texts`). */
  private async postTexts(upload: PendingUpload): Promise<Outcome> {
    const { eventId: _asked, ...body } = upload;
    try {
      const response = await fetch(new URL('texts', new URL(this.options.endpoint, location.href)), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(body),
        credentials: 'omit',
        signal: AbortSignal.timeout?.(this.options.timeoutMs),
      });
      if (response.ok) return { ok: true };
      const { answer: _answer, ...refused } = await this.refusal(response);
      return refused;
    } catch (error) {
      return { ok: false, network: (error as Error)?.name !== 'TimeoutError' && (error as Error)?.name !== 'AbortError' };
    }
  }

  /** Removes a field an older collector refused from one queued event. */
  private strip(event: ReceiptEvent, field: keyof ReceiptEvent): void {
    const without = (e: ReceiptEvent): ReceiptEvent => {
      if (e.eventId !== event.eventId) return e;
      const copy = { ...e };
      delete copy[field];
      return copy;
    };
    const own = this.own.get(event.eventId);
    if (own) this.own.set(event.eventId, without(own));
    this.update((queue) => ({ ...queue, events: queue.events.map(without) }));
  }

  /** An upload answered (stored, already there, or refused): never sent again from this browser. */
  private uploaded(upload: PendingUpload): void {
    this.ownUploads.delete(upload.textsHash);
    this.update((queue) => ({
      ...queue,
      uploads: queue.uploads?.filter((u) => u.textsHash !== upload.textsHash),
      archived: remember(queue.archived, upload.textsHash),
    }));
  }

  /**
   * Removes events the collector answered for. With its `missingTexts` (`missing`), each
   * hash the events name is either archived there already or becomes an upload of the
   * words this browser holds; words no queued event names any more are forgotten.
   */
  private acknowledge(batch: ReceiptEvent[], missing: string[] | null = null): void {
    const sent = new Set(batch.map((event) => event.eventId));
    for (const id of sent) this.own.delete(id);
    this.update((queue) => {
      const events = queue.events.filter((event) => !sent.has(event.eventId));
      let { archived, uploads = [] } = queue;
      for (const event of missing ? batch : []) {
        const hash = event.textsHash;
        if (!hash || archived?.includes(hash)) continue;
        if (!missing!.includes(hash)) archived = remember(archived, hash);
        else if (!uploads.some((u) => u.textsHash === hash)) {
          const words = queue.words?.find((w) => w.textsHash === hash) ?? this.ownWords.get(hash);
          if (words) {
            const upload = { ...words, eventId: event.eventId };
            uploads = [...uploads, upload];
            this.ownUploads.set(hash, upload);
          }
        }
      }
      const named = new Set(events.map((event) => event.textsHash));
      return { ...queue, events, archived, uploads, words: queue.words?.filter((w) => named.has(w.textsHash)) };
    });
    const named = new Set([...this.own.values()].map((event) => event.textsHash));
    for (const hash of this.ownWords.keys()) if (!named.has(hash)) this.ownWords.delete(hash);
  }

  private withLock(task: () => Promise<void>): Promise<void> {
    const locks = navigator.locks;
    return locks ? locks.request(`${this.options.queueKey}:flush`, () => task()).then(() => undefined) : task();
  }

  private read(): StoredQueue {
    try {
      const raw = localStorage.getItem(this.options.queueKey);
      if (raw === null) return this.memory;
      const queue = JSON.parse(raw) as StoredQueue;
      // Only what this widget writes: anything else under this key (another version's,
      // another script's) would throw below or sink the batch it is sent in.
      const events = Array.isArray(queue.events) ? queue.events.filter((event) => typeof event?.eventId === 'string') : [];
      const texts = <T extends TextsUpload>(list: unknown): T[] | undefined =>
        Array.isArray(list) ? (list as T[]).filter((w) => typeof w?.textsHash === 'string' && Array.isArray(w.texts)) : undefined;
      const archived = Array.isArray(queue.archived) ? queue.archived.filter((hash) => typeof hash === 'string') : undefined;
      return {
        events,
        dropped: Number(queue.dropped) || 0,
        words: texts(queue.words),
        uploads: texts<PendingUpload>(queue.uploads),
        archived,
      };
    } catch {
      return this.memory;
    }
  }

  /** The stored queue, with this page's own undelivered events, words and uploads added back where another tab's write lost them. */
  private current(): StoredQueue {
    const queue = this.read();
    const stored = new Set(queue.events.map((event) => event.eventId));
    const lost = [...this.own.values()].filter((event) => !stored.has(event.eventId));
    const missing = <T extends TextsUpload>(own: Map<string, T>, list: T[] = []): T[] | undefined => {
      const gone = [...own.values()].filter(
        (w) => !queue.archived?.includes(w.textsHash) && !list.some((x) => x.textsHash === w.textsHash),
      );
      return gone.length ? list.concat(gone) : list.length ? list : undefined;
    };
    return {
      ...queue,
      events: lost.length ? queue.events.concat(lost) : queue.events,
      words: missing(this.ownWords, queue.words),
      uploads: missing(this.ownUploads, queue.uploads),
    };
  }

  private update(change: (queue: StoredQueue) => StoredQueue): void {
    const next = withoutArchivedUploads(change(this.current()));
    this.memory = next;
    try {
      localStorage.setItem(this.options.queueKey, JSON.stringify(next));
    } catch {
      // localStorage blocked or full: the queue lives in memory for this page. A stale stored
      // copy would be read instead of it (and hide the new events), so it goes.
      try {
        localStorage.removeItem(this.options.queueKey);
      } catch {
        // blocked: read() falls back to memory anyway
      }
    }
  }
}

/**
 * The queue without uploads of hashes the collector holds. One asked for and then held
 * (another visitor's upload went first, and a later answer said so) is never sent, and
 * kept would name an `eventId` for good: the loader would resume this queue on every
 * page view.
 */
function withoutArchivedUploads(queue: StoredQueue): StoredQueue {
  const { uploads, archived } = queue;
  if (!uploads?.length || !archived?.length) return queue;
  const pending = uploads.filter((upload) => !archived.includes(upload.textsHash));
  return pending.length === uploads.length ? queue : { ...queue, uploads: pending };
}

/** `hash` added to the newest end of a bounded list of archived hashes. */
function remember(archived: string[] = [], hash: string): string[] {
  return [...archived.filter((h) => h !== hash), hash].slice(-MAX_ARCHIVED);
}
