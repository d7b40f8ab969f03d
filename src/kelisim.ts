/**
 * The loader: the one file every page view downloads. It reads the config and the stored
 * choice, sets Consent Mode defaults, runs what is allowed, resumes unsent receipts,
 * exposes `window.Kelisim`, and imports the interface only when something must be shown.
 * Nothing from `ui/` is imported statically, so a returning visitor never downloads it.
 *
 * @packageDocumentation
 */
import { checkedFingerprints } from './core/checked/known.js';
import { VERSION } from './core/config/defaults.js';
import { emit, on } from './core/events.js';
import { pickLanguage, TEXT_CHUNKS } from './core/language.js';
import type { LoadedConfig } from './core/config/loaded.js';
import { knownConfig, readPageConfig } from './core/config/page.js';
import { watch, type GatedRoot } from './core/gating/scripts.js';
import { CHUNK_HINT, createSession, unloaded, type Session } from './core/session/session.js';
import { isCrawler } from './core/signals/crawler.js';
import type { Consent, KelisimError, KelisimOptions, ReadyDetail, UiView } from './core/types.js';

export type * from './core/types.js';
export type * from './jsx.js';
export type { KelisimEventName } from './core/events.js';

/** `window.Kelisim`: the same functions as this module's exports. */
export interface KelisimApi {
  /** Starts with this config; for a loader tag with `data-manual`. Resolves like `ready`. */
  init(config?: KelisimOptions): Promise<ReadyDetail>;
  /** The stored choice and where it lives, or `null` before any choice. */
  getConsent(): Consent | null;
  /** Whether a category is allowed now. */
  allows(category: string): boolean;
  /** Accepts every optional category that GPC or minor status does not hold back; resolves to the new choice. */
  acceptAll(): Promise<Consent | null>;
  /** Refuses every optional category. */
  rejectAll(): Promise<Consent | null>;
  /** Allows exactly these categories (and the required ones). */
  accept(ids: string[]): Promise<Consent | null>;
  /** Withdraws consent to every optional category (clause 2.5). */
  withdraw(): Promise<Consent | null>;
  /** Opens the preferences dialog. */
  showPreferences(): void;
  /** Shows the first-visit banner again. */
  showBanner(): void;
  /** Marks the visitor as a minor: adult-only categories stay off (SPEC §6). */
  setSubject(subject: { minor?: boolean }): void;
  /**
   * Gates what `root` holds (a shadow root, or a subtree a framework renders outside the
   * document) and whatever is added to it later; no argument: looks again everywhere. The
   * document itself is always watched.
   */
  scan(root?: GatedRoot): Promise<void>;
  /** Listens to a kelisim event (`"consent"` or `"kelisim:consent"`); returns the unsubscribe function. */
  on: typeof on;
  /** Settles once the loader has decided what this page view shows. */
  ready: Promise<ReadyDetail>;
  /** The package version. */
  version: string;
}

declare global {
  interface Window {
    Kelisim?: KelisimApi;
  }
}

/** Imports the interface chunk, relative to this file, so dist/ works from any path. */
const loadUi = () => import('./ui/mount.js');

/** Imports the config checker: for a config this browser has not yet seen clean. */
const loadCheck = () => import('./core/config/check.js');

/**
 * Runs `then` once the page has painted its first content (its first-contentful-paint
 * entry, which comes when the pixels were shown), so that nothing the banner requests or
 * runs competes with the page's own first paint. Looked for once a frame: a page that
 * paints no content goes on after 20 frames, a hidden tab (it paints nothing) at once.
 */
const afterFirstPaint = (then: () => void, frames = 20): unknown =>
  document.hidden || !frames || performance.getEntriesByName('first-contentful-paint').length
    ? then()
    : requestAnimationFrame(() => setTimeout(afterFirstPaint, 0, then, frames - 1));

/**
 * Shows a view. The shown language's texts start downloading beside the interface, which
 * would otherwise ask for them only once it has arrived. The decisions are not needed to
 * paint: the interface fetches them once its view shows. On a first visit the wait for the
 * paint is over by now; a returning visitor's notice waits here.
 */
function mountUi(view: UiView, session: Session): void {
  afterFirstPaint(() => {
    // A head start only: the interface imports them itself and reports a failure (here it would be a page error).
    TEXT_CHUNKS[pickLanguage(session.config.language, session.record?.lang)]().catch(() => {});
    loadUi().then((ui) => ui.mount(view, session), unloaded);
  });
}

/** A second start, or a chunk that would not load: said once in the console, and as `kelisim:error`. */
function complain(message: string): void {
  console.error(`kelisim: ${message}`);
  emit('kelisim:error', { code: 'config', message });
}

/** The decisions that the API forwards to the decisions chunk. */
type Decision = 'acceptAll' | 'rejectAll' | 'accept' | 'withdraw' | 'setSubject';

function createApi(): KelisimApi {
  let session: Session | undefined;
  let started = false;
  const crawler = isCrawler();
  let announce!: (detail: Promise<ReadyDetail> | ReadyDetail) => void;
  const ready = new Promise<ReadyDetail>((resolve) => (announce = resolve));

  /** Runs on a config as the checker (or the shortcut for a known clean one) left it; `null`: it cannot run. */
  const run = (loaded: LoadedConfig | null) => {
    if (!loaded) {
      const none: ReadyDetail = { view: 'none', consent: null };
      emit('kelisim:ready', none);
      return announce(none);
    }
    const active = (session = createSession(loaded.config, loaded.deferred, { mount: crawler ? undefined : mountUi }));
    announce(active.start());
    if (loaded.config.reopenButton && !crawler) {
      // Once there is a choice to revisit: at once for a returning visitor, after the first decision otherwise.
      // A chunk of its own (SPEC §6's gating needed the loader's room): a returning visitor's
      // second request, at an idle moment, from the HTTP cache after the first time.
      const reopen = () => active.consent() && import('./reopen-button.js').then((control) => control.showReopenButton(active), unloaded);
      // A returning visitor's control can wait for an idle moment: it is not what they came for.
      void ready.then(() => (window.requestIdleCallback ?? setTimeout)(reopen));
      on('consent', reopen);
    }
  };

  const start = (input: unknown, problem?: KelisimError): Promise<ReadyDetail> => {
    if (started) return (complain('already started: init() ignored'), ready);
    started = true;
    const { json, known } = problem ? {} : knownConfig(input);
    if (known) run(known);
    else {
      // No config ever seen clean in this browser: a first visit, so the interface and the
      // texts it will most likely show download while the checker looks at the config. (A
      // changed config on a later visit is checked first.) mountUi reports a failure.
      afterFirstPaint(() => {
        if (!crawler && !checkedFingerprints().length) {
          loadUi().catch(() => {});
          // The page's language as given, unchecked: one that is not built in picks as `auto` does.
          TEXT_CHUNKS[pickLanguage((input as KelisimOptions | null | undefined)?.language ?? 'auto')]().catch(() => {});
        }
        loadCheck().then(
          (checker) => run(checker.checkConfig(input, json, problem)),
          (error: Error) => (complain(`config check: ${error.message}${CHUNK_HINT}`), run(null)),
        );
      });
    }
    return ready;
  };

  /**
   * A decision, once the widget has started (a page with `data-manual` may decide before
   * its `init()`) and the decisions chunk is there; `null` when the config cannot run.
   */
  const act = (decision: Decision, argument?: unknown): Promise<Consent | null> =>
    ready.then(() => session?.actions().then((actions) => actions[decision](argument as never)) ?? null);

  if (![...document.scripts].find((script) => script.src === import.meta.url)?.hasAttribute('data-manual')) {
    const auto = () => {
      const { value, problem } = readPageConfig();
      void start(value, problem);
    };
    // After window.Kelisim is set, so listeners of kelisim:ready can call the API. A classic
    // tag in <head> (the IIFE build) runs before the config element, the gated scripts and
    // <body> exist: it waits until the document is parsed, where a module tag already is.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', auto);
    else queueMicrotask(auto);
  }
  return {
    init: (config) => start(config),
    getConsent: () => session?.consent() ?? null,
    allows: (id) => !!session?.allows(id),
    acceptAll: () => act('acceptAll'),
    rejectAll: () => act('rejectAll'),
    accept: (ids) => act('accept', ids),
    withdraw: () => act('withdraw'),
    showPreferences: () => session?.show('preferences'),
    showBanner: () => session?.show('banner'),
    setSubject: (subject) => {
      // At once, so allows() answers for a minor before the decisions chunk arrives.
      const minor = subject?.minor === true;
      if (session) session.minor = minor;
      void act('setSubject', minor);
    },
    scan: (root) => watch(root),
    on,
    ready,
    version: VERSION,
  };
}

/** One widget per page, however many times the script is included. */
const kelisim: KelisimApi = (window.Kelisim ??= createApi());

export default kelisim;
export const {
  init,
  getConsent,
  allows,
  acceptAll,
  rejectAll,
  accept,
  withdraw,
  showPreferences,
  showBanner,
  setSubject,
  scan,
  ready,
  version,
} = kelisim;
export { on };
