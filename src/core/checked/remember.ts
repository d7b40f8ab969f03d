import { CHECKED_KEY, checkedFingerprints, fingerprint } from './known.js';

/**
 * Remembers a value as checked (see `checked.ts`). Twelve are kept, newest first: the
 * current choice and a few before it (other tabs may still hold one), and the configs of
 * sites whose pages differ in config.
 */
export function remember(text: string): void {
  const known = fingerprint(text);
  try {
    localStorage.setItem(CHECKED_KEY, [known, ...checkedFingerprints().filter((other) => other !== known)].slice(0, 12).join(' '));
  } catch {
    // blocked storage: this browser checks on every page view
  }
}
