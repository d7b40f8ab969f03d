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

interface StoredQueue {
  events: ReceiptEvent[];
  /** Events dropped because the queue was full, in all (each drop is also reported when it happens). */
  dropped: number;
}

/** `bad`: the one event a refusal named (the collector's 400 says which); only it is dropped. */
type Outcome = { ok: true } | { ok: false; retryAfterMs?: number; drop?: string; bad?: ReceiptEvent };

/**
 * At-least-once delivery of receipt events. Events are written to a localStorage queue
 * before anything is sent, removed only after a 2xx, and sent in batches of at most 50.
 * Failures back off exponentially with jitter; `online`, the next page load and `pagehide`
 * (with `keepalive`) resume. The collector deduplicates by `eventId`, so resending is safe.
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
  private sending: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;

  constructor(options: TransportOptions) {
    this.options = { maxQueue: 500, baseDelayMs: 2000, maxDelayMs: 300_000, timeoutMs: 10_000, random: Math.random, ...options };
  }

  /** Starts listening for `online` and `pagehide`, and sends whatever an earlier page left. */
  start(): void {
    addEventListener('online', () => void this.flush());
    addEventListener('pagehide', () => this.flushOnExit());
    if (this.pending().length) void this.flush();
  }

  /** Events still waiting for a 2xx, oldest first. */
  pending(): ReceiptEvent[] {
    return this.current().events;
  }

  /** Queues events (persistently, before any network) and sends them. */
  send(events: ReceiptEvent[]): Promise<void> {
    const { maxQueue } = this.options;
    let dropped: ReceiptEvent[] = [];
    this.update((queue) => {
      const events2 = queue.events.concat(events);
      dropped = events2.slice(0, Math.max(0, events2.length - maxQueue));
      return { events: events2.slice(dropped.length), dropped: queue.dropped + dropped.length };
    });
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
    if (batch.length) void this.post(batch, true).then((outcome) => outcome.ok && this.acknowledge(batch));
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const batch = this.nextBatch();
      if (!batch.length) return;
      const outcome = await this.post(batch, false);
      if (outcome.ok || outcome.drop) {
        // A refusal that names one event (an older or foreign one in the queue) drops that
        // event alone; the rest of the batch goes again at once.
        const gone = !outcome.ok && outcome.bad ? [outcome.bad] : batch;
        this.acknowledge(gone);
        this.failures = 0;
        if (!outcome.ok) this.options.onError({ code: 'transport', message: `endpoint refused ${gone.length} event(s): ${outcome.drop}` });
        continue;
      }
      const { baseDelayMs, maxDelayMs, random } = this.options;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** this.failures++);
      // Jitter spreads the retries of many visitors after an outage over the whole window.
      const delay = Math.min(maxDelayMs, outcome.retryAfterMs ?? backoff / 2 + (random() * backoff) / 2);
      this.retryTimer = setTimeout(() => void this.flush(), delay);
      return;
    }
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
      if (status >= 200 && status < 300) return { ok: true };
      if (status === 408 || status === 429 || status >= 500) {
        const seconds = Number(response.headers.get('Retry-After'));
        return { ok: false, retryAfterMs: seconds > 0 ? seconds * 1000 : undefined };
      }
      const reason = await response.text().catch(() => '');
      let bad: ReceiptEvent | undefined;
      try {
        const index: unknown = JSON.parse(reason).event;
        if (batch.length > 1 && Number.isInteger(index)) bad = batch[index as number];
      } catch {
        // not the collector's answer: the whole batch goes
      }
      return { ok: false, drop: `HTTP ${status}${reason ? ` ${reason.slice(0, 300)}` : ''}`, bad };
    } catch {
      return { ok: false }; // offline, refused, CORS: the network, not the data; retry
    }
  }

  private acknowledge(batch: ReceiptEvent[]): void {
    const sent = new Set(batch.map((event) => event.eventId));
    for (const id of sent) this.own.delete(id);
    this.update((queue) => ({ ...queue, events: queue.events.filter((event) => !sent.has(event.eventId)) }));
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
      return { events, dropped: Number(queue.dropped) || 0 };
    } catch {
      return this.memory;
    }
  }

  /** The stored queue, with this page's own undelivered events added back where another tab's write lost them. */
  private current(): StoredQueue {
    const queue = this.read();
    const stored = new Set(queue.events.map((event) => event.eventId));
    const lost = [...this.own.values()].filter((event) => !stored.has(event.eventId));
    return lost.length ? { ...queue, events: queue.events.concat(lost) } : queue;
  }

  private update(change: (queue: StoredQueue) => StoredQueue): void {
    const next = change(this.current());
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
