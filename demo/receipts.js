/**
 * The live receipts page: polls the collector's `GET /v1/receipts` (admin token) every
 * 2 seconds and puts new receipts on top of the table. Every value is set with
 * `textContent`: receipts are client-supplied text and must never become markup.
 */

const POLL_MS = 2000;
/** Rows kept on the page; older ones drop off the bottom. */
const MAX_ROWS = 500;
/** The token stays in this tab only (sessionStorage), never in the address bar. */
const TOKEN_KEY = 'kelisim-receipts-token';

const form = /** @type {HTMLFormElement} */ (document.getElementById('auth'));
const tokenInput = /** @type {HTMLInputElement} */ (document.getElementById('token'));
const pauseButton = /** @type {HTMLButtonElement} */ (document.getElementById('pause'));
const exportButton = /** @type {HTMLButtonElement} */ (document.getElementById('export'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const rows = /** @type {HTMLTableSectionElement} */ (document.getElementById('rows'));

/** @type {{ token: string, cursor: number | null, timer: number | undefined, paused: boolean, shown: number }} */
const state = { token: '', cursor: null, timer: undefined, paused: false, shown: 0 };

/** @param {string} text @param {boolean} [isError] */
function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** @param {string} path */
function adminFetch(path) {
  return fetch(path, { headers: { Authorization: `Bearer ${state.token}` }, cache: 'no-store' });
}

/**
 * A receipt as `GET /v1/receipts` returns it (docs/collector.md).
 * @typedef {{ seq: number, eventId: string, type: string, consentId: string, policyVersion: string,
 *   categories: Record<string, boolean>, method: string | null, lang: string, at: string, page: string,
 *   client: string, textsHash: string | null, uiVersion: string | null, subject: string | null,
 *   receivedAt: string, ip: string | null }} Receipt
 */

/**
 * A table cell holding `value` as text; `title` carries the full value when shortened.
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

/** @param {Record<string, boolean>} categories */
function describeCategories(categories) {
  return Object.entries(categories)
    .map(([id, allowed]) => `${id} ${allowed ? '✓' : '✗'}`)
    .join(', ');
}

/** @param {Receipt} receipt @param {boolean} fresh */
function receiptRow(receipt, fresh) {
  const tr = document.createElement('tr');
  if (fresh) tr.className = 'fresh';
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = String(receipt.seq);
  tr.append(
    th,
    cell(localTime(receipt.receivedAt), { title: receipt.receivedAt }),
    cell(receipt.type),
    cell(receipt.method),
    cell(describeCategories(receipt.categories), { wrap: true }),
    cell(receipt.policyVersion),
    cell(receipt.lang),
    cell(receipt.consentId),
    cell(receipt.page, { wrap: true }),
    cell(localTime(receipt.at), { title: receipt.at }),
    cell(receipt.textsHash ? `${receipt.textsHash.slice(0, 12)}…` : null, { title: receipt.textsHash ?? undefined }),
    cell(receipt.subject),
  );
  return tr;
}

/** Fetches what is new since the cursor (the newest page at first) and shows it. */
async function poll() {
  const query = state.cursor === null ? 'limit=100' : `after=${state.cursor}&limit=500`;
  let response;
  try {
    response = await adminFetch(`/v1/receipts?${query}`);
  } catch {
    say('The collector does not answer; trying again…', true);
    return schedule();
  }
  if (response.status === 401) return stop('The admin token was refused (401). Check the token npm start printed.');
  if (response.status === 404) return stop('The receipts list is off: the collector runs in production without KELISIM_ADMIN_TOKEN (404).');
  if (!response.ok) {
    say(`The collector answered HTTP ${response.status}; trying again…`, true);
    return schedule();
  }
  const { receipts, next } = /** @type {{ receipts: Receipt[], next: number }} */ (await response.json());
  const first = state.cursor === null;
  state.cursor = next;
  // Newest on top: insert each newer receipt before the current first row.
  for (const receipt of receipts) rows.prepend(receiptRow(receipt, !first));
  while (rows.rows.length > MAX_ROWS) rows.lastElementChild?.remove();
  state.shown = rows.rows.length;
  const added = first ? '' : receipts.length ? ` ${receipts.length} new.` : '';
  say(`Live: ${state.shown} receipt${state.shown === 1 ? '' : 's'} shown.${added} Last checked ${new Date().toLocaleTimeString()}.`);
  schedule();
}

function schedule() {
  clearTimeout(state.timer);
  if (!state.paused && state.token) state.timer = window.setTimeout(() => void poll(), POLL_MS);
}

/** @param {string} message */
function stop(message) {
  clearTimeout(state.timer);
  state.token = '';
  sessionStorage.removeItem(TOKEN_KEY);
  pauseButton.disabled = exportButton.disabled = true;
  say(message, true);
  tokenInput.focus();
}

/** @param {string} token */
function begin(token) {
  clearTimeout(state.timer);
  Object.assign(state, { token, cursor: null, paused: false });
  rows.replaceChildren();
  sessionStorage.setItem(TOKEN_KEY, token);
  pauseButton.disabled = exportButton.disabled = false;
  pauseButton.setAttribute('aria-pressed', 'false');
  pauseButton.textContent = 'Pause updates';
  say('Loading receipts…');
  void poll();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (token) begin(token);
});

// Auto-updating content must be pausable (WCAG 2.2.2).
pauseButton.addEventListener('click', () => {
  state.paused = !state.paused;
  pauseButton.setAttribute('aria-pressed', String(state.paused));
  pauseButton.textContent = state.paused ? 'Resume updates' : 'Pause updates';
  if (state.paused) {
    clearTimeout(state.timer);
    say(`Paused: ${state.shown} receipts shown.`);
  } else void poll();
});

// A link cannot carry the Authorization header, so the CSV is fetched and handed over as a blob.
exportButton.addEventListener('click', async () => {
  const response = await adminFetch('/v1/export.csv').catch(() => null);
  if (!response?.ok) return say(`The export failed${response ? ` (HTTP ${response.status})` : ''}.`, true);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: 'kelisim-receipts.csv' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

// `?token=` (the link npm start prints) fills the field, then leaves the address bar and history.
const params = new URLSearchParams(location.search);
const linked = params.get('token');
if (linked !== null) {
  params.delete('token');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
}
const initial = linked ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
tokenInput.value = initial;
if (initial) begin(initial);
else tokenInput.focus();
