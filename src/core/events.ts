import type { KelisimEventMap } from './types.js';

/** A kelisim event name, with or without the `kelisim:` prefix. */
export type KelisimEventName = keyof KelisimEventMap extends `kelisim:${infer Short}` ? Short | `kelisim:${Short}` : never;

type Detail<N extends string> = N extends keyof KelisimEventMap
  ? KelisimEventMap[N]
  : `kelisim:${N}` extends keyof KelisimEventMap
    ? KelisimEventMap[`kelisim:${N}`]
    : never;

/** Dispatches a kelisim event on `document`. */
export function emit<K extends keyof KelisimEventMap>(type: K, detail: KelisimEventMap[K]): void {
  document.dispatchEvent(new CustomEvent(type, { detail }));
}

/**
 * Calls `callback` with the detail of each event of this type (`"consent"` or
 * `"kelisim:consent"`); returns the function that stops it.
 */
export function on<N extends KelisimEventName>(type: N, callback: (detail: Detail<N>) => void): () => void {
  const name = `kelisim:${type.replace(/^kelisim:/, '')}`;
  const listener = (event: Event) => callback((event as CustomEvent<Detail<N>>).detail);
  document.addEventListener(name, listener);
  return () => document.removeEventListener(name, listener);
}
