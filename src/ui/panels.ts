/**
 * The interface's second part: the preferences dialog and the change notice, with their
 * styles. A first visit's banner does not need them to paint, so the root element fetches
 * them once the banner shows (or at once, for a notice or the preferences).
 */
export { notice, noticeStyles } from './notice.js';
export { preferences, preferencesStyles } from './preferences.js';
