import type { CookieConfig, StorageKind } from '../types.js';

/**
 * Where the record is read from, in the loader. Writing lives in `store-writer.ts`, in
 * the decisions chunk: a returning visitor only ever reads, so js-cookie's writer is not
 * on their path. Every method swallows the browser's refusals.
 */
export interface RecordStore {
  readonly kind: StorageKind;
  read(): string | null;
}

/** A localStorage value; `null` where there is none, or where storage is blocked and reading throws. */
export function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Reads a cookie as js-cookie wrote it: URI-encoded, and `decodeURIComponent` undoes it.
 * A value not as js-cookie writes it comes back raw (parsing then says why it is ignored);
 * a cookie setting changed since the page loaded (access throws) reads as none.
 */
function readCookie(name: string): string | null {
  let value: string | null = null;
  try {
    value = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1) ?? null;
    value = value && decodeURIComponent(value);
  } catch {
    // keep what was read
  }
  return value;
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
