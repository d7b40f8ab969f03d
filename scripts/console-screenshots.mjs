/**
 * Screenshots of the operator's console and of a proof page, for the README and
 * docs/collector.md: `node scripts/console-screenshots.mjs` (after `npm run build`) writes
 * docs/screenshots/console.png and docs/screenshots/proof.png.
 *
 * The console shows 90 days of seeded receipts (bench/seed-receipts.mjs) plus one
 * visitor's real clicks on the demo (`npm start`'s server, Debian's Chromium): accept all
 * in Russian, then a policy version published ten days ago, its notice, and the next page
 * view accepting it by continued use (clause 1.2). The proof is that visitor's.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seed } from '../bench/seed-receipts.mjs';
import { launch, waitFor } from '../test/e2e/browser.mjs';
import { ADMIN_TOKEN, startCollector } from '../test/server/harness.mjs';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'kelisim-screenshots-'));
const file = join(dir, 'kelisim.db');
const now = new Date();
await seed({ sqlitePath: file }, { receipts: 30_000, from: new Date(now.getTime() - 90 * 86_400_000), to: now, seed: 11 });
const collector = await startCollector(
  { name: 'sqlite', file, env: { KELISIM_DB: file }, dispose: async () => {} },
  {},
  { entry: 'start' },
);
const browser = await launch();
try {
  // One visitor, for real: the banner in Russian, then a policy change accepted by continued use.
  const visitor = await browser.newContext({ locale: 'ru-RU' });
  const page = await visitor.newPage();
  const drained = () =>
    waitFor(() => page.evaluate(() => !localStorage.getItem('kelisim_consent_queue')?.includes('eventId')), 20_000, 'the queue to drain');
  await page.goto(`${collector.url}/ru.html`);
  await page.locator('[part~="accept-all"]').click();
  await drained();
  await page.getByRole('button', { name: 'Редакция, опубликованная 10 дней назад' }).click();
  await page.locator('[part~="notice"]').waitFor();
  await drained();
  await page.reload();
  await waitFor(() => page.evaluate(() => window.Kelisim.getConsent()?.policyAcceptedBy === 'implicit'), 10_000, 'the implicit acceptance');
  await drained();
  const consentId = await page.evaluate(() => window.Kelisim.getConsent()?.id);
  await visitor.close();

  const operator = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', deviceScaleFactor: 1 });
  const console_ = await operator.newPage();
  await console_.goto(`${collector.url}/console`);
  await console_.locator('#token').fill(ADMIN_TOKEN);
  await console_.locator('#token').press('Enter');
  await console_.locator('#by-day svg').waitFor();
  await console_.locator('[data-days="90"]').click();
  await console_.waitForFunction(() => document.querySelectorAll('#by-day [data-table] tbody tr').length === 90);
  await console_.locator('#rows tr').first().waitFor();
  await mkdir(OUT, { recursive: true });
  const overview = await console_.locator('#overview').boundingBox();
  await console_.screenshot({
    path: join(OUT, 'console.png'),
    clip: { x: 0, y: 0, width: 1280, height: Math.min(1900, (overview?.y ?? 0) + (overview?.height ?? 1600)) },
    fullPage: true,
  });

  // The proof page itself, as the collector serves it (fetched with the token, as the console does).
  const html = await (
    await fetch(`${collector.url}/v1/consents/${consentId}/proof`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
  ).text();
  const proof = await operator.newPage();
  await proof.setContent(html);
  await proof.screenshot({ path: join(OUT, 'proof.png'), fullPage: true });
  console.log(`wrote docs/screenshots/console.png and docs/screenshots/proof.png (the proof of ${consentId})`);
} finally {
  await browser.close();
  await collector.stop();
  await rm(dir, { recursive: true, force: true });
}
