import { render } from 'lit/html.js';

/**
 * A custom element that renders a lit-html template into its open shadow root, with its
 * class's stylesheets adopted (built once, shared by every instance).
 *
 * Why not `LitElement`: its reactive-property machinery (attributes, converters,
 * reflection) costs 2.2 KB gzip of the 14 KB first-visit budget, and this widget's root has
 * no attributes to observe; it is driven by its session. What remains of the lifecycle is
 * Lit's own shape: `requestUpdate()` batches to one render per microtask, `updated()`
 * runs after it, and `updateComplete` settles when it is on screen (open-wc's `fixture`
 * and `elementUpdated` await it).
 */
export abstract class ShadowElement extends HTMLElement {
  /** Adopted by each instance's shadow root. */
  static styles: CSSStyleSheet[] = [];

  readonly renderRoot: ShadowRoot;
  private pending: Promise<void> | null = null;

  constructor() {
    super();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    this.renderRoot.adoptedStyleSheets = (this.constructor as typeof ShadowElement).styles;
  }

  /** Settles once no render is pending, including those that `updated()` requested. */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      while (this.pending) await this.pending;
      return true;
    })();
  }

  /** Renders on the next microtask; calls within the same task render once. */
  requestUpdate(): void {
    this.pending ??= Promise.resolve().then(() => {
      this.pending = null;
      render(this.render(), this.renderRoot, { host: this });
      this.updated();
    });
  }

  /** After each render, with the DOM up to date. */
  protected updated(): void {}

  protected abstract render(): unknown;
}
