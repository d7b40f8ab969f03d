/**
 * The decisions chunk's one door: deciding, the receipts, and the check of the stored
 * choice. The loader imports this module alone (`loadDecisions` in
 * `session.ts`), so every path to the chunk is the same import.
 */
export { Actions } from './session/actions.js';
export { checkStored } from './record/check.js';
