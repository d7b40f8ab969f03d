import type { CoreConfig, Language } from '../types.js';

export { VERSION } from '../version.js';

/** The languages with built-in texts, in the order the language switch shows them. */
export const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

/**
 * edunavigator.kz's config for everything the loader uses, as a new object per call so
 * no page can change another's defaults: its policy, and its purposes (clauses 2.1 and
 * 4.2), of which only `necessary` may be on without a choice.
 */
export function defaults(): CoreConfig {
  return {
    policy: { version: '2026-06-01', publishedAt: '2026-06-01', implicitAcceptanceDays: 7 },
    categories: [
      { id: 'necessary', required: true },
      { id: 'analytics', cookies: ['_ga', '_ga_*', '_gid', '_gat*', '_ym*'] },
      { id: 'marketing', gpc: true, adultOnly: true, cookies: ['_fbp', '_gcl_*', 'tmr_*'] },
      { id: 'partners', gpc: true, adultOnly: true },
    ],
    storage: 'cookie',
    cookie: { name: 'kelisim_consent', path: '/', sameSite: 'Lax', maxAgeDays: 365 },
    consentMaxAgeDays: 365,
    language: 'auto',
    reopenButton: true,
    // Google Consent Mode v2 types granted by each category (SPEC §6).
    googleConsentMode: {
      necessary: ['functionality_storage', 'security_storage'],
      analytics: ['analytics_storage'],
      marketing: ['ad_storage', 'ad_user_data', 'ad_personalization', 'personalization_storage'],
    },
    respectGpc: true,
  };
}
