/** Hosts to which plain http is acceptable: the developer's own machine (clause 3.3). */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/**
 * Resolves `value` against the page and returns it when it is a link a visitor may follow:
 * `https:`, `http:`, `mailto:` or relative. Anything else (`javascript:`, `data:`, …) is
 * `null`. Parsing with `URL` rather than matching text defeats tricks such as
 * `jav&#x09;ascript:` or leading control characters, which the URL parser strips.
 */
export function safeLinkUrl(value: string, base = location.href): string | null {
  try {
    const url = new URL(value, base);
    return /^(https|http|mailto):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Returns the endpoint URL when the widget may send receipts there: https anywhere,
 * plain http only to a loopback host.
 */
export function safeEndpointUrl(value: string, base = location.href): string | null {
  try {
    const url = new URL(value, base);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
      return url.href;
    }
  } catch {
    // fall through
  }
  return null;
}
