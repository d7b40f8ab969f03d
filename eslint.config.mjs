// ESLint for every JavaScript and TypeScript file of the project: the recommended rules of
// ESLint and typescript-eslint, the browser's globals for the widget and the tests that run
// in Chromium, Node's for the collector, the scripts and the benchmark. Formatting is
// Prettier's (npm run format); `npm test` runs both.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '**/node_modules/', 'examples/*/dist/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Unused arguments named with a leading underscore are placeholders on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `let x = fallback; try { x = … } catch {}` reads as what happens when the try fails.
      'no-useless-assignment': 'off',
      // JSX's element types live in a namespace (`declare global { namespace JSX … }`): declarations only.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    // Chai's assertions end in a property (`expect(x).to.be.true`).
    files: ['**/*.test.ts', 'test/**/*.ts', 'test/**/*.mjs', 'bench/**/*.mjs'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: [
      'server/**',
      'scripts/**',
      'bench/**',
      '**/*.mjs',
      'test/server/**',
      'test/e2e/**',
      'test/build/**',
      'test/i18n/**/*.mjs',
      '*.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The benchmark's pages load these as classic scripts: their top-level names are the banners' globals.
    files: ['bench/pages/*.js', 'demo/*.js'],
    languageOptions: { sourceType: 'script' },
  },
);
