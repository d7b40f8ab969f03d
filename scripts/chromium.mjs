import { existsSync } from 'node:fs';

/** Where Debian's Chromium lives; CHROMIUM_PATH overrides. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path)) ?? '/usr/bin/chromium';
}

/**
 * Flags for running as root in a sandboxed machine with a closed network: without the
 * background-networking ones Chromium keeps trying to reach Google's hosts.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
