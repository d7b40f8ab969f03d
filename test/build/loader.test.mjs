// The loader is downloaded on every page view of every visitor: these checks run on the
// build (`npm run build` first, as `npm test` does) and fail `npm test` when it grows past
// its budget or takes in a module by accident.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../../dist/', import.meta.url);
const chunks = JSON.parse(readFileSync(new URL('chunks.json', DIST), 'utf8'));

/** The loader's budget, gzip: 4 KB (`npm run size` prints the same figure). */
const BUDGET = 4096;

/**
 * Everything the loader may carry. A module lands in the loader by being imported
 * statically from src/kelisim.ts (see rollup.config.mjs): when one is added on purpose,
 * add it here too, knowing every page view pays for it; otherwise reach it with `import()`.
 */
const LOADER_MODULES = [
  'src/core/checked/known.ts',
  'src/core/config/defaults.ts',
  'src/core/config/page.ts',
  'src/core/events.ts',
  'src/core/gating/scripts.ts',
  'src/core/language.ts',
  'src/core/local-storage.ts',
  'src/core/policy/current.ts',
  'src/core/record/read.ts',
  'src/core/session/session.ts',
  'src/core/signals/consent-mode.ts',
  'src/core/signals/crawler.ts',
  'src/core/version.ts',
  'src/kelisim.ts',
];

test('the loader is one file, with no static import of another chunk', () => {
  assert.deepEqual(chunks.loader, ['kelisim.js']);
});

test(`the loader is at most ${BUDGET} B gzip, as gzip -9 counts it (file name included)`, () => {
  const name = 'kelisim.js';
  const bytes = gzipSync(readFileSync(new URL(name, DIST)), { level: 9 }).length + name.length + 1;
  assert.ok(
    bytes <= BUDGET,
    `dist/kelisim.js is ${bytes} B gzip, ${bytes - BUDGET} B over its ${BUDGET} B budget: move what a returning visitor does not need behind an import()`,
  );
});

test('the loader carries exactly the modules it is meant to', () => {
  const added = chunks.loaderModules.filter((id) => !LOADER_MODULES.includes(id));
  const gone = LOADER_MODULES.filter((id) => !chunks.loaderModules.includes(id));
  assert.deepEqual({ added, gone }, { added: [], gone: [] }, 'the loader changed: see LOADER_MODULES in test/build/loader.test.mjs');
});

test('no interface, texts, Lit or cookie writer in the loader', () => {
  const forbidden = chunks.loaderModules.filter((id) => /^src\/(ui|i18n)\/|node_modules\/(lit|lit-html|@lit|js-cookie)\//.test(id));
  assert.deepEqual(forbidden, []);
});
