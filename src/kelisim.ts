/**
 * The loader: the one file every page view downloads. It reads the config and the stored
 * choice, sets Consent Mode defaults, runs what is allowed, resumes unsent receipts,
 * exposes `window.Kelisim`, and imports the interface only when something must be shown.
 * Nothing from `ui/` is imported statically, so a returning visitor never downloads it.
 *
 * @packageDocumentation
 */
import type { Actions } from './core/actions.js';
import { readPageConfig, resolveConfig } from './core/config.js';
import { emit, on } from './core/events.js';
import { pickLanguage, TEXT_CHUNKS } from './core/language.js';
import { createSession, type Session, type UiView } from './core/session.js';
import { isCrawler } from './core/signals.js';
import { showReopenButton } from './reopen-button.js';
import type { Consent, KelisimError, KelisimOptions, ReadyDetail } from './core/types.js';

export type * from './core/types.js';
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

/**
 * Imports the interface chunk, relative to this file, so dist/ works from any path. The
 * decisions and the shown language's texts start downloading at the same time: the
 * interface needs both, and would otherwise ask for them only once it has arrived.
 */
function mountUi(view: UiView, session: Session): void {
  void session.actions();
  void TEXT_CHUNKS[pickLanguage(session.config.language, session.record?.lang)]();
  import('./ui/mount.js').then(
    (ui) => ui.mount(view, session),
    (error: Error) => session.report({ code: 'ui', message: `interface failed to load: ${error.message}` }),
  );
}

/** One console line for the developer, naming every problem; one DOM event each for the page. */
function report(problems: KelisimError[]): void {
  if (!problems.length) return;
  console.error(`kelisim:\n${problems.map((p) => `- ${p.key ?? p.code}: ${p.message}`).join('\n')}`);
  for (const problem of problems) emit('kelisim:error', problem);
}

function createApi(): KelisimApi {
  let session: Session | undefined;
  let announce!: (detail: Promise<ReadyDetail> | ReadyDetail) => void;
  const ready = new Promise<ReadyDetail>((resolve) => (announce = resolve));

  const start = (input: unknown, problems: KelisimError[] = []): Promise<ReadyDetail> => {
    if (session) return report([{ code: 'config', message: 'already started: init() ignored' }]), ready;
    const { config, deferred, problems: found, fatal } = resolveConfig(input);
    report(problems.concat(found, fatal ? [{ code: 'config', key: 'policy.version', message: `${fatal}; nothing is shown` }] : []));
    if (fatal) {
      const none: ReadyDetail = { view: 'none', consent: null };
      emit('kelisim:ready', none);
      announce(none);
    } else {
      const crawler = isCrawler();
      const active = (session = createSession(config, deferred, { mount: crawler ? undefined : mountUi }));
      announce(active.start());
      if (config.reopenButton && !crawler) {
        // Once there is a choice to revisit: at once for a returning visitor, after the first decision otherwise.
        const reopen = () => active.consent() && showReopenButton(active);
        // A returning visitor's control can wait for an idle moment: it is not what they came for.
        void ready.then(() => (window.requestIdleCallback ?? setTimeout)(reopen));
        document.addEventListener('kelisim:consent', reopen);
      }
    }
    return ready;
  };

  /** A decision, once the decisions chunk is there. */
  const act = (action: (actions: Actions) => Consent | null): Promise<Consent | null> =>
    session ? session.actions().then(action) : (report([{ code: 'config', message: 'not started: call init() first' }]), Promise.resolve(null));

  const tag = [...document.querySelectorAll('script')].find((script) => script.src === import.meta.url);
  if (!tag?.hasAttribute('data-manual')) {
    const auto = () => {
      const { value, problem } = readPageConfig();
      void start(value, problem ? [problem] : []);
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
    acceptAll: () => act((a) => a.acceptAll()),
    rejectAll: () => act((a) => a.rejectAll()),
    accept: (ids) => act((a) => a.accept(Array.isArray(ids) ? ids : [])),
    withdraw: () => act((a) => a.withdraw()),
    showPreferences: () => session?.show('preferences'),
    showBanner: () => session?.show('banner'),
    setSubject: (subject) => {
      // At once, so allows() answers for a minor before the decisions chunk arrives.
      if (session) session.minor = subject?.minor === true;
      void act((a) => a.setSubject(subject?.minor === true));
    },
    on,
    ready,
    version: '1.0.0',
  };
}

/** One widget per page, however many times the script is included. */
const kelisim: KelisimApi = (window.Kelisim ??= createApi());

export default kelisim;
export const { init, getConsent, allows, acceptAll, rejectAll, accept, withdraw, showPreferences, showBanner, setSubject, ready, version } = kelisim;
export { on };
