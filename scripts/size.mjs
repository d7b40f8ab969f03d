// Prints what each kind of visitor downloads, gzip and brotli, against the budgets of
// SPEC §11, and exits 1 when one is over: a size budget is a check, not a timing.
// Run after `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
/** SPEC §11, in bytes. */
const BUDGETS = { loader: 4096, firstVisit: 14336 };

const read = (file) => readFileSync(join(dist, file));
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Files a chunk imports, statically or with import(), as written by rollup: "./name.js". */
function imports(file) {
  const code = read(file).toString();
  const found = { static: new Set(), dynamic: new Set() };
  for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["'](\.\/[^"']+)["']/g)) found.static.add(spec.slice(2));
  for (const [, spec] of code.matchAll(/import\(\s*["'](\.\/[^"']+)["']\s*\)/g)) found.dynamic.add(spec.slice(2));
  return found;
}

/** A chunk with everything it statically needs. */
function closure(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const dep of imports(file).static) closure(dep, into);
  return into;
}

function measure(files) {
  const buffers = [...files].map(read);
  return {
    files: [...files],
    raw: buffers.reduce((sum, b) => sum + b.length, 0),
    gzip: buffers.reduce((sum, b) => sum + gzip(b), 0),
    brotli: buffers.reduce((sum, b) => sum + brotli(b), 0),
  };
}

if (!existsSync(join(dist, 'kelisim.js'))) {
  console.error('dist/kelisim.js is missing: run `npm run build` first.');
  process.exit(1);
}

const loader = closure('kelisim.js');
const lazy = [...imports('kelisim.js').dynamic];
const firstVisit = new Set(loader);
// The first visit needs the interface and the decisions, and one language (Kazakh, the default).
for (const chunk of lazy) closure(chunk, firstVisit);
const languages = [...firstVisit].flatMap((file) => [...imports(file).dynamic]).filter((file) => /^(kk|ru|en)[-.]/.test(file));
for (const file of [...firstVisit]) for (const dep of imports(file).dynamic) if (!languages.includes(dep)) closure(dep, firstVisit);
const kk = languages.find((file) => file.startsWith('kk'));
if (kk) closure(kk, firstVisit);

const rows = [
  ['loader (returning visitor)', measure(loader), BUDGETS.loader],
  ['first visit (loader + UI + decisions + kk)', measure(firstVisit), BUDGETS.firstVisit],
];
for (const lang of languages) rows.push([`language ${lang}`, measure([lang]), null]);
if (existsSync(join(dist, 'kelisim.iife.js'))) rows.push(['IIFE (one classic script)', measure(['kelisim.iife.js']), null]);

let over = false;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`${'what'.padEnd(46)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}   budget (gzip)`);
for (const [name, size, budget] of rows) {
  const verdict = budget == null ? '' : size.gzip <= budget ? `≤ ${kb(budget)} ok` : `> ${kb(budget)} OVER by ${size.gzip - budget} B`;
  if (budget != null && size.gzip > budget) over = true;
  console.log(`${name.padEnd(46)}${kb(size.raw).padStart(11)}${kb(size.gzip).padStart(11)}${kb(size.brotli).padStart(11)}   ${verdict}`);
}
console.log(`\nfirst-visit files: ${[...firstVisit].join(', ')}`);
if (over) process.exitCode = 1;
