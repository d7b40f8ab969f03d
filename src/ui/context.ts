import { pickLanguage } from '../core/language.js';
import { report } from '../core/config/report.js';
import { ID } from '../core/config/schema.js';
import { heldBack, type HeldBackReason } from '../core/policy/held-back.js';
import type { Session } from '../core/session/types.js';
import { sendsGpc } from '../core/signals/gpc.js';
import type { CategoryConfig, KelisimError, Language, UiConfig } from '../core/types.js';
import type { Texts } from '../i18n/texts.js';
import { loadTexts } from './language.js';
import { resolveUiConfig } from '../core/config/interface.js';

/**
 * Everything a view draws from: the session, the checked config, the texts. Not the
 * decisions: the banner is drawn before they arrive (they are fetched once it shows), and
 * its controls reach them through the root element.
 */
export interface UiContext {
  readonly session: Session;
  readonly config: UiConfig;
  readonly lang: Language;
  /**
   * The built-in texts of `lang` with the page's overrides merged over them: the banner's
   * first layer until `complete`, every text after (see `FirstLayerTexts`).
   */
  readonly texts: Texts;
  /** Whether `texts` holds every text, not the banner's first layer alone. */
  readonly complete: boolean;
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
  /** The visitor opened or closed a part of the summary. */
  toggleSummary(part: string, open: boolean): void;
}

/** A view's input: the context and the handlers of its controls. */
export interface ViewContext extends UiContext {
  readonly on: ViewHandlers;
  /** The summary's parts the visitor has open. */
  readonly openSummary: ReadonlySet<string>;
}

/**
 * Gets a session ready for the interface: the first layer of the language's texts (which
 * the loader already started downloading beside this chunk), and the interface's config,
 * checked. Its `texts` overrides are checked against the keys that exist once the rest of
 * the texts arrive ({@link complete}).
 */
export async function prepareContext(session: Session): Promise<UiContext> {
  const lang = pickLanguage(session.config.language, session.record?.lang);
  const config = resolveUiConfig(session.deferred, (error) => session.report(error));
  const context: UiContext = { session, config, lang, texts: await loadTexts(lang, config.texts), complete: false };
  // The first layer names the countries of services abroad: in Kazakh, they come with the rest of the texts.
  const abroad = session.config.categories.some((category) => category.services?.some((service) => service.country !== 'KZ'));
  return lang === 'kk' && abroad ? complete(context) : context;
}

/**
 * The context with every text, the rest of the language's texts fetched. The first time,
 * the page's `texts` overrides are checked against the keys that exist: an unknown one is
 * reported, and dropped.
 */
export async function complete(context: UiContext): Promise<UiContext> {
  if (context.complete) return context;
  const { session, config, lang } = context;
  const builtIn = await loadTexts(lang, {}, true);
  const categories = new Set(session.config.categories.map((c) => c.id));
  const isTextKey = (key: string): boolean => {
    const category = /^category\.(.+)\.(name|description)$/.exec(key);
    // Plural forms and country names differ by language: any language may add its own.
    return category
      ? ID.test(category[1]!) && categories.has(category[1]!)
      : Object.hasOwn(builtIn, key) || /^(days|months)_(zero|one|two|few|many|other)$/.test(key) || /^country\.[A-Z]{2}$/.test(key);
  };
  const problems: KelisimError[] = [];
  for (const [language, overrides] of Object.entries(config.texts) as Array<[Language, Record<string, string>]>) {
    for (const key of Object.keys(overrides)) {
      if (isTextKey(key)) continue;
      problems.push({ code: 'config', key: `texts.${language}.${key}`, message: 'is not a known text key' });
      delete overrides[key];
    }
  }
  report(problems, (error) => session.report(error));
  return { ...context, texts: { ...builtIn, ...config.texts[lang] }, complete: true };
}

/** The same context in another language: that language's chunk (or both) loaded on first use. */
export async function inLanguage(context: UiContext, lang: Language): Promise<UiContext> {
  const texts = await loadTexts(lang, context.config.texts, context.complete);
  return { ...context, lang, texts };
}

/**
 * Why a category may not be turned on for this visitor now: the rule the decisions apply
 * (`policy/held-back.ts`), asked here without them.
 */
export function heldBackFor({ session }: UiContext, category: CategoryConfig, explicit?: boolean): HeldBackReason | null {
  return heldBack(category, { minor: session.minor, gpc: session.config.respectGpc && sendsGpc() }, explicit);
}
