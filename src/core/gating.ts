/** Whether every category an element names (space-separated) is allowed. */
const allowedBy = (element: Element, allows: (id: string) => boolean) =>
  (element.getAttribute('data-kelisim') ?? '').split(/\s+/).filter(Boolean).every(allows);

/**
 * Runs the gated scripts (`<script type="text/plain" data-kelisim="…">`) whose categories
 * are allowed, each once, in document order, and gives gated iframes their `src`.
 *
 * A script is replaced by a real copy of itself; the copy's type is `data-type` (for
 * modules) or plain JavaScript. External scripts are awaited one by one, because a later
 * inline script usually calls what an earlier `src` defined (`gtag` after gtag.js).
 */
export function activateGated(allows: (id: string) => boolean, root: ParentNode = document): Promise<void> {
  // One activation at a time: a second one started while an external script loads would
  // otherwise run the scripts after it first, out of document order.
  return (running = running.then(() => activate(allows, root)));
}

/** The activation in progress; the next one starts when it ends. */
let running: Promise<void> = Promise.resolve();

async function activate(allows: (id: string) => boolean, root: ParentNode): Promise<void> {
  for (const frame of root.querySelectorAll<HTMLIFrameElement>('iframe[data-kelisim][data-src]')) {
    if (!frame.src && allowedBy(frame, allows)) frame.src = frame.dataset.src!;
  }
  for (const original of [...root.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-kelisim]')]) {
    // Checked again per script: an earlier one may have been activated by a parallel call.
    if (!original.isConnected || original.type !== 'text/plain' || !allowedBy(original, allows)) continue;
    const script = document.createElement('script');
    for (const { name, value } of original.attributes) {
      if (name !== 'type' && name !== 'data-type') script.setAttribute(name, value);
    }
    script.type = original.dataset.type ?? 'text/javascript';
    // The nonce attribute is hidden from getAttribute once parsed; the property still has it.
    script.nonce = original.nonce;
    const loaded = original.src
      ? new Promise<void>((resolve) => {
          script.addEventListener('load', () => resolve());
          script.addEventListener('error', () => resolve());
        })
      : null;
    if (!original.src) script.text = original.text;
    if (original.src) script.async = false;
    original.replaceWith(script);
    if (loaded) await loaded;
  }
}
