/**
 * A flaky network against the REAL collector (server/main.mjs on a temp SQLite file,
 * started by the test server), through a proxy that injects faults: 500, 429 with
 * Retry-After, a hang past the client's timeout, a reset connection, a batch stored but
 * never acknowledged; the page closed mid-send; two tabs sending at once. Every event
 * must reach the collector, and the collector must store each exactly once (asked through
 * its admin API). Prints the report line: sent, delivered, duplicates received, stored.
 */
import { expect } from '@open-wc/testing';
import { Transport } from '../../src/core/transport/transport.js';
import type { ReceiptEvent } from '../../src/core/types.js';
import { bucketName, receipts, waitFor } from '../support/core-helpers.js';
import {
  allReceipts,
  delivery,
  faultLog,
  faultyEndpoint,
  receiptsOf,
  scriptFaults,
  type Delivery,
  type FaultEntry,
} from '../support/hardening-collector.js';
import { openRealPage, view, type RealPage } from '../support/hardening-page.js';
import { cleanEachTest } from '../support/page.js';

const policy = { version: '2026-06-01', publishedAt: '2026-06-01' };
const totals: Delivery & { requests: number; faults: number } = {
  sent: 0,
  delivered: 0,
  lost: [],
  duplicatesReceived: 0,
  duplicatesStored: 0,
  requests: 0,
  faults: 0,
};

function add(result: Delivery, log: FaultEntry[], label: string): void {
  totals.sent += result.sent;
  totals.delivered += result.delivered;
  totals.lost.push(...result.lost);
  totals.duplicatesReceived += result.duplicatesReceived;
  totals.duplicatesStored += result.duplicatesStored;
  totals.requests += log.length;
  totals.faults += log.filter((entry) => entry.fault !== 'pass').length;
  console.log(
    `kelisim hardening | network, ${label}: sent ${result.sent}, delivered ${result.delivered}, duplicates received ${result.duplicatesReceived}, duplicates stored ${result.duplicatesStored} (${log.length} requests: ${log.map((e) => e.fault).join(' ')})`,
  );
}

/** Every eventId the proxy saw, in any request: what the pages sent. */
const seen = (log: FaultEntry[]) => [...new Set(log.flatMap((entry) => entry.eventIds))];
const consentIdsIn = (log: FaultEntry[]) => [...new Set(log.flatMap((entry) => entry.consentIds))];

describe('a flaky network, against the real collector', function () {
  this.timeout(30_000);
  let pages: RealPage[] = [];
  cleanEachTest(() => {
    pages.forEach((page) => page.remove());
    pages = [];
  });
  after(() => {
    console.log(
      `kelisim hardening | network, all: events sent ${totals.sent}, delivered ${totals.delivered}, lost ${totals.lost.length}, duplicates received by the collector ${totals.duplicatesReceived}, duplicates stored ${totals.duplicatesStored}; ${totals.requests} requests, ${totals.faults} of them faulty`,
    );
  });

  it('every fault in turn, then the endpoint comes back: every event stored once', async () => {
    const bucket = bucketName('hardening-faults');
    const faults = ['500', '429:1', 'hang:60000', 'reset', 'lost-ack', '500', 'lost-ack', 'reset', '429:1', 'lost-ack'];
    await scriptFaults(bucket, faults);
    const errors: unknown[] = [];
    const transport = new Transport({
      endpoint: faultyEndpoint(bucket),
      queueKey: `${bucket}_queue`,
      onError: (error) => errors.push(error),
      baseDelayMs: 20,
      maxDelayMs: 200,
      timeoutMs: 600,
    });
    transport.start();
    const consentId = crypto.randomUUID();
    const sent: ReceiptEvent[] = [];
    // Bursts while the faults happen: batches of 50 and single events, in order.
    for (const size of [70, 1, 1, 25, 3, 40]) {
      const events = receipts(size, { consentId });
      sent.push(...events);
      void transport.send(events);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await waitFor(
      async () => (await receiptsOf(consentId)).length >= sent.length && transport.pending().length === 0,
      20_000,
      'every event stored and the queue empty',
    );
    const { requests, faultsLeft } = await faultLog(bucket);
    expect(faultsLeft, 'every scripted fault was met').to.equal(0);
    const result = await delivery(
      sent.map((e) => e.eventId),
      [consentId],
      requests,
    );
    add(result, requests, 'every fault');
    expect(result.lost).to.deep.equal([]);
    expect(result.duplicatesStored).to.equal(0);
    expect(result.duplicatesReceived, 'a batch stored but not acknowledged is sent again').to.be.greaterThan(0);
    expect(errors, 'nothing dropped').to.deep.equal([]);
    expect(
      requests.some((entry) => entry.fault.startsWith('hang') && entry.status === 'hung'),
      'the hang was met',
    ).to.equal(true);
  });

  it('the page closed mid-send: the next page view delivers what it left, once', async () => {
    const bucket = bucketName('hardening-closed');
    // The first batch reaches the collector but its answer comes after the page is gone;
    // the page's last keepalive batch, if any, is reset.
    await scriptFaults(bucket, ['slow:4000', 'reset']);
    const config = { policy, language: 'en', endpoint: faultyEndpoint(bucket) };
    const first = await openRealPage({ config });
    pages.push(first);
    await waitFor(async () => (await faultLog(bucket)).requests.length >= 1, 5000, 'banner.shown on its way');
    const consent = await first.kelisim.acceptAll();
    const queued = () => localStorage.getItem('kelisim_consent_queue') ?? '';
    // Queued once its texts hash is computed (crypto.subtle is asynchronous).
    await waitFor(() => queued().includes('consent.given'), 3000, 'consent.given in the persistent queue');
    first.remove();
    pages = [];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queued(), 'what the closed page did not see acknowledged is still queued').to.include('consent.given');

    const second = await openRealPage({ config });
    pages.push(second);
    await waitFor(
      async () => (await receiptsOf(consent!.id)).length >= 2 && !queued().includes('eventId'),
      15_000,
      'the next page view to deliver the rest',
    );
    const { requests } = await faultLog(bucket);
    const stored = await receiptsOf(consent!.id);
    expect(stored.map((r) => r.type).sort()).to.deep.equal(['banner.shown', 'consent.given']);
    const result = await delivery(seen(requests), consentIdsIn(requests), requests);
    add(result, requests, 'page closed mid-send');
    expect(result.sent).to.equal(2);
    expect(result.lost).to.deep.equal([]);
    expect(result.duplicatesStored).to.equal(0);
  });

  it('two tabs in separate processes sending at once, through faults: every event stored once', async () => {
    const bucket = bucketName('hardening-tabs');
    await scriptFaults(bucket, ['lost-ack', '429:1', 'reset']);
    const channel = new BroadcastChannel(bucket);
    const messages: Array<Record<string, unknown>> = [];
    channel.onmessage = ({ data }) => messages.push(data as Record<string, unknown>);
    const tab = window.open(`/test/fixtures/hardening-tab.html?bucket=${bucket}`, '_blank', 'noopener');
    expect(tab, 'noopener returns no handle').to.equal(null);
    try {
      const here = await openRealPage({ config: { policy, language: 'en', endpoint: faultyEndpoint(bucket) } });
      pages.push(here);
      await waitFor(() => messages.some((m) => m.ready === 'banner'), 10_000, 'the other tab to show its banner');
      // Both banners shown (two banner.shown receipts on their way), then both decide at once.
      channel.postMessage({ accept: true });
      const mine = await here.kelisim.acceptAll();
      await waitFor(() => messages.some((m) => m.accepted), 5000, 'the other tab to decide');
      await waitFor(async () => seen((await faultLog(bucket)).requests).length >= 4, 15_000, 'four events on the wire');
      const idsOnWire = async () => {
        const { requests } = await faultLog(bucket);
        return { requests, ids: seen(requests), consentIds: consentIdsIn(requests) };
      };
      let wire = await idsOnWire();
      await waitFor(
        async () => {
          wire = await idsOnWire();
          const stored = new Set((await Promise.all(wire.consentIds.map(receiptsOf))).flat().map((r) => r.eventId));
          return wire.ids.every((id) => stored.has(id));
        },
        20_000,
        'every event of both tabs stored',
      );
      expect(mine).not.to.equal(null);
      expect(wire.ids, 'two banners shown, two decisions').to.have.length(4);
      const result = await delivery(wire.ids, wire.consentIds, wire.requests);
      add(result, wire.requests, 'two tabs at once');
      expect(result.lost).to.deep.equal([]);
      expect(result.duplicatesStored).to.equal(0);
    } finally {
      channel.postMessage({ close: true });
      channel.close();
    }
  });

  it('what the collector keeps: the documented fields, the page without its query or hash, no IP address', async () => {
    const bucket = bucketName('hardening-stored');
    const page = await openRealPage({
      config: { policy, language: 'en', endpoint: faultyEndpoint(bucket) },
      suffix: '?email=visitor%40example.kz&token=secret#step-2',
    });
    pages.push(page);
    const consent = await page.kelisim.rejectAll();
    await waitFor(async () => (await receiptsOf(consent!.id)).length === 2, 8000, 'the receipts');
    const stored = await receiptsOf(consent!.id);
    for (const receipt of stored) {
      expect(Object.keys(receipt).sort()).to.deep.equal([
        'at',
        'categories',
        'client',
        'consentId',
        'eventId',
        'ip',
        'lang',
        'method',
        'noticeShownAt',
        'page',
        'policyVersion',
        'receivedAt',
        'seq',
        'subject',
        'textsHash',
        'type',
        'uiVersion',
      ]);
      expect(receipt.page).to.equal(page.url);
      expect(receipt.ip, 'no address without STORE_IP=1').to.equal(null);
    }
    const refusal = stored.find((r) => r.type === 'consent.given')!;
    expect(refusal.method, 'a refusal is a receipt too').to.equal('reject-all');
    expect(refusal.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, partners: false });
  });

  it('a page on an origin the collector does not list: refused before anything is stored; the widget says so and does not retry', async () => {
    const bucket = bucketName('hardening-origin');
    await scriptFaults(bucket, ['origin:https://evil.example', 'origin:https://evil.example', 'origin:https://evil.example']);
    const page = await openRealPage({ config: { policy, language: 'en', endpoint: faultyEndpoint(bucket) } });
    pages.push(page);
    const root = await view(page);
    root.querySelector<HTMLButtonElement>('[part~="accept-all"]')!.click();
    const transportErrors = () =>
      page.window.__events.filter((e) => e.type === 'kelisim:error' && (e.detail as { code: string }).code === 'transport');
    await waitFor(() => transportErrors().length >= 1, 6000, 'the transport error');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { requests } = await faultLog(bucket);
    expect(requests.length, 'requests').to.be.at.least(1);
    expect(
      requests.every((entry) => entry.status === 403),
      JSON.stringify(requests.map((e) => e.status)),
    ).to.equal(true);
    expect(transportErrors(), 'one report per refused batch: dropped, not retried').to.have.length(requests.length);
    expect((transportErrors()[0]!.detail as { message: string }).message).to.include('HTTP 403');
    const ids = requests.flatMap((entry) => entry.consentIds);
    for (const id of new Set(ids)) expect(await receiptsOf(id)).to.deep.equal([]);
  });

  it('the collector itself never holds an event twice', async () => {
    // Across everything the suite sent so far: the store's own guarantee, asked directly.
    const all = await allReceipts();
    const ids = all.map((r) => r.eventId);
    expect(ids.length - new Set(ids).size).to.equal(0);
  });
});
