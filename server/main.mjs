#!/usr/bin/env node
/**
 * The collector's production entry: `node server/main.mjs` (or the package's
 * `kelisim-collector` bin), configured by the environment (docs/collector.md). Once
 * listening it prints one JSON line on stdout,
 * `{"listening":"http://127.0.0.1:8787","store":"sqlite"}` (plus `adminToken` when one was
 * generated for development), so a supervisor or a test can read the address.
 */
import { readConfig } from './config.mjs';
import { runCollector } from './run.mjs';

try {
  const config = readConfig(process.env);
  const { url, storeKind } = await runCollector(config);
  process.stdout.write(
    `${JSON.stringify({ listening: url, store: storeKind, ...(config.adminTokenGenerated && { adminToken: config.adminToken }) })}\n`,
  );
} catch (error) {
  process.stderr.write(`kelisim collector: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
