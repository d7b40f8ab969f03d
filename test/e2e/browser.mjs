/**
 * What the end-to-end tests share: Debian's Chromium through playwright-core, polling
 * without timed assertions, axe, and the words a widget view shows (read the way the
 * widget hashes them, src/ui/shown-texts.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

/** Why a browser suite cannot run here, or false. */
export const noBrowser = existsSync(chromiumPath()) ? false : `no Chromium at ${chromiumPath()}: run node scripts/ensure-chromium.mjs`;

/** Why a suite that loads the built widget cannot run, or false. */
export const noDist = existsSync(new URL('../../dist/kelisim.js', import.meta.url)) ? false : 'dist/ is missing: run npm run build';

export function launch() {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/**
 * Polls `check` until it returns something truthy, and returns that.
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {number} [timeout]
 * @param {string} [what]
 * @returns {Promise<NonNullable<T>>}
 */
export async function waitFor(check, timeout = 15_000, what = 'condition') {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return /** @type {NonNullable<T>} */ (value);
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * axe-core's violations on the page (axe comes with @open-wc/testing), as "id: help (targets)".
 * @param {import('playwright-core').Page} page
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe =
      /** @type {{ run: (context?: unknown) => Promise<{ violations: Array<{ id: string, help: string, nodes: Array<{ target: string[] }> }> }> }} */ (
        Reflect.get(window, 'axe')
      );
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/**
 * The words of the widget's view on top (the preferences, else the banner or the notice),
 * every non-blank text node trimmed, in display order: exactly what its receipts hash.
 * @param {import('playwright-core').Page} page
 */
export function shownWords(page) {
  return page.evaluate(() => {
    const root = document.querySelector('kelisim-consent')?.shadowRoot;
    const top = root?.querySelector('dialog[part~="preferences"]') ?? root?.querySelector('[part~="banner"], [part~="notice"]');
    if (!top) return [];
    const texts = [];
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = /** @type {string} */ (walker.currentNode.nodeValue).trim();
      if (text) texts.push(text);
    }
    return texts;
  });
}
