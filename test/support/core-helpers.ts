/**
 * Helpers for the core's browser tests: the loopback endpoint (test/support/endpoint-plugin.mjs),
 * polling without timed assertions, a clean page between tests, and records and events to
 * start from. Nothing here stubs the network.
 */
import type { ConsentRecord, KelisimEventMap, ReceiptEvent } from '../../src/core/types.js';

/** The real timer, kept before any test wraps `setTimeout` (see {@link recordTimeouts}). */
const realSetTimeout = window.setTimeout.bind(window);

/** What the endpoint saw; see endpoint-plugin.mjs. */
export interface EndpointLog {
  requests: number;
  /** Delivered events (2xx), each once. */
  events: ReceiptEvent[];
  statuses: number[];
  contentTypes: string[];
  /** Raw request bodies, in arrival order. */
  bodies: string[];
  /** The eventIds of every request, in arrival order, whatever the answer. */
  batches: string[][];
  /** Every upload to the texts archive beside the endpoint, as received. */
  texts: Array<{ textsHash: string; texts: string[]; lang: string; uiVersion: string }>;
  textsStatuses: number[];
}

/** A bucket of its own per test, so runs and parallel files never share a log. */
export function bucketName(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

export const endpointUrl = (bucket: string): string => `/__endpoint/${bucket}`;

/** Scripts the endpoint's next answers (`[500, 200]`: fail once, then succeed). */
export async function scriptEndpoint(
  bucket: string,
  statuses: number[],
  extra: {
    retryAfter?: number;
    delayMs?: number;
    maxBytes?: number;
    archive?: boolean;
    held?: string[];
    textsStatuses?: number[];
    refuseFields?: string[];
  } = {},
): Promise<void> {
  const response = await fetch(`${endpointUrl(bucket)}/script`, { method: 'PUT', body: JSON.stringify({ statuses, ...extra }) });
  if (!response.ok) throw new Error(`could not script the endpoint: HTTP ${response.status}`);
}

export async function endpointLog(bucket: string): Promise<EndpointLog> {
  return (await fetch(`${endpointUrl(bucket)}/log`)).json() as Promise<EndpointLog>;
}

/** Polls until `condition` holds; fails with `what` after `timeout` ms. Never asserts on time itself. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeout = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => realSetTimeout(resolve, 10));
  }
}

/** Polls the endpoint log until `condition` holds, and returns that log. */
export async function waitForLog(
  bucket: string,
  condition: (log: EndpointLog) => boolean,
  what = 'the endpoint',
  timeout = 5000,
): Promise<EndpointLog> {
  let log!: EndpointLog;
  await waitFor(async () => condition((log = await endpointLog(bucket))), timeout, what);
  return log;
}

/** A receipt event as the widget sends it (SPEC §8). */
export function receipt(overrides: Partial<ReceiptEvent> = {}): ReceiptEvent {
  return {
    eventId: crypto.randomUUID(),
    type: 'consent.given',
    consentId: '3f1c2d4e-0000-4000-8000-000000000001',
    policyVersion: '2026-06-01',
    categories: { necessary: true, analytics: true, marketing: false, partners: false },
    method: 'accept-all',
    lang: 'kk',
    at: new Date().toISOString(),
    page: `${location.origin}/courses`,
    client: 'kelisim/1.0.0',
    ...overrides,
  };
}

/** `n` receipts with their index in `page`, so order is visible in the log. */
export const receipts = (n: number, overrides: Partial<ReceiptEvent> = {}): ReceiptEvent[] =>
  Array.from({ length: n }, (_, i) => receipt({ page: `${location.origin}/p${i}`, ...overrides }));

/**
 * Records the delays that code in `file` passes to `setTimeout` (the callbacks still run),
 * so backoff is checked by value instead of by measuring time.
 */
export function recordTimeouts(file = '/src/core/transport/transport.'): { delays: number[]; restore: () => void } {
  const delays: number[] = [];
  const original = window.setTimeout;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
    if (new Error().stack?.includes(file)) delays.push(delay ?? 0);
    return original(handler, delay, ...rest);
  }) as typeof window.setTimeout;
  return { delays, restore: () => void (window.setTimeout = original) };
}

/** A stored record (SPEC §4), valid unless overridden. */
export function storedRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  return {
    v: 1,
    id: crypto.randomUUID(),
    policyVersion: '2026-06-01',
    categories: { necessary: true, analytics: true, marketing: false, partners: false },
    decidedAt: at,
    updatedAt: at,
    policyAcceptedBy: 'button',
    lang: 'kk',
    ...overrides,
  };
}

/** Collects the details of one kelisim DOM event type until `stop()`. */
export function collect<K extends keyof KelisimEventMap>(type: K): { details: Array<KelisimEventMap[K]>; stop: () => void } {
  const details: Array<KelisimEventMap[K]> = [];
  const listener = (event: Event) => details.push((event as CustomEvent<KelisimEventMap[K]>).detail);
  document.addEventListener(type, listener);
  return { details, stop: () => document.removeEventListener(type, listener) };
}

/** Cookie names visible to the page. */
export const cookieNames = (): string[] =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => pair.slice(0, pair.indexOf('=')));

/** Sets a host cookie on path `/`. */
export function setCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; path=/; SameSite=Lax`;
}

/** Cookies, localStorage, Consent Mode globals and gated fixtures gone: every test starts from a new visitor. */
export function cleanPage(): void {
  for (const name of cookieNames()) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  localStorage.clear();
  delete window.dataLayer;
  delete window.gtag;
}

/**
 * Fills localStorage until not one more character fits. Chromium lets a write run over
 * the quota by some 100 KB, so this keeps going, in smaller pieces, until even that fails.
 */
export function fillLocalStorage(): void {
  let i = 0;
  for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
    const value = 'x'.repeat(size);
    try {
      for (;;) localStorage.setItem(`core-filler-${i++}`, value);
    } catch {
      // this size no longer fits; try a smaller one
    }
  }
}

/** Overrides a property of `target` for one test; the returned function puts the original back. */
export function override(target: object, key: string, descriptor: PropertyDescriptor): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  return () => {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  };
}
