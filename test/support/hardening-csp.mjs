/**
 * The Content-Security-Policy of the hardening suite's CSP fixture
 * (test/fixtures/hardening-csp.html), shared by the test server, which sends it
 * (hardening-plugin.mjs), and the test, which checks it (test/hardening/csp.test.ts).
 */

/** The nonce the fixture's gated inline script carries (fixed: a test page, not a site). */
export const CSP_NONCE = 'kelisim-test-nonce-3q9v';

const STRICT = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; base-uri 'none'; object-src 'none'";

/**
 * `strict`: what a site with a strict policy sends, plus what kelisim needs: its Trusted
 * Types policy `kelisim`, Lit's `lit-html`, and the page's nonce for its gated inline
 * scripts. The others each take one of those away, to show what then fails, and that
 * nothing else does.
 */
export const CSP_VARIANTS = {
  strict: `${STRICT}; script-src 'self' 'nonce-${CSP_NONCE}'; trusted-types kelisim lit-html`,
  'no-nonce': `${STRICT}; script-src 'self'; trusted-types kelisim lit-html`,
  'no-kelisim-policy': `${STRICT}; script-src 'self' 'nonce-${CSP_NONCE}'; trusted-types lit-html`,
  'no-lit-policy': `${STRICT}; script-src 'self' 'nonce-${CSP_NONCE}'; trusted-types kelisim`,
};
