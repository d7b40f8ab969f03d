/**
 * The placeholder of a blocked `<iframe data-kelisim="…" data-src="…">` (SPEC §6): in its
 * place and of its size, in the visitor's language, it says what the frame is (its
 * `data-kelisim-title`, else the host name of `data-src`, as text), which category it
 * needs, and offers a button that allows that category for this visitor (a recorded
 * decision, with its receipt) and one that opens the preferences.
 *
 * A chunk of its own, imported by the loader only when a page has a blocked frame and an
 * interface (no placeholder for crawlers). Nothing is fetched from the frame's host: no
 * favicon, no thumbnail. The frame stays where the page put it (a framework may own it),
 * hidden while a `<kelisim-embed>` stands before it; when the frame gets its `src`, both
 * change places in the same task, so nothing moves (no layout shift).
 *
 * @csspart embed - The placeholder's box.
 * @csspart title - What the frame is: `data-kelisim-title`, else the host name.
 * @csspart message - Where it loads from and which category it needs; for a known minor, who must agree.
 * @csspart actions - The row of the two buttons.
 * @csspart button - Each of them.
 * @csspart allow - Allows the frame's category (`accept([...allowed, id])`: a `custom` decision).
 * @csspart open-preferences - Opens the preferences.
 * @cssproperty --kelisim-bg - Background. Default #fff; dark #111827.
 * @cssproperty --kelisim-fg - Text. Default #111827; dark #f9fafb.
 * @cssproperty --kelisim-accent - The allow button. Default #1d4ed8; dark #93c5fd.
 * @cssproperty --kelisim-accent-fg - Text on the accent. Default #fff; dark #111827.
 * @cssproperty --kelisim-border - The box's border. Default #6b7280; dark #9ca3af.
 * @cssproperty --kelisim-focus - The focus ring. Default #1d4ed8; dark #93c5fd.
 * @cssproperty --kelisim-radius - Corner radius. Default 8px.
 * @cssproperty --kelisim-space - Padding and gaps. Default 1rem.
 * @cssproperty --kelisim-font - Font family. Default: the page's.
 * @cssproperty --kelisim-font-size - Base font size. Default 1rem.
 */
import { pickLanguage } from '../core/language.js';
import type { Session } from '../core/session/types.js';
import type { CategoryConfig, Language } from '../core/types.js';
import { VERSION } from '../core/version.js';
import { WORDS, type EmbedWords } from './words.js';

/** The tag of the placeholder element (an autonomous custom element name, never defined: plain DOM in a shadow root). */
export const TAG = 'kelisim-embed';

/** Each blocked frame's placeholder. */
const held = new Map<HTMLIFrameElement, HTMLElement>();

/** Roots already watched for frames leaving the page. */
const watched = new Set<Node>();

/**
 * Removes the placeholder of a frame that is gone (a single-page app's route change), or
 * that got its `src` (allowed): the frame shows again, in the same place. Run from a
 * MutationObserver, so before the next frame is painted.
 */
const observer = new MutationObserver(() => {
  for (const [frame, placeholder] of held) {
    if (frame.isConnected && !frame.hasAttribute('src')) continue;
    held.delete(frame);
    const focused = !!placeholder.shadowRoot!.activeElement;
    placeholder.remove();
    frame.style.setProperty('display', placeholder.dataset.display!, placeholder.dataset.priority);
    // Keyboard users stay where they were: on the frame that replaced the button they pressed,
    // once it has loaded (a frame focused while it navigates can lose it to the new document).
    if (focused && frame.isConnected) frame.addEventListener('load', () => frame.focus(), { once: true });
  }
});

/** Gives each blocked frame its placeholder, once. Called by gating with every frame still blocked. */
export function hold(frames: HTMLIFrameElement[], session: Session): void {
  const lang = pickLanguage(session.config.language, session.record?.lang);
  for (const frame of frames) {
    // Once per frame; one in a subtree outside the document waits until it is in it (the observer brings it back).
    if (held.has(frame) || !frame.isConnected) continue;
    observer.observe(frame, { attributes: true, attributeFilter: ['src'] });
    const root = frame.getRootNode();
    if (!watched.has(root)) {
      watched.add(root);
      observer.observe(root, { childList: true, subtree: true });
    }
    held.set(frame, show(frame, session, lang));
  }
}

/** A category's name in `lang`: the page's own text (`texts.<lang>["category.<id>.name"]`), else the built-in one, else its id. */
function categoryName(id: string, session: Session, lang: Language): string {
  const own = (session.deferred.texts as Record<string, Record<string, unknown>> | undefined)?.[lang]?.[`category.${id}.name`];
  return typeof own === 'string' ? own : Object.hasOwn(WORDS[lang].categories, id) ? WORDS[lang].categories[id]! : id;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** The host name of the frame's `data-src`, without `www.`; empty for an address that does not parse. */
function hostOf(frame: HTMLIFrameElement): string {
  try {
    return new URL(frame.dataset.src!, location.href).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Puts the placeholder before the frame, with the frame's own box, and hides the frame. */
function show(frame: HTMLIFrameElement, session: Session, lang: Language): HTMLElement {
  const placeholder = document.createElement(TAG);
  const box = frame.getBoundingClientRect();
  const style = getComputedStyle(frame);
  const size = (attribute: 'width' | 'height', measured: number, fallback: number, edges: string[]) => {
    const given = frame.style[attribute] || frame.getAttribute(attribute) || '';
    if (given.endsWith('%')) return given;
    // A frame that is not laid out (in a hidden tab) has no box: its attribute and edges instead.
    return `${measured || (parseFloat(given) || fallback) + edges.reduce((sum, edge) => sum + parseFloat(style.getPropertyValue(edge)), 0)}px`;
  };
  Object.assign(placeholder.style, {
    display: style.display === 'inline' ? 'inline-block' : style.display,
    position: style.position,
    top: style.top,
    right: style.right,
    bottom: style.bottom,
    left: style.left,
    cssFloat: style.cssFloat,
    margin: style.margin,
    verticalAlign: style.verticalAlign,
    width: size('width', box.width, 300, ['border-left-width', 'border-right-width', 'padding-left', 'padding-right']),
    height: size('height', box.height, 150, ['border-top-width', 'border-bottom-width', 'padding-top', 'padding-bottom']),
  });
  placeholder.dataset.display = frame.style.getPropertyValue('display');
  placeholder.dataset.priority = frame.style.getPropertyPriority('display');
  render(placeholder.attachShadow({ mode: 'open' }), frame, session, lang);
  // In one task: the placeholder takes the frame's place, and nothing around them moves.
  frame.before(placeholder);
  frame.style.setProperty('display', 'none', 'important');
  return placeholder;
}

const element = <K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, part: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = parent.appendChild(document.createElement(tag));
  node.setAttribute('part', part);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The placeholder's content, in the visitor's language. */
function render(root: ShadowRoot, frame: HTMLIFrameElement, session: Session, lang: Language): void {
  root.adoptedStyleSheets = [sheet()];
  root.replaceChildren();
  const words: EmbedWords = WORDS[lang];
  const host = hostOf(frame);
  const ids = frame.dataset.kelisim!.match(/\S+/g) ?? [];
  const needed = ids.filter((id) => !session.allows(id));
  const category = needed.map((id) => categoryName(id, session, lang)).join(', ');
  const categories = session.config.categories;
  // A known minor cannot turn on an adult-only category (SPEC §6): no allow button, the preferences say why.
  const forMinor = () => session.minor && needed.some((id) => categories.find((c: CategoryConfig) => c.id === id)?.adultOnly);
  const minor = forMinor();
  const title = frame.dataset.kelisimTitle || host || frame.dataset.src!;
  const box = element(root, 'div', 'embed');
  box.setAttribute('role', 'group');
  box.setAttribute('lang', lang);
  const heading = element(box, 'p', 'title', title);
  heading.id = 'title';
  box.setAttribute('aria-labelledby', 'title');
  const message = fill(minor ? words.minor : words.message, { host: host || title, category });
  element(box, 'p', 'message', message);
  const actions = element(box, 'div', 'actions');
  const shown = [title, message];
  if (!minor) {
    const allow = element(actions, 'button', 'button allow', fill(words.allow, { category }));
    allow.type = 'button';
    shown.push(allow.textContent!);
    allow.onclick = async () => {
      // The page said the visitor is a minor since this was drawn: say so instead, and keep the focus in the placeholder.
      if (forMinor()) {
        render(root, frame, session, lang);
        return root.querySelector('button')!.focus();
      }
      // Once (not `disabled`: that would take the focus away, which the frame should get).
      if (allow.dataset.deciding) return;
      allow.dataset.deciding = '';
      const decisions = await session.actions();
      // What the visitor saw when deciding: the proof (textsHash) of this decision's receipt.
      decisions.viewShown({ view: 'embed', texts: [...shown, words.settings], uiVersion: VERSION });
      // The current choice plus this frame's categories: `accept([...allowed, id])`, a `custom` decision.
      decisions.accept([...categories.filter((c) => session.allows(c.id)).map((c) => c.id), ...needed]);
    };
  }
  const settings = element(actions, 'button', 'button open-preferences', words.settings);
  settings.type = 'button';
  settings.onclick = () => session.show('preferences');
}

let shared: CSSStyleSheet | undefined;

/**
 * One constructed stylesheet for every placeholder (a strict `style-src 'self'` allows it),
 * with the interface's custom properties and defaults, dark scheme included.
 */
function sheet(): CSSStyleSheet {
  if (shared) return shared;
  shared = new CSSStyleSheet();
  shared.replaceSync(`:host{box-sizing:border-box;overflow:auto;--_bg:var(--kelisim-bg,#fff);--_fg:var(--kelisim-fg,#111827);--_accent:var(--kelisim-accent,#1d4ed8);--_on-accent:var(--kelisim-accent-fg,#fff);--_border:var(--kelisim-border,#6b7280);--_focus:var(--kelisim-focus,#1d4ed8);--_space:var(--kelisim-space,1rem)}
@media (prefers-color-scheme:dark){:host{--_bg:var(--kelisim-bg,#111827);--_fg:var(--kelisim-fg,#f9fafb);--_accent:var(--kelisim-accent,#93c5fd);--_on-accent:var(--kelisim-accent-fg,#111827);--_border:var(--kelisim-border,#9ca3af);--_focus:var(--kelisim-focus,#93c5fd)}}
[part~=embed]{box-sizing:border-box;display:flex;flex-direction:column;justify-content:center;align-items:center;gap:calc(var(--_space)/2);min-height:100%;margin:0;padding:var(--_space);border:1px solid var(--_border);border-radius:var(--kelisim-radius,8px);background:var(--_bg);color:var(--_fg);font-family:var(--kelisim-font,inherit);font-size:var(--kelisim-font-size,1rem);line-height:1.4;text-align:center;color-scheme:light dark}
p{margin:0;max-width:40em}
[part~=title]{font-weight:600;overflow-wrap:anywhere}
[part~=actions]{display:flex;flex-wrap:wrap;justify-content:center;gap:calc(var(--_space)/2)}
button{min-height:44px;padding:.5em 1em;border:2px solid var(--_accent);border-radius:var(--kelisim-radius,8px);background:var(--_bg);color:var(--_fg);font:inherit;cursor:pointer}
[part~=allow]{background:var(--_accent);color:var(--_on-accent)}
button:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}`);
  return shared;
}
