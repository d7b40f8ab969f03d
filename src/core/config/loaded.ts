/** The config as the loader runs it: types only. */
import type { CoreConfig } from '../types.js';

/**
 * The page's config as given, for the keys the interface checks when it loads (the loader
 * passes the whole object; the interface reads only these).
 */
export interface DeferredConfig {
  policy?: unknown;
  texts?: unknown;
  layout?: unknown;
  controller?: unknown;
}

/** A config ready to run: the loader's part merged over the defaults, and the page's config as given, whose interface keys the interface checks. */
export interface LoadedConfig {
  config: CoreConfig;
  deferred: DeferredConfig;
}
