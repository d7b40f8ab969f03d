/**
 * The build minifies every `css` template (scripts/minify-css.mjs): these run each of the
 * interface's stylesheets through it and have Chromium parse both forms, rule by rule. The
 * CSSOM writes a rule out in one canonical form, so equal text means the same selectors,
 * values and media queries: what the minifier drops changes nothing the browser reads.
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error: a plain build script, without types.
import { minifyCss } from '../../scripts/minify-css.mjs';
import { bannerStyles } from './banner.js';
import { noticeStyles } from './notice.js';
import { preferencesStyles } from './preferences.js';
import { base, tokens } from './styles.js';

/**
 * Every rule as Chromium writes it, nested rules (media queries, keyframes) included. A
 * value holding `var()` is kept as written until it is used, spaces after its commas too,
 * which mean nothing there: those are left out of the comparison (the minifier keeps
 * strings whole, which test/build checks).
 */
function rules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

describe('the stylesheets as the build minifies them', () => {
  for (const [name, css] of Object.entries({ tokens, base, bannerStyles, noticeStyles, preferencesStyles })) {
    it(`${name}: the same rules, shorter`, () => {
      const minified = (minifyCss as (text: string) => string)(css);
      expect(minified.length, 'shorter').to.be.below(css.length);
      const original = rules(css);
      expect(original.length, 'rules parsed').to.be.above(0);
      expect(rules(minified)).to.deep.equal(original);
    });
  }
});
