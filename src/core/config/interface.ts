import { report as reportAll } from './report.js';
import type { DeferredConfig } from './loaded.js';
import { isObject, list, oneOf, record, shape, text, type Check, type Fail } from './schema.js';
import type { ControllerConfig, KelisimError, Language, UiConfig } from '../types.js';
import { safeLinkUrl } from './url.js';

/** edunavigator.kz's interface defaults. A new object per call, so a page cannot change them. */
export function defaultUiConfig(): UiConfig {
  return {
    policy: { url: 'https://edunavigator.kz/privacy', changes: {} },
    texts: {},
    layout: 'bar',
    controller: { name: 'BTS Education LLP', names: { kk: '«BTS Education» ЖШС', ru: 'ТОО «BTS Education»' } },
  };
}

const LANGUAGE = /^(kk|ru|en)$/;
/** Text keys: `bannerTitle`, `category.courses.name`, `days_few`. */
const TEXT_KEY = /^[a-z][\w.-]{0,80}$/i;

const link: Check<string> = (value, key, fail) =>
  (typeof value === 'string' && value.length < 2048 && safeLinkUrl(value)) ||
  fail(key, 'must be an https:, http:, mailto: or relative link');

const controller = shape<ControllerConfig>({
  name: text(200),
  names: shape({ kk: text(200), ru: text(200), en: text(200) }),
  bin: text(12, /^\d{12}$/),
  address: text(300),
  email: text(254, /^[^\s@<>]+@[^\s@<>]+$/),
});

/**
 * Checks the interface's part of a page's config (SPEC §3) and merges it over the
 * defaults. Each wrong key is reported by name and reason and falls back on its own;
 * the developer gets one `console.error` listing them all and the page one `kelisim:error`
 * each. Never throws.
 *
 * @param isTextKey - Which `texts` keys exist; unknown ones are reported. Omitted: any
 *   well-formed key passes (the keys are only known once a language chunk is loaded).
 */
export function resolveUiConfig(
  deferred: DeferredConfig,
  report: (error: KelisimError) => void,
  isTextKey: (key: string) => boolean = () => true,
): UiConfig {
  const config = defaultUiConfig();
  const problems: KelisimError[] = [];
  const fail: Fail = (key, message) => void problems.push({ code: 'config', key, message });
  const checked = shape<Record<keyof UiConfig, unknown>>({
    policy: shape({ url: link, changes: record(LANGUAGE, list(text(500), 20)) }),
    texts: record(LANGUAGE, record(TEXT_KEY, text(2000))),
    layout: oneOf(['bar', 'box', 'modal']),
    controller,
  })(given(deferred), '', fail) as Partial<UiConfig>;

  const { policy, layout } = checked;
  if (policy?.url) config.policy.url = policy.url;
  if (policy?.changes) config.policy.changes = policy.changes;
  if (layout) config.layout = layout;
  for (const [lang, entries] of Object.entries(checked.texts ?? {}) as Array<[Language, Record<string, string>]>) {
    for (const key of Object.keys(entries)) {
      if (!isTextKey(key)) {
        fail(`texts.${lang}.${key}`, 'is not a known text key');
        delete entries[key];
      }
    }
    config.texts[lang] = entries;
  }
  // A page's own controller replaces the default entirely: edunavigator's names must not
  // survive next to another company's name.
  if (isObject(deferred.controller)) {
    if (checked.controller?.name) config.controller = checked.controller as ControllerConfig;
    else if (!problems.some((p) => p.key === 'controller.name')) fail('controller.name', 'is required');
  }

  reportAll(problems, report);
  return config;
}

/**
 * The interface's keys of the page's config, as given. Absent and `undefined` ones are not
 * wrong; a `policy` that is not an object was reported by the loader's checker already.
 */
function given(deferred: DeferredConfig): Record<string, unknown> {
  const pick = (from: Record<string, unknown>, keys: string[]) => {
    const picked: Record<string, unknown> = {};
    for (const key of keys) if (from[key] !== undefined) picked[key] = from[key];
    return picked;
  };
  const input = pick(deferred as Record<string, unknown>, ['texts', 'layout', 'controller']);
  if (isObject(deferred.policy)) input.policy = pick(deferred.policy, ['url', 'changes']);
  return input;
}
