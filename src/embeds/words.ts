import type { Language } from '../core/types.js';

/**
 * The placeholder's own words, in the placeholder's chunk: only a page with a blocked embed
 * downloads them, and nothing else (not a whole language's texts). `{host}` is the embed's
 * host name (shown as text: nothing is fetched from it), `{category}` the category's name.
 * Kazakh from the policy's vocabulary: «санат» category, «рұқсат ету» allow,
 * «Құпиялылық баптаулары» privacy settings (the reopen control's label).
 */
export interface EmbedWords {
  /** What is blocked, and what would allow it. */
  message: string;
  /** The button that allows the category for this visitor: a recorded decision. */
  allow: string;
  /** For a known minor and an adult-only category: who must agree instead. */
  minor: string;
  /** Opens the preferences. */
  settings: string;
  /**
   * The built-in categories' names, exactly as the widget's texts give them
   * (`category.<id>.name` in `src/i18n/`, which a test holds them to). A page's own text for
   * that key wins; a category with neither shows its id.
   */
  categories: Record<string, string>;
}

export const WORDS: Record<Language, EmbedWords> = {
  kk: {
    message: '{host} мазмұны «{category}» санатына келісім бергенде ғана жүктеледі.',
    allow: '«{category}» санатына рұқсат ету',
    minor: '{host} мазмұны «{category}» санатына келісіммен ғана жүктеледі: оны заңды өкіліңіз (ата-анаңыз не қамқоршыңыз) береді.',
    settings: 'Құпиялылық баптаулары',
    categories: { necessary: 'Қажетті', analytics: 'Аналитика', marketing: 'Маркетинг', partners: 'Серіктестерге беру' },
  },
  ru: {
    message: 'Содержимое с {host} загрузится только с вашего согласия на категорию «{category}».',
    allow: 'Разрешить «{category}»',
    minor:
      'Содержимое с {host} загрузится только с согласия на категорию «{category}», а его даёт ваш законный представитель (родитель или опекун).',
    settings: 'Настройки конфиденциальности',
    categories: { necessary: 'Необходимые', analytics: 'Аналитика', marketing: 'Маркетинг', partners: 'Передача Партнёрам' },
  },
  en: {
    message: 'Content from {host} loads only with your consent to “{category}”.',
    allow: 'Allow “{category}”',
    minor: 'Content from {host} loads only with consent to “{category}”, which your legal representative (a parent or guardian) gives.',
    settings: 'Privacy settings',
    categories: { necessary: 'Necessary', analytics: 'Analytics', marketing: 'Marketing', partners: 'Sharing with Partners' },
  },
};
