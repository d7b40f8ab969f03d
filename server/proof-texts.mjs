/**
 * The proof page's own words, in the three languages of the receipts. The page is read by
 * a privacy officer, a regulator or a court, so every label says what a field is in plain
 * words; numbers stand after a label («Deleted receipts: 3») so no plural form is needed.
 */

/** @typedef {'kk' | 'ru' | 'en'} ProofLanguage */

/**
 * @typedef {object} ProofTexts
 * @property {string} title
 * @property {string} subtitle
 * @property {string} who
 * @property {string} consentId
 * @property {string} consentIdNote
 * @property {string} pages
 * @property {string} firstReceipt
 * @property {string} lastReceipt
 * @property {string} receiptCount
 * @property {string} choiceInForce
 * @property {string} noChoice
 * @property {string} minor
 * @property {string} generated
 * @property {string} generatedBy
 * @property {string} timesNote
 * @property {string} verifyTitle
 * @property {string} verifyText
 * @property {string} historyTitle
 * @property {string} receipt
 * @property {string} browserTime
 * @property {string} receivedAt
 * @property {string} policyVersion
 * @property {string} page
 * @property {string} client
 * @property {string} uiVersion
 * @property {string} eventId
 * @property {string} language
 * @property {string} purposes
 * @property {string} allowed
 * @property {string} refused
 * @property {string} words
 * @property {string} hash
 * @property {string} verified
 * @property {string} missing
 * @property {string} mismatch
 * @property {string} noHash
 * @property {string} sameWords
 * @property {string} archived
 * @property {string} noticeShown
 * @property {string} noticeShownUnknown
 * @property {string} continuedUse
 * @property {string} acceptedUnder
 * @property {string} erasureTitle
 * @property {string} erasureText
 * @property {string} erasedAt
 * @property {string} erasedCount
 * @property {string} idHash
 * @property {string} noReceipts
 * @property {string} print
 * @property {Record<string, string>} events Event type (or `type:method`) → what happened.
 * @property {Record<string, string>} categories Built-in category ids → their names.
 * @property {Record<string, string>} languages
 */

/** @type {Record<ProofLanguage, ProofTexts>} */
export const PROOF_TEXTS = {
  en: {
    title: 'Consent record',
    subtitle: 'What this browser was shown, what it decided and when, with the exact words that were on the screen.',
    who: 'Data subject',
    consentId: 'Consent id',
    consentIdNote: 'A random identifier made by the visitor’s browser (kelisim) and kept in its cookie; on its own it names no person.',
    pages: 'Pages',
    firstReceipt: 'First receipt',
    lastReceipt: 'Last receipt',
    receiptCount: 'Receipts',
    choiceInForce: 'Choice in force after the last receipt',
    noChoice: 'no decision recorded',
    minor: 'The site marked the visitor as a minor (under 18): purposes for adults only stayed off.',
    generated: 'Generated',
    generatedBy: 'by the kelisim collector {version} from the receipts in its database ({store})',
    timesNote:
      'Times are given in {zone} and in UTC. “Browser time” is the visitor’s device clock; “received” is the collector’s own clock.',
    verifyTitle: 'How the words are verified',
    verifyText:
      'Every receipt carries a hash of the words on the visitor’s screen: the SHA-256 of the view’s texts, each trimmed, in display order, joined by a line break (U+000A) and encoded as UTF-8. The browser uploaded those texts once; the collector refused any upload whose texts did not give the hash they claimed. For this document each hash was computed again from the archived words: “verified” means it matches.',
    historyTitle: 'History',
    receipt: 'Receipt',
    browserTime: 'Browser time',
    receivedAt: 'Received by the collector',
    policyVersion: 'Policy version',
    page: 'Page',
    client: 'Widget',
    uiVersion: 'Interface version',
    eventId: 'Receipt id',
    language: 'Language',
    purposes: 'Purposes after this event',
    allowed: 'allowed',
    refused: 'refused',
    words: 'Words on the screen',
    hash: 'SHA-256',
    verified: 'verified',
    missing:
      'the words of this hash are not in the archive; the hash still identifies them: any copy of the words that gives this hash is the text that was shown',
    mismatch: 'NOT verified: the archived words do not give this hash',
    noHash:
      'no hash: the page was not on https (browsers compute SHA-256 only there), or the decision came from the site’s own code with no view on the screen',
    sameWords: 'the same words as in receipt {n}',
    archived: 'archived',
    noticeShown: 'Notice shown',
    noticeShownUnknown: 'not reported by this widget',
    continuedUse: 'Continued use',
    acceptedUnder: 'Accepted under clause 1.2 of the policy: the site was used after the notice period.',
    erasureTitle: 'Erasure',
    erasureText:
      'Receipts of this consent id were erased at the data subject’s request. The collector keeps only this record: the SHA-256 of the id, the time and the count.',
    erasedAt: 'Erased',
    erasedCount: 'Receipts erased',
    idHash: 'SHA-256 of the consent id',
    noReceipts: 'The collector holds no receipts for this consent id.',
    print: 'Print',
    events: {
      'banner.shown': 'The consent banner was shown',
      'notice.shown': 'The notice that the policy changed was shown',
      'consent.given:accept-all': 'Consent given: accept all',
      'consent.given:reject-all': 'Consent given: optional purposes refused',
      'consent.given:custom': 'Consent given: own choice saved',
      'consent.updated:accept-all': 'Choice changed: accept all',
      'consent.updated:reject-all': 'Choice changed: optional purposes refused',
      'consent.updated:custom': 'Choice changed: own choice saved',
      'consent.withdrawn': 'Consent withdrawn (clause 2.5)',
      'policy.accepted': 'The changed policy accepted by its button',
      'policy.accepted.implicit': 'The changed policy accepted by continued use (clause 1.2)',
    },
    categories: { necessary: 'Necessary', analytics: 'Analytics', marketing: 'Marketing', partners: 'Sharing with Partners' },
    languages: { kk: 'Kazakh', ru: 'Russian', en: 'English' },
  },
  ru: {
    title: 'Запись о согласии',
    subtitle: 'Что было показано этому браузеру, что и когда было решено, с точным текстом, который был на экране.',
    who: 'Субъект данных',
    consentId: 'Идентификатор согласия',
    consentIdNote:
      'Случайный идентификатор, созданный браузером посетителя (kelisim) и хранящийся в его cookie; сам по себе он не указывает на человека.',
    pages: 'Страницы',
    firstReceipt: 'Первая квитанция',
    lastReceipt: 'Последняя квитанция',
    receiptCount: 'Квитанций',
    choiceInForce: 'Выбор, действующий после последней квитанции',
    noChoice: 'решение не записано',
    minor: 'Сайт отметил посетителя как несовершеннолетнего (младше 18 лет): цели только для взрослых оставались выключенными.',
    generated: 'Сформировано',
    generatedBy: 'коллектором kelisim {version} по квитанциям из его базы данных ({store})',
    timesNote: 'Время указано по {zone} и по UTC. «Время браузера» — часы устройства посетителя; «получено» — собственные часы коллектора.',
    verifyTitle: 'Как проверяется текст',
    verifyText:
      'Каждая квитанция содержит хеш текста на экране посетителя: SHA-256 текстов окна, каждый без пробелов по краям, в порядке показа, соединённых переводом строки (U+000A), в кодировке UTF-8. Браузер загрузил эти тексты один раз; коллектор отклонял любую загрузку, тексты которой не дают заявленный хеш. Для этого документа каждый хеш вычислен заново по архивному тексту: «подтверждено» означает совпадение.',
    historyTitle: 'История',
    receipt: 'Квитанция',
    browserTime: 'Время браузера',
    receivedAt: 'Получено коллектором',
    policyVersion: 'Версия политики',
    page: 'Страница',
    client: 'Виджет',
    uiVersion: 'Версия интерфейса',
    eventId: 'Идентификатор квитанции',
    language: 'Язык',
    purposes: 'Цели после этого события',
    allowed: 'разрешено',
    refused: 'не разрешено',
    words: 'Текст на экране',
    hash: 'SHA-256',
    verified: 'подтверждено',
    missing:
      'текста с этим хешем нет в архиве; хеш всё равно его определяет: любой экземпляр текста, дающий этот хеш, и есть показанный текст',
    mismatch: 'НЕ подтверждено: архивный текст не даёт этот хеш',
    noHash:
      'хеша нет: страница была открыта не по https (браузеры вычисляют SHA-256 только там) либо решение принял код самого сайта без показа окна',
    sameWords: 'тот же текст, что в квитанции {n}',
    archived: 'в архиве с',
    noticeShown: 'Уведомление показано',
    noticeShownUnknown: 'виджет этой версии не сообщает',
    continuedUse: 'Использование продолжено',
    acceptedUnder: 'Принято по пункту 1.2 политики: сайтом продолжили пользоваться после срока уведомления.',
    erasureTitle: 'Удаление',
    erasureText:
      'Квитанции этого идентификатора согласия удалены по запросу субъекта данных. Коллектор хранит только эту запись: SHA-256 идентификатора, время и количество.',
    erasedAt: 'Удалено',
    erasedCount: 'Удалено квитанций',
    idHash: 'SHA-256 идентификатора согласия',
    noReceipts: 'У коллектора нет квитанций с этим идентификатором согласия.',
    print: 'Печать',
    events: {
      'banner.shown': 'Показан баннер согласия',
      'notice.shown': 'Показано уведомление об изменении политики',
      'consent.given:accept-all': 'Согласие дано: принять все',
      'consent.given:reject-all': 'Согласие дано: необязательные цели отклонены',
      'consent.given:custom': 'Согласие дано: сохранён собственный выбор',
      'consent.updated:accept-all': 'Выбор изменён: принять все',
      'consent.updated:reject-all': 'Выбор изменён: необязательные цели отклонены',
      'consent.updated:custom': 'Выбор изменён: сохранён собственный выбор',
      'consent.withdrawn': 'Согласие отозвано (пункт 2.5)',
      'policy.accepted': 'Изменённая политика принята кнопкой',
      'policy.accepted.implicit': 'Изменённая политика принята продолжением использования (пункт 1.2)',
    },
    categories: { necessary: 'Необходимые', analytics: 'Аналитика', marketing: 'Маркетинг', partners: 'Передача Партнёрам' },
    languages: { kk: 'казахский', ru: 'русский', en: 'английский' },
  },
  kk: {
    title: 'Келісім туралы жазба',
    subtitle: 'Осы браузерге не көрсетілгені, қандай шешім қашан қабылданғаны – экранда болған мәтінмен бірге.',
    who: 'Деректер субъектісі',
    consentId: 'Келісім идентификаторы',
    consentIdNote:
      'Келушінің браузері (kelisim) жасаған және оның cookie файлында сақталатын кездейсоқ идентификатор; өздігінен ешбір адамды көрсетпейді.',
    pages: 'Беттер',
    firstReceipt: 'Алғашқы түбіртек',
    lastReceipt: 'Соңғы түбіртек',
    receiptCount: 'Түбіртектер саны',
    choiceInForce: 'Соңғы түбіртектен кейін күшіндегі таңдау',
    noChoice: 'шешім тіркелмеген',
    minor: 'Сайт келушіні кәмелетке толмаған (18 жасқа толмаған) деп белгіледі: тек ересектерге арналған мақсаттар өшірулі тұрды.',
    generated: 'Жасалған уақыты',
    generatedBy: 'kelisim коллекторы {version}, өз дерекқорындағы түбіртектер бойынша ({store})',
    timesNote:
      'Уақыт {zone} бойынша және UTC бойынша көрсетілген. «Браузер уақыты» – келуші құрылғысының сағаты; «Коллектор қабылдады» – коллектордың өз сағаты.',
    verifyTitle: 'Мәтін қалай тексеріледі',
    verifyText:
      'Әр түбіртекте келушінің экранындағы мәтіннің хэші бар: терезе мәтіндерінің SHA-256 хэші – әрқайсысы шетіндегі бос орынсыз, көрсетілу ретімен, жол ауыстыру (U+000A) арқылы біріктірілген, UTF-8 кодтауында. Браузер бұл мәтіндерді бір рет жүктеді; коллектор мәлімделген хэшті бермейтін кез келген жүктемені қабылдамады. Осы құжат үшін әр хэш мұрағаттағы мәтін бойынша қайта есептелді: «расталды» сәйкес келетінін білдіреді.',
    historyTitle: 'Тарих',
    receipt: 'Түбіртек',
    browserTime: 'Браузер уақыты',
    receivedAt: 'Коллектор қабылдады',
    policyVersion: 'Саясат нұсқасы',
    page: 'Бет',
    client: 'Виджет',
    uiVersion: 'Интерфейс нұсқасы',
    eventId: 'Түбіртек идентификаторы',
    language: 'Тіл',
    purposes: 'Осы оқиғадан кейінгі мақсаттар',
    allowed: 'рұқсат етілген',
    refused: 'рұқсат етілмеген',
    words: 'Экрандағы мәтін',
    hash: 'SHA-256',
    verified: 'расталды',
    missing:
      'бұл хэштің мәтіні мұрағатта жоқ; хэш оны бәрібір анықтайды: осы хэшті беретін мәтіннің кез келген көшірмесі – көрсетілген мәтін',
    mismatch: 'РАСТАЛМАДЫ: мұрағаттағы мәтін бұл хэшті бермейді',
    noHash:
      'хэш жоқ: бет https арқылы ашылмаған (браузерлер SHA-256 хэшін тек сонда есептейді) не шешімді терезе көрсетпей сайттың өз коды қабылдаған',
    sameWords: '{n}-түбіртектегі мәтінмен бірдей',
    archived: 'мұрағатта',
    noticeShown: 'Хабарлама көрсетілді',
    noticeShownUnknown: 'виджеттің бұл нұсқасы хабарламайды',
    continuedUse: 'Пайдалану жалғасты',
    acceptedUnder: 'Саясаттың 1.2-тармағы бойынша қабылданды: хабарлама мерзімінен кейін сайтты пайдалану жалғасты.',
    erasureTitle: 'Жою',
    erasureText:
      'Осы келісім идентификаторының түбіртектері деректер субъектісінің сұрауы бойынша жойылды. Коллектор тек осы жазбаны сақтайды: идентификатордың SHA-256 хэші, уақыты және саны.',
    erasedAt: 'Жойылған уақыты',
    erasedCount: 'Жойылған түбіртектер',
    idHash: 'Келісім идентификаторының SHA-256 хэші',
    noReceipts: 'Коллекторда осы келісім идентификаторы бойынша түбіртек жоқ.',
    print: 'Басып шығару',
    events: {
      'banner.shown': 'Келісім баннері көрсетілді',
      'notice.shown': 'Саясаттың өзгергені туралы хабарлама көрсетілді',
      'consent.given:accept-all': 'Келісім берілді: барлығын қабылдау',
      'consent.given:reject-all': 'Келісім берілді: міндетті емес мақсаттардан бас тартылды',
      'consent.given:custom': 'Келісім берілді: өз таңдауы сақталды',
      'consent.updated:accept-all': 'Таңдау өзгертілді: барлығын қабылдау',
      'consent.updated:reject-all': 'Таңдау өзгертілді: міндетті емес мақсаттардан бас тартылды',
      'consent.updated:custom': 'Таңдау өзгертілді: өз таңдауы сақталды',
      'consent.withdrawn': 'Келісім қайтарып алынды (2.5-тармақ)',
      'policy.accepted': 'Өзгертілген саясат түйме арқылы қабылданды',
      'policy.accepted.implicit': 'Өзгертілген саясат пайдалануды жалғастыру арқылы қабылданды (1.2-тармақ)',
    },
    categories: { necessary: 'Қажетті', analytics: 'Аналитика', marketing: 'Маркетинг', partners: 'Серіктестерге беру' },
    languages: { kk: 'қазақ тілі', ru: 'орыс тілі', en: 'ағылшын тілі' },
  },
};
