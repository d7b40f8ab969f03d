import Cookies from 'js-cookie';
import type { CookieConfig, StorageKind } from './types.js';

/**
 * Writes the record where the loader found it can live. In memory mode the value is kept
 * by the session itself, so there is nothing to write. Never throws: a refusal mid-visit
 * (quota, a setting changed) must not break the page, and the session still holds the choice.
 */
export function writeRecord(kind: StorageKind, cookie: CookieConfig, value: string | null): void {
  try {
    if (kind === 'localStorage') {
      if (value === null) localStorage.removeItem(cookie.name);
      else localStorage.setItem(cookie.name, value);
    } else if (kind === 'cookie') {
      const attributes: Cookies.CookieAttributes = {
        // Browsers refuse a cookie that names a domain on a dotless host such as localhost.
        domain: cookie.domain && location.hostname.includes('.') ? cookie.domain : undefined,
        path: cookie.path,
        sameSite: cookie.sameSite,
        // Secure only on https, where it holds: a Secure cookie set from http is dropped. SameSite=None needs it.
        secure: cookie.secure ?? (location.protocol === 'https:' || cookie.sameSite === 'None'),
        expires: cookie.maxAgeDays,
      };
      if (value === null) Cookies.remove(cookie.name, attributes);
      else Cookies.set(cookie.name, value, attributes);
    }
  } catch {
    // The session keeps the choice for this page; the next page view asks again.
  }
}
