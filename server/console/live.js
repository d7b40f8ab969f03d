/**
 * The live receipts list (formerly the demo's receipts page): polls `GET v1/receipts`
 * every 2 seconds after a cursor that misses nothing (on PostgreSQL too, with several
 * collectors writing) and puts new receipts on top. Every value is set as text: receipts
 * are client-supplied and must never become markup.
 */
import { json } from './api.js';

const POLL_MS = 2000;
/** Rows kept on the page; older ones drop off the bottom. */
const MAX_ROWS = 500;

/**
 * A receipt as `GET /v1/receipts` returns it (docs/collector.md).
 * @typedef {{ seq: number, eventId: string, type: string, consentId: string, policyVersion: string,
 *   categories: Record<string, boolean>, method: string | null, lang: string, at: string, page: string,
 *   client: string, textsHash: string | null, uiVersion: string | null, subject: string | null,
 *   noticeShownAt: string | null, receivedAt: string, ip: string | null }} Receipt
 */

/**
 * @param {string | number | null} value
 * @param {{ title?: string, wrap?: boolean }} [options]
 */
function cell(value, { title, wrap = false } = {}) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined || value === '' ? '—' : String(value);
  if (title) td.title = title;
  if (wrap) td.className = 'wrap';
  return td;
}

/** @param {string} iso */
function localTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * The live list of one console page.
 * @param {{ rows: HTMLTableSectionElement, status: HTMLElement, pause: HTMLButtonElement,
 *   say: (key: string, values?: Record<string, string | number>) => string,
 *   openProof: (consentId: string) => void, onError: (error: unknown) => void }} options
 */
export function liveList({ rows, status, pause, say, openProof, onError }) {
  /** @type {{ cursor: string | null, timer: ReturnType<typeof setTimeout> | undefined, paused: boolean, running: boolean, fresh: number }} */
  const state = { cursor: null, timer: undefined, paused: false, running: false, fresh: 0 };

  const describe = () => {
    status.textContent = state.paused
      ? say('livePaused', { shown: rows.rows.length })
      : say('liveStatus', { shown: rows.rows.length, fresh: state.fresh });
  };

  /** @param {Receipt} receipt @param {boolean} fresh */
  const row = (receipt, fresh) => {
    const tr = document.createElement('tr');
    if (fresh) tr.className = 'fresh';
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(receipt.seq);
    const consent = document.createElement('td');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'secondary';
    open.textContent = receipt.consentId.slice(0, 8);
    open.title = receipt.consentId;
    open.setAttribute('aria-label', say('openProof', { id: receipt.consentId }));
    open.addEventListener('click', () => openProof(receipt.consentId));
    consent.append(open);
    const categories = Object.entries(receipt.categories)
      .map(([id, allowed]) => `${id} ${allowed ? '✓' : '✗'}`)
      .join(', ');
    tr.append(
      th,
      cell(localTime(receipt.receivedAt), { title: receipt.receivedAt }),
      cell(receipt.type),
      cell(receipt.method),
      cell(categories, { wrap: true }),
      cell(receipt.policyVersion, { wrap: true }),
      cell(receipt.lang),
      consent,
      cell(receipt.page, { wrap: true }),
      cell(localTime(receipt.at), { title: receipt.at }),
      cell(receipt.textsHash && `${receipt.textsHash.slice(0, 12)}…`, { title: receipt.textsHash ?? undefined }),
      cell(receipt.subject),
    );
    return tr;
  };

  const poll = async () => {
    clearTimeout(state.timer);
    try {
      const first = state.cursor === null;
      const page = await json(first ? 'v1/receipts?limit=100' : `v1/receipts?after=${encodeURIComponent(state.cursor ?? '')}&limit=1000`);
      state.cursor = page.next;
      /** @type {Receipt[]} */
      const receipts = page.receipts;
      for (const receipt of receipts) rows.prepend(row(receipt, !first));
      while (rows.rows.length > MAX_ROWS) rows.deleteRow(-1);
      state.fresh = first ? 0 : receipts.length;
      describe();
    } catch (error) {
      onError(error);
      if (!state.running) return;
    }
    if (state.running && !state.paused) state.timer = setTimeout(() => void poll(), POLL_MS);
  };

  pause.addEventListener('click', () => {
    state.paused = !state.paused;
    pause.setAttribute('aria-pressed', String(state.paused));
    pause.textContent = say(state.paused ? 'resume' : 'pause');
    if (state.paused) clearTimeout(state.timer);
    else void poll();
    describe();
  });

  return {
    start() {
      state.running = true;
      void poll();
    },
    stop() {
      state.running = false;
      clearTimeout(state.timer);
      state.cursor = null;
      rows.replaceChildren();
    },
    describe,
  };
}
