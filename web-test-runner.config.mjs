import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';
import { endpointMiddleware } from './test/support/endpoint-plugin.mjs';
import { hardeningMiddleware, hardeningPlugin } from './test/support/hardening-plugin.mjs';
import { timezonePlugin } from './test/support/timezone-plugin.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Every browser test runs in Debian's headless Chromium; see scripts/chromium.mjs. */
export default {
  // Tests live beside what they test (src/), and the page-level suites in test/.
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  // Lit's production build: the dev build logs a warning into every test's output.
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  // A file's whole run, not one test: the hostile-config pages (test/hardening/config-pages.test.ts) load
  // a few hundred real pages, each waiting for its first contentful paint, on 2 cores beside another file.
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
      // Each page in a browser context of its own: test files running side by side would
      // otherwise share one origin's cookies and localStorage, and clear each other's.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  // The hardening suite: the real collector behind a fault-injecting proxy, and the CSP fixture's header.
  middleware: [endpointMiddleware(), hardeningMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig, define: { __KELISIM_VERSION__: JSON.stringify(version) } }),
    hardeningPlugin(),
    timezonePlugin(),
  ],
};
