/**
 * The browser side of test/support/hardening-plugin.mjs: the real collector (started by the
 * test server), its admin API queried with the run's token, and the fault-injecting proxy
 * in front of it.
 */

export interface Collector {
  url: string;
  token: string;
}

/** One request through the faulty proxy, as it logged it. */
export interface FaultEntry {
  fault: string;
  eventIds: string[];
  consentIds: string[];
  /** The collector's status, or what happened instead (`hung`, `reset`). */
  status: number | string | null;
  /** What the collector answered: stored now, and already stored before. */
  accepted: number;
  duplicates: number;
  /** `false` when the collector stored the batch but the browser never got the answer. */
  answered?: boolean;
}

/** A stored receipt, as the admin API returns it. */
export interface Receipt {
  seq: number;
  eventId: string;
  type: string;
  consentId: string;
  page: string;
  [field: string]: unknown;
}

let known: Promise<Collector> | undefined;

/** The collector's address and admin token (the first call starts it). */
export function collector(): Promise<Collector> {
  known ??= fetch('/__hardening/collector').then((response) => {
    if (!response.ok) throw new Error(`the collector did not start: HTTP ${response.status}`);
    return response.json() as Promise<Collector>;
  });
  return known;
}

/** The endpoint a page under test posts to: the proxy, then the collector. */
export const faultyEndpoint = (bucket: string): string => `${location.origin}/__faulty/${bucket}`;

/** Scripts the proxy's next faults for a bucket, one per request, then pass-through. */
export async function scriptFaults(bucket: string, faults: string[]): Promise<void> {
  const response = await fetch(`/__faulty/${bucket}/script`, { method: 'PUT', body: JSON.stringify({ faults }) });
  if (!response.ok) throw new Error(`could not script the faults: HTTP ${response.status}`);
}

export async function faultLog(bucket: string): Promise<{ requests: FaultEntry[]; faultsLeft: number }> {
  return (await fetch(`/__faulty/${bucket}/log`)).json() as Promise<{ requests: FaultEntry[]; faultsLeft: number }>;
}

/** One browser's receipts, through the admin API (cross-origin, with the bearer token, as an admin page would). */
export async function receiptsOf(consentId: string): Promise<Receipt[]> {
  const { url, token } = await collector();
  const response = await fetch(`${url}/v1/consents/${consentId}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /v1/consents/${consentId}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { receipts: Receipt[] }).receipts;
}

/** Every receipt stored so far, page by page. */
export async function allReceipts(): Promise<Receipt[]> {
  const { url, token } = await collector();
  const all: Receipt[] = [];
  for (let after = 0; ;) {
    const response = await fetch(`${url}/v1/receipts?after=${after}&limit=1000`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /v1/receipts: HTTP ${response.status}`);
    const { receipts, next } = (await response.json()) as { receipts: Receipt[]; next: number };
    all.push(...receipts);
    if (receipts.length < 1000) return all;
    after = next;
  }
}

/** What a set of events came to at the collector: the figures of the report line. */
export interface Delivery {
  sent: number;
  delivered: number;
  lost: string[];
  duplicatesReceived: number;
  duplicatesStored: number;
}

/**
 * Compares the events a test knows were sent with what the collector stored for their
 * consent ids, and what the proxy saw the collector answer.
 */
export async function delivery(sent: string[], consentIds: string[], log: FaultEntry[]): Promise<Delivery> {
  const stored = (await Promise.all([...new Set(consentIds)].map(receiptsOf))).flat();
  const storedIds = stored.map((r) => r.eventId);
  const unique = new Set(storedIds);
  const mine = new Set(sent);
  return {
    sent: mine.size,
    delivered: [...mine].filter((id) => unique.has(id)).length,
    lost: [...mine].filter((id) => !unique.has(id)),
    duplicatesReceived: log.reduce((sum, entry) => sum + entry.duplicates, 0),
    duplicatesStored: storedIds.length - unique.size,
  };
}
