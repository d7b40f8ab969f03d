/**
 * Loads the real loader (src/kelisim.ts, served by the test server) in a fresh same-origin
 * iframe with a page of our making: the config element, optional early scripts, one or more
 * loader tags. Cookies and localStorage are the real ones, shared with the test page.
 */
import type { KelisimApi } from '../../src/kelisim.js';
import { waitFor } from './core-helpers.js';

export { waitFor };

export interface TestPage {
  frame: HTMLIFrameElement;
  window: Window & { Kelisim?: KelisimApi; __errors: string[]; __events: Array<{ type: string; detail: unknown }> };
  document: Document;
  kelisim: KelisimApi;
  /** Paths of the modules this page requested under /src/. */
  requested(): string[];
  remove(): void;
}

export interface PageOptions {
  config?: unknown;
  /** Raw text of the config element, for invalid JSON. */
  configText?: string;
  /** Attributes of the loader tag, e.g. 'data-manual'. */
  loaderAttributes?: string;
  /** How many loader tags (each with its own URL, so each is a separate module instance). */
  loaders?: number;
  /** Classic script run before the loader. */
  before?: string;
  /** The page's content; by default one paragraph, so the page paints content (the loader waits for that paint). */
  body?: string;
  lang?: string;
  /** Wait for Kelisim.ready (default true). */
  waitReady?: boolean;
}

const EVENTS = ['kelisim:ready', 'kelisim:consent', 'kelisim:notice', 'kelisim:withdraw', 'kelisim:error'];

export async function openPage(options: PageOptions = {}): Promise<TestPage> {
  const frame = document.createElement('iframe');
  const configText = options.configText ?? (options.config === undefined ? null : JSON.stringify(options.config));
  const loaders = Array.from(
    { length: options.loaders ?? 1 },
    (_, i) => `<script type="module" ${options.loaderAttributes ?? ''} src="/src/kelisim.ts${i ? `?copy=${i}` : ''}"></script>`,
  ).join('\n');
  frame.srcdoc = `<!doctype html><html lang="${options.lang ?? 'en'}"><head>
<script>
  window.__errors = [];
  window.__events = [];
  const original = console.error;
  console.error = (...args) => { window.__errors.push(args.join(' ')); original.apply(console, args); };
  for (const type of ${JSON.stringify(EVENTS)}) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  ${options.before ?? ''}
</script>
${configText === null ? '' : `<script type="application/json" id="kelisim-config">${configText}</script>`}
</head><body>${options.body ?? '<p>A page.</p>'}
${loaders}
</body></html>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as TestPage['window'];
  await waitFor(() => !!win.Kelisim);
  if (options.waitReady !== false) await win.Kelisim!.ready;
  return {
    frame,
    window: win,
    document: frame.contentDocument!,
    kelisim: win.Kelisim!,
    requested: () =>
      (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/src/')),
    remove: () => frame.remove(),
  };
}

/**
 * Gives every test of the calling suite a clean origin (no cookie, no localStorage entry)
 * and, after it, runs `cleanup` (removing its pages) before cleaning again.
 */
export function cleanEachTest(cleanup: () => void = () => {}): void {
  beforeEach(clearStorage);
  afterEach(() => {
    cleanup();
    clearStorage();
  });
}

/** Removes every cookie and localStorage entry this origin has, so each test starts new. */
export function clearStorage(): void {
  for (const pair of document.cookie.split('; ')) {
    const name = pair.split('=')[0];
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
  localStorage.clear();
}

/**
 * The stored record, as a page would read it (the cookie is URI-encoded JSON). Read it
 * through the page that wrote it: Chromium caches cookies per document, so another
 * document of the same origin may see a write a moment later.
 */
export function storedCookie(doc: Document = document, name = 'kelisim_consent'): Record<string, unknown> | null {
  const pair = doc.cookie.split('; ').find((p) => p.startsWith(`${name}=`));
  return pair ? JSON.parse(decodeURIComponent(pair.slice(name.length + 1))) : null;
}

/** The policy the page tests run with: the built-in version, published 1 June 2026. */
export const POLICY = { version: '2026-06-01', publishedAt: '2026-06-01' };

/** A returning visitor's stored choice for {@link POLICY}, decided yesterday: analytics on, marketing and partners off, unless `over` says otherwise. */
export const storedChoice = (over: Record<string, unknown> = {}) => ({
  v: 1,
  id: '3f1c2a4e-1111-4222-8333-444455556666',
  policyVersion: '2026-06-01',
  categories: { necessary: true, analytics: true, marketing: false, partners: false },
  decidedAt: new Date(Date.now() - 86_400_000).toISOString(),
  updatedAt: new Date(Date.now() - 86_400_000).toISOString(),
  policyAcceptedBy: 'button',
  lang: 'en',
  ...over,
});

/** Writes a record as the widget would. */
export function storeCookie(record: object, name = 'kelisim_consent'): void {
  document.cookie = `${name}=${encodeURIComponent(JSON.stringify(record))}; path=/; SameSite=Lax`;
}
