import type { CategoryConfig } from '../types.js';

/** Why "accept all" leaves a category off: a known minor's guardian must agree, or GPC asked. */
export type HeldBackReason = 'minor' | 'gpc';

/** Who is deciding, as far as the rules below care. */
export interface Subject {
  /** A known minor (`setSubject({ minor: true })`). */
  minor: boolean;
  /** The browser sends Global Privacy Control and the config respects it. */
  gpc: boolean;
}

/**
 * Why a category may not be turned on (SPEC §6): `minor` for an adult-only category and a
 * known minor, whatever anyone chooses; `gpc` for a category marked `gpc` under Global
 * Privacy Control, unless the choice is `explicit` (the visitor's own toggle overrides the
 * signal, never the need for a legal representative's consent). `null`: nothing holds it back.
 */
export function heldBack(category: CategoryConfig, subject: Subject, explicit = false): HeldBackReason | null {
  if (subject.minor && category.adultOnly) return 'minor';
  return !explicit && category.gpc && subject.gpc ? 'gpc' : null;
}
