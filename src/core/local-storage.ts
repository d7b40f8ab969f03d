/** A localStorage value; `null` where there is none, or where storage is blocked and reading throws. */
export function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
