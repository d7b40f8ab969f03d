/**
 * Screenshots of an embed's placeholder in Kazakh, Russian and English, for the README and
 * docs/api.md: `node scripts/embed-screenshots.mjs` (after `npm run build`) writes
 * docs/screenshots/embed-{kk,ru,en}.png.
 *
 * A returning visitor who allowed analytics only, on a page with a YouTube embed gated by
 * marketing: the built loader draws the placeholder in the frame's place (560 × 315),
 * nothing is fetched from YouTube. Debian's Chromium, light scheme.
 */
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';
import { launch } from '../test/e2e/browser.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const page = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Embed</title>
<script type="application/json" id="kelisim-config">{"reopenButton": false}</script>
<script type="module" src="/dist/kelisim.js"></script>
<style>body{margin:0;padding:16px;font:16px/1.5 system-ui,sans-serif;background:#f3f4f6}</style></head>
<body><iframe data-kelisim="marketing" data-src="https://www.youtube-nocookie.com/embed/kelisim" width="560" height="315" title="YouTube"></iframe></body></html>`;

const server = await startStaticServer({
  mounts: { '/dist/': DIST },
  pages: { '/kk.html': page('kk'), '/ru.html': page('ru'), '/en.html': page('en') },
});
const browser = await launch();
try {
  for (const lang of ['kk', 'ru', 'en']) {
    const context = await browser.newContext({ viewport: { width: 600, height: 360 }, deviceScaleFactor: 1, colorScheme: 'light' });
    const tab = await context.newPage();
    const outside = [];
    tab.on('request', (request) => !request.url().startsWith(server.url) && outside.push(request.url()));
    await tab.goto(`${server.url}/${lang}.html`);
    await tab.waitForFunction(() => window.Kelisim);
    await tab.evaluate(() => window.Kelisim.ready.then(() => window.Kelisim.accept(['analytics'])));
    const placeholder = tab.locator('kelisim-embed');
    await placeholder.waitFor({ state: 'visible' });
    await placeholder.screenshot({ path: `${OUT}embed-${lang}.png` });
    if (outside.length) throw new Error(`the placeholder fetched from outside: ${outside.join(', ')}`);
    console.log(`docs/screenshots/embed-${lang}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
