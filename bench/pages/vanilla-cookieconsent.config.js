/*
 * vanilla-cookieconsent 3.1 with what kelisim has by default: a bottom bar, the same four
 * categories (necessary always on), and the same English texts. Reports to the benchmark's
 * probe when it has applied a stored choice (onConsent runs on every page load after one).
 */
import '/vendor/vanilla-cookieconsent/cookieconsent.umd.js';

const ready = (name) => window.__bench?.ready(name);

window.CookieConsent.run({
  // Its bot detection treats playwright's headless Chromium (navigator.webdriver) as a crawler
  // and would show nothing; kelisim shows automated browsers its interface (SPEC §6).
  hideFromBots: false,
  guiOptions: { consentModal: { layout: 'bar', position: 'bottom' }, preferencesModal: { layout: 'box' } },
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }] } },
    marketing: {},
    partners: {},
  },
  onConsent: () => ready('onConsent'),
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Your personal data',
          description:
            'BTS Education LLP processes your personal data to provide its services. Only what the service needs is on by default; analytics, marketing and sharing with partners are your choice, and you can change it at any time. <a href="https://edunavigator.kz/privacy">Full Privacy Policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject optional',
          showPreferencesBtn: 'Choose',
        },
        preferencesModal: {
          title: 'Privacy settings',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject optional',
          savePreferencesBtn: 'Save choices',
          closeIconLabel: 'Close',
          sections: [
            {
              description:
                'Necessary processing is always on. Turn the rest on or off as you wish; you can come back to these settings at any time.',
            },
            { title: 'Necessary', description: 'Running the service under the User Agreement. Always on.', linkedCategory: 'necessary' },
            {
              title: 'Analytics',
              description: 'Measuring how the services are used, so that the Company can improve their quality and develop new ones.',
              linkedCategory: 'analytics',
            },
            {
              title: 'Marketing',
              description: 'Personalised content and targeted advertising, advertising campaigns, market research and contests.',
              linkedCategory: 'marketing',
            },
            {
              title: 'Sharing with partners',
              description: 'Passing your data to the Company’s affiliates and Partners, including across borders.',
              linkedCategory: 'partners',
            },
          ],
        },
      },
    },
  },
});
