import type { FirstLayerTexts } from './texts.js';

/**
 * Russian texts, written from the meaning of the original policy (privacy-policy.kk.txt):
 * «Компания», «Партнёры» and «Пользовательское соглашение» capitalised as the policy's
 * defined terms. Country names come from `Intl.DisplayNames`.
 */
const ru: FirstLayerTexts = {
  languageName: 'Русский',
  languageLabel: 'Язык',

  bannerTitle: 'Ваши персональные данные',
  bannerIntro:
    '{controller} обрабатывает ваши персональные данные. Включена только обработка, необходимая сервисам; для аналитики, маркетинга и передачи данных Партнёрам нужно ваше согласие.',
  operatorBin: 'БИН {bin}',
  bannerAcceptAll:
    '«Принять все» включает все необязательные цели, в том числе передачу данных Партнёрам, также за рубеж (трансграничная передача).',
  bannerAbroad: 'Страны зарубежных сервисов: {countries}.',
  bannerTerm: 'Выбор действует {term} или до его отзыва.',
  bannerChanges:
    'Об изменениях Политики сообщается здесь; они принимаются нажатием кнопки или продолжением пользования сервисом через {days} после дня публикации.',
  bannerConfirm:
    'Нажатие любой из трёх кнопок подтверждает, что вам показано это краткое изложение; выбор записывается вместе с этим текстом.',
  acceptAll: 'Принять все',
  rejectAll: 'Отклонить необязательные',
  choose: 'Настроить',
  policyLink: 'Полный текст Политики',
  gpcHonoured:
    'Ваш браузер передал сигнал Global Privacy Control, и Компания его учла: маркетинг и передача данных Партнёрам останутся выключенными, пока вы не включите их сами.',
  minorNotice:
    'Вам нет 18 лет: согласие за вас даёт ваш законный представитель (родитель или опекун), поэтому выбирайте вместе с ним. Маркетинг и передача данных Партнёрам остаются выключенными.',

  summaryWhoTitle: 'Кто обрабатывает',
  summaryWhatTitle: 'Какие данные',
  summaryWhyTitle: 'Зачем',
  summaryWhereTitle: 'Где и как долго',
  summarySharingTitle: 'Кому передаются',
  summaryRightsTitle: 'Ваши права',
  summarySecurityTitle: 'Безопасность',
  close: 'Закрыть',
  listAnd: 'и',

  days_one: '{n} календарный день',
  days_few: '{n} календарных дня',
  days_many: '{n} календарных дней',
  days_other: '{n} календарного дня',
  months_one: '{n} месяц',
  months_few: '{n} месяца',
  months_many: '{n} месяцев',
  months_other: '{n} месяца',
};

export default ru;
