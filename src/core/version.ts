/** Replaced by the package's version when built (rollup) or served to the tests (esbuild). */
declare const __KELISIM_VERSION__: string;

/**
 * The package version, from package.json and nowhere else: `Kelisim.version`, the
 * receipts' `client` and `uiVersion`, and part of what a checked config is remembered by.
 */
export const VERSION: string = __KELISIM_VERSION__;
