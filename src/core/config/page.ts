/**
 * The page's config as the loader gets it, and the shortcut that keeps the config checker
 * off a returning visitor's path: a config this browser has already found clean (no
 * problem, nothing fatal) is merged over the defaults as it is (see `checked.ts`). Any
 * other config, and every config the first time, goes through the checker (`config.ts`).
 */
import type { LoadedConfig } from './loaded.js';
import { isChecked } from '../checked/known.js';
import { defaults } from './defaults.js';
import type { ConsentModeMapping, CoreConfig, KelisimError, KelisimOptions } from '../types.js';

/** Reads `<script type="application/json" id="kelisim-config">`; bad JSON is a problem, not an exception. */
export function readPageConfig(): { value?: unknown; problem?: KelisimError } {
  const script = document.getElementById('kelisim-config');
  try {
    return { value: script ? JSON.parse(script.textContent!) : undefined };
  } catch (error) {
    return { problem: { code: 'config', key: '#kelisim-config', message: `is not JSON: ${(error as Error).message}` } };
  }
}

/**
 * The config as JSON, the text it is remembered by, and, when this browser has checked
 * that very text before, the config merged over the defaults. A value JSON cannot hold
 * (a BigInt, a cycle) has no text: the checker says why.
 */
export function knownConfig(input: unknown): { json?: string; known?: LoadedConfig } {
  let json: string | undefined;
  try {
    json = JSON.stringify(input ?? {});
  } catch {
    // left to the checker
  }
  return json ? { json, known: isChecked(json) ? mergeChecked(JSON.parse(json)) : undefined } : {};
}

/**
 * Merges a config known to be clean over the defaults: the same result as the checker's for
 * it (a test holds them equal), with none of the checks.
 */
export function mergeChecked(given: KelisimOptions): LoadedConfig {
  // Not inlined by the minifier: the checker chunk imports the same function from the loader.
  const config = /*#__NOINLINE__*/ defaults();
  const { policy, cookie, googleConsentMode, endpoint, texts, layout, controller, ...rest } = given;
  Object.assign(config, rest);
  Object.assign(config.cookie, cookie);
  if (policy) {
    // A page's own policy has no default date: its clock starts only from its own publishedAt.
    const { url, changes, ...own } = policy;
    config.policy = { implicitAcceptanceDays: config.policy.implicitAcceptanceDays, ...own } as CoreConfig['policy'];
  }
  // `true` and absent: the default mapping.
  if ((googleConsentMode ?? true) !== true) config.googleConsentMode = googleConsentMode as ConsentModeMapping | false;
  if (endpoint) config.endpoint = new URL(endpoint, location.href).href;
  return { config, deferred: given };
}
