import type { CookieConfig, StorageKind } from './types.js';

/**
 * Where the record is read from, in the loader. Writing lives in `store-writer.ts`, in
 * the decisions chunk: a returning visitor only ever reads, so js-cookie's writer is not
 * on their path. Every method swallows the browser's refusals.
 */
export interface RecordStore {
  readonly kind: StorageKind;
  read(): string | null;
}

/** Reads a cookie as js-cookie wrote it: URI-encoded, and `decodeURIComponent` undoes it. */
function readCookie(name: string): string | null {
  for (const pair of document.cookie.split('; ')) {
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) !== name) continue;
    const value = pair.slice(eq + 1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value; // not as js-cookie writes it: parsing reports why it is ignored
    }
  }
  return null;
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
  const kind = [preferred, preferred === 'cookie' ? 'localStorage' : 'cookie'].find((k) => works(k as StorageKind)) as StorageKind | undefined;
  return {
    kind: kind ?? 'memory',
    read() {
      try {
        return kind === 'cookie' ? readCookie(cookie.name) : kind ? localStorage.getItem(cookie.name) : null;
      } catch {
        return null;
      }
    },
  };
}
