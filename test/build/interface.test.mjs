// What the banner needs to paint is on every first visit's critical path: the interface
// chunk and what it imports (docs/performance.md). These checks run on the build and keep
// what only the preferences and the notice draw in the panels chunk, fetched once the
// visitor reaches for the banner. A module lands where its importers are (rollup.config.mjs):
// one that both the banner and a panel import stays on the critical path, whole.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const DIST = new URL('../../dist/', import.meta.url);
const chunks = JSON.parse(readFileSync(new URL('chunks.json', DIST), 'utf8'));
const code = (file) => readFileSync(new URL(file, DIST), 'utf8');

/** Parts only the panels' templates draw: the preferences, the notice, the list of services. */
const PANEL_PARTS = ['preferences', 'switch', 'services', 'service', 'button withdraw', 'notice', 'button accept-notice'];

const drawn = (source) => PANEL_PARTS.filter((part) => source.includes(`part="${part}"`));

test('the critical path draws nothing only the panels show (npm run build first)', () => {
  const critical = chunks.ui.map(code).join('\n');
  assert.ok(critical.includes('part="banner"'), `the interface chunks are ${chunks.ui.join(', ')}`);
  assert.deepEqual(drawn(critical), [], 'a panel template is in the interface: split the module the banner imports it through');
});

test('the panels chunk draws them', () => {
  assert.deepEqual(drawn(code(chunks.panels[0])), PANEL_PARTS);
});
