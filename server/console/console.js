/**
 * The operator's console (`/console`): sign in with the admin token, then the overview
 * (charts of `GET v1/stats`, a date range), the live receipts, the proof of one consent
 * (and its erasure), and the exports. Plain modules served by the collector itself.
 */
import { Unauthorized, json, request, save, setToken, token } from './api.js';
import { METHOD_COLOURS, shareBars, stackedBars, stackedColumns } from './charts.js';
import { liveList } from './live.js';
import { METHODS, WORDS, say as sayIn } from './words.js';

/** @typedef {import('./words.js').ConsoleLanguage} ConsoleLanguage */

const LANGUAGE_KEY = 'kelisim-console-language';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** A form field by id: the inputs and the language select. @param {string} id */
const field = (id) => /** @type {HTMLInputElement | HTMLSelectElement} */ (document.getElementById(id));

/** @type {ConsoleLanguage} */
let lang = pickLanguage();
/** The last stats shown, drawn again when the language changes. @type {any} */
let stats = null;
/** The consent whose proof is shown. @type {string | null} */
let proofId = null;

/** @param {string} key @param {Record<string, string | number>} [values] */
const say = (key, values) => sayIn(lang, key, values);
/** @param {number} n */
const number = (n) => new Intl.NumberFormat(lang).format(n);
/** @param {number} share 0 to 1 */
const percent = (share) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** @returns {ConsoleLanguage} */
function pickLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    // blocked storage: the browser's languages decide
  }
  if (stored && stored in WORDS) return /** @type {ConsoleLanguage} */ (stored);
  for (const wanted of navigator.languages ?? []) {
    const base = wanted.slice(0, 2).toLowerCase();
    if (base in WORDS) return /** @type {ConsoleLanguage} */ (base);
  }
  return 'en';
}

/** Puts the words of the current language on every `data-word` element. */
function applyWords() {
  document.documentElement.lang = lang;
  document.title = say('title');
  for (const element of document.querySelectorAll('[data-word]'))
    element.textContent = say(/** @type {HTMLElement} */ (element).dataset.word ?? '');
  field('language').value = lang;
  byId('pause').textContent = say(byId('pause').getAttribute('aria-pressed') === 'true' ? 'resume' : 'pause');
  describeExport();
  if (stats) drawStats(stats);
  live.describe();
}

/**
 * @param {HTMLElement} element
 * @param {string} text
 * @param {boolean} [isError]
 */
function status(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle('error', isError);
}

/** A failure anywhere: a refused token signs out; anything else is said where it happened. */
function failed(/** @type {unknown} */ error, /** @type {HTMLElement} */ where) {
  if (error instanceof Unauthorized) return signOut(say('wrongToken'));
  status(where, say('unreachable', { reason: error instanceof Error ? error.message : String(error) }), true);
}

const live = liveList({
  rows: /** @type {HTMLTableSectionElement} */ (byId('rows')),
  status: byId('live-status'),
  pause: /** @type {HTMLButtonElement} */ (byId('pause')),
  say,
  openProof: (id) => void showProof(id, true),
  onError: (error) => failed(error, byId('live-status')),
});

// ---- signing in and out ----------------------------------------------------------------

async function signIn(/** @type {string} */ value) {
  setToken(value);
  status(byId('sign-in-status'), say('loading'));
  try {
    await json('v1/receipts?limit=1');
  } catch (error) {
    return failed(error, byId('sign-in-status'));
  }
  status(byId('sign-in-status'), '');
  byId('sign-in').hidden = true;
  byId('app').hidden = false;
  byId('sections').hidden = false;
  byId('sign-out').hidden = false;
  field('token').value = '';
  live.start();
  await loadStats();
  byId('overview-title').setAttribute('tabindex', '-1');
  byId('overview-title').focus();
}

function signOut(/** @type {string} */ message = '') {
  setToken('');
  live.stop();
  stats = null;
  byId('app').hidden = true;
  byId('sections').hidden = true;
  byId('sign-out').hidden = true;
  byId('sign-in').hidden = false;
  status(byId('sign-in-status'), message, Boolean(message));
  byId('token').focus();
}

// ---- the overview ------------------------------------------------------------------------

/** @param {string} day @param {number} days */
function shift(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Loads the aggregates of the range in the form (none: the collector's last 30 days). */
async function loadStats() {
  const from = field('from').value;
  const to = field('to').value;
  status(byId('overview-status'), say('loading'));
  try {
    stats = await json(from && to ? `v1/stats?from=${from}&to=${to}` : 'v1/stats');
  } catch (error) {
    return failed(error, byId('overview-status'));
  }
  field('from').value = stats.from;
  field('to').value = stats.to;
  status(byId('overview-status'), '');
  drawStats(stats);
  describeExport();
}

/**
 * A table of numbers: a header row, then rows whose cells carry their exact value.
 * @param {string[]} head
 * @param {Array<{ key: string, label: string, cells: Array<{ series: string, value: number, text?: string }> }>} rows
 */
function table(head, rows) {
  const element = document.createElement('table');
  const headRow = element.createTHead().insertRow();
  head.forEach((label, index) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    if (index) th.className = 'number';
    headRow.append(th);
  });
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.key = row.key;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.label;
    tr.append(th);
    for (const cell of row.cells) {
      const td = tr.insertCell();
      td.className = 'number';
      td.dataset.series = cell.series;
      td.dataset.value = String(cell.value);
      td.textContent = cell.text ?? number(cell.value);
    }
  }
  return element;
}

/**
 * Fills a figure: its chart, its table, and a legend of the methods when it has one.
 * @param {string} id
 * @param {SVGElement | null} chart
 * @param {HTMLTableElement} numbers
 * @param {boolean} [legend]
 */
function figure(id, chart, numbers, legend = false) {
  const root = byId(id);
  const box = /** @type {HTMLElement} */ (root.querySelector('[data-chart]'));
  box.replaceChildren(...(chart ? [chart] : []));
  /** @type {HTMLElement} */ (root.querySelector('[data-table]')).replaceChildren(numbers);
  const list = root.querySelector('[data-legend]');
  if (list) {
    list.replaceChildren(
      ...(legend
        ? METHODS.map((method) => {
            const item = document.createElement('li');
            const swatch = document.createElement('span');
            swatch.style.background = METHOD_COLOURS[/** @type {keyof typeof METHOD_COLOURS} */ (method)];
            swatch.setAttribute('aria-hidden', 'true');
            item.append(swatch, say(`method.${method}`));
            return item;
          })
        : []),
    );
  }
}

/** The width a figure's drawing gets, in CSS pixels: its text then stays at the page's size. @param {string} id */
const widthOf = (id) => Math.max(320, Math.round(/** @type {HTMLElement} */ (byId(id).querySelector('[data-chart]')).clientWidth || 760));

/** The methods as chart series, in the current language. */
const series = () =>
  METHODS.map((method) => ({
    key: method,
    label: say(`method.${method}`),
    colour: METHOD_COLOURS[/** @type {keyof typeof METHOD_COLOURS} */ (method)],
  }));

/**
 * Rows by a key (a day, a language), each with its count per method.
 * @param {Array<Record<string, any>>} list
 * @param {string} key
 * @param {string[]} [keys] Every key to show, in order, also those without decisions.
 */
function byKey(list, key, keys) {
  /** @type {Map<string, Record<string, number>>} */
  const rows = new Map((keys ?? []).map((k) => [k, {}]));
  for (const entry of list) {
    const values = rows.get(entry[key]) ?? {};
    values[entry.method] = entry.count;
    rows.set(entry[key], values);
  }
  return [...rows].map(([label, values]) => ({ label, values }));
}

/** @param {Array<{ label: string, values: Record<string, number> }>} rows */
function methodTable(/** @type {string} */ first, rows) {
  return table(
    [first, ...METHODS.map((m) => say(`method.${m}`)), say('total')],
    rows.map((row) => ({
      key: row.label,
      label: row.label,
      cells: [
        ...METHODS.map((method) => ({ series: method, value: row.values[method] ?? 0 })),
        { series: 'total', value: METHODS.reduce((sum, m) => sum + (row.values[m] ?? 0), 0) },
      ],
    })),
  );
}

/** @param {any} s the answer of `GET v1/stats` */
function drawStats(s) {
  byId('range-note').textContent = say('rangeNote', { from: s.from, to: s.to, zone: s.timeZone });
  const days = [];
  for (let day = s.from; day <= s.to; day = shift(day, 1)) days.push(day);
  const decisions = s.decisionsByDay.reduce((/** @type {number} */ sum, /** @type {any} */ row) => sum + row.count, 0);
  const ofMethod = (/** @type {string} */ method) =>
    s.decisionsByDay
      .filter((/** @type {any} */ row) => row.method === method)
      .reduce((/** @type {number} */ sum, /** @type {any} */ row) => sum + row.count, 0);
  const tiles = [
    ['receipts', number(s.receipts), s.receipts],
    ['decisions', number(decisions), decisions],
    ['acceptAllRate', decisions ? percent(ofMethod('accept-all') / decisions) : '—', ofMethod('accept-all')],
    ['rejectRate', decisions ? percent(ofMethod('reject-all') / decisions) : '—', ofMethod('reject-all')],
  ];
  byId('tiles').replaceChildren(
    ...tiles.map(([key, text, value]) => {
      const div = document.createElement('div');
      div.dataset.key = String(key);
      div.dataset.value = String(value);
      const dt = document.createElement('dt');
      dt.textContent = say(String(key));
      const dd = document.createElement('dd');
      dd.textContent = String(text);
      div.append(dt, dd);
      return div;
    }),
  );

  const perDay = byKey(s.decisionsByDay, 'day', days);
  figure(
    'by-day',
    decisions
      ? stackedColumns({ rows: perDay, series: series(), labelledBy: 'by-day-title', format: number, width: widthOf('by-day') })
      : null,
    methodTable(say('day'), perDay),
    true,
  );
  if (!decisions)
    byId('by-day')
      .querySelector('[data-chart]')
      ?.append(Object.assign(document.createElement('p'), { textContent: say('byDayEmpty'), className: 'note' }));

  const perLanguage = byKey(s.decisionsByLanguage, 'lang');
  figure(
    'by-language',
    stackedBars({ rows: perLanguage, series: series(), labelledBy: 'by-language-title', format: number, width: widthOf('by-language') }),
    methodTable(say('lang'), perLanguage),
  );
  const perPolicy = byKey(s.decisionsByPolicyVersion, 'policyVersion');
  figure(
    'by-policy',
    stackedBars({ rows: perPolicy, series: series(), labelledBy: 'by-policy-title', format: number, width: widthOf('by-policy') }),
    methodTable(say('policy'), perPolicy),
  );

  /** @type {Array<{ id: string, allowed: number, decisions: number }>} */
  const categories = s.categories;
  figure(
    'by-category',
    shareBars({
      rows: categories.map((c) => ({
        label: c.id,
        share: c.decisions ? c.allowed / c.decisions : 0,
        note: `${c.decisions ? percent(c.allowed / c.decisions) : '—'} (${number(c.allowed)} / ${number(c.decisions)})`,
      })),
      labelledBy: 'by-category-title',
      width: widthOf('by-category'),
    }),
    table(
      [say('category'), say('allowed'), say('decisions'), say('share')],
      categories.map((c) => ({
        key: c.id,
        label: c.id,
        cells: [
          { series: 'allowed', value: c.allowed },
          { series: 'decisions', value: c.decisions },
          { series: 'share', value: c.decisions ? c.allowed / c.decisions : 0, text: c.decisions ? percent(c.allowed / c.decisions) : '—' },
        ],
      })),
    ),
  );

  const funnel = (/** @type {string} */ id, /** @type {Array<[string, number, string]>} */ steps) => {
    const shown = steps[0][1];
    figure(
      id,
      shareBars({
        rows: steps.map(([key, value, colour]) => ({
          label: say(key),
          share: shown ? value / shown : 0,
          note: `${number(value)}${shown ? ` (${percent(value / shown)})` : ''}`,
          colour,
        })),
        labelledBy: `${id}-title`,
        width: widthOf(id),
      }),
      table(
        [say('stage'), say('count'), say('share')],
        steps.map(([key, value]) => ({
          key,
          label: say(key),
          cells: [
            { series: 'count', value },
            { series: 'share', value: shown ? value / shown : 0, text: shown ? percent(value / shown) : '—' },
          ],
        })),
      ),
    );
  };
  funnel('banner', [
    ['shown', s.banner.shown, '#4b5563'],
    ['decided', s.banner.decided, METHOD_COLOURS['accept-all']],
  ]);
  funnel('notice', [
    ['shown', s.notice.shown, '#4b5563'],
    ['byButton', s.notice.acceptedByButton, METHOD_COLOURS['accept-all']],
    ['implicitly', s.notice.acceptedImplicitly, METHOD_COLOURS.implicit],
    ['notYet', Math.max(0, s.notice.shown - s.notice.acceptedByButton - s.notice.acceptedImplicitly), METHOD_COLOURS['reject-all']],
  ]);
}

// ---- the proof of one consent ------------------------------------------------------------

/**
 * Shows the proof of a consent in the frame (the collector's own page, fetched with the
 * token: a link could not carry it).
 * @param {string} id
 * @param {boolean} [focus] Move to it (from the live list).
 */
async function showProof(id, focus = false) {
  const input = /** @type {HTMLInputElement} */ (byId('consent-id'));
  input.value = id;
  if (!UUID.test(id.trim())) return status(byId('lookup-status'), say('badId'), true);
  status(byId('lookup-status'), say('loading'));
  let html;
  try {
    html = await (await request(`v1/consents/${encodeURIComponent(id.trim())}/proof?lang=${lang}`)).text();
  } catch (error) {
    return failed(error, byId('lookup-status'));
  }
  proofId = id.trim().toLowerCase();
  const frame = /** @type {HTMLIFrameElement} */ (byId('proof-frame'));
  frame.title = say('proofFrame', { id: proofId });
  frame.addEventListener('load', () => (frame.style.height = `${(frame.contentDocument?.documentElement.scrollHeight ?? 600) + 16}px`), {
    once: true,
  });
  frame.srcdoc = html;
  byId('proof').hidden = false;
  status(byId('lookup-status'), '');
  if (focus) {
    byId('lookup').scrollIntoView();
    byId('lookup-title').setAttribute('tabindex', '-1');
    byId('lookup-title').focus();
  }
}

async function eraseProof() {
  if (!proofId) return;
  const dialog = /** @type {HTMLDialogElement} */ (byId('erase-dialog'));
  byId('erase-title').textContent = say('eraseTitle', { id: proofId });
  dialog.returnValue = '';
  dialog.showModal();
  await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  if (dialog.returnValue !== 'erase') return;
  try {
    const { erasure } = await (await request(`v1/consents/${proofId}`, { method: 'DELETE' })).json();
    await showProof(proofId);
    status(byId('lookup-status'), say('erased', { count: erasure.receipts }));
  } catch (error) {
    failed(error, byId('lookup-status'));
  }
}

// ---- exports -------------------------------------------------------------------------------

function describeExport() {
  byId('export-intro').textContent = say('exportIntro', { from: field('from').value || '…', to: field('to').value || '…' });
}

async function download(/** @type {'csv' | 'json'} */ kind) {
  const from = field('from').value;
  const to = field('to').value;
  const file = kind === 'csv' ? `kelisim-receipts-${from}-${to}.csv` : `kelisim-consent-records-${from}-${to}.json`;
  try {
    await save(await request(`v1/export.${kind}?from=${from}&to=${to}`), file);
    status(byId('export-status'), say('downloaded', { file }));
  } catch (error) {
    failed(error, byId('export-status'));
  }
}

// ---- wiring ----------------------------------------------------------------------------------

byId('language').addEventListener('change', (event) => {
  lang = /** @type {ConsoleLanguage} */ (/** @type {HTMLSelectElement} */ (event.target).value);
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // blocked storage: the choice lasts for this page
  }
  applyWords();
  if (proofId) void showProof(proofId);
});
byId('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn(field('token').value.trim());
});
byId('sign-out').addEventListener('click', () => signOut());
byId('range').addEventListener('submit', (event) => {
  event.preventDefault();
  void loadStats();
});
for (const preset of document.querySelectorAll('[data-days]')) {
  preset.addEventListener('click', () => {
    const to = stats?.to ?? field('to').value;
    field('to').value = to;
    field('from').value = shift(to, 1 - Number(/** @type {HTMLElement} */ (preset).dataset.days));
    void loadStats();
  });
}
byId('lookup-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void showProof(field('consent-id').value);
});
byId('proof-print').addEventListener('click', () => /** @type {HTMLIFrameElement} */ (byId('proof-frame')).contentWindow?.print());
byId('proof-html').addEventListener('click', () => {
  if (proofId)
    void request(`v1/consents/${proofId}/proof?lang=${lang}`).then(
      (r) => save(r, `kelisim-proof-${proofId}.html`),
      (error) => failed(error, byId('lookup-status')),
    );
});
byId('proof-json').addEventListener('click', () => {
  if (proofId)
    void request(`v1/consents/${proofId}/proof?format=json`).then(
      (r) => save(r, `kelisim-proof-${proofId}.json`),
      (error) => failed(error, byId('lookup-status')),
    );
});
byId('proof-erase').addEventListener('click', () => void eraseProof());
byId('export-csv').addEventListener('click', () => void download('csv'));
byId('export-json').addEventListener('click', () => void download('json'));

applyWords();
if (token()) void signIn(token());
