import Cookies from 'js-cookie';
import { remember } from '../checked/remember.js';
import type { CookieConfig, StorageKind } from '../types.js';

/**
 * The configured cookie domain when this page's host is on it, else none (a host cookie).
 * Browsers refuse a cookie that names another domain (a staging host, an IP address) or any
 * domain on a dotless host such as localhost: the choice would silently never be kept.
 */
function domainFor(domain: string | undefined): string | undefined {
  const bare = domain?.replace(/^\./, '').toLowerCase();
  const host = location.hostname;
  return bare && (host === bare || host.endsWith(`.${bare}`)) ? domain : undefined;
}

/**
 * Writes the record where the loader found it can live. In memory mode the value is kept
 * by the session itself, so there is nothing to write. Never throws: a refusal mid-visit
 * (quota, a setting changed) must not break the page, and the session still holds the choice.
 */
export function writeRecord(kind: StorageKind, cookie: CookieConfig, value: string | null): void {
  // Our own value: the loader of the next page view takes it without checking it again.
  if (value) remember(value);
  try {
    if (kind === 'localStorage') {
      if (value === null) localStorage.removeItem(cookie.name);
      else localStorage.setItem(cookie.name, value);
    } else if (kind === 'cookie') {
      const attributes: Cookies.CookieAttributes = {
        domain: domainFor(cookie.domain),
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
