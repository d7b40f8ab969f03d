/**
 * Takes the README's screenshots from the demo in headless Chromium: the banner, the
 * preferences and the change notice, light and dark, 360 px wide and desktop, into
 * demo/screenshots/. Run after `npm run build`:
 *
 *   node demo/screenshots.mjs
 *
 * It serves demo/ and dist/ itself (the receipts endpoint answers 204), so it needs
 * neither the collector nor the network.
 */
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'demo', 'screenshots');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** demo/ at /, dist/ at /dist/, as `npm start` serves them. */
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  if (request.method === 'POST') return response.writeHead(204).end();
  const file = path.startsWith('/dist/') ? join(ROOT, path) : join(ROOT, 'demo', path === '/' ? 'index.html' : path);
  try {
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** A visitor who chose under an earlier policy: the built-in version then needs the notice. */
const earlierChoice = JSON.stringify({
  v: 1,
  id: '3f1c2a4e-1111-4222-8333-444455556666',
  policyVersion: '2026-01-01',
  categories: { necessary: true, analytics: true, marketing: false },
  decidedAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  policyAcceptedBy: 'button',
  lang: 'kk',
});

/** What each shot sets up on the page before it is taken. */
const VIEWS = {
  banner: async () => {},
  preferences: async (page) => {
    await page.locator('kelisim-consent [part~="open-preferences"]').click();
  },
  notice: async (page) => {
    await page.evaluate((record) => {
      document.cookie = `kelisim_consent=${encodeURIComponent(record)}; path=/`;
      const today = new Date().toISOString().slice(0, 10);
      const changes = {
        kk: ['Серіктестерге деректер беру бөлек санатқа шығарылды.', 'Деректерді сақтау мерзімі нақтыланды.'],
      };
      localStorage.setItem('kelisim_demo', JSON.stringify({ policy: { version: `demo-${today}`, publishedAt: today, changes } }));
    }, earlierChoice);
    await page.reload();
    await page.locator('kelisim-consent [part~="notice"]').waitFor();
  },
};

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  for (const [name, setUp] of Object.entries(VIEWS)) {
    for (const scheme of ['light', 'dark']) {
      for (const [size, viewport] of [
        ['360', { width: 360, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ]) {
        const page = await browser.newPage({ viewport, colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(`${origin}/index.html`);
        await page.locator('kelisim-consent [part~="banner"]').waitFor();
        await setUp(page);
        await page.waitForTimeout(300);
        const file = join(OUT, `${name}-${scheme}-${size}.png`);
        await page.screenshot({ path: file });
        process.stdout.write(`${file}\n`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
