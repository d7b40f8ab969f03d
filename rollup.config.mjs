/**
 * The builds of dist/ (SPEC §2), in one `rollup -c`:
 *
 * - `kelisim.js`: the ES module loader, and next to it the chunks it imports with
 *   `import()` relative to its own URL: `kelisim-ui-*` (the interface), `kelisim-decisions-*`
 *   and one `kelisim-{kk,ru,en}-*` per language. `chunks.json` names them by role, for
 *   `<link rel="modulepreload">` and for `npm run size`.
 * - `kelisim.iife.js`: the same loader as one classic script, chunks inlined.
 * - `types/kelisim.d.ts`: the public types in one file, bundled by rollup-plugin-dts
 *   straight from the TypeScript sources.
 *
 * `custom-elements.json` is written after this by the analyzer (see package.json "build").
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import { minifyCssTemplates } from './scripts/minify-css.mjs';

/** The one place the version is written: package.json. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Writes the package version where the sources name `__KELISIM_VERSION__` (src/core/version.ts). */
const injectVersion = () => ({
  name: 'inject-version',
  transform: (code, id) =>
    id.endsWith('/src/core/version.ts')
      ? { code: code.replace(/\b__KELISIM_VERSION__\b(?!:)/g, JSON.stringify(version)), map: null }
      : null,
});

const DIST = 'dist';
const LOADER = 'kelisim.js';
const IIFE = 'kelisim.iife.js';

/** Minified output; `pure_getters` lets terser drop unused property reads in Lit. */
const TERSER = { ecma: 2021, module: true, compress: { passes: 3, pure_getters: true, unsafe_arrows: true }, format: { comments: false } };

/**
 * Terser, writing non-ASCII characters as `\u` escapes except where they are most of the
 * text. Measured: the loader's few Kazakh and Russian words (the reopen control's label)
 * cost 46 B less gzip escaped, the interface 33 B less, while a language chunk, nearly all
 * Cyrillic, costs 316 B more.
 */
function minify({ ascii = (chunk) => !/^(kk|ru|en)(-more)?$/.test(roleOf(chunk.facadeModuleId) ?? '') } = {}) {
  const escaped = terser({ ...TERSER, format: { ...TERSER.format, ascii_only: true } });
  const plain = terser(TERSER);
  return { name: 'minify', renderChunk: (code, chunk, options) => (ascii(chunk) ? escaped : plain).renderChunk(code, chunk, options) };
}

/**
 * TypeScript for the sources, Node resolution for Lit and js-cookie. `rootDir: 'src'` keeps
 * the maps' `sources` pointing at src/ (with '.', they point one level above the project);
 * `inlineSources` puts the TypeScript into the maps, since the package does not ship src/.
 */
const compile = () => [
  nodeResolve(),
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.test.ts'],
    rootDir: 'src',
    filterRoot: '.',
    outDir: DIST,
    sourceMap: true,
    inlineSources: true,
    declaration: false,
    noEmitOnError: true,
  }),
  // After TypeScript, which compiles the file as it is on disk.
  injectVersion(),
  minifyCssTemplates(),
];

/**
 * The lazy parts and the module each starts from (its `import()` target). A module belongs
 * to the loader when `src/kelisim.ts` imports it statically; otherwise to the one lazy part
 * that reaches it through static imports (the panels count as the interface's, which is
 * always there before them); a module that several parts reach (the config checker, and
 * the rules both the interface and the decisions apply) goes to `core`, which is also where
 * the checker starts. So the chunk a file lands in follows from the imports:
 * no list of files to keep in sync, and a new module used by the decisions alone lands in
 * the decisions by itself. The loader's own modules are checked in test/build.
 *
 * - `core`: the config checker and the shared rules; a first visit needs it before the banner;
 * - `ui`: the root element, the banner and its styles, Lit: the banner's critical path;
 * - `panels`: the preferences and the change notice, fetched once the banner shows;
 * - `decisions`: deciding, storing, receipts and their transport, once the banner shows,
 *   and what only the panels share with them;
 * - `stored`: the check of a stored choice this browser has not seen before (never on a first visit);
 * - `embed`: the placeholder of a blocked embed;
 * - `reopen`: the floating control that reopens the preferences, at an idle moment once there is a choice;
 * - per language, one chunk of the banner's texts (`kk`) and one of the rest (`kk-more`).
 */
const LAZY = {
  'src/core/config/check.ts': 'core',
  'src/ui/mount.ts': 'ui',
  'src/ui/panels.ts': 'panels',
  'src/core/decisions.ts': 'decisions',
  'src/core/record/check.ts': 'stored',
  'src/embeds/placeholder.ts': 'embed',
  'src/reopen-button.ts': 'reopen',
};

const pathOf = (id) => (id ? relative(process.cwd(), id).replaceAll('\\', '/') : '');

/** A chunk's role, from the module it was split at: names a site can recognise in its network panel. */
function roleOf(facadeModuleId) {
  const path = pathOf(facadeModuleId);
  return LAZY[path] ?? /^src\/i18n\/(\w+(?:-more)?)\.ts$/.exec(path)?.[1];
}

function manualChunks(id, { getModuleInfo }) {
  // Named after the entry, so rollup keeps the module there even when a lazy chunk imports it too.
  if (inLoader(id, getModuleInfo)) return 'kelisim';
  const parts = new Set();
  const seen = new Set();
  const walk = (module) => {
    if (seen.has(module)) return;
    seen.add(module);
    const part = LAZY[pathOf(module)];
    if (part) parts.add(part);
    for (const importer of getModuleInfo(module).importers) walk(importer);
  };
  walk(id);
  // The panels are only ever fetched by the interface, which is there already: what both use stays in it.
  if (parts.has('ui')) parts.delete('panels');
  // What only the panels and the decisions share (clause 1.2's calendar) waits with them, off the critical path.
  if (parts.size === 2 && parts.has('panels') && parts.has('decisions')) return 'decisions';
  return parts.size > 1 ? 'core' : [...parts][0];
}

/** Whether the loader entry reaches this module through static imports alone. */
function inLoader(id, getModuleInfo, seen = new Set()) {
  if (/\/src\/kelisim\.ts$/.test(id)) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return getModuleInfo(id).importers.some((importer) => inLoader(importer, getModuleInfo, seen));
}

/**
 * Fails the build when the loader would carry interface code or texts: a returning visitor
 * downloads the loader only (SPEC §2, §11), so those must stay behind an `import()`.
 */
function loaderStaysLean() {
  const forbidden = /\/src\/(ui|i18n)\/|\/node_modules\/(lit|lit-html|lit-element|@lit)\//;
  return {
    name: 'loader-stays-lean',
    generateBundle(_, bundle) {
      const modules = Object.entries(bundle[LOADER].modules);
      const leaked = modules
        .filter(([id, module]) => module.renderedLength > 0 && forbidden.test(id))
        .map(([id]) => relative(process.cwd(), id));
      if (leaked.length) this.error(`${LOADER} must not contain ${leaked.join(', ')}: reach it through import()`);
      // A static import would be a second request on every page view.
      if (bundle[LOADER].imports.length) this.error(`${LOADER} must not import ${bundle[LOADER].imports.join(', ')} statically`);
    },
  };
}

/**
 * Writes `chunks.json`: the loader's files, and for each lazy role the files it needs besides
 * those (its chunk and what that imports statically). Chunk names carry content hashes, so they change from
 * version to version; this file is where tools and `npm run size` read them.
 */
function chunkManifest() {
  return {
    name: 'chunk-manifest',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const needs = (file, into = new Set()) => {
        if (into.has(file)) return into;
        into.add(file);
        for (const dep of bundle[file].imports) needs(dep, into);
        return into;
      };
      const loader = needs(LOADER);
      const besidesLoader = (file) => [...needs(file)].filter((name) => !loader.has(name));
      // loaderModules: the sources every page view downloads, which test/build checks.
      const loaderModules = Object.entries(bundle[LOADER].modules)
        .filter(([, module]) => module.renderedLength > 0)
        .map(([id]) => relative(process.cwd(), id).replaceAll('\\', '/'))
        .sort();
      const manifest = {
        loader: [...loader],
        core: [],
        ui: [],
        panels: [],
        decisions: [],
        stored: [],
        embed: [],
        reopen: [],
        languages: {},
        loaderModules,
      };
      for (const chunk of chunks) {
        const role = roleOf(chunk.facadeModuleId) ?? (chunk.name in manifest ? chunk.name : undefined);
        if (role in manifest) manifest[role] = besidesLoader(chunk.fileName);
        else if (role) manifest.languages[role] = besidesLoader(chunk.fileName);
      }
      this.emitFile({ type: 'asset', fileName: 'chunks.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

/**
 * Deletes chunks of earlier builds: hashed names pile up otherwise, and `npm pack` would
 * ship them. Runs after the new files are written, so dist/ is never half empty.
 */
function removeStaleChunks({ keep }) {
  return {
    name: 'remove-stale-chunks',
    writeBundle(_, bundle) {
      const current = new Set([...Object.keys(bundle), ...keep]);
      for (const file of readdirSync(DIST)) {
        if (/\.js(\.map)?$/.test(file) && !current.has(file)) rmSync(`${DIST}/${file}`);
      }
    },
  };
}

export default [
  {
    input: { kelisim: 'src/kelisim.ts' },
    // Lets the entry also export what the lazy chunks import from it, instead of a facade file.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: DIST,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => `kelisim-${roleOf(chunk.facadeModuleId) ?? chunk.name}-[hash:6].js`,
      manualChunks,
      plugins: [minify()],
    },
    plugins: [...compile(), loaderStaysLean(), chunkManifest(), removeStaleChunks({ keep: [IIFE, `${IIFE}.map`] })],
  },
  {
    // One classic script: dynamic imports inlined, so it works where modules cannot load.
    input: 'src/kelisim.iife.ts',
    output: {
      file: `${DIST}/${IIFE}`,
      format: 'iife',
      sourcemap: true,
      inlineDynamicImports: true,
      plugins: [minify({ ascii: () => false })],
    },
    plugins: compile(),
  },
  {
    // The public types in one file; rollup-plugin-dts compiles the sources' declarations itself.
    input: 'src/kelisim.ts',
    output: { file: `${DIST}/types/kelisim.d.ts`, format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.json' })],
  },
];
