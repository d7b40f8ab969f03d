import type { CategoryConfig } from './types.js';

/** `_ga_*` → /^_ga_.*$/: `*` matches any run of characters, everything else literally. */
function patternToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/**
 * Deletes the cookies of refused categories. Trackers set their cookies on the host or on
 * a parent domain (`.edunavigator.kz`), so each is expired on the host, on every parent
 * domain and on the configured one.
 */
export function clearCookies(refused: CategoryConfig[], configuredDomain?: string, doc: Document = document): string[] {
  const patterns = refused.flatMap((category) => category.cookies ?? []).map(patternToRegExp);
  if (!patterns.length) return [];
  const host = location.hostname;
  const labels = host.split('.');
  const domains = new Set<string | undefined>([undefined, configuredDomain]);
  for (let i = 0; i < labels.length - 1; i++) domains.add(labels.slice(i).join('.'));
  const cleared: string[] = [];
  for (const entry of doc.cookie.split('; ')) {
    const name = entry.slice(0, entry.indexOf('='));
    if (!name || !patterns.some((pattern) => pattern.test(name))) continue;
    for (const domain of domains) {
      doc.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/${domain ? `; domain=${domain}` : ''}`;
    }
    cleared.push(name);
  }
  return cleared;
}
