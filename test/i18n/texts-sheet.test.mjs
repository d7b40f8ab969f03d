// The review sheet (docs/texts.md) says what the sources say: regenerated in memory and
// compared with the committed file, so a text changed without `npm run texts` fails here.
// Node's test runner: node --test test/i18n/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderSheet, SHEET } from '../../scripts/texts.mjs';

test('docs/texts.md is what `npm run texts` writes from src/i18n', async () => {
  const sheet = await renderSheet();
  assert.equal(readFileSync(SHEET, 'utf8'), sheet, 'docs/texts.md is stale: run `npm run texts` and commit it');
});

test('the sheet has every key of every language, with its placeholders visible', async () => {
  const sheet = await renderSheet();
  for (const key of [
    'bannerIntro',
    'operatorBin',
    'bannerConfirm',
    'bannerTerm',
    'noticeImplicitPassed',
    'category.partners.description',
    'servicesTitle',
  ]) {
    assert.match(sheet, new RegExp(`### \`${key.replace('.', '\\.')}\``), key);
  }
  assert.match(sheet, /\| kk \| `\{controller\}` дербес деректеріңізді өңдейді\./);
  assert.match(sheet, /\| ru \| БИН `\{bin\}` \|/);
  assert.match(sheet, /### `months_\*` \(plural forms\)/);
  assert.match(sheet, /\| US \| Америка Құрама Штаттары \| Соединенные Штаты \| United States \|/);
  // The interface's order: the first layer before the summary, the summary before the notice.
  assert.ok(sheet.indexOf('### `bannerConfirm`') < sheet.indexOf('### `summaryWho`'));
  assert.ok(sheet.indexOf('### `summarySecurity`') < sheet.indexOf('### `noticeTitle`'));
});
