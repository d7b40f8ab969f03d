declare global {
  interface Window {
    dataLayer?: unknown[];
    gtag?: (...args: unknown[]) => void;
  }
}

/**
 * Sends a Consent Mode command through `gtag`, defining the standard stub when the page has
 * none yet, so that the command is queued in `dataLayer` before any tag loads.
 */
export function gtagConsent(command: 'default' | 'update', state: Record<string, string | number>): void {
  const w = window;
  w.dataLayer ??= [];
  // gtag.js reads `arguments` objects from dataLayer, not arrays: the stub must push `arguments`.
  w.gtag ??= function gtag() {
    // eslint-disable-next-line prefer-rest-params
    w.dataLayer!.push(arguments);
  };
  w.gtag('consent', command, state);
}
