/**
 * The banners the benchmark compares, each on the same page (bench/pages/page.html) with
 * its own tags (bench/pages/<id>.html): where its banner element is, how a visitor's
 * "accept all" is stored (to make a returning visitor), and which files are its own.
 */

/** @typedef {import('playwright-core').Page} Page */

/**
 * @typedef {object} Subject
 * @property {string} id also the name of its snippet in bench/pages/
 * @property {string} label
 * @property {string} short for table columns
 * @property {string[]} banner the path to the banner element, for the probe
 * @property {(page: Page) => Promise<unknown>} acceptAll through the banner's own API
 * @property {RegExp} ownFiles URL paths of its scripts and styles (and its config)
 * @property {boolean} returning whether it takes part in the returning-visitor runs
 * @property {boolean} other another banner, which kelisim's figures are divided by
 */

/** @type {Subject[]} */
export const SUBJECTS = [
  {
    id: 'kelisim',
    label: 'kelisim',
    short: 'kelisim',
    banner: ['kelisim-consent', '[part~="banner"]'],
    acceptAll: (page) => page.evaluate(() => window.Kelisim.acceptAll()),
    ownFiles: /^\/dist\//,
    returning: true,
    other: false,
  },
  {
    // A first visit only: a site preloads the interface when the request carries no consent cookie.
    id: 'kelisim-preload',
    label: 'kelisim + modulepreload',
    short: 'k+preload',
    banner: ['kelisim-consent', '[part~="banner"]'],
    acceptAll: (page) => page.evaluate(() => window.Kelisim.acceptAll()),
    ownFiles: /^\/dist\//,
    returning: false,
    other: false,
  },
  {
    id: 'vanilla-cookieconsent',
    label: 'vanilla-cookieconsent 3.1',
    short: 'vanilla-cc',
    banner: ['#cc-main .cm'],
    acceptAll: (page) => page.evaluate(() => window.CookieConsent.acceptCategory('all')),
    ownFiles: /^\/(vendor\/vanilla-cookieconsent\/|pages\/vanilla-cookieconsent\.)/,
    returning: true,
    other: true,
  },
  {
    id: 'klaro',
    label: 'klaro 0.7',
    short: 'klaro',
    banner: ['#klaro .cookie-notice'],
    acceptAll: (page) =>
      page.evaluate(() => {
        const manager = window.klaro.getManager();
        manager.changeAll(true);
        manager.saveAndApplyConsents();
      }),
    ownFiles: /^\/(vendor\/klaro\/|pages\/klaro\.)/,
    returning: true,
    other: true,
  },
  {
    id: 'none',
    label: 'page alone',
    short: 'page alone',
    banner: [],
    acceptAll: async () => undefined,
    ownFiles: /^$/,
    returning: false,
    other: false,
  },
];
