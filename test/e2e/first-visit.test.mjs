/**
 * A first visit as the built dist/ serves it, in Debian's Chromium: what the banner needs
 * to paint is all that is requested before it shows (the loader, the checker and shared
 * rules, the interface and the language's first layer); the decisions come once it shows
 * (the receipt of what was shown needs them), the panels and the rest of the texts once the
 * visitor reaches for the banner; and a visitor who clicks "accept all" before the rest has
 * arrived, on a slow link, still gets their decision stored and told.
 *
 * Run after `npm run build` (npm test does).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');

/** A site's page in Kazakh, the README's tag, the banner's own config. */
const page = `<!doctype html>
<html lang="kk"><head><meta charset="utf-8"><title>A site</title><link rel="icon" href="data:,">
<script type="application/json" id="kelisim-config">{ "policy": { "version": "2026-06-01", "publishedAt": "2026-06-01" } }</script>
<script type="module" src="/dist/kelisim.js"></script>
</head><body><main><h1>Университеттер</h1><p>Some content.</p></main></body></html>`;

/** The same page whose first paint waits 600 ms for a stylesheet after the loader's tag (which does not hold the loader back). */
const latePaint = page.replace('</head>', '<link rel="stylesheet" href="/slow.css"></head>');

/**
 * Runs in the page before anything else: the time of the first frame in which the banner
 * is on screen, and every resource with the time its request started.
 */
function probe() {
  window.__bannerAt = null;
  const look = (now) => {
    const banner = document.querySelector('kelisim-consent')?.shadowRoot?.querySelector('[part~="banner"]');
    const box = banner?.getBoundingClientRect();
    if (box && box.height > 0 && box.top < innerHeight) window.__bannerAt = now;
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

describe(
  'a first visit, from dist/',
  { skip: existsSync(join(DIST, 'chunks.json')) ? false : 'dist/ is missing: run npm run build' },
  () => {
    /** @type {import('playwright-core').Browser} */ let browser;
    /** @type {import('../../scripts/static-server.mjs').StaticServer} */ let server;
    /** @type {Record<string, any>} */ let chunks;

    before(async () => {
      chunks = JSON.parse(await readFile(join(DIST, 'chunks.json'), 'utf8'));
      server = await startStaticServer({ mounts: { '/dist/': DIST }, pages: { '/site.html': page, '/late-paint.html': latePaint } });
      browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A new visitor's page, with `network` emulated (CDP) when given. */
    async function visit(network) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.addInitScript(probe);
      if (network) {
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
      }
      await tab.goto(`${server.url}/site.html`);
      await tab.waitForFunction(() => window.__bannerAt !== null, null, { timeout: 20_000 });
      return { context, tab };
    }

    /** The dist/ files the page requested, with when each request started (ms since navigation). */
    const requested = (tab) =>
      tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => ({ file: new URL(entry.name).pathname.replace('/dist/', ''), start: entry.startTime, end: entry.responseEnd }))
          .filter((entry) => entry.file.endsWith('.js')),
      );

    it("requests nothing of the banner's before the page's own first contentful paint, even when the loader could run long before it", async () => {
      const context = await browser.newContext();
      try {
        await context.route('**/slow.css', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 600));
          await route.fulfill({ contentType: 'text/css', body: 'main { color: #111 }' });
        });
        const tab = await context.newPage();
        await tab.goto(`${server.url}/late-paint.html`);
        await tab.locator('kelisim-consent >> [part~="banner"]').waitFor();
        const paint = await tab.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
        assert.ok(paint > 500, `the page's first paint waited for its stylesheet (${paint} ms)`);
        const files = (await requested(tab)).filter((entry) => entry.file.startsWith('kelisim-'));
        assert.ok(files.length >= 3, files.map((entry) => entry.file).join(', '));
        for (const entry of files)
          assert.ok(entry.start >= paint, `${entry.file} requested at ${entry.start} ms, the page painted at ${paint} ms`);
      } finally {
        await context.close();
      }
    });

    it('requests only what the banner needs before it shows, the decisions after, the panels when the visitor reaches for it', async () => {
      const { context, tab } = await visit();
      try {
        const bannerAt = await tab.evaluate(() => window.__bannerAt);
        // The rest is fetched once the banner is painted; wait until it has been.
        await tab.waitForFunction(
          (file) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(file)),
          chunks.decisions[0],
        );
        const files = await requested(tab);
        const before = files
          .filter((entry) => entry.start <= bannerAt)
          .map((entry) => entry.file)
          .sort();
        const critical = [...new Set([...chunks.loader, ...chunks.core, ...chunks.ui, ...chunks.languages.kk])].sort();
        assert.deepEqual(before, critical, 'requested before the banner showed');
        assert.ok(
          files.some((entry) => entry.file === chunks.decisions[0] && entry.start > bannerAt),
          'the decisions requested after the banner showed',
        );
        const onIntent = [chunks.panels[0], chunks.languages['kk-more'][0]];
        await tab.waitForTimeout(300);
        assert.deepEqual(
          (await requested(tab)).filter((entry) => onIntent.includes(entry.file)),
          [],
          'no panels without interaction',
        );
        await tab.hover('kelisim-consent >> [part~="banner"]');
        await tab.waitForFunction(
          (wanted) => wanted.every((file) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(file))),
          onIntent,
        );
        assert.ok(!(await requested(tab)).some((entry) => /-(ru|en)(-more)?-/.test(entry.file)), 'no other language');
      } finally {
        await context.close();
      }
    });

    it('a click on "accept all" 10 ms after the banner shows, on a slow link, before the decisions arrive, is stored and told', async () => {
      // 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: the benchmark's slow link.
      const { context, tab } = await visit({ latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 });
      try {
        await tab.evaluate(() => {
          window.__consent = null;
          document.addEventListener('kelisim:consent', (event) => (window.__consent = event.detail));
        });
        await tab.waitForTimeout(10);
        const clickedAt = await tab.evaluate(() => {
          document.querySelector('kelisim-consent').shadowRoot.querySelector('[part~="accept-all"]').click();
          return performance.now();
        });
        await tab.waitForFunction(() => window.__consent !== null, null, { timeout: 10_000 });
        const decisions = (await requested(tab)).find((entry) => entry.file === chunks.decisions[0]);
        assert.ok(decisions && decisions.end > clickedAt, 'the decisions chunk arrived after the click: the test took the slow path');
        const consent = await tab.evaluate(() => window.__consent);
        assert.equal(consent.method, 'accept-all');
        assert.equal(consent.record.categories.analytics, true);
        const cookies = await context.cookies();
        const stored = JSON.parse(decodeURIComponent(cookies.find((cookie) => cookie.name === 'kelisim_consent').value));
        assert.deepEqual(stored.categories, { necessary: true, analytics: true, marketing: true, partners: true });
        await tab.waitForFunction(() => !document.querySelector('kelisim-consent').shadowRoot.querySelector('[part~="banner"]'), null, {
          timeout: 5000,
        });
      } finally {
        await context.close();
      }
    });
  },
);
