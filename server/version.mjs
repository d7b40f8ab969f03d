import { readFileSync } from 'node:fs';

/** The collector package's version (server/package.json), named in proofs and exports. */
export const COLLECTOR_VERSION = /** @type {string} */ (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version
);
