/*
 * Runs before the loader (a classic script in <head>): turns the demo's saved settings
 * into the page's config, `<script type="application/json" id="kelisim-config">`, exactly
 * as a site would write it, and simulates a browser that sends Global Privacy Control.
 * The controls that change the settings are in demo.js.
 */
(function () {
  var saved = {};
  try {
    saved = JSON.parse(localStorage.getItem('kelisim_demo') || '{}') || {};
  } catch (error) {
    saved = {};
  }

  var lang = document.documentElement.lang;
  /** An example address in the page's language («Example street»): not the Company's real address. */
  var EXAMPLE_ADDRESS = {
    kk: '010000, Астана қ., Үлгі көшесі, 1',
    ru: '010000, г. Астана, ул. Примерная, 1',
    en: '1 Example Street, Astana 010000',
  };
  /** A text in each language, as `services[].purpose` takes it. */
  function say(kk, ru, en) {
    return { kk: kk, ru: ru, en: en };
  }

  var config = {
    endpoint: '/v1/events',
    layout: saved.layout || 'bar',
    storage: saved.storage || 'cookie',
    // A demo's own controller: a page's controller replaces the built-in one entirely. The
    // BIN is an example (no real BIN has month 00 in its first digits), as is the address.
    controller: {
      name: 'BTS Education LLP',
      names: { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' },
      bin: '000000000000',
      address: saved.noAddress ? undefined : EXAMPLE_ADDRESS[lang] || EXAMPLE_ADDRESS.en,
    },
    // edunavigator's categories with the services that receive data under each, and where
    // they process it: the preferences list them, and the banner names their countries.
    categories: [
      {
        id: 'necessary',
        required: true,
        services: [
          {
            name: 'kelisim',
            country: 'KZ',
            purpose: say(
              'Келісім түбіртектері, Компанияның өз серверінде',
              'Квитанции согласий на собственном сервере Компании',
              'Consent receipts, on the Company’s own server',
            ),
          },
        ],
      },
      {
        id: 'analytics',
        cookies: ['_ga', '_ga_*', '_gid', '_gat*', '_ym*'],
        services: [
          {
            name: 'Google Analytics',
            country: 'US',
            url: 'https://policies.google.com/privacy',
            cookies: ['_ga', '_ga_*', '_gid'],
            purpose: say('Кірулер мен бет қараулар статистикасы', 'Статистика посещений и просмотров', 'Visit and page view statistics'),
          },
          {
            name: 'Яндекс Метрика',
            country: 'RU',
            url: 'https://yandex.ru/legal/confidential/',
            cookies: ['_ym*'],
            purpose: say('Кірулер статистикасы', 'Статистика посещений', 'Visit statistics'),
          },
        ],
      },
      {
        id: 'marketing',
        gpc: true,
        adultOnly: true,
        cookies: ['_fbp', '_gcl_*', 'tmr_*'],
        services: [
          {
            name: 'Meta Pixel',
            country: 'US',
            url: 'https://www.facebook.com/privacy/policy/',
            cookies: ['_fbp'],
            purpose: say('Facebook пен Instagram-дағы жарнама', 'Реклама в Facebook и Instagram', 'Ads on Facebook and Instagram'),
          },
          {
            name: 'Google Ads',
            country: 'US',
            url: 'https://policies.google.com/privacy',
            cookies: ['_gcl_*'],
            purpose: say('Google-дағы жарнама', 'Реклама в Google', 'Ads on Google'),
          },
          {
            name: 'VK Реклама (myTarget)',
            country: 'RU',
            url: 'https://vk.company/ru/company/privacy/',
            cookies: ['tmr_*'],
            purpose: say('ВКонтакте мен Mail.ru-дағы жарнама', 'Реклама во ВКонтакте и Mail.ru', 'Ads on VK and Mail.ru'),
          },
        ],
      },
      { id: 'partners', gpc: true, adultOnly: true },
    ],
  };
  // "Publish a new policy version" saves one here; without it the built-in version holds.
  if (saved.policy) config.policy = saved.policy;

  if (saved.gpc) {
    // What a browser with GPC on exposes; defined before the loader reads it.
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      get: function () {
        return true;
      },
      configurable: true,
    });
  }
  // The second theme: custom properties and parts, set by the page (demo.css).
  if (saved.theme) document.documentElement.classList.add('theme-second');

  var script = document.createElement('script');
  script.type = 'application/json';
  script.id = 'kelisim-config';
  script.textContent = JSON.stringify(config);
  document.head.appendChild(script);
})();
