import type { CategoryConfig } from '../types.js';

/**
 * Whether `name` matches a glob where `*` is any run of characters. At worst the product
 * of the two lengths, where a regular expression built from a pattern with many stars
 * backtracks exponentially (seconds, on a 30-character cookie name).
 */
export function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.length && pattern[p] === name[n]) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Deletes the cookies of refused categories: the category's own patterns and those of its
 * services. Trackers set their cookies on the host or on a parent domain
 * (`.edunavigator.kz`), so each is expired on the host, on every parent domain and on the
 * configured one.
 */
export function clearCookies(refused: CategoryConfig[], configuredDomain?: string, doc: Document = document): string[] {
  const patterns = refused.flatMap((category) => [
    ...(category.cookies ?? []),
    ...(category.services ?? []).flatMap((service) => service.cookies ?? []),
  ]);
  if (!patterns.length) return [];
  const host = location.hostname;
  const labels = host.split('.');
  const domains = new Set<string | undefined>([undefined, configuredDomain]);
  for (let i = 0; i < labels.length - 1; i++) domains.add(labels.slice(i).join('.'));
  const cleared: string[] = [];
  for (const entry of doc.cookie.split('; ')) {
    const name = entry.slice(0, entry.indexOf('='));
    if (!name || !patterns.some((pattern) => globMatches(pattern, name))) continue;
    for (const domain of domains) {
      doc.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/${domain ? `; domain=${domain}` : ''}`;
    }
    cleared.push(name);
  }
  return cleared;
}
