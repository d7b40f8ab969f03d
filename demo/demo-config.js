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

  var config = {
    endpoint: '/v1/events',
    layout: saved.layout || 'bar',
    storage: saved.storage || 'cookie',
    // A demo's own controller: a page's controller replaces the built-in one entirely.
    controller: {
      name: 'BTS Education LLP',
      names: { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' },
      address: saved.address || undefined,
    },
  };
  // "Publish a new policy version" saves one here; without it the built-in version holds.
  if (saved.policy) config.policy = saved.policy;

  if (saved.gpc) {
    // What a browser with GPC on exposes; defined before the loader reads it.
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: function () { return true; }, configurable: true });
  }
  // The second theme: custom properties and parts, set by the page (demo.css).
  if (saved.theme) document.documentElement.classList.add('theme-second');

  var script = document.createElement('script');
  script.type = 'application/json';
  script.id = 'kelisim-config';
  script.textContent = JSON.stringify(config);
  document.head.appendChild(script);
})();
