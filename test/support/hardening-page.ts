/**
 * Like test/support/page.ts's `openPage`, but the page has a real http address
 * (`/__hardening/pages/<name>`, served by test/support/hardening-plugin.mjs) instead of
 * `about:srcdoc`: receipts carry the page's address, and the collector refuses one that is
 * not http(s). Every error and unhandled rejection in the page is counted, and its
 * `console.error` calls and kelisim events are recorded, from before the loader runs.
 */
import type { KelisimApi } from '../../src/kelisim.js';
import { waitFor } from './page.js';

export interface RealPage {
  frame: HTMLIFrameElement;
  window: Window & { Kelisim?: KelisimApi; __errors: string[]; __pageErrors: string[]; __events: Array<{ type: string; detail: unknown }> };
  document: Document;
  kelisim: KelisimApi;
  url: string;
  remove(): void;
}

export interface RealPageOptions {
  config?: unknown;
  /** Attributes of each loader tag, e.g. 'data-manual'. */
  loaderAttributes?: string;
  /** How many loader tags (each with its own URL, so each is a separate module instance). */
  loaders?: number;
  /** Extra tags in `<head>`, after the listeners (classic scripts run before the loader). */
  head?: string;
  /** Classic script run before the loader. */
  before?: string;
  body?: string;
  /** Wait for Kelisim.ready (default true). */
  waitReady?: boolean;
  /** Query string and hash of the page's address, e.g. `?email=a%40b.kz#step-2`. */
  suffix?: string;
}

const EVENTS = ['kelisim:ready', 'kelisim:consent', 'kelisim:notice', 'kelisim:withdraw', 'kelisim:error'];

/** The page's HTML, with the listeners first and the loader tag(s) last. */
export function pageHtml(options: RealPageOptions): string {
  const loaders = Array.from(
    { length: options.loaders ?? 1 },
    (_, i) => `<script type="module" ${options.loaderAttributes ?? ''} src="/src/kelisim.ts${i ? `?copy=${i}` : ''}"></script>`,
  ).join('\n');
  const config =
    options.config === undefined
      ? ''
      : `<script type="application/json" id="kelisim-config">${JSON.stringify(options.config).replace(/</g, '\\u003c')}</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kelisim hardening</title>
<script>
  window.__errors = [];
  window.__pageErrors = [];
  window.__events = [];
  addEventListener('error', (e) => window.__pageErrors.push(String(e.message || e.error)));
  addEventListener('unhandledrejection', (e) => window.__pageErrors.push('unhandled rejection: ' + e.reason));
  const original = console.error;
  console.error = (...args) => { window.__errors.push(args.join(' ')); original.apply(console, args); };
  for (const type of ${JSON.stringify(EVENTS)}) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  ${options.before ?? ''}
</script>
${options.head ?? ''}
${config}
</head><body>${options.body ?? '<p>A page.</p>'}
${loaders}
</body></html>`;
}

let count = 0;

export async function openRealPage(options: RealPageOptions = {}): Promise<RealPage> {
  const name = `page-${Date.now().toString(36)}-${count++}`;
  const url = `${location.origin}/__hardening/pages/${name}`;
  const stored = await fetch(url, { method: 'PUT', body: pageHtml(options) });
  if (!stored.ok) throw new Error(`could not store the test page: HTTP ${stored.status}`);
  const frame = document.createElement('iframe');
  frame.src = url + (options.suffix ?? '');
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as RealPage['window'];
  await waitFor(() => !!win.Kelisim, 4000, 'window.Kelisim');
  if (options.waitReady !== false) await win.Kelisim!.ready;
  return { frame, window: win, document: frame.contentDocument!, kelisim: win.Kelisim!, url, remove: () => frame.remove() };
}

/** The widget's root and its view, once the interface has rendered it. */
export async function view(page: RealPage, part = 'banner'): Promise<ShadowRoot> {
  let root: ShadowRoot | null | undefined;
  await waitFor(
    () => !!(root = page.document.querySelector('kelisim-consent')?.shadowRoot)?.querySelector(`[part~="${part}"]`),
    4000,
    `the ${part}`,
  );
  return root!;
}
