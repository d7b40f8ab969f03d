import type { CategoryConfig, ConsentRecord } from '../types.js';

/**
 * The optional categories a stored choice has never answered: new in this policy version.
 * They start off, and the change notice names them (SPEC §5).
 */
export function newCategories(record: ConsentRecord | null, categories: CategoryConfig[]): string[] {
  return record ? categories.filter((c) => !c.required && !(c.id in record.categories)).map((c) => c.id) : [];
}
