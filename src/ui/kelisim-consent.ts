import { html, nothing } from 'lit/html.js';
import { VERSION } from '../core/version.js';
import type { Session, SessionActions } from '../core/session/types.js';
import type { UiView } from '../core/types.js';
import type { ConsentDetail, Language } from '../core/types.js';
import { banner, bannerStyles } from './banner.js';
import { complete, inLanguage, prepareContext, type UiContext, type ViewHandlers } from './context.js';
import { ShadowElement } from './element.js';
import { shownTexts } from './shown-texts.js';
import { keepFocusInSight } from './scroll-padding.js';
import { base, styleSheet, tokens } from './styles.js';

/** Sent with decisions as `uiVersion`: which templates the hashed texts were shown in (the package's version). */
export const UI_VERSION = VERSION;

/**
 * The consent interface: the first-visit banner, the preferences dialog and the change
 * notice, in an open shadow root. The loader's `mount()` creates it (or finds the page's
 * own) and calls {@link KelisimConsent.show}; the element then reports what it shows to
 * the session's decisions (`viewShown`, for the receipts' `textsHash`), turns the
 * visitor's choices into decisions, and closes once a choice is made, here, by the page's
 * API or in another tab.
 *
 * @csspart banner - The first-visit banner (a region, or a `<dialog>` with `layout: "modal"`).
 * @csspart notice - The change notice.
 * @csspart preferences - The preferences `<dialog>`.
 * @csspart title - Each view's heading.
 * @csspart intro - The banner's first paragraph: the operator (with BIN and address when configured) and what is on before a choice.
 * @csspart points - The banner's list of what a consent must say.
 * @csspart accept-all-scope - What "accept all" turns on, sharing with Partners abroad included.
 * @csspart abroad - The countries of the services outside Kazakhstan, when the site names services.
 * @csspart term - How long the choice lasts.
 * @csspart changes-rule - How a policy change is announced and accepted (clause 1.2).
 * @csspart confirm - Above the banner's buttons: pressing any of them is recorded with these words.
 * @csspart summary - The layered policy summary.
 * @csspart summary-item - One expandable part of the summary (`<details>`).
 * @csspart policy-link - The link to the full policy.
 * @csspart language - The language switch.
 * @csspart message - A notice that GPC was honoured (also `gpc`) or that a guardian must agree (also `minor`).
 * @csspart gpc - The message that the browser's Global Privacy Control signal was honoured (also `message`).
 * @csspart minor - The message that a legal representative must agree for a known minor (also `message`).
 * @csspart actions - A view's row of actions.
 * @csspart button - Every action button.
 * @csspart accept-all - Accept all.
 * @csspart reject-all - Reject optional categories.
 * @csspart open-preferences - Opens the preferences (the banner's "Customise", the notice's "Review settings").
 * @csspart category - One category in the preferences.
 * @csspart switch - A category's switch (`<input type="checkbox" role="switch">`).
 * @csspart locked - Why an adult-only category is locked for a minor.
 * @csspart services - A category's list of the services that receive data.
 * @csspart service - One service: its name and country.
 * @csspart country - A service's country, in the visitor's language.
 * @csspart cross-border - "Cross-border transfer", after a country other than Kazakhstan.
 * @csspart service-link - A service's own privacy notice.
 * @csspart save - Saves the preferences.
 * @csspart withdraw - Withdraws consent (clause 2.5).
 * @csspart withdrawn - What withdrawal did, and where to write to end the User Agreement.
 * @csspart published - The notice's publication date.
 * @csspart changes-details - The notice's disclosure of what changed.
 * @csspart changes - The notice's list of what changed.
 * @csspart new-categories - The notice's sentence naming the new categories.
 * @csspart implicit - The notice's clause 1.2 sentence: the day from which continued use accepts, or that the period has passed.
 * @csspart accept-notice - Accepts the changed policy.
 * @csspart close - Closes the preferences or the notice without deciding.
 *
 * @cssproperty --kelisim-bg - Background. Default #fff; dark #111827.
 * @cssproperty --kelisim-fg - Text, links and icons. Default #111827; dark #f9fafb.
 * @cssproperty --kelisim-accent - Action buttons and switches that are on. Default #1d4ed8; dark #93c5fd.
 * @cssproperty --kelisim-accent-fg - Text on the accent. Default #fff; dark #111827.
 * @cssproperty --kelisim-border - Borders and switches that are off. Default #6b7280; dark #9ca3af.
 * @cssproperty --kelisim-focus - The focus ring. Default #1d4ed8; dark #93c5fd.
 * @cssproperty --kelisim-radius - Corner radius. Default 8px.
 * @cssproperty --kelisim-space - Padding and gaps. Default 1rem.
 * @cssproperty --kelisim-font - Font family. Default: the page's.
 * @cssproperty --kelisim-font-size - Base font size. Default 1rem.
 * @cssproperty --kelisim-shadow - The views' shadow.
 * @cssproperty --kelisim-z-index - Stacking of the non-modal views. Default 2147483000.
 *
 * @fires kelisim:consent - (on `document`, from the decisions) after accept all, reject, save, withdraw and accept-notice.
 * @fires kelisim:withdraw - (on `document`) after withdraw.
 * @fires kelisim:notice - (on `document`) when the change notice is shown.
 */
export class KelisimConsent extends ShadowElement {
  static styles = [styleSheet(tokens, base, bannerStyles)];

  /** The session this element shows; set by {@link show}. */
  session: Session | null = null;

  private context: UiContext | null = null;
  private preparing: Promise<void> | null = null;
  /** The view under the dialog: the banner, the notice, or none. */
  private view: 'banner' | 'notice' | null = null;
  private preferencesOpen = false;
  /** Set once the visitor withdrew in the open dialog: it then says what that did (clause 2.5). */
  private withdrawn = false;
  /** The withdrawal message takes the focus once, when it appears. */
  private focusWithdrawn = false;
  /** Where focus was when the dialog opened; it goes back there when the dialog closes. */
  private returnFocus: HTMLElement | null = null;
  /** The view and texts last reported to `viewShown`, so each change is reported once. */
  private reported = '';
  /** The summary's parts the visitor has open: only their sentences are in the page. */
  private readonly openSummary = new Set<string>();
  /** The preferences and the notice (`panels.ts`), once fetched. */
  private panels: Panels | null = null;
  private fetchingPanels: Promise<void> | null = null;
  /** The decisions, once fetched: until then a control's decision waits for them. */
  private actions: SessionActions | null = null;
  /** The non-modal view on screen, and the function that stops keeping focus above it. */
  private overlay: HTMLElement | null = null;
  private stopKeepingFocusInSight: (() => void) | null = null;

  private readonly on: ViewHandlers = {
    acceptAll: () => this.decide((actions) => actions.acceptAll()),
    rejectAll: () => this.decide((actions) => actions.rejectAll()),
    save: () => {
      const chosen = this.switchedOn();
      this.decide((actions) => actions.accept(chosen));
    },
    acceptNotice: () => this.decide((actions) => actions.acceptPolicy('button')),
    withdraw: () => this.decide((actions) => actions.withdraw()),
    openPreferences: () => this.openPreferences(),
    closePreferences: () => this.dialog()?.close(),
    preferencesClosed: () => this.handlePreferencesClosed(),
    dismissNotice: () => this.close('notice'),
    setLanguage: (lang) => void this.setLanguage(lang),
    toggleSummary: (part, open) => {
      if (open) this.openSummary.add(part);
      else this.openSummary.delete(part);
      // Its sentences come with the rest of the texts.
      void this.fetchPanels();
      this.requestUpdate();
    },
  };

  connectedCallback(): void {
    document.addEventListener('kelisim:consent', this.handleConsent);
    for (const type of ['pointerover', 'touchstart', 'focusin'])
      this.renderRoot.addEventListener(type, this.handleIntent, { passive: true });
    if (this.context) this.requestUpdate();
  }

  disconnectedCallback(): void {
    document.removeEventListener('kelisim:consent', this.handleConsent);
    this.stopKeepingFocusInSight?.();
    this.stopKeepingFocusInSight = this.overlay = null;
  }

  protected updated(): void {
    const root = this.renderRoot;
    // The modal banner first, so that the preferences open on top of it.
    for (const dialog of root.querySelectorAll('dialog')) if (!dialog.open) dialog.showModal();
    const overlay = root.querySelector<HTMLElement>('.overlay');
    if (overlay !== this.overlay) {
      this.stopKeepingFocusInSight?.();
      this.overlay = overlay;
      this.stopKeepingFocusInSight = overlay && keepFocusInSight(overlay);
    }
    if (this.focusWithdrawn) root.querySelector<HTMLElement>('[part~="withdrawn"]')?.focus();
    this.focusWithdrawn = false;

    // Report what is on top now, and the exact words on it, once per change: a decision
    // made next is hashed with these texts.
    const top = this.dialog() ?? root.querySelector('[part~="banner"], [part~="notice"]');
    const view: UiView | null = this.preferencesOpen ? 'preferences' : this.view;
    const texts = top ? shownTexts(top) : [];
    const key = top && view ? `${view}\n${texts.join('\n')}` : '';
    if (key && key !== this.reported && this.session) {
      // Left with the session: the decisions record it when they arrive, whoever wakes them.
      this.session.shown = { view: view!, texts, uiVersion: UI_VERSION };
      if (this.actions) this.actions.recordShown();
      // Once this frame is painted: the decisions are not on the banner's critical path, yet
      // the receipt of what was shown needs them.
      else afterPaint(() => void this.fetchActions());
    }
    this.reported = key;
  }

  /**
   * Settles once everything a control needs is here: the decisions chunk and the panels
   * with the rest of the texts. The element fetches the decisions once its first view is
   * painted and the panels when the visitor reaches for it; a page (or a test) that drives
   * it by hand can wait for both.
   */
  whenReady(): Promise<void> {
    return Promise.all([this.fetchActions(), this.fetchPanels()]).then(() => {});
  }

  /** Fetches the decisions and has them record what is on screen. */
  private async fetchActions(): Promise<void> {
    const actions = await this.session?.actions();
    if (!actions) return;
    this.actions = actions;
    actions.recordShown();
  }

  /**
   * The visitor reaches for the view (a pointer over it, a touch, the keyboard's focus in
   * it): the panels and the rest of the texts, which "customise" and the summary's
   * paragraphs need, are fetched now rather than on every first visit.
   */
  private readonly handleIntent = (): void => void this.fetchPanels();

  /**
   * A decision from one of this element's controls, with the decisions chunk's actions: at
   * once when they are here, else when they arrive (a click on a slow link, before the
   * chunk did). The decisions record what is on screen first (`recordShown`), so the
   * decision is proven by the words the visitor saw.
   */
  private decide(choose: (actions: SessionActions) => unknown): void {
    const apply = (actions: SessionActions) => {
      this.actions = actions;
      actions.language = this.context!.lang;
      choose(actions);
    };
    if (this.actions) apply(this.actions);
    else
      this.session?.actions().then(apply, (error: Error) => this.session?.report({ code: 'ui', message: `decisions: ${error.message}` }));
  }

  /**
   * Fetches the preferences and the notice once, and the rest of the texts they speak,
   * and adopts their styles.
   */
  private fetchPanels(): Promise<void> {
    return (this.fetchingPanels ??= Promise.all([import('./panels.js'), this.completeTexts()]).then(
      ([panels]) => {
        this.panels = panels;
        this.renderRoot.adoptedStyleSheets = [...KelisimConsent.styles, styleSheet(panels.noticeStyles, panels.preferencesStyles)];
        this.requestUpdate();
      },
      (error: Error) => {
        this.fetchingPanels = null;
        this.session?.report({ code: 'ui', message: `interface: ${error.message}` });
      },
    ));
  }

  /** Fetches the rest of the texts (the summary's paragraphs, the panels' words) once. */
  private async completeTexts(): Promise<void> {
    const done = await complete(this.context!);
    // The visitor may have switched languages meanwhile: theirs, whole.
    this.context = this.context!.lang === done.lang ? done : await inLanguage({ ...this.context!, complete: true }, this.context!.lang);
    this.requestUpdate();
  }

  /**
   * Shows a view for this session: the first call prepares it (texts, checked config);
   * later ones reuse that. `preferences` opens over whatever is shown. The notice and the
   * preferences wait for the panels; the banner needs nothing more.
   */
  async show(view: UiView, session: Session): Promise<void> {
    if (this.session !== session) {
      this.session = session;
      this.context = null;
      // Once: later the context changes (the rest of the texts, another language) and stays so.
      this.preparing = prepareContext(session).then((context) => void (this.context = context));
    }
    await this.preparing;
    if (view !== 'banner') await this.fetchPanels();
    if (view === 'preferences') this.openPreferences();
    else this.view = view;
    this.requestUpdate();
    await this.updateComplete;
  }

  /**
   * A choice was made: here, through the page's API, or in another tab (`sync`). Every view
   * closes, except that a withdrawal in the open dialog stays to say what it did.
   */
  private readonly handleConsent = (event: CustomEvent<ConsentDetail>): void => {
    this.view = null;
    if (event.detail.method === 'withdraw' && this.preferencesOpen) {
      this.withdrawn = this.focusWithdrawn = true;
      // Lit sets `.checked` only when its bound value changes; withdrawal also unchecks what the visitor had just turned on.
      for (const input of this.switches()) if (!input.disabled) input.checked = false;
      this.requestUpdate();
    } else {
      this.dialog()?.close();
      this.handlePreferencesClosed();
      this.requestUpdate();
    }
  };

  /** The dialog closed (Escape, the close button, or a decision): focus goes back where it was. */
  private handlePreferencesClosed(): void {
    if (!this.preferencesOpen) return;
    this.preferencesOpen = false;
    this.requestUpdate();
    const target = this.returnFocus;
    this.returnFocus = null;
    // Chromium's dialog.close() already restores focus; engines that do not get it here,
    // after the render, since a decision may have removed the view that held the focus.
    void this.updateComplete.then(() => target?.isConnected && target.focus());
  }

  private openPreferences(): void {
    if (!this.preferencesOpen) this.returnFocus = activeElement();
    this.preferencesOpen = true;
    this.withdrawn = false;
    this.requestUpdate();
  }

  private close(view: 'banner' | 'notice'): void {
    if (this.view === view) this.view = null;
    this.requestUpdate();
  }

  private async setLanguage(lang: Language): Promise<void> {
    if (!this.context || lang === this.context.lang) return;
    this.context = await inLanguage(this.context, lang);
    this.requestUpdate();
  }

  private dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog[part~="preferences"]');
  }

  private switches(): HTMLInputElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLInputElement>('[role="switch"]')];
  }

  private switchedOn(): string[] {
    return this.switches()
      .filter((input) => input.checked && !input.disabled)
      .map((input) => input.name);
  }

  protected render(): unknown {
    const { context } = this;
    if (!context) return nothing;
    const panels = context.complete ? this.panels : null;
    // The notice and the preferences come with the panels: asked for here when needed
    // before the idle fetch brought them; rendered when they arrive.
    if (!panels && (this.view === 'notice' || this.preferencesOpen)) void this.fetchPanels();
    const c = { ...context, on: this.on, openSummary: this.openSummary };
    return html`
      ${this.view === 'banner' ? banner(c) : this.view === 'notice' && panels ? panels.notice(c) : nothing}
      ${this.preferencesOpen && panels ? panels.preferences(c, this.withdrawn) : nothing}
    `;
  }
}

/** The preferences and the notice, fetched apart from the banner. */
type Panels = typeof import('./panels.js');

/** Runs `callback` once the next frame has been painted; at once in a hidden tab, which paints none. */
const afterPaint = (callback: () => void): void =>
  void (document.hidden ? setTimeout(callback) : requestAnimationFrame(() => setTimeout(callback)));

/** The focused element, looking into shadow roots: the page's own button, or one of ours. */
function activeElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== document.body ? element : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'kelisim-consent': KelisimConsent;
  }
}
