/*
 * The demo's control panel: buttons that put the widget in each of its states, and a live
 * view of the stored choice and of the DOM events. A module placed after the loader's tag,
 * so it runs once `window.Kelisim` exists and before the interface chunk has arrived.
 */
const SETTINGS = 'kelisim_demo';
const lang = document.documentElement.lang;
const kelisim = window.Kelisim;

/** The panel's words, in the page's language. */
const WORDS = {
  kk: {
    title: 'Демо басқару тақтасы',
    states: 'Күйлер',
    firstVisit: 'Таңдауымды өшіру (алғашқы кіру)',
    preferences: 'Баптауларды ашу',
    publish: 'Саясаттың жаңа редакциясын жариялау (бүгін)',
    publishPast: 'Он күн бұрын жарияланған редакция (пайдалануды жалғастыру арқылы қабылдау)',
    publishPastHint:
      'Хабарландыру осы бетте көрсетіледі. Бетті қайта жүктесеңіз, сайтты пайдалануды жалғастырған боласыз, ал өзгертулер 1.2-тармақ бойынша қабылданады.',
    builtIn: 'Кіріктірілген саясатқа оралу',
    withdraw: 'Келісімді қайтарып алу (API)',
    options: 'Баптаулар',
    layout: 'Баннер түрі',
    storage: 'Сақтау орны',
    gpc: 'Браузер Global Privacy Control сигналын жібереді',
    minor: 'Пайдаланушы 18 жасқа толмаған',
    address: 'Компанияның мекенжайын көрсету',
    example: 'БСН 000000000000 мен мекенжай – демо үшін мысал, нақты деректер емес.',
    theme: 'Екінші тақырып (CSS айнымалылары)',
    reload: 'Өзгерту бетті қайта жүктейді.',
    status: 'Күйі',
    analytics: 'Аналитика скрипті',
    ran: 'іске қосылды',
    waiting: 'келісімді күтуде',
    allows: 'allows(«analytics»)',
    stored: 'Сақталған таңдау',
    none: 'әлі жоқ',
    events: 'DOM оқиғалары',
    receipts: 'Коллектор консолі: түбіртектер, диаграммалар, дәлелдер',
    changes: ['Серіктестерге деректер беру бөлек санатқа шығарылды.', 'Деректерді сақтау мерзімі нақтыланды.'],
  },
  ru: {
    title: 'Панель демо',
    states: 'Состояния',
    firstVisit: 'Стереть мой выбор (первый визит)',
    preferences: 'Открыть настройки',
    publish: 'Опубликовать новую редакцию политики (сегодня)',
    publishPast: 'Редакция, опубликованная 10 дней назад (принятие при продолжении использования)',
    publishPastHint:
      'Уведомление появится на этой странице. Перезагрузите её: вы продолжили пользоваться сайтом, и изменения принимаются по пункту 1.2.',
    builtIn: 'Вернуть встроенную политику',
    withdraw: 'Отозвать согласие (API)',
    options: 'Параметры',
    layout: 'Вид баннера',
    storage: 'Где хранить',
    gpc: 'Браузер передаёт сигнал Global Privacy Control',
    minor: 'Пользователю нет 18 лет',
    address: 'Указать адрес Компании',
    example: 'БИН 000000000000 и адрес — примеры для демо, а не настоящие реквизиты.',
    theme: 'Вторая тема (CSS-переменные)',
    reload: 'Изменение перезагружает страницу.',
    status: 'Состояние',
    analytics: 'Скрипт аналитики',
    ran: 'запущен',
    waiting: 'ждёт согласия',
    allows: 'allows(«analytics»)',
    stored: 'Сохранённый выбор',
    none: 'пока нет',
    events: 'События DOM',
    receipts: 'Консоль коллектора: квитанции, графики, доказательства',
    changes: ['Передача данных партнёрам выделена в отдельную категорию.', 'Уточнён срок хранения данных.'],
  },
  en: {
    title: 'Demo controls',
    states: 'States',
    firstVisit: 'Clear my choice (first visit)',
    preferences: 'Open preferences',
    publish: 'Publish a new policy version (today)',
    publishPast: 'A version published 10 days ago (acceptance by continued use)',
    publishPastHint:
      'The notice shows on this page view; reload the page and you have kept using the site: the change is accepted under clause 1.2.',
    builtIn: 'Back to the built-in policy',
    withdraw: 'Withdraw consent (API)',
    options: 'Options',
    layout: 'Banner layout',
    storage: 'Storage',
    gpc: 'The browser sends Global Privacy Control',
    minor: 'The visitor is under 18',
    address: 'Give the Company’s address',
    example: 'The BIN 000000000000 and the address are examples for the demo, not real details.',
    theme: 'Second theme (CSS custom properties)',
    reload: 'A change reloads the page.',
    status: 'Status',
    analytics: 'Analytics script',
    ran: 'ran',
    waiting: 'waiting for consent',
    allows: 'allows("analytics")',
    stored: 'Stored choice',
    none: 'none yet',
    events: 'DOM events',
    receipts: 'The collector’s console: receipts, charts, proofs',
    changes: ['Sharing with partners is now a category of its own.', 'The storage period is stated more precisely.'],
  },
};
const words = WORDS[lang] || WORDS.en;

function readSettings() {
  try {
    return JSON.parse(localStorage.getItem(SETTINGS) || '{}') || {};
  } catch {
    return {};
  }
}

function saveAndReload(change) {
  localStorage.setItem(SETTINGS, JSON.stringify({ ...readSettings(), ...change }));
  location.reload();
}

/** A local calendar date `daysAgo` days back, as the config's `publishedAt` takes it. */
function isoDate(daysAgo) {
  const day = new Date();
  day.setDate(day.getDate() - daysAgo);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** A new policy version with its "what changed" lines in every language. */
function publish(daysAgo) {
  saveAndReload({
    policy: {
      version: `demo-${Date.now()}`,
      publishedAt: isoDate(daysAgo),
      changes: { kk: WORDS.kk.changes, ru: WORDS.ru.changes, en: WORDS.en.changes },
    },
  });
}

/** Forgets the choice wherever it lives: the cookie, localStorage, and the unsent receipts. */
function clearChoice() {
  document.cookie = 'kelisim_consent=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  localStorage.removeItem('kelisim_consent');
  location.reload();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

function checkbox(label, key) {
  const settings = readSettings();
  return element(
    'label',
    { class: 'check' },
    element('input', {
      type: 'checkbox',
      checked: !!settings[key],
      onchange: (event) => saveAndReload({ [key]: event.target.checked || undefined }),
    }),
    ` ${label}`,
  );
}

function select(label, key, options, fallback) {
  const settings = readSettings();
  const id = `demo-${key}`;
  const control = element('select', { id, onchange: (event) => saveAndReload({ [key]: event.target.value }) });
  for (const option of options)
    control.append(element('option', { value: option, selected: (settings[key] || fallback) === option }, option));
  return element('p', {}, element('label', { for: id }, `${label} `), control);
}

function buildPanel() {
  const settings = readSettings();
  const status = element('dl', { class: 'status' });
  const log = element('ol', { class: 'log', 'aria-live': 'polite' });
  const panel = element(
    'aside',
    { class: 'demo', 'aria-labelledby': 'demo-title' },
    element('h2', { id: 'demo-title' }, words.title),
    element('h3', {}, words.states),
    element(
      'div',
      { class: 'buttons' },
      element('button', { type: 'button', onclick: clearChoice }, words.firstVisit),
      // Any element with data-kelisim-open opens the preferences (SPEC §7).
      element('button', { type: 'button', 'data-kelisim-open': true }, words.preferences),
      element('button', { type: 'button', onclick: () => publish(0) }, words.publish),
      element('button', { type: 'button', onclick: () => publish(10) }, words.publishPast),
      element('button', { type: 'button', onclick: () => saveAndReload({ policy: undefined }), disabled: !settings.policy }, words.builtIn),
      element('button', { type: 'button', onclick: () => kelisim.withdraw() }, words.withdraw),
    ),
    element('p', { class: 'hint' }, words.publishPastHint),
    element('h3', {}, words.options),
    select(words.layout, 'layout', ['bar', 'box', 'modal'], 'bar'),
    select(words.storage, 'storage', ['cookie', 'localStorage'], 'cookie'),
    checkbox(words.gpc, 'gpc'),
    checkbox(words.minor, 'minor'),
    checkbox(words.theme, 'theme'),
    element(
      'label',
      { class: 'check' },
      element('input', {
        type: 'checkbox',
        checked: !settings.noAddress,
        // An example address (demo-config.js), not the Company's real one: without it, the
        // withdrawal text points to the address in the User Agreement instead.
        onchange: (event) => saveAndReload({ noAddress: event.target.checked ? undefined : true }),
      }),
      ` ${words.address}`,
    ),
    element('p', { class: 'hint' }, words.example),
    element('p', { class: 'hint' }, words.reload),
    element('h3', {}, words.status),
    status,
    element('h3', {}, words.events),
    log,
    element('p', {}, element('a', { href: '/console' }, words.receipts)),
  );

  const showStatus = () => {
    const consent = kelisim.getConsent();
    const ran = document.documentElement.dataset.analytics === 'ran';
    status.replaceChildren(
      element('dt', {}, words.analytics),
      element('dd', { class: ran ? 'on' : 'off' }, ran ? words.ran : words.waiting),
      element('dt', {}, words.allows),
      element('dd', {}, String(kelisim.allows('analytics'))),
      element('dt', {}, words.stored),
      element('dd', {}, consent ? element('pre', {}, JSON.stringify(consent, null, 1)) : words.none),
    );
  };
  for (const type of ['ready', 'consent', 'notice', 'withdraw', 'error']) {
    kelisim.on(type, (detail) => {
      const method = detail && (detail.method || detail.view || detail.message || detail.policyVersion);
      log.prepend(element('li', {}, `kelisim:${type}${method ? ` — ${method}` : ''}`));
      // The gated script runs right after the decision; read the status once it has.
      setTimeout(showStatus);
    });
  }
  document.addEventListener('demo:analytics', showStatus);
  showStatus();
  document.querySelector('main').append(panel);
}

// A site that knows its logged-in visitor is a minor says so before the interface draws.
if (readSettings().minor) kelisim.setSubject({ minor: true });
buildPanel();
