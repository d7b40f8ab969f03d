/** Whether every category an element names (space-separated) is allowed. */
const allowedBy = (element: Element, allows: (id: string) => boolean) =>
  (element.getAttribute('data-kelisim')?.match(/\S+/g) ?? []).every(allows);

/** Where gated elements are looked for: a document, a shadow root, any element. */
export type GatedRoot = Document | ShadowRoot | Element;

/** Blocked frames (no `src`, a category not allowed), handed to the placeholders. */
export type HoldFrames = (frames: HTMLIFrameElement[]) => void;

/** The roots looked in, in this order: the document, then each root given to {@link watch} (`Kelisim.scan`). */
const roots: GatedRoot[] = [document];
/** The rule of the latest activation: the session's `allows`, once it has started. */
let allowed: (id: string) => boolean = () => false;
let hold: HoldFrames | undefined;
let observer: MutationObserver | undefined;
/** An activation is queued and has not started: another request joins it. */
let queued = false;

/**
 * Runs the gated scripts (`<script type="text/plain" data-kelisim="…">`) whose categories
 * are allowed, each once, in document order, and gives gated iframes their `src`; the
 * frames still blocked go to the placeholders.
 *
 * A script is replaced by a real copy of itself; the copy's type is `data-type` (for
 * modules) or plain JavaScript. External scripts are awaited one by one, because a later
 * inline script usually calls what an earlier `src` defined (`gtag` after gtag.js).
 */
export function activateGated(allows?: (id: string) => boolean): Promise<void> {
  if (allows) allowed = allows;
  // One activation at a time: a second one started while an external script loads would
  // otherwise run the scripts after it first, out of document order. One that has not
  // started yet will see everything there is when it does: a request joins it.
  if (!queued) {
    queued = true;
    running = running.then(() => {
      queued = false;
      return activate();
    });
  }
  return running;
}

/**
 * Gates what `root` holds now and whatever is added to it later, as if it had been in the
 * page from the start (SPEC §6): a single-page app's route change, a lazily rendered
 * widget; and a shadow root given to `Kelisim.scan`, which the document's observer does not
 * see into. A root is watched, and held, for the page's life. The observer looks only at
 * the added nodes, for `[data-kelisim]`: a page that adds thousands of nodes pays one
 * attribute test per added node (and a `querySelector` for an added subtree), never a
 * search of the document, and an activation only when a gated element came
 * (bench/observer.mjs). `allows` and `holdFrames`, once given, serve every later activation.
 */
export function watch(root: GatedRoot = document, allows?: (id: string) => boolean, holdFrames?: HoldFrames): Promise<void> {
  if (!roots.includes(root)) roots.push(root);
  hold = holdFrames ?? hold;
  (observer ??= new MutationObserver((records) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes as NodeListOf<Element>) {
        // An added leaf costs one attribute test; only a subtree is searched.
        if (node.hasAttribute?.('data-kelisim') || (node.firstElementChild && node.querySelector(GATED))) return void activateGated();
      }
    }
  })).observe(root, { childList: true, subtree: true });
  return activateGated(allows);
}

const GATED = '[data-kelisim]';

/** The activation in progress; the next one starts when it ends. */
let running: Promise<void> = Promise.resolve();

type Policy = { createScript(text: string): string; createScriptURL(url: string): string };
declare const trustedTypes: { createPolicy(name: string, rules: Policy): Policy };

/**
 * Trusted Types, for a page whose CSP says `require-trusted-types-for 'script'`: copying a
 * gated script's text and `src` are script sinks. A policy named `kelisim`, created on first
 * need and never handed out, passes them through unchanged. That is safe because it is only
 * ever given the text and `src` of the page's own `<script type="text/plain" data-kelisim>`
 * elements, already in its DOM, never a string from a config, a stored value or the network.
 * Without Trusted Types, or where the page's `trusted-types` list lacks the name (the
 * browser reports that), plain strings go, and the page's CSP decides.
 */
let policy: Policy | undefined;

function trusted(): Policy {
  // String returns a string as it is: the page's own text and src, unchanged.
  const plain = { createScript: String, createScriptURL: String };
  try {
    return trustedTypes.createPolicy('kelisim', plain);
  } catch {
    return plain; // no Trusted Types here, or the name is not allowed
  }
}

async function activate(): Promise<void> {
  const blocked: HTMLIFrameElement[] = [];
  for (const root of roots) {
    for (const frame of root.querySelectorAll<HTMLIFrameElement>('iframe[data-kelisim][data-src]')) {
      if (frame.src) continue;
      if (allowedBy(frame, allowed)) frame.src = frame.dataset.src!;
      else blocked.push(frame);
    }
  }
  if (blocked[0]) hold?.(blocked);
  for (const root of roots) {
    // A static list: replacing a script while walking it skips nothing.
    for (const original of root.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-kelisim]')) {
      // Checked again per script: an earlier one may have been activated by a parallel call.
      if (!original.isConnected || original.type !== 'text/plain' || !allowedBy(original, allowed)) continue;
      const script = document.createElement('script');
      policy ??= trusted();
      try {
        for (const { name, value } of original.attributes) {
          if (name !== 'type' && name !== 'data-type') script.setAttribute(name, name === 'src' ? policy.createScriptURL(value) : value);
        }
        script.type = original.dataset.type ?? 'text/javascript';
        // The nonce attribute is hidden from getAttribute once parsed; the property still has it.
        script.nonce = original.nonce;
        if (original.src) script.async = false;
        else script.text = policy.createScript(original.text);
        original.replaceWith(script);
        // An external script is awaited: the next one may call what it defines.
        // Listeners, not handlers: the page's own onload attribute was copied and must stay.
        if (original.src) {
          await new Promise((resolve) => {
            script.addEventListener('load', resolve);
            script.addEventListener('error', resolve);
          });
        }
      } catch {
        // Refused by the page's CSP, which the browser reports: the next ones still run, as a browser runs the next script.
      }
    }
  }
}
