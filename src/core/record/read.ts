import { isChecked } from '../checked/known.js';
import { readLocal } from '../local-storage.js';
import type { CookieConfig, StorageKind } from '../types.js';

/**
 * Where the record is read from, in the loader. Writing lives in `write.ts`, in
 * the decisions chunk: a returning visitor only ever reads, so js-cookie's writer is not
 * on their path. Every method swallows the browser's refusals.
 */
export interface RecordStore {
  readonly kind: StorageKind;
  read(): string | null;
}

/**
 * Reads our cookie as js-cookie wrote it: URI-encoded, and `decodeURIComponent` undoes it.
 * A cookie of the same name on a longer path (another app on the site, an old deployment)
 * comes first in `document.cookie`; ours is the one this browser wrote or checked, else
 * the last (the shortest path: ours is on `cookie.path`, `/` by default). A value not as
 * js-cookie writes it comes back raw (parsing then says why it is ignored); a cookie
 * setting changed since the page loaded (access throws) reads as none.
 */
function readCookie(name: string): string | null {
  let values: string[] = [];
  try {
    values = document.cookie
      .split('; ')
      .filter((pair) => pair.startsWith(`${name}=`))
      .map((pair) => {
        const value = pair.slice(name.length + 1);
        try {
          return decodeURIComponent(value);
        } catch {
          return value;
        }
      });
  } catch {
    // a cookie setting changed since the page loaded: none
  }
  return values.find(isChecked) ?? values.pop() ?? null;
}

/**
 * Whether a store can keep a value. Browsers block storage in several ways: a cookie
 * setting (`cookieEnabled` false), sandboxed frames (access throws), private modes whose
 * localStorage throws on write; a probe write catches the last.
 */
function works(kind: StorageKind): boolean {
  try {
    if (kind === 'cookie') return navigator.cookieEnabled && typeof document.cookie === 'string';
    localStorage.setItem('kelisim_probe', '1');
    localStorage.removeItem('kelisim_probe');
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks where the record lives: the configured store, else the other one, else memory
 * (the choice then lasts for this page only, and `getConsent()` says so).
 */
export function openStore(preferred: 'cookie' | 'localStorage', cookie: CookieConfig): RecordStore {
  const kind: StorageKind = ([preferred, preferred === 'cookie' ? 'localStorage' : 'cookie'] as const).find(works) ?? 'memory';
  return {
    kind,
    read: () => (kind === 'cookie' ? readCookie(cookie.name) : kind === 'localStorage' ? readLocal(cookie.name) : null),
  };
}
