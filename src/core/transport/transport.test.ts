import { expect } from '@open-wc/testing';
import { resolveConfig } from '../config/check.js';
import { createSession, type Session } from '../session/session.js';
import { BATCH_SIZE, SILENT_FAILURES, Transport, type TransportOptions } from './transport.js';
import { sha256 } from '../receipts/receipts.js';
import type { KelisimError, ReceiptEvent } from '../types.js';
import {
  bucketName,
  cleanPage,
  endpointLog,
  endpointUrl,
  fillLocalStorage,
  receipt,
  receipts,
  recordTimeouts,
  scriptEndpoint,
  waitFor,
  waitForLog,
} from '../../../test/support/core-helpers.js';

/** A port nothing listens on (and Chromium refuses outright): the network fails, not the endpoint. */
const CLOSED = 'http://127.0.0.1:9/';
/** Long enough that no scheduled retry fires while a test runs: only the trigger under test sends. */
const NEVER = 600_000;

const ids = (events: ReceiptEvent[]): string[] => events.map((event) => event.eventId);
const storedQueue = (key: string): ReceiptEvent[] =>
  (JSON.parse(localStorage.getItem(key) ?? '{"events":[]}') as { events: ReceiptEvent[] }).events;

describe('Transport (against the loopback endpoint)', () => {
  let bucket: string;
  let errors: KelisimError[];

  /** A transport on this test's bucket, with backoff in milliseconds. */
  const transport = (options: Partial<TransportOptions> = {}): Transport =>
    new Transport({
      endpoint: endpointUrl(bucket),
      queueKey: `${bucket}_queue`,
      onError: (error) => errors.push(error),
      baseDelayMs: 8,
      maxDelayMs: 40,
      random: () => 0.5,
      ...options,
    });

  beforeEach(function () {
    cleanPage();
    bucket = bucketName(this.currentTest!.title.replace(/\W+/g, '-').slice(0, 40));
    errors = [];
  });
  afterEach(cleanPage);

  it('posts the events exactly as given, as {"events":[…]} in a text/plain body', async () => {
    const events = [receipt(), receipt({ type: 'consent.withdrawn', method: 'withdraw', subject: 'minor' })];
    await transport().send(events);
    const log = await endpointLog(bucket);
    expect(log.requests).to.equal(1);
    expect(JSON.parse(log.bodies[0]!)).to.deep.equal({ events });
    expect(log.contentTypes[0]).to.match(/^text\/plain\b/);
    expect(log.events).to.deep.equal(events);
    expect(errors).to.deep.equal([]);
  });

  it('sends 120 events as batches of 50, 50 and 20, in order', async () => {
    const events = receipts(120);
    await transport().send(events);
    const log = await waitForLog(bucket, (l) => l.events.length === 120, '120 events');
    expect(BATCH_SIZE).to.equal(50);
    expect(log.batches.map((batch) => batch.length)).to.deep.equal([50, 50, 20]);
    expect(log.batches.flat()).to.deep.equal(ids(events));
  });

  it('writes the queue to localStorage before any network', async () => {
    const t = transport({ endpoint: CLOSED, baseDelayMs: NEVER, maxDelayMs: NEVER });
    const event = receipt();
    const sent = t.send([event]);
    // Synchronously after send(): no request can have been made yet.
    expect(ids(storedQueue(`${bucket}_queue`))).to.deep.equal([event.eventId]);
    await sent;
    expect(ids(t.pending())).to.deep.equal([event.eventId]);
  });

  it('keeps the events queued when the network fails, and reports nothing', async () => {
    const t = transport({ endpoint: CLOSED, baseDelayMs: NEVER, maxDelayMs: NEVER });
    const events = receipts(3);
    await t.send(events);
    expect(ids(storedQueue(`${bucket}_queue`))).to.deep.equal(ids(events));
    expect(errors).to.deep.equal([]);
  });

  it('retries after a 500 and delivers once', async () => {
    await scriptEndpoint(bucket, [500, 200]);
    const event = receipt();
    await transport().send([event]);
    const log = await waitForLog(bucket, (l) => l.statuses.length === 2, 'the retry');
    expect(log.statuses).to.deep.equal([500, 200]);
    expect(log.events).to.deep.equal([event]);
    expect(errors).to.deep.equal([]);
    await waitFor(() => storedQueue(`${bucket}_queue`).length === 0, 2000, 'the queue to empty');
  });

  it('backs off exponentially, with the injected jitter', async () => {
    await scriptEndpoint(bucket, [500, 500, 500, 500, 200]);
    const jitter = [0, 1, 0.5, 0.25];
    const randoms = [...jitter];
    const timers = recordTimeouts();
    try {
      await transport({ baseDelayMs: 8, maxDelayMs: 1000, random: () => randoms.shift()! }).send([receipt()]);
      await waitForLog(bucket, (l) => l.events.length === 1, 'delivery after four 500s');
    } finally {
      timers.restore();
    }
    // Backoff 8, 16, 32, 64 ms; each delay is half of it plus `random` × the other half.
    expect(timers.delays).to.deep.equal([4, 16, 24, 40]);
    expect(randoms).to.deep.equal([]);
  });

  it('never waits longer than maxDelayMs between retries', async () => {
    await scriptEndpoint(bucket, [500, 500, 500, 500, 200]);
    const timers = recordTimeouts();
    try {
      await transport({ baseDelayMs: 8, maxDelayMs: 20, random: () => 1 }).send([receipt()]);
      await waitForLog(bucket, (l) => l.events.length === 1, 'delivery after four 500s');
    } finally {
      timers.restore();
    }
    expect(timers.delays).to.deep.equal([8, 16, 20, 20]);
  });

  it('honours Retry-After on a 429, capped by maxDelayMs', async () => {
    await scriptEndpoint(bucket, [429, 200], { retryAfter: 3600 });
    const timers = recordTimeouts();
    try {
      await transport({ baseDelayMs: 8, maxDelayMs: 30 }).send([receipt()]);
      await waitForLog(bucket, (l) => l.events.length === 1, 'delivery after the 429');
    } finally {
      timers.restore();
    }
    // Without Retry-After the first retry would wait 6 ms (backoff 8, random 0.5).
    expect(timers.delays).to.deep.equal([30]);
    expect(errors).to.deep.equal([]);
  });

  it('waits Retry-After seconds when that is under maxDelayMs', async () => {
    await scriptEndpoint(bucket, [429, 200], { retryAfter: 1 });
    const timers = recordTimeouts();
    try {
      await transport({ baseDelayMs: 8, maxDelayMs: 60_000 }).send([receipt()]);
      await waitForLog(bucket, (l) => l.events.length === 1, 'delivery after the 429');
    } finally {
      timers.restore();
    }
    expect(timers.delays).to.deep.equal([1000]);
  });

  it('retries a 408', async () => {
    // Chromium itself resends once after a 408 on a reused connection; three in a row make
    // sure the transport sees at least one.
    await scriptEndpoint(bucket, [408, 408, 408, 200]);
    const event = receipt();
    await transport().send([event]);
    const log = await waitForLog(bucket, (l) => l.events.length === 1, 'delivery after the 408s');
    expect(log.statuses).to.deep.equal([408, 408, 408, 200]);
    expect(errors).to.deep.equal([]);
  });

  for (const status of [400, 413]) {
    it(`drops the batch on a ${status} and reports a transport error`, async () => {
      await scriptEndpoint(bucket, [status]);
      const t = transport();
      const refused = receipts(2);
      await t.send(refused);
      expect(t.pending()).to.deep.equal([]);
      expect(errors).to.have.length(1);
      expect(errors[0]!.code).to.equal('transport');
      expect(errors[0]!.message).to.include(String(status));
      // The queue moves on: the next event goes out, and the refused ones are never resent.
      const next = receipt();
      await t.send([next]);
      const log = await endpointLog(bucket);
      expect(log.statuses).to.deep.equal([status, 200]);
      expect(log.events).to.deep.equal([next]);
    });
  }

  it('resumes on `online`', async () => {
    await scriptEndpoint(bucket, [503]);
    const t = transport({ baseDelayMs: NEVER, maxDelayMs: NEVER });
    t.start();
    const event = receipt();
    await t.send([event]);
    expect((await endpointLog(bucket)).statuses).to.deep.equal([503]);
    dispatchEvent(new Event('online'));
    const log = await waitForLog(bucket, (l) => l.events.length === 1, 'delivery on online');
    expect(log.events).to.deep.equal([event]);
  });

  it('sends on the next load what the last one left', async () => {
    await scriptEndpoint(bucket, [503]);
    const events = receipts(3);
    await transport({ baseDelayMs: NEVER, maxDelayMs: NEVER }).send(events);
    // The next page view: a new transport on the same queue, and nothing but start().
    const next = transport({ baseDelayMs: NEVER, maxDelayMs: NEVER });
    expect(ids(next.pending())).to.deep.equal(ids(events));
    next.start();
    const log = await waitForLog(bucket, (l) => l.events.length === 3, 'the left events');
    expect(log.events).to.deep.equal(events);
    await waitFor(() => next.pending().length === 0, 2000, 'the queue to empty');
  });

  it('flushes with keepalive on pagehide', async () => {
    await scriptEndpoint(bucket, [503]);
    const t = transport({ baseDelayMs: NEVER, maxDelayMs: NEVER });
    t.start();
    const events = receipts(2);
    await t.send(events);
    // A pass-through spy: the request still goes over the wire, the spy only notes its options.
    const original = window.fetch;
    const inits: RequestInit[] = [];
    window.fetch = (input, init) => {
      if (String(input).includes(bucket)) inits.push(init ?? {});
      return original(input, init);
    };
    try {
      dispatchEvent(new Event('pagehide'));
    } finally {
      window.fetch = original;
    }
    expect(inits.map((init) => init.keepalive)).to.deep.equal([true]);
    const log = await waitForLog(bucket, (l) => l.events.length === 2, 'the keepalive batch');
    expect(log.events).to.deep.equal(events);
    await waitFor(() => t.pending().length === 0, 2000, 'the acknowledgement');
  });

  it('drops the oldest events first when the queue is full, and reports it', async () => {
    await scriptEndpoint(bucket, [503]);
    const t = transport({ maxQueue: 5, baseDelayMs: NEVER, maxDelayMs: NEVER });
    const events = receipts(7);
    await t.send(events.slice(0, 3));
    expect(errors).to.deep.equal([]);
    await t.send(events.slice(3));
    expect(errors).to.have.length(1);
    expect(errors[0]!.code).to.equal('transport');
    expect(errors[0]!.message).to.include('2');
    const log = await waitForLog(bucket, (l) => l.events.length === 5, 'the five newest');
    expect(ids(log.events)).to.deep.equal(ids(events.slice(2)));
  });

  it('keeps events queued when localStorage is full, and still delivers them', async () => {
    // An earlier page view left an (empty) queue behind; then the site fills localStorage.
    localStorage.setItem(`${bucket}_queue`, JSON.stringify({ events: [], dropped: 0 }));
    fillLocalStorage();
    try {
      await scriptEndpoint(bucket, [503]);
      const t = transport({ baseDelayMs: NEVER, maxDelayMs: NEVER });
      const event = receipt();
      await t.send([event]);
      expect(ids(t.pending())).to.deep.equal([event.eventId]);
      await t.flush();
      const log = await endpointLog(bucket);
      expect(log.events).to.deep.equal([event]);
    } finally {
      localStorage.clear();
    }
  });

  it('two tabs in one process sharing one queue deliver every event', async () => {
    await scriptEndpoint(bucket, [500, 200, 503, 200, 500], { delayMs: 15 });
    // The second tab: a same-origin frame with its own realm, window, fetch and listeners.
    const frame = document.createElement('iframe');
    frame.srcdoc = '<!doctype html><title>tab 2</title>';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    try {
      const tab2 = frame.contentWindow as Window & { eval(code: string): Promise<{ Transport: typeof Transport }> };
      const { Transport: Transport2 } = await tab2.eval(
        `import(${JSON.stringify(new URL('/src/core/transport/transport.ts', location.href).href)})`,
      );
      const tabs = [
        transport(),
        new Transport2({
          endpoint: new URL(endpointUrl(bucket), location.href).href,
          queueKey: `${bucket}_queue`,
          onError: (e) => errors.push(e),
          baseDelayMs: 8,
          maxDelayMs: 40,
          random: () => 0.5,
        }),
      ];
      tabs.forEach((tab) => tab.start());
      const events = receipts(130);
      const sends: Array<Promise<void>> = [];
      events.forEach((event, i) => {
        sends.push(tabs[i % 2]!.send([event]));
        if (i % 17 === 0) sends.push(tabs[(i + 1) % 2]!.flush());
      });
      await Promise.all(sends);
      const log = await waitForLog(bucket, (l) => l.events.length >= events.length, 'every event', 10_000);
      const delivered = new Set(ids(log.events));
      expect(events.filter((event) => !delivered.has(event.eventId)).map((e) => e.page)).to.deep.equal([]);
      expect(log.events).to.have.length(events.length);
      const received = log.batches.filter((_, n) => log.statuses[n]! < 300).flat();
      console.log(`two tabs: ${received.length - delivered.size} duplicate event(s) received in ${log.requests} requests`);
      await waitFor(() => tabs.every((tab) => tab.pending().length === 0), 2000, 'both queues to empty');
      expect(errors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('two tabs in separate processes, sending at once, lose no event', async () => {
    await scriptEndpoint(bucket, [], { delayMs: 2 });
    const channel = new BroadcastChannel(bucket);
    const messages: Array<{ ready?: true; sent?: string[]; pending?: number; error?: KelisimError }> = [];
    channel.onmessage = ({ data }) => messages.push(data);
    /** Asks the other tab how many events it still holds. */
    const theirPending = async (): Promise<number> => {
      const before = messages.length;
      channel.postMessage({ pending: true });
      await waitFor(() => messages.slice(before).some((m) => m.pending !== undefined), 2000, 'the other tab to answer');
      return messages.slice(before).find((m) => m.pending !== undefined)!.pending!;
    };
    // noopener: a browsing context group of its own, so Chromium gives the tab its own
    // process, and each tab sees the other's localStorage writes only a moment later.
    window.open(`/test/fixtures/core-tab.html?bucket=${bucket}`, '_blank', 'noopener');
    try {
      await waitFor(() => messages.some((m) => m.ready), 5000, 'the second tab');
      const t = transport();
      t.start();
      const n = 300;
      const mine = receipts(n);
      channel.postMessage({ go: n });
      for (const [i, event] of mine.entries()) {
        void t.send([event]);
        if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await waitFor(() => messages.some((m) => m.sent), 10_000, 'the other tab to send');
      const theirs = messages.find((m) => m.sent)!.sent!;
      await waitFor(async () => t.pending().length === 0 && (await theirPending()) === 0, 10_000, 'both queues to empty');
      const log = await endpointLog(bucket);
      const delivered = new Set(ids(log.events));
      const missing = [...ids(mine), ...theirs].filter((id) => !delivered.has(id));
      expect(missing.length, `${missing.length} of ${2 * n} events never arrived`).to.equal(0);
      expect(messages.filter((m) => m.error).concat(errors as never[])).to.deep.equal([]);
    } finally {
      channel.postMessage({ close: true });
      channel.close();
    }
  });

  it('never sends a batch larger than the collector accepts (64 KB)', async () => {
    await scriptEndpoint(bucket, [], { maxBytes: 64 * 1024 });
    // Long paths and many long category ids are valid config; 50 such events exceed 64 KB.
    const categories: Record<string, boolean> = {};
    for (let i = 0; i < 20; i++) categories[`category-with-a-rather-long-name-${String(i).padStart(4, '0')}`] = true;
    const events = receipts(60, { categories }).map((event, i) => ({ ...event, page: `${location.origin}/${'segment/'.repeat(100)}${i}` }));
    const t = transport();
    await t.send(events);
    expect(t.pending()).to.deep.equal([]);
    const log = await endpointLog(bucket);
    expect(errors).to.deep.equal([]);
    expect(log.statuses.every((status) => status === 200)).to.equal(true);
    expect(ids(log.events)).to.deep.equal(ids(events));
    expect(log.batches.every((batch) => batch.length <= BATCH_SIZE)).to.equal(true);
  });
});

describe('Transport: the words behind the hashes (texts archive)', () => {
  let bucket: string;
  let errors: KelisimError[];

  /** A transport whose endpoint ends in /events, so the archive is at /texts beside it. */
  const transport = (options: Partial<TransportOptions> = {}): Transport =>
    new Transport({
      endpoint: `${endpointUrl(bucket)}/events`,
      queueKey: `${bucket}_queue`,
      onError: (error) => errors.push(error),
      baseDelayMs: 8,
      maxDelayMs: 40,
      random: () => 0.5,
      ...options,
    });

  /** A view's words and their hash, as the receipts compute them. */
  async function view(label: string) {
    const texts = ['Сіздің деректеріңіз', `${label} ${bucket}`, 'Барлығын қабылдау'];
    return { textsHash: (await sha256(texts.join('\n')))!, texts, lang: 'kk' as const, uiVersion: 'test-ui' };
  }

  const queue = (): { words?: unknown[]; uploads?: unknown[]; archived?: string[] } =>
    JSON.parse(localStorage.getItem(`${bucket}_queue`) ?? '{}');

  beforeEach(function () {
    cleanPage();
    bucket = bucketName(this.currentTest!.title.replace(/\W+/g, '-').slice(0, 40));
    errors = [];
  });
  afterEach(cleanPage);

  it('uploads the words the collector lacks, once, after the events; then never again for that hash', async () => {
    await scriptEndpoint(bucket, [], { archive: true });
    const words = await view('banner');
    const t = transport();
    await t.send([receipt({ type: 'banner.shown', method: undefined, textsHash: words.textsHash })], words);
    const log = await waitForLog(bucket, (l) => l.texts.length === 1, 'the upload');
    expect(log.texts).to.deep.equal([words]);
    expect(log.textsStatuses).to.deep.equal([200]);
    // The decision in front of the same words, and the next page view's: no upload.
    await t.send([receipt({ textsHash: words.textsHash })], words);
    await transport().send([receipt({ textsHash: words.textsHash })], words);
    const after = await waitForLog(bucket, (l) => l.events.length === 3, 'three events');
    expect(after.texts).to.have.length(1);
    expect(queue().archived).to.deep.equal([words.textsHash]);
    expect(queue().words ?? []).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('sends nothing when the collector already holds the words (the 100,000 visitors after the first)', async () => {
    const words = await view('banner');
    await scriptEndpoint(bucket, [], { archive: true, held: [words.textsHash] });
    await transport().send([receipt({ textsHash: words.textsHash })], words);
    const log = await waitForLog(bucket, (l) => l.events.length === 1, 'the event');
    expect(log.texts).to.deep.equal([]);
    expect(queue().archived).to.deep.equal([words.textsHash]);
    expect(queue().words ?? [], 'the words are forgotten').to.deep.equal([]);
  });

  it('a page closed before the upload went through: the next page view uploads it', async () => {
    await scriptEndpoint(bucket, [], { archive: true, textsStatuses: [503] });
    const words = await view('notice');
    await transport({ baseDelayMs: NEVER, maxDelayMs: NEVER }).send([receipt({ textsHash: words.textsHash })], words);
    await waitForLog(bucket, (l) => l.textsStatuses.length === 1, 'the failed upload');
    // What survives the page: an upload that names the receipt that asked for it (the loader resumes a queue naming an eventId).
    expect(JSON.stringify(queue().uploads)).to.include('"eventId"');
    const next = transport();
    expect(next.uploads().map((u) => u.textsHash)).to.deep.equal([words.textsHash]);
    next.start();
    const log = await waitForLog(bucket, (l) => l.textsStatuses.includes(200), 'the upload on the next page view');
    expect(log.texts.map((t) => t.texts)).to.deep.equal([words.texts, words.texts]);
    await waitFor(() => next.uploads().length === 0, 2000, 'the upload acknowledged');
    expect(log.events).to.have.length(1);
  });

  it('an upload asked for, then held by the collector (another visitor uploaded first): dropped from the queue, never sent', async () => {
    await scriptEndpoint(bucket, [], { archive: true, textsStatuses: [503] });
    const words = await view('banner');
    const t = transport({ baseDelayMs: NEVER, maxDelayMs: NEVER });
    await t.send([receipt({ type: 'banner.shown', method: undefined, textsHash: words.textsHash })], words);
    await waitForLog(bucket, (l) => l.textsStatuses.length === 1, 'the failed upload');
    // Before the retry, the decision goes (events go before uploads), and the collector holds the words by then.
    await scriptEndpoint(bucket, [], { archive: true, held: [words.textsHash] });
    await t.send([receipt({ textsHash: words.textsHash })], words);
    await waitForLog(bucket, (l) => l.events.length === 2, 'the decision');
    expect(t.uploads()).to.deep.equal([]);
    // Nothing left naming an eventId: the loader does not resume this queue on every page view.
    expect(localStorage.getItem(`${bucket}_queue`)).not.to.include('eventId');
    expect((await endpointLog(bucket)).textsStatuses, 'only the failed attempt').to.deep.equal([503]);
  });

  it('a queue an earlier version left with an upload of a held hash is written back without it', async () => {
    const words = await view('banner');
    const upload = { ...words, eventId: 'e1' };
    localStorage.setItem(`${bucket}_queue`, JSON.stringify({ events: [], dropped: 0, uploads: [upload], archived: [words.textsHash] }));
    transport().start();
    expect(localStorage.getItem(`${bucket}_queue`)).not.to.include('eventId');
  });

  it('never uploads a hash twice from one browser, even when the collector asks again', async () => {
    await scriptEndpoint(bucket, [], { archive: true });
    const words = await view('banner');
    await transport().send([receipt({ textsHash: words.textsHash })], words);
    await waitForLog(bucket, (l) => l.texts.length === 1, 'the upload');
    // A collector that lost its archive (a restored backup) asks again: this browser has answered already.
    await scriptEndpoint(bucket, [], { archive: true });
    await transport().send([receipt({ textsHash: words.textsHash })], words);
    await waitForLog(bucket, (l) => l.events.length === 2, 'the second event');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await endpointLog(bucket)).texts).to.have.length(1);
  });

  it('an older collector (no missingTexts) is sent no words, and the words are not kept', async () => {
    const words = await view('banner');
    const t = transport();
    await t.send([receipt({ textsHash: words.textsHash })], words);
    const log = await waitForLog(bucket, (l) => l.events.length === 1, 'the event');
    expect(log.texts).to.deep.equal([]);
    expect(t.uploads()).to.deep.equal([]);
    expect(queue().words ?? []).to.deep.equal([]);
    expect(queue().archived ?? []).to.deep.equal([]);
  });

  it('an older collector refuses noticeShownAt: the event goes again without it, not dropped', async () => {
    await scriptEndpoint(bucket, [], { refuseFields: ['noticeShownAt'] });
    const implicit = receipt({
      type: 'policy.accepted.implicit',
      method: 'implicit',
      noticeShownAt: '2026-11-26T06:00:00.000Z',
      textsHash: 'ab'.repeat(32),
      uiVersion: '1',
    });
    const others = receipts(2);
    await transport().send([others[0]!, implicit, others[1]!]);
    const log = await waitForLog(bucket, (l) => l.events.length === 3, 'all three');
    const { noticeShownAt: _at, ...stripped } = implicit;
    expect(log.events).to.deep.equal([others[0], stripped, others[1]]);
    expect(log.statuses).to.deep.equal([400, 200]);
    expect(errors).to.deep.equal([]);
  });

  it('words refused by the collector (422) are reported and never sent again', async () => {
    await scriptEndpoint(bucket, [], { archive: true, textsStatuses: [422] });
    const words = await view('banner');
    const t = transport();
    await t.send([receipt({ textsHash: words.textsHash })], words);
    await waitFor(() => errors.length === 1, 2000, 'the report');
    expect(errors[0]).to.include({ code: 'transport' });
    expect(errors[0]!.message).to.include('HTTP 422');
    expect(t.uploads()).to.deep.equal([]);
    await t.send([receipt({ textsHash: words.textsHash })], words);
    await waitForLog(bucket, (l) => l.events.length === 2, 'the second event');
    expect((await endpointLog(bucket)).texts).to.have.length(1);
  });
});

describe('Transport: an endpoint that never answers', () => {
  it(`after ${SILENT_FAILURES} attempts without an answer says so once, naming the likely causes, and keeps everything queued`, async () => {
    cleanPage();
    const errors: KelisimError[] = [];
    const queueKey = bucketName('silent');
    const t = new Transport({
      endpoint: CLOSED,
      queueKey,
      onError: (error) => errors.push(error),
      baseDelayMs: 5,
      maxDelayMs: 10,
      random: () => 0.5,
    });
    const events = receipts(2);
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => (requests.push(String(input)), original(input, init));
    try {
      await t.send(events);
      await waitFor(() => requests.length >= SILENT_FAILURES + 3, 5000, 'more retries');
    } finally {
      window.fetch = original;
    }
    expect(errors, 'said once, not at every retry').to.have.length(1);
    expect(errors[0]!.code).to.equal('transport');
    for (const cause of ['did not answer 3 times in a row', 'stay queued', 'ALLOWED_ORIGINS', location.origin, 'connect-src'])
      expect(errors[0]!.message).to.include(cause);
    expect(ids(t.pending())).to.deep.equal(ids(events));
    cleanPage();
  });
});

describe('Actions → transport, end to end', () => {
  let bucket: string;
  const originalUrl = location.href;

  /** A page view with this test's endpoint: the loader's session, no interface. */
  async function startSession(options: Record<string, unknown> = {}): Promise<Session> {
    const { config, problems } = resolveConfig({
      endpoint: endpointUrl(bucket),
      cookie: { name: `k_${bucket.replace(/-/g, '_')}` },
      ...options,
    });
    expect(problems).to.deep.equal([]);
    const session = createSession(config, {}, {});
    await session.start();
    return session;
  }

  beforeEach(function () {
    cleanPage();
    bucket = bucketName(this.currentTest!.title.replace(/\W+/g, '-').slice(0, 40));
  });
  afterEach(() => {
    history.replaceState(null, '', originalUrl);
    cleanPage();
  });

  it('accept all sends consent.given with the record, the page without query or hash, and the client', async () => {
    history.replaceState(null, '', '/courses/math?q=1#h');
    const session = await startSession();
    const consent = (await session.actions()).acceptAll();
    const [event] = (await waitForLog(bucket, (l) => l.events.length === 1, 'consent.given')).events;
    expect(event).to.include({
      type: 'consent.given',
      method: 'accept-all',
      consentId: consent.id,
      policyVersion: '2026-06-01',
      page: `${location.origin}/courses/math`,
      client: 'kelisim/1.0.0',
    });
    expect(event!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true, partners: true });
    expect(event!.eventId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(event!.at)).to.be.closeTo(Date.now(), 60_000);
    expect(event!.subject).to.equal(undefined);
  });

  it('reject all is a receipt too', async () => {
    const session = await startSession();
    const consent = (await session.actions()).rejectAll();
    const [event] = (await waitForLog(bucket, (l) => l.events.length === 1, 'the refusal')).events;
    expect(event).to.include({ type: 'consent.given', method: 'reject-all', consentId: consent.id });
    expect(event!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, partners: false });
  });

  it('withdraw sends consent.withdrawn under the same consent id', async () => {
    const session = await startSession();
    const actions = await session.actions();
    const given = actions.acceptAll();
    actions.withdraw();
    const log = await waitForLog(bucket, (l) => l.events.length === 2, 'both receipts');
    expect(log.events.map((e) => [e.type, e.method, e.consentId])).to.deep.equal([
      ['consent.given', 'accept-all', given.id],
      ['consent.withdrawn', 'withdraw', given.id],
    ]);
    expect(log.events[1]!.categories).to.deep.equal({ necessary: true, analytics: false, marketing: false, partners: false });
  });

  it('a second decision is consent.updated, with method custom', async () => {
    const session = await startSession();
    const actions = await session.actions();
    actions.acceptAll();
    actions.accept(['analytics']);
    const log = await waitForLog(bucket, (l) => l.events.length === 2, 'both receipts');
    expect(log.events.map((e) => [e.type, e.method])).to.deep.equal([
      ['consent.given', 'accept-all'],
      ['consent.updated', 'custom'],
    ]);
    expect(log.events[1]!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
  });

  it('the shown view and a decision in front of it carry the hash of its texts and the UI version', async () => {
    const session = await startSession();
    const actions = await session.actions();
    const texts = ['Келісім', 'Біз cookie файлдарын қолданамыз.', 'Бәрін қабылдау'];
    actions.viewShown({ view: 'banner', texts, uiVersion: 'test-ui-1' });
    actions.rejectAll();
    const log = await waitForLog(bucket, (l) => l.events.length === 2, 'banner.shown and the decision');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(texts.join('\n')));
    const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const [shown, decision] = log.events;
    expect(shown, "the banner's own receipt names its words too").to.include({
      type: 'banner.shown',
      textsHash: hex,
      uiVersion: 'test-ui-1',
    });
    expect(decision).to.include({ type: 'consent.given', method: 'reject-all', textsHash: hex, uiVersion: 'test-ui-1' });
  });

  it('the next page view sends what an earlier one left, even when it shows nothing', async () => {
    const name = `k_${bucket.replace(/-/g, '_')}`;
    const left = receipt();
    localStorage.setItem(`${name}_queue`, JSON.stringify({ events: [left], dropped: 0 }));
    // A returning visitor with a valid choice: no interface, no decision, only the loader.
    document.cookie = `${name}=${encodeURIComponent(JSON.stringify({ v: 1, id: left.consentId, policyVersion: '2026-06-01', categories: { necessary: true }, decidedAt: left.at, updatedAt: left.at, policyAcceptedBy: 'button', lang: 'kk' }))}; path=/`;
    const session = await startSession();
    expect(session.consent()).to.not.equal(null);
    const log = await waitForLog(bucket, (l) => l.events.length === 1, 'the left receipt');
    expect(log.events).to.deep.equal([left]);
  });

  it('queues the receipt under <name>_queue while the endpoint fails, then delivers it', async () => {
    await scriptEndpoint(bucket, [503]);
    const session = await startSession();
    const queueKey = `${session.config.cookie.name}_queue`;
    (await session.actions()).acceptAll();
    const queued = storedQueue(queueKey);
    expect(queued.map((e) => e.type)).to.deep.equal(['consent.given']);
    await waitForLog(bucket, (l) => l.statuses.length === 1, 'the failed attempt');
    expect(ids(storedQueue(queueKey))).to.deep.equal(ids(queued));
    // The session's transport retries on its own (default backoff: 1 to 2 s).
    const log = await waitForLog(bucket, (l) => l.events.length === 1, 'the retry', 8000);
    expect(ids(log.events)).to.deep.equal(ids(queued));
  });
});
