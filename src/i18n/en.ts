import type { Texts } from './texts.js';

/** English texts, written from the meaning of the original policy (privacy-policy.kk.txt). */
const en: Texts = {
  languageName: 'English',
  languageLabel: 'Language',

  bannerTitle: 'Your personal data',
  bannerIntro:
    '{controller} processes your personal data to provide its services. Only what the service needs is on by default; analytics, marketing and sharing with partners are your choice, and you can change it at any time.',
  summaryWhoTitle: 'Who processes your data',
  summaryWho:
    '{controller} (the Company) is responsible for your personal data. Its Partners may also collect and process it for the purposes below.',
  summaryWhatTitle: 'What is collected',
  summaryWhat:
    'Your mobile number, e-mail address, IP address, geolocation, search history, login dates and times, cookies, browser and operating system details, and what you give us, such as your avatar, user name, gender and date of birth, plus other data these purposes need. The Company may complete or correct this data from open sources or from third parties under contract with it.',
  summaryWhyTitle: 'Why',
  summaryWhy:
    'To provide the services, handle your requests, meet the Company’s legal duties, improve quality and develop new services. With your consent, also for personalised content and targeted advertising, advertising campaigns, market research and contests.',
  summaryWhereTitle: 'Where and for how long',
  summaryWhere:
    'In the Republic of Kazakhstan, for as long as the purposes need and no longer than three years after the User Agreement ends. If a law sets a shorter term, that term applies.',
  summarySharingTitle: 'Who it is shared with',
  summarySharing:
    'The Company passes your data and the results of its automated processing to its affiliates and Partners, including across borders to other countries, only if you allow it, and always as Kazakh law permits. No third party, Partners included, receives your correspondence.',
  summaryRightsTitle: 'Your rights',
  summaryRights:
    'You can withdraw your consent to optional processing at any time in these settings. To withdraw from the User Agreement entirely, send a written application to the Company’s address given in the User Agreement; this may suspend or end the agreement.',
  summarySecurityTitle: 'Security',
  summarySecurity:
    'Personal data is confidential and protected by Kazakh law: it travels over HTTPS with TLS 1.2, only staff who need it for their duties can access it, and they sign confidentiality undertakings. The Company does not guarantee the safety of data sent over the internet and is not liable for unlawful access by third parties.',
  policyLink: 'Full Privacy Policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject optional',
  choose: 'Choose',
  gpcHonoured:
    'Your browser sent a Global Privacy Control signal and we honoured it: marketing and sharing with partners stay off unless you turn them on yourself.',
  minorNotice:
    'You are under 18, so marketing and sharing with partners need the consent of your parent or legal representative, and they stay off.',

  preferencesTitle: 'Privacy settings',
  preferencesIntro:
    'Necessary processing is always on. Turn the rest on or off as you wish; you can come back to these settings at any time.',
  save: 'Save choices',
  close: 'Close',
  requiredLabel: 'Always on',
  adultOnlyLocked: 'Under 18: needs a parent’s or legal representative’s consent',
  'category.necessary.name': 'Necessary',
  'category.necessary.description':
    'Running the service under the User Agreement: notifications and information about the service, handling your requests, telling you about changes to the User Agreement, and the Company’s legal duties. Always on.',
  'category.analytics.name': 'Analytics',
  'category.analytics.description':
    'Measuring how the services are used, so that the Company can improve their quality and develop new ones.',
  'category.marketing.name': 'Marketing',
  'category.marketing.description':
    'Personalised content and targeted advertising, advertising campaigns, market research and contests.',
  'category.partners.name': 'Sharing with partners',
  'category.partners.description':
    'Passing your data and the results of its automated processing to the Company’s affiliates and Partners, including across borders to other countries, so they can develop and offer information, advertising, education, entertainment and other services.',
  withdrawTitle: 'Withdraw consent',
  withdrawIntro:
    'This turns off every optional category at once and deletes their cookies. Necessary processing under the User Agreement continues; ending it takes a written application to the Company.',
  withdraw: 'Withdraw consent',
  withdrawDone:
    'Your optional consents are withdrawn. To withdraw from the User Agreement entirely, send a written application to {controller} at {address}.',
  withdrawDoneNoAddress:
    'Your optional consents are withdrawn. To withdraw from the User Agreement entirely, send a written application to {controller} at the address given in the User Agreement.',

  noticeTitle: 'The Privacy Policy has changed',
  noticePublished: 'The new version was published on {date}.',
  noticeChangesTitle: 'What changed',
  noticeNewCategories: 'New categories: {list}. They stay off until you turn them on.',
  noticeImplicit:
    'If you keep using the service from {date} ({days} after publication), the changes count as accepted.',
  acceptNotice: 'Accept changes',
  noticeReview: 'Review settings',

  reopenLabel: 'Privacy settings',

  dateLong: '{month} {day}, {year}',
  monthNames: 'January February March April May June July August September October November December',

  days_one: '{n} calendar day',
  days_other: '{n} calendar days',
};

export default en;
