import type { Language } from '../core/types.js';
import type { Texts } from './texts.js';

/**
 * One chunk per language: a page downloads only the one it shows, and another only when the
 * visitor switches to it. In the decisions chunk rather than the interface's, so the shown
 * language starts downloading as soon as the decisions arrive, beside the interface
 * (`Actions.preloadTexts`), instead of after it.
 */
export const TEXT_CHUNKS: Record<Language, () => Promise<{ default: Texts }>> = {
  kk: () => import('./kk.js'),
  ru: () => import('./ru.js'),
  en: () => import('./en.js'),
};
