// Prints what each kind of visitor downloads, gzip and brotli, against the budgets (the
// loader; a first visit's critical path, everything requested before the banner shows; and
// all a first visit downloads without interaction), says what dominates the critical path,
// and exits 1 when a budget is exceeded:
// a size budget is a check, not a timing. Run after `npm run build`; reads which files
// play which role from dist/chunks.json, written by the build.
//
//   npm run size            the table, the breakdown and the reference banners
//   npm run size -- --json  the same figures as JSON on stdout
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bytesBySource } from './bytes-by-source.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
/** The budgets, gzip bytes. */
const BUDGETS = { loader: 4096, critical: 11 * 1024, firstVisit: 24 * 1024 };
/** The language a first visit is measured with: the default one. */
const FIRST_LANGUAGE = 'kk';

const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Each file compressed on its own, as a server sends it, and summed. */
export function measure(paths) {
  const buffers = paths.map((path) => readFileSync(path));
  const sum = (size) => buffers.reduce((total, buffer) => total + size(buffer), 0);
  return { files: paths.length, raw: sum((b) => b.length), gzip: sum(gzip), brotli: sum(brotli) };
}

/** Minified bytes per source file across `files`, largest first, with an estimated gzip share. */
function dominating(files) {
  const bySource = new Map();
  let estimatedGzip = 0;
  for (const file of files) {
    const path = join(DIST, file);
    const sources = bytesBySource(path);
    const raw = [...sources.values()].reduce((a, b) => a + b, 0);
    const zipped = gzip(readFileSync(path));
    estimatedGzip += zipped;
    for (const [source, bytes] of sources) {
      const name = source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\/([^/]+)\/.*/, '$1 (node_modules)');
      const entry = bySource.get(name) ?? { raw: 0, gzip: 0 };
      entry.raw += bytes;
      entry.gzip += (bytes / raw) * zipped; // gzip does not split by source: proportional estimate
      bySource.set(name, entry);
    }
  }
  return { total: estimatedGzip, sources: [...bySource].sort((a, b) => b[1].raw - a[1].raw) };
}

/** What the two other banners of the benchmark weigh, from node_modules, for context. */
function references() {
  const modules = join(ROOT, 'node_modules');
  const sets = {
    'vanilla-cookieconsent 3.1 (JS + CSS, no texts)': [
      'vanilla-cookieconsent/dist/cookieconsent.umd.js',
      'vanilla-cookieconsent/dist/cookieconsent.css',
    ],
    'klaro 0.7 (klaro.js: JS + CSS + all texts)': ['klaro/dist/klaro.js'],
  };
  return Object.entries(sets)
    .filter(([, files]) => files.every((file) => existsSync(join(modules, file))))
    .map(([name, files]) => [name, measure(files.map((file) => join(modules, file))), null]);
}

function main() {
  const manifestPath = join(DIST, 'chunks.json');
  if (!existsSync(manifestPath)) {
    console.error('dist/chunks.json is missing: run `npm run build` first.');
    process.exit(1);
  }
  const chunks = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // Before the banner shows: the loader, the checker and shared rules, the interface, the language's first layer.
  const critical = [...new Set([...chunks.loader, ...chunks.core, ...chunks.ui, ...chunks.languages[FIRST_LANGUAGE]])];
  // Once it shows, without interaction: the decisions (the receipt of what was shown needs them).
  const firstVisit = [...new Set([...critical, ...chunks.decisions])];
  // When the visitor reaches for the banner: the panels and the rest of the texts.
  const onIntent = [...new Set([...chunks.panels, ...chunks.languages[`${FIRST_LANGUAGE}-more`]])].filter(
    (file) => !firstVisit.includes(file),
  );
  const inDist = (files) => files.map((file) => join(DIST, file));

  /** [what, size, gzip budget or null] */
  const rows = [
    ['loader (returning visitor)', measure(inDist(chunks.loader)), BUDGETS.loader],
    [`critical path (before the banner, ${FIRST_LANGUAGE})`, measure(inDist(critical)), BUDGETS.critical],
    ['  of which core (checker, shared rules)', measure(inDist(chunks.core)), null],
    ['  of which interface', measure(inDist(chunks.ui.filter((file) => !chunks.core.includes(file)))), null],
    [`first visit, all without interaction`, measure(inDist(firstVisit)), BUDGETS.firstVisit],
    ['  of which decisions', measure(inDist(chunks.decisions.filter((file) => !chunks.core.includes(file)))), null],
    [`on reaching for the banner (panels, ${FIRST_LANGUAGE}-more)`, measure(inDist(onIntent)), null],
    ...Object.entries(chunks.languages).map(([lang, files]) => [`  language ${lang}`, measure(inDist(files)), null]),
  ];
  if (existsSync(join(DIST, 'kelisim.iife.js')))
    rows.push(['IIFE (one classic script, all languages)', measure(inDist(['kelisim.iife.js'])), null]);
  const reference = references();
  const breakdown = dominating(critical);

  if (process.argv.includes('--json')) {
    const json = (list) => list.map(([what, size, budget]) => ({ what: what.trim(), ...size, budget }));
    console.log(
      JSON.stringify(
        {
          rows: json(rows),
          references: json(reference),
          criticalFiles: critical,
          firstVisitFiles: firstVisit,
          criticalBySource: breakdown.sources,
        },
        null,
        2,
      ),
    );
  } else {
    print(rows, reference, breakdown, critical);
  }
  if (rows.some(([, size, budget]) => budget != null && size.gzip > budget)) process.exitCode = 1;
}

function print(rows, reference, breakdown, firstVisit) {
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  const line = ([what, size, budget]) => {
    const verdict =
      budget == null
        ? ''
        : size.gzip <= budget
          ? `≤ ${kb(budget)}  ok`
          : `> ${kb(budget)}  OVER by ${kb(size.gzip - budget)} (${size.gzip - budget} B)`;
    console.log(`${what.padEnd(50)}${kb(size.raw).padStart(10)}${kb(size.gzip).padStart(10)}${kb(size.brotli).padStart(10)}   ${verdict}`);
  };
  console.log(`${'what'.padEnd(50)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}   budget (gzip)`);
  rows.forEach(line);
  console.log('\nfor comparison');
  reference.forEach(line);

  console.log(`\ncritical path by source (minified bytes; gzip estimated pro rata): ${firstVisit.join(', ')}`);
  for (const [source, { raw, gzip: zipped }] of breakdown.sources.slice(0, 14)) {
    console.log(
      `  ${source.padEnd(48)}${kb(raw).padStart(10)}${`≈ ${kb(zipped)}`.padStart(12)}${`${((zipped / breakdown.total) * 100).toFixed(0)} %`.padStart(7)}`,
    );
  }
}

main();
