/**
 * Values this browser has already checked and found good: the page's config, and the
 * stored choice (as written by our own decisions, or read and checked once). They are
 * remembered by fingerprint, so a returning visitor's loader takes them as they are and
 * carries neither checker; any other value goes through its checker, a chunk of its own
 * (`config/check.ts`, `record/check.ts`), which remembers it once it passes (`remember.ts`).
 *
 * Only fingerprints are stored, never values. Someone who can write this key can at most
 * make the loader take the page's own config, or a value they also wrote under our name,
 * unchecked: nothing a script on the page could not do through the API anyway.
 */
import { VERSION } from '../config/defaults.js';
import { readLocal } from '../local-storage.js';

/** The localStorage key of the fingerprints, newest first, space-separated. */
export const CHECKED_KEY = 'kelisim_checked';

/**
 * FNV-1a (32 bits) of the text and this kelisim version, so an upgrade checks again. Not a
 * defence against anyone choosing texts to collide: it tells a dozen of our own values apart.
 */
export function fingerprint(text: string): string {
  const versioned = VERSION + text;
  let hash = 0x811c9dc5;
  for (const char of versioned) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The fingerprints remembered in this browser; none where localStorage is blocked. */
export const checkedFingerprints = (): string[] => readLocal(CHECKED_KEY)?.split(' ') ?? [];

/** Whether this browser has checked (or written) this very text before. */
export const isChecked = (text: string): boolean => checkedFingerprints().includes(fingerprint(text));
