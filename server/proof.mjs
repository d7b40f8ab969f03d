/**
 * The proof of one consent (`GET /v1/consents/{id}/proof`): its whole history, each
 * receipt beside the exact words that were on the screen, every hash computed again from
 * the archived words. As JSON for machines, and as a printable, self-contained HTML page
 * for the people a company hands it to: who (the consent id), what (what happened, the
 * purposes), when (both clocks) and which words.
 */
import { createHash } from 'node:crypto';
import { PROOF_TEXTS } from './proof-texts.mjs';

/** @typedef {import('./store/receipt.mjs').Receipt} Receipt */
/** @typedef {import('./store/receipt.mjs').StoredTexts} StoredTexts */
/** @typedef {import('./proof-texts.mjs').ProofLanguage} ProofLanguage */

/**
 * The SHA-256 (hex) of a view's texts as the widget hashes them: joined with `\n`, UTF-8.
 * @param {string[]} texts
 */
export function textsHash(texts) {
  return createHash('sha256').update(texts.join('\n'), 'utf8').digest('hex');
}

/**
 * @typedef {object} ProofWords
 * @property {string | null} textsHash
 * @property {'verified' | 'missing' | 'mismatch' | 'none'} status `none`: the receipt has no hash.
 * @property {number | null} sameAs The receipt (`n`) that first showed these words, when an earlier one did.
 */

/**
 * @typedef {object} ProofEvent
 * @property {number} n 1-based position in the history.
 * @property {string} description What happened, in the proof's language.
 * @property {Receipt} receipt
 * @property {ProofWords} words
 * @property {{ noticeShownAt: string | null, noticeReceipt: number | null, continuedUseAt: string } | null} clause12
 *   For an implicit acceptance: when the notice was shown (and which receipt says so), and the page view that accepted.
 */

/**
 * @typedef {object} Proof
 * @property {string} consentId
 * @property {ProofLanguage} lang
 * @property {string} timeZone
 * @property {string} generatedAt
 * @property {{ version: string, store: string }} collector
 * @property {{ receipts: number, firstAt: string | null, lastAt: string | null, pages: string[], minor: boolean,
 *   choiceInForce: { categories: Record<string, boolean>, policyVersion: string, at: string, n: number } | null }} summary
 * @property {ProofEvent[]} history
 * @property {Record<string, StoredTexts & { verified: boolean }>} texts The archived words of every hash in the history.
 * @property {import('./store/receipt.mjs').Erasure[]} erasures
 */

const LANGUAGES = /** @type {ProofLanguage[]} */ (['kk', 'ru', 'en']);

/**
 * The proof's language: asked for, else the language of the newest receipt, else Kazakh.
 * @param {Receipt[]} receipts
 * @param {string | undefined} asked
 * @returns {ProofLanguage}
 */
export function proofLanguage(receipts, asked) {
  if (asked && LANGUAGES.includes(/** @type {ProofLanguage} */ (asked))) return /** @type {ProofLanguage} */ (asked);
  const newest = receipts.at(-1)?.lang;
  return newest && LANGUAGES.includes(/** @type {ProofLanguage} */ (newest)) ? /** @type {ProofLanguage} */ (newest) : 'kk';
}

/**
 * @param {{ consentId: string, receipts: Receipt[], texts: Map<string, StoredTexts>,
 *   erasures: import('./store/receipt.mjs').Erasure[], lang: ProofLanguage, timeZone: string,
 *   generatedAt: Date, version: string, store: string }} input
 * @returns {Proof}
 */
export function buildProof({ consentId, receipts, texts, erasures, lang, timeZone, generatedAt, version, store }) {
  const words = PROOF_TEXTS[lang];
  /** @type {Record<string, StoredTexts & { verified: boolean }>} */
  const archive = {};
  for (const [hash, stored] of texts) archive[hash] = { ...stored, verified: textsHash(stored.texts) === hash };
  /** @type {Map<string, number>} */
  const firstShown = new Map();
  /** @type {ProofEvent[]} */
  const history = receipts.map((receipt, index) => {
    const n = index + 1;
    const hash = receipt.textsHash;
    /** @type {ProofWords['status']} */
    const status = !hash ? 'none' : !archive[hash] ? 'missing' : archive[hash].verified ? 'verified' : 'mismatch';
    const sameAs = hash ? (firstShown.get(hash) ?? null) : null;
    if (hash && sameAs === null) firstShown.set(hash, n);
    const implicit = receipt.type === 'policy.accepted.implicit';
    return {
      n,
      description: words.events[`${receipt.type}:${receipt.method}`] ?? words.events[receipt.type] ?? receipt.type,
      receipt,
      words: { textsHash: hash, status, sameAs },
      clause12: implicit
        ? {
            noticeShownAt: receipt.noticeShownAt,
            // The notice.shown receipt of the same words, when the browser sent one.
            noticeReceipt: hash ? receipts.findIndex((r) => r.type === 'notice.shown' && r.textsHash === hash) + 1 || null : null,
            continuedUseAt: receipt.at,
          }
        : null,
    };
  });
  const decisions = history.filter((event) => event.receipt.method !== null);
  const last = decisions.at(-1);
  return {
    consentId: consentId.toLowerCase(),
    lang,
    timeZone,
    generatedAt: generatedAt.toISOString(),
    collector: { version, store },
    summary: {
      receipts: receipts.length,
      firstAt: receipts[0]?.at ?? null,
      lastAt: receipts.at(-1)?.at ?? null,
      pages: [...new Set(receipts.map((r) => r.page))],
      minor: receipts.some((r) => r.subject === 'minor'),
      choiceInForce: last
        ? { categories: last.receipt.categories, policyVersion: last.receipt.policyVersion, at: last.receipt.at, n: last.n }
        : null,
    },
    history,
    texts: archive,
    erasures,
  };
}

/** @param {unknown} value */
function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `{name}` placeholders filled with already-escaped HTML.
 * @param {string} template
 * @param {Record<string, string>} values
 */
function fill(template, values) {
  return escape(template).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? `{${name}}`);
}

/**
 * A time by both zones: the operator's (long, in the proof's language) and UTC.
 * @param {string | null} iso
 * @param {ProofLanguage} lang
 * @param {string} timeZone
 */
function when(iso, lang, timeZone) {
  if (!iso) return '—';
  const date = new Date(iso);
  const local = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'medium', timeZone }).format(date);
  const utc = `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return `<time datetime="${escape(date.toISOString())}">${escape(local)}</time> <span class="utc">(${escape(utc)})</span>`;
}

/** The page's style sheet: one constant, so its hash can stand in the Content-Security-Policy. */
export const PROOF_CSS = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4b5563; --line: #d0d7de; --ok: #116329; --bad: #a40e26; --box: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; padding: 2rem; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
main { max-width: 60rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--fg); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
p { margin: .35rem 0; }
.lead { color: var(--muted); margin-bottom: 1rem; }
dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
.utc { color: var(--muted); white-space: nowrap; }
ol.history { list-style: none; padding: 0; margin: 0; }
ol.history > li { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1rem; break-inside: avoid-page; }
.purposes { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: .25rem 0; }
.words { background: var(--box); border: 1px solid var(--line); border-radius: 4px; padding: .5rem 1rem .5rem 2.5rem; margin: .5rem 0 0; }
.words li { margin: .15rem 0; white-space: pre-wrap; }
.status { font-weight: 700; }
.status.verified { color: var(--ok); }
.status.mismatch, .status.missing { color: var(--bad); }
.clause12 { border-left: 4px solid var(--fg); padding: .25rem 0 .25rem 1rem; margin: .5rem 0; }
.note { color: var(--muted); font-size: .9rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .9rem; }
@media print { body { padding: 0; font-size: 11pt; } h2 { break-after: avoid; } a { color: inherit; } }
`;

/** For `style-src 'sha256-…'`: the proof page and the console that shows it allow this style and no other. */
export const PROOF_CSS_HASH = `sha256-${createHash('sha256').update(PROOF_CSS).digest('base64')}`;

/**
 * The proof as a standalone HTML page: no script, no outside resource, readable printed.
 * @param {Proof} proof
 */
export function proofHtml(proof) {
  const { lang, timeZone } = proof;
  const t = PROOF_TEXTS[lang];
  const category = (/** @type {string} */ id) =>
    t.categories[id] ? `${escape(t.categories[id])} <code>${escape(id)}</code>` : `<code>${escape(id)}</code>`;
  const purposes = (/** @type {Record<string, boolean>} */ categories) =>
    `<ul class="purposes">${Object.entries(categories)
      .map(([id, allowed]) => `<li>${category(id)}: <strong>${allowed ? escape(t.allowed) : escape(t.refused)}</strong></li>`)
      .join('')}</ul>`;

  const { summary } = proof;
  const head = `
  <header>
    <h1>${escape(t.title)}</h1>
    <p class="lead">${escape(t.subtitle)}</p>
  </header>
  <section aria-labelledby="who">
    <h2 id="who">${escape(t.who)}</h2>
    <dl>
      <dt>${escape(t.consentId)}</dt><dd><code>${escape(proof.consentId)}</code><br><span class="note">${escape(t.consentIdNote)}</span></dd>
      <dt>${escape(t.pages)}</dt><dd>${summary.pages.map((page) => `<code>${escape(page)}</code>`).join('<br>') || '—'}</dd>
      <dt>${escape(t.receiptCount)}</dt><dd>${summary.receipts}</dd>
      <dt>${escape(t.firstReceipt)}</dt><dd>${when(summary.firstAt, lang, timeZone)}</dd>
      <dt>${escape(t.lastReceipt)}</dt><dd>${when(summary.lastAt, lang, timeZone)}</dd>
      <dt>${escape(t.choiceInForce)}</dt><dd>${
        summary.choiceInForce
          ? `${purposes(summary.choiceInForce.categories)}<span class="note">${escape(t.receipt)} ${summary.choiceInForce.n} · ${escape(t.policyVersion)} <code>${escape(summary.choiceInForce.policyVersion)}</code></span>`
          : escape(t.noChoice)
      }</dd>
    </dl>
    ${summary.minor ? `<p>${escape(t.minor)}</p>` : ''}
    <p class="note">${fill(t.timesNote, { zone: `<code>${escape(timeZone)}</code>` })}</p>
  </section>`;

  const erasures = proof.erasures.length
    ? `<section aria-labelledby="erasure"><h2 id="erasure">${escape(t.erasureTitle)}</h2><p>${escape(t.erasureText)}</p>${proof.erasures
        .map(
          (erasure) =>
            `<dl><dt>${escape(t.erasedAt)}</dt><dd>${when(erasure.erasedAt, lang, timeZone)}</dd><dt>${escape(t.erasedCount)}</dt><dd>${erasure.receipts}</dd><dt>${escape(t.idHash)}</dt><dd><code>${escape(erasure.consentIdHash)}</code></dd></dl>`,
        )
        .join('')}</section>`
    : '';

  const statusWords = { verified: t.verified, missing: t.missing, mismatch: t.mismatch, none: t.noHash };
  const events = proof.history.map((event) => {
    const { receipt, words } = event;
    const stored = words.textsHash ? proof.texts[words.textsHash] : undefined;
    const status = `<span class="status ${words.status}">${words.status === 'verified' ? '✓ ' : ''}${escape(statusWords[words.status])}</span>`;
    let shown = '';
    if (words.textsHash) {
      shown = `<p><span class="hash">${escape(t.hash)} ${escape(words.textsHash)}</span> — ${status}</p>`;
      if (stored && words.sameAs !== null) shown += `<p class="note">${fill(t.sameWords, { n: String(words.sameAs) })}</p>`;
      else if (stored) {
        shown += `<ol class="words" lang="${escape(stored.lang)}">${stored.texts.map((text) => `<li>${escape(text)}</li>`).join('')}</ol>`;
        shown += `<p class="note">${escape(t.language)}: ${escape(t.languages[stored.lang] ?? stored.lang)} · ${escape(t.uiVersion)} <code>${escape(stored.uiVersion)}</code> · ${escape(t.archived)} ${when(stored.receivedAt, lang, timeZone)}</p>`;
      }
    } else shown = `<p>${status}</p>`;
    const clause12 = event.clause12
      ? `<div class="clause12"><dl>
          <dt>${escape(t.noticeShown)}</dt><dd>${event.clause12.noticeShownAt ? when(event.clause12.noticeShownAt, lang, timeZone) : escape(t.noticeShownUnknown)}${
            event.clause12.noticeReceipt ? ` <span class="note">(${escape(t.receipt)} ${event.clause12.noticeReceipt})</span>` : ''
          }</dd>
          <dt>${escape(t.continuedUse)}</dt><dd>${when(event.clause12.continuedUseAt, lang, timeZone)}</dd>
        </dl><p><strong>${escape(t.acceptedUnder)}</strong></p></div>`
      : '';
    return `<li id="receipt-${event.n}">
      <h3>${escape(t.receipt)} ${event.n}. ${escape(event.description)}</h3>
      <dl>
        <dt>${escape(t.browserTime)}</dt><dd>${when(receipt.at, lang, timeZone)}</dd>
        <dt>${escape(t.receivedAt)}</dt><dd>${when(receipt.receivedAt, lang, timeZone)}</dd>
        <dt>${escape(t.policyVersion)}</dt><dd><code>${escape(receipt.policyVersion)}</code></dd>
        <dt>${escape(t.page)}</dt><dd><code>${escape(receipt.page)}</code></dd>
        <dt>${escape(t.language)}</dt><dd>${escape(t.languages[receipt.lang] ?? receipt.lang)}</dd>
        <dt>${escape(t.client)}</dt><dd><code>${escape(receipt.client)}</code>${receipt.uiVersion ? ` · ${escape(t.uiVersion)} <code>${escape(receipt.uiVersion)}</code>` : ''}</dd>
        <dt>${escape(t.eventId)}</dt><dd><code>${escape(receipt.eventId)}</code></dd>
      </dl>
      ${clause12}
      <p><strong>${escape(t.purposes)}</strong></p>${purposes(receipt.categories)}
      <p><strong>${escape(t.words)}</strong></p>${shown}
    </li>`;
  });

  const history = `<section aria-labelledby="history"><h2 id="history">${escape(t.historyTitle)}</h2>${
    events.length ? `<ol class="history">${events.join('')}</ol>` : `<p>${escape(t.noReceipts)}</p>`
  }</section>`;
  const verify = `<section aria-labelledby="verify"><h2 id="verify">${escape(t.verifyTitle)}</h2><p>${escape(t.verifyText)}</p></section>`;
  const footer = `<footer><p>${escape(t.generated)}: ${when(proof.generatedAt, lang, timeZone)} ${fill(t.generatedBy, {
    version: escape(proof.collector.version),
    store: escape(proof.collector.store),
  })}</p></footer>`;

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escape(t.title)} ${escape(proof.consentId)}</title>
<style>${PROOF_CSS}</style>
</head>
<body>
<main>${head}${erasures}${history}${verify}${footer}</main>
</body>
</html>
`;
}
