import type { FirstLayerTexts } from './texts.js';

/**
 * Kazakh texts, written from the original policy (privacy-policy.kk.txt), in its own
 * vocabulary: «Компания», «Серіктестер» (capitalised, as the policy writes them),
 * «Пайдаланушы келісімі» whenever the User Agreement is meant (келісім alone is consent).
 * Placeholders are never given a case ending: the controller's name, a date or an
 * address would each need a different one, so they stand in the nominative, before a
 * postposition or a noun that takes the ending («{date} күнінен бастап», «{term} бойы»).
 */
const kk: FirstLayerTexts = {
  languageName: 'Қазақша',
  languageLabel: 'Тіл',

  bannerTitle: 'Дербес деректеріңіз',
  bannerIntro:
    '{controller} дербес деректеріңізді өңдейді. Тек Сервистерге қажетті өңдеу қосулы; аналитикаға, маркетингке және Серіктестерге беруге келісіміңіз қажет.',
  operatorBin: 'БСН {bin}',
  bannerAcceptAll:
    '«Барлығын қабылдау» міндетті емес барлық мақсатты, оның ішінде деректерді Серіктестерге, шет елдерге де беруді (трансшекаралық беру) қосады.',
  bannerAbroad: 'Шетелдік сервистердің елдері: {countries}.',
  bannerTerm: 'Таңдауыңыз {term} бойы немесе оны қайтарып алғанша күшінде болады.',
  bannerChanges:
    'Саясаттағы өзгертулер осында хабарланады және түйме басылғанда немесе жарияланған күннен кейінгі {days} өткен соң Сервисті пайдалануды жалғастырсаңыз қабылданады.',
  bannerConfirm: 'Үш түйменің кез келгенін басу осы қысқаша мазмұн сізге көрсетілгенін растайды; таңдауыңыз осы мәтінмен бірге тіркеледі.',
  acceptAll: 'Барлығын қабылдау',
  rejectAll: 'Міндетті еместерден бас тарту',
  choose: 'Баптау',
  policyLink: 'Саясаттың толық мәтіні',
  gpcHonoured:
    'Браузеріңіз Global Privacy Control сигналын жіберді, Компания оны ескерді: маркетинг пен деректерді Серіктестерге беру өзіңіз қоспайынша өшірулі тұрады.',
  minorNotice:
    'Сіз 18 жасқа толмағансыз: сіз үшін келісімді заңды өкіліңіз (ата-анаңыз не қамқоршыңыз) береді, сондықтан таңдауды онымен бірге жасаңыз. Маркетинг пен деректерді Серіктестерге беру өшірулі тұрады.',

  summaryWhoTitle: 'Кім өңдейді',
  summaryWhatTitle: 'Қандай деректер',
  summaryWhyTitle: 'Не үшін',
  summaryWhereTitle: 'Қайда және қанша уақыт',
  summarySharingTitle: 'Кімге беріледі',
  summaryRightsTitle: 'Құқықтарыңыз',
  summarySecurityTitle: 'Қауіпсіздік',
  close: 'Жабу',
  listAnd: 'және',

  // Kazakh nouns after a numeral do not change: 1, 7 and 21 «күнтізбелік күн» alike.
  days_other: '{n} күнтізбелік күн',
  months_other: '{n} ай',
};

export default kk;
