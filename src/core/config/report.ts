import { emit } from '../events.js';
import type { KelisimError } from '../types.js';

/**
 * One console line for the developer, naming every problem; one `kelisim:error` each for
 * the page (or `dispatch`). Shared by the config checker, the interface's check of its own
 * keys and of the texts' keys.
 */
export function report(problems: KelisimError[], dispatch = (problem: KelisimError) => emit('kelisim:error', problem)): void {
  if (!problems.length) return;
  console.error(`kelisim:\n${problems.map((p) => `- ${p.key ?? p.code}: ${p.message}`).join('\n')}`);
  problems.forEach(dispatch);
}
