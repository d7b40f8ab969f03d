import type { FirstLayerTexts } from './texts.js';

/**
 * English texts, written from the meaning of the original policy (privacy-policy.kk.txt):
 * “the Company”, “Partners” and “the User Agreement” capitalised as the policy's defined
 * terms. Country names come from `Intl.DisplayNames`.
 */
const en: FirstLayerTexts = {
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
  summaryWhatTitle: 'What data',
  summaryWhyTitle: 'Why',
  summaryWhereTitle: 'Where and how long',
  summarySharingTitle: 'Who receives it',
  summaryRightsTitle: 'Your rights',
  summarySecurityTitle: 'Security',
  close: 'Close',
  listAnd: 'and',

  days_one: '{n} calendar day',
  days_other: '{n} calendar days',
  months_one: '{n} month',
  months_other: '{n} months',
};

export default en;
