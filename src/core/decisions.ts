/**
 * The decisions chunk's one door: deciding and the receipts. The loader imports this
 * module alone (`loadDecisions` in `session.ts`), so every path to the chunk is the same
 * import. The check of a stored choice is a chunk of its own (`record/check.ts`): a first
 * visit has nothing stored and never needs it, and a returning visitor whose value is new
 * to this browser needs it without the decisions.
 */
export { Actions } from './session/actions.js';
