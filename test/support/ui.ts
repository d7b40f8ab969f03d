/**
 * Helpers for the interface's browser tests: a real session started on a clean page
 * (cookies and localStorage emptied), the element it mounts, the DOM events it causes,
 * and the keyboard. Nothing is stubbed: decisions write real cookies.
 */
import { sendKeys } from '@web/test-runner-commands';
import { resolveConfig } from '../../src/core/config/check.js';
import { createSession, type Session } from '../../src/core/session/session.js';
import type { UiView } from '../../src/core/types.js';
import type { ConsentRecord, KelisimEventMap } from '../../src/core/types.js';
import type { KelisimConsent } from '../../src/ui/kelisim-consent.js';
import { mount } from '../../src/ui/mount.js';

export const COOKIE = 'kelisim_consent';

/** The built-in policy version (config.ts): a record of another version gets the change notice. */
export const CURRENT_VERSION = '2026-06-01';

/** Empties what a previous test left: cookies, localStorage, elements, GPC, `<html lang>`. */
export function resetPage(): void {
  for (const entry of document.cookie.split('; ')) {
    const name = entry.slice(0, entry.indexOf('='));
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  localStorage.clear();
  document.querySelectorAll('kelisim-consent, kelisim-reopen, [data-test]').forEach((element) => element.remove());
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  document.documentElement.lang = 'en';
}

/** Turns Global Privacy Control on for this page, as a browser that sends it does. */
export function sendGpc(): void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
}

/** A stored choice to start from; by default an earlier policy version's, so the notice shows. */
export function storedRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  return {
    v: 1,
    id: '3f1c2a4e-1111-4222-8333-444455556666',
    policyVersion: '2026-01-01',
    categories: { necessary: true, analytics: true, marketing: false, partners: false },
    decidedAt: at,
    updatedAt: at,
    policyAcceptedBy: 'button',
    lang: 'en',
    ...overrides,
  };
}

/** Stores a record as the widget would (js-cookie: URI-encoded JSON). */
export function storeRecord(record: ConsentRecord): void {
  document.cookie = `${COOKIE}=${encodeURIComponent(JSON.stringify(record))}; path=/`;
}

/** The stored choice, parsed, or `null`. */
export function readRecord(): ConsentRecord | null {
  const pair = document.cookie.split('; ').find((entry) => entry.startsWith(`${COOKIE}=`));
  return pair ? (JSON.parse(decodeURIComponent(pair.slice(COOKIE.length + 1))) as ConsentRecord) : null;
}

export interface Started {
  session: Session;
  element: KelisimConsent;
  /** The element's shadow root. */
  root: ShadowRoot;
}

export interface StartOptions {
  /** The page's config, as `<script id="kelisim-config">` would give it. */
  config?: Record<string, unknown>;
  /** Stored before the session starts. */
  record?: ConsentRecord;
  minor?: boolean;
  now?: () => Date;
  /** Opens this view after the start, as `showPreferences()` does (for a visitor who sees nothing at first). */
  open?: UiView;
}

/**
 * Starts a session as the loader does, with the interface's real `mount`, and waits until
 * the view it decided on is on screen and what its controls need has arrived (the decisions
 * and the panels, which the element fetches once the view is painted). A test of a click
 * before they arrive starts its own way.
 */
export async function start(options: StartOptions = {}): Promise<Started> {
  if (options.record) storeRecord(options.record);
  const { config, deferred } = resolveConfig({ language: 'en', ...options.config });
  const session = createSession(config, deferred, options.now ? { mount, now: options.now } : { mount });
  session.minor = !!options.minor;
  const ready = await session.start();
  if (options.open) session.show(options.open);
  const view = options.open ?? ready.view;
  if (view === 'none') throw new Error('the session decided to show nothing');
  const element = await until(() => document.querySelector('kelisim-consent'), 'the element');
  await until(() => element.renderRoot.querySelector(`[part~="${view}"]`), `the ${view}`);
  await element.whenReady();
  await settle(element);
  return { session, element, root: element.renderRoot };
}

/** Polls until `find` returns (or resolves to) something; fails with `what`. */
export async function until<T>(
  find: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
  timeout = 4000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The first node of a part in the shadow root; fails when there is none. */
export function part<T extends HTMLElement = HTMLElement>(root: ShadowRoot, name: string): T {
  const found = root.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}"`);
  return found;
}

/** Every kelisim DOM event from now on, in order, with its detail. */
export function recordEvents(): {
  events: Array<{ type: string; detail: unknown }>;
  of<K extends keyof KelisimEventMap>(type: K): KelisimEventMap[K][];
  stop(): void;
} {
  const events: Array<{ type: string; detail: unknown }> = [];
  const types = ['kelisim:ready', 'kelisim:consent', 'kelisim:notice', 'kelisim:withdraw', 'kelisim:error'];
  const listener = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail });
  for (const type of types) document.addEventListener(type, listener);
  return {
    events,
    of: <K extends keyof KelisimEventMap>(type: K) => events.filter((e) => e.type === type).map((e) => e.detail as KelisimEventMap[K]),
    stop: () => types.forEach((type) => document.removeEventListener(type, listener)),
  };
}

/** The focused element, looking into shadow roots. */
export function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** Presses a key, as a person at the keyboard does (Chromium's input pipeline, not a synthetic event). */
export const press = (key: string): Promise<void> => sendKeys({ press: key });

/**
 * Tabs until `target` has the focus, as a keyboard user reaches it; fails after `limit`
 * presses, so an unreachable control fails the test.
 */
export async function tabTo(target: Element, limit = 40): Promise<number> {
  for (let presses = 0; presses < limit; presses++) {
    if (focused() === target) return presses;
    await press('Tab');
  }
  throw new Error(`could not reach ${target.outerHTML.slice(0, 80)} with Tab`);
}

/**
 * Lets the element render what the last action changed, and its entrance animation end:
 * axe reads colours as they are on screen, and half-faded text has no contrast.
 */
export async function settle(element: KelisimConsent): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await element.updateComplete;
  await Promise.all(element.renderRoot.getAnimations().map((animation) => animation.finished));
}
