import type { MoreTexts } from './texts.js';

/**
 * The rest of the English texts: the summary's paragraphs, the preferences, the change
 * notice and withdrawal. Fetched once the banner shows; its first layer is in `en.ts`.
 */
const more: MoreTexts = {
  summaryWho:
    '{controller} (the Company) is responsible for your personal data. Its Partners may also collect and process it for the purposes below.',
  summaryWhat:
    'Your mobile number, e-mail address, IP address, geolocation, search history, login dates and times, cookies, browser and operating system details, and what you provide yourself, such as your avatar, user name, gender and date of birth, plus other data these purposes need. The Company may complete or correct this data from open sources or from third parties under contract with it.',
  summaryWhy:
    'Always, under the User Agreement: to provide the services, send notifications and information about them, handle your requests, tell you about changes to the User Agreement and meet the Company’s legal duties. Only with your consent: measuring how the services are used, to improve their quality and develop new ones (analytics); personalised content and targeted advertising, advertising campaigns, market research and contests (marketing); sharing data with Partners.',
  summaryWhere:
    'The Company stores personal data in the Republic of Kazakhstan, for as long as the purposes need and no longer than three years after the User Agreement ends; where a law sets a shorter term, that term applies. Analytics and advertising services, if you allow them, may also process data abroad: that is a cross-border transfer.',
  summarySharing:
    'The Company passes personal data to third parties in the cases and manner that Kazakh law provides. With your consent (the “Sharing with Partners” category), it also passes your data and the results of its automated processing to its affiliates and Partners, including across borders (cross-border transfer), and develops its services with them. No third party, Partners included, receives information about your correspondence.',
  summaryRights:
    'You have the right to information about your personal data and to have the Company correct, complete, block or delete it. You can withdraw your consent to optional processing at any time in the privacy settings. To withdraw your consent to the processing of your personal data altogether, send a written application to the Company’s address given in the User Agreement; this may suspend or end the User Agreement.',
  summarySecurity:
    'Personal data is confidential information protected by Kazakh law. It travels over HTTPS with TLS 1.2; only staff who need it for their duties can access it, and they sign a non-disclosure undertaking. The Company has a confidentiality agreement with each of its Partners.',

  preferencesTitle: 'Privacy settings',
  preferencesIntro:
    'Necessary processing is always on. Turn the rest on or off as you wish; you can come back to these settings at any time.',
  save: 'Save choices',
  requiredLabel: 'Always on',
  adultOnlyLocked: 'Off for users under 18: it needs a legal representative’s consent',
  'category.necessary.name': 'Necessary',
  'category.necessary.description':
    'Running the services under the User Agreement: notifications and information about them, handling your requests, telling you about changes to the User Agreement, and the Company’s legal duties. Always on.',
  'category.analytics.name': 'Analytics',
  'category.analytics.description':
    'Measuring how the services are used, so that the Company can improve their quality and develop new ones.',
  'category.marketing.name': 'Marketing',
  'category.marketing.description': 'Personalised content and targeted advertising, advertising campaigns, market research and contests.',
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
  noticeImplicit:
    'The changes are accepted by the button, or if you keep using the services from {date} (after {days} following the day of publication).',
  noticeImplicitPassed:
    'The period of {days} after the day of publication has passed: if you keep using the services after this notice, the changes count as accepted.',
  acceptNotice: 'Accept changes',
  noticeReview: 'Review settings',

  reopenLabel: 'Privacy settings',

  dateLong: '{month} {day}, {year}',
  monthNames: 'January February March April May June July August September October November December',
};

export default more;
