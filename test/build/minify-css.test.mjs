// The build's CSS minifier (scripts/minify-css.mjs) may only drop what does not select or
// style: comments and whitespace. These cases are the ones a careless rule would break.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { minifyCss } from '../../scripts/minify-css.mjs';

test('drops comments and indentation, and the last semicolon of a block', () => {
  const css = `
    /* a comment,
       over lines */
    .overlay,
    .panel {
      position: fixed;
      z-index: calc(var(--_z) + 1);
    }
  `;
  assert.equal(minifyCss(css), '.overlay,.panel{position:fixed;z-index:calc(var(--_z) + 1)}');
});

test('keeps every value as written: numbers, spaces in calc() and in media queries, strings', () => {
  assert.equal(minifyCss(':host { --_z: var(--kelisim-z-index, 2147483000); }'), ':host{--_z:var(--kelisim-z-index,2147483000)}');
  assert.equal(minifyCss('.a { width: calc(100% - 2 * var(--_space)); }'), '.a{width:calc(100% - 2 * var(--_space))}');
  assert.equal(minifyCss('@media (max-width: 30rem) { .a { top: 0; } }'), '@media (max-width:30rem){.a{top:0}}');
  assert.equal(minifyCss(".a::before { content: '+' / ''; }"), ".a::before{content:'+' / ''}");
});

test('keeps quoted strings as written, and strips comments whose prose has apostrophes', () => {
  assert.equal(minifyCss(".a::before { content: 'Note: a, b; {c}'; }"), ".a::before{content:'Note: a, b; {c}'}");
  assert.equal(minifyCss('.a { font-family: "Segoe UI", sans-serif; }'), '.a{font-family:"Segoe UI",sans-serif}');
  assert.equal(minifyCss("/* the page's own paint */\n.a { top: 0; } /* it's */ .b { left: 0; }"), '.a{top:0}.b{left:0}');
});

test('keeps the space of a descendant combinator, before a pseudo-class too', () => {
  assert.equal(minifyCss('.summary details[open] summary { x: y; }'), '.summary details[open] summary{x:y}');
  assert.equal(minifyCss('.closable :focus-visible { x: y; }'), '.closable :focus-visible{x:y}');
});

test('the built interface carries its stylesheets minified (npm run build first)', () => {
  const chunks = JSON.parse(readFileSync(new URL('../../dist/chunks.json', import.meta.url), 'utf8'));
  for (const file of [...chunks.ui, ...chunks.panels]) {
    const code = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(code, /\/\*|\{\n\s+|;\n\s+/, `${file} holds CSS as written`);
  }
});
