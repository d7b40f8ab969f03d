import type { Texts } from './texts.js';

/**
 * English texts, written from the meaning of the original policy (privacy-policy.kk.txt):
 * “the Company”, “Partners” and “the User Agreement” capitalised as the policy's defined
 * terms. Country names come from `Intl.DisplayNames`.
 */
const en: Texts = {
  languageName: 'English',
  languageLabel: 'Language',

  bannerTitle: 'Your personal data',
  bannerIntro:
    '{controller} processes your personal data. Only what the services need is on; analytics, marketing and sharing with Partners need your consent.',
  operatorBin: 'BIN {bin}',
  bannerAcceptAll: '“Accept all” turns on every optional purpose, sharing data with Partners included, abroad too (cross-border transfer).',
  bannerAbroad: 'Countries of the services abroad: {countries}.',
  bannerTerm: 'Your choice lasts {term} or until you withdraw it.',
  bannerChanges:
    'Policy changes are announced here and accepted by a button, or by using the services after {days} following the day of publication.',
  bannerConfirm: 'Pressing any of the three buttons confirms you were shown this summary; your choice is recorded with these words.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject optional',
  choose: 'Customise',
  policyLink: 'Full Privacy Policy',
  gpcHonoured:
    'Your browser sent a Global Privacy Control signal and the Company honoured it: marketing and sharing data with Partners stay off unless you turn them on yourself.',
  minorNotice:
    'You are under 18: your legal representative (a parent or guardian) gives consent for you, so make this choice together. Marketing and sharing data with Partners stay off.',

  summaryWhoTitle: 'Who processes it',
  summaryWho:
    '{controller} (the Company) is responsible for your personal data. Its Partners may also collect and process it for the purposes below.',
  summaryWhatTitle: 'What data',
  summaryWhat:
    'Your mobile number, e-mail address, IP address, geolocation, search history, login dates and times, cookies, browser and operating system details, and what you provide yourself, such as your avatar, user name, gender and date of birth, plus other data these purposes need. The Company may complete or correct this data from open sources or from third parties under contract with it.',
  summaryWhyTitle: 'Why',
  summaryWhy:
    'Always, under the User Agreement: to provide the services, send notifications and information about them, handle your requests, tell you about changes to the User Agreement and meet the Company’s legal duties. Only with your consent: measuring how the services are used, to improve their quality and develop new ones (analytics); personalised content and targeted advertising, advertising campaigns, market research and contests (marketing); sharing data with Partners.',
  summaryWhereTitle: 'Where and how long',
  summaryWhere:
    'The Company stores personal data in the Republic of Kazakhstan, for as long as the purposes need and no longer than three years after the User Agreement ends; where a law sets a shorter term, that term applies. Analytics and advertising services, if you allow them, may also process data abroad: that is a cross-border transfer.',
  summarySharingTitle: 'Who receives it',
  summarySharing:
    'The Company passes personal data to third parties in the cases and manner that Kazakh law provides. With your consent (the “Sharing with Partners” category), it also passes your data and the results of its automated processing to its affiliates and Partners, including across borders (cross-border transfer), and develops its services with them. No third party, Partners included, receives information about your correspondence.',
  summaryRightsTitle: 'Your rights',
  summaryRights:
    'You have the right to information about your personal data and to have the Company correct, complete, block or delete it. You can withdraw your consent to optional processing at any time in the privacy settings. To withdraw your consent to the processing of your personal data altogether, send a written application to the Company’s address given in the User Agreement; this may suspend or end the User Agreement.',
  summarySecurityTitle: 'Security',
  summarySecurity:
    'Personal data is confidential information protected by Kazakh law. It travels over HTTPS with TLS 1.2; only staff who need it for their duties can access it, and they sign a non-disclosure undertaking. The Company has a confidentiality agreement with each of its Partners.',

  preferencesTitle: 'Privacy settings',
  preferencesIntro:
    'Necessary processing is always on. Turn the rest on or off as you wish; you can come back to these settings at any time.',
  save: 'Save choices',
  close: 'Close',
  requiredLabel: 'Always on',
  adultOnlyLocked: 'Off for users under 18: it needs a legal representative’s consent',
  'category.necessary.name': 'Necessary',
  'category.necessary.description':
    'Running the services under the User Agreement: notifications and information about them, handling your requests, telling you about changes to the User Agreement, and the Company’s legal duties. Always on.',
  'category.analytics.name': 'Analytics',
  'category.analytics.description':
    'Measuring how the services are used, so that the Company can improve their quality and develop new ones.',
  'category.marketing.name': 'Marketing',
  'category.marketing.description':
    'Personalised content and targeted advertising, advertising campaigns, market research and contests.',
  'category.partners.name': 'Sharing with Partners',
  'category.partners.description':
    'Passing your data and the results of its automated processing to the Company’s affiliates and Partners, including across borders (cross-border transfer). With them the Company develops its information, advertising, education, entertainment and other services.',
  servicesTitle: 'Services that receive data',
  crossBorder: 'cross-border transfer',
  servicePrivacy: 'privacy notice',
  withdrawTitle: 'Withdraw consent',
  withdrawIntro:
    'This turns off every optional category at once and deletes their cookies. Processing needed for the User Agreement continues; withdrawing your consent to it as well takes a written application to the Company, which may suspend or end the User Agreement.',
  withdraw: 'Withdraw consent',
  withdrawDone:
    'Your consents to optional processing are withdrawn. To withdraw your consent to the processing of your personal data altogether, send a written application to {controller}, {address}. This may suspend or end the User Agreement.',
  withdrawDoneNoAddress:
    'Your consents to optional processing are withdrawn. To withdraw your consent to the processing of your personal data altogether, send a written application to {controller} at the address given in the User Agreement. This may suspend or end the User Agreement.',

  noticeTitle: 'The Privacy Policy has changed',
  noticePublished: 'The new version was published on {date}.',
  noticeChangesTitle: 'What changed',
  noticeNewCategory: 'New category: {list}. It stays off until you turn it on.',
  noticeNewCategories: 'New categories: {list}. They stay off until you turn them on.',
  listAnd: 'and',
  noticeImplicit:
    'The changes are accepted by the button, or if you keep using the services from {date} (after {days} following the day of publication).',
  noticeImplicitPassed:
    'The period of {days} after the day of publication has passed: if you keep using the services after this notice, the changes count as accepted.',
  acceptNotice: 'Accept changes',
  noticeReview: 'Review settings',

  reopenLabel: 'Privacy settings',

  dateLong: '{month} {day}, {year}',
  monthNames: 'January February March April May June July August September October November December',

  days_one: '{n} calendar day',
  days_other: '{n} calendar days',
  months_one: '{n} month',
  months_other: '{n} months',
};

export default en;
