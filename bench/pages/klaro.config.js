/*
 * klaro 0.7 with what kelisim has by default: a notice (not a modal) with accept all and
 * decline, the same four purposes (necessary required), English texts. `callback` runs once
 * per service when klaro applies the stored (or default) consents at start-up; after the
 * last one, klaro has decided, which is what the benchmark's probe times.
 */
var klaroServices = [
  { name: 'session', title: 'Session', purposes: ['necessary'], required: true },
  { name: 'analytics', title: 'Web analytics', purposes: ['analytics'], cookies: [/^_ga/, '_gid'] },
  { name: 'advertising', title: 'Advertising', purposes: ['marketing'] },
  { name: 'partners', title: 'Partners', purposes: ['partners'] },
];
var klaroApplied = 0;

/* exported klaroConfig -- klaro reads its config from this global */
var klaroConfig = {
  version: 1,
  lang: 'en',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 365,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  noticeAsModal: false,
  groupByPurpose: true,
  htmlTexts: false,
  styling: { theme: ['light', 'bottom', 'wide'] },
  translations: {
    zz: { privacyPolicyUrl: 'https://edunavigator.kz/privacy' },
    en: {
      consentNotice: {
        description:
          'BTS Education LLP processes your personal data to provide its services. Only what the service needs is on by default; analytics, marketing and sharing with partners are your choice, and you can change it at any time.',
      },
      purposes: {
        necessary: { title: 'Necessary', description: 'Running the service under the User Agreement. Always on.' },
        analytics: { title: 'Analytics', description: 'Measuring how the services are used.' },
        marketing: { title: 'Marketing', description: 'Personalised content and targeted advertising.' },
        partners: { title: 'Sharing with partners', description: 'Passing your data to the Company’s affiliates and Partners.' },
      },
    },
  },
  services: klaroServices,
  callback: function () {
    if (++klaroApplied === klaroServices.length && window.__bench) window.__bench.ready('callback');
  },
};
