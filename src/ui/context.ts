import { pickLanguage } from '../core/language.js';
import { ID } from '../core/config/check.js';
import type { Session, SessionActions } from '../core/session/types.js';
import type { Language, UiConfig } from '../core/types.js';
import type { Texts } from '../i18n/texts.js';
import { loadTexts } from './language.js';
import { resolveUiConfig } from '../core/config/interface.js';

/** Everything a view draws from: the session, its decisions, the checked config, the texts. */
export interface UiContext {
  readonly session: Session;
  readonly actions: SessionActions;
  readonly config: UiConfig;
  readonly lang: Language;
  /** The built-in texts of `lang` with the page's overrides merged over them. */
  readonly texts: Texts;
}

/** What the controls of a view call; the root element implements them. */
export interface ViewHandlers {
  acceptAll(): void;
  rejectAll(): void;
  openPreferences(): void;
  closePreferences(): void;
  /** The preferences dialog closed: by Escape, the close button or a decision. */
  preferencesClosed(): void;
  save(): void;
  withdraw(): void;
  acceptNotice(): void;
  dismissNotice(): void;
  setLanguage(lang: Language): void;
}

/** A view's input: the context and the handlers of its controls. */
export interface ViewContext extends UiContext {
  readonly on: ViewHandlers;
}

/**
 * Gets a session ready for the interface: the decisions and language chunks (which the
 * loader already started downloading beside this one), then the interface's config,
 * checked once against the keys the texts really have.
 */
export async function prepareContext(session: Session): Promise<UiContext> {
  const lang = pickLanguage(session.config.language, session.record?.lang);
  const [actions, builtIn] = await Promise.all([session.actions(), loadTexts(lang, {})]);
  const categories = new Set(session.config.categories.map((c) => c.id));
  const isTextKey = (key: string): boolean => {
    const category = /^category\.(.+)\.(name|description)$/.exec(key);
    // Plural forms and country names differ by language: any language may add its own.
    return category
      ? ID.test(category[1]!) && categories.has(category[1]!)
      : Object.hasOwn(builtIn, key) || /^(days|months)_(zero|one|two|few|many|other)$/.test(key) || /^country\.[A-Z]{2}$/.test(key);
  };
  const config = resolveUiConfig(session.deferred, (error) => session.report(error), isTextKey);
  actions.language = lang;
  return { session, actions, config, lang, texts: { ...builtIn, ...config.texts[lang] } };
}

/** The same context in another language: that language's chunk is loaded on first use. */
export async function inLanguage(context: UiContext, lang: Language): Promise<UiContext> {
  const texts = await loadTexts(lang, context.config.texts);
  context.actions.language = lang;
  return { ...context, lang, texts };
}
