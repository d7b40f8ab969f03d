/**
 * The console's one door to the collector: the admin token, kept in this tab's
 * sessionStorage only and sent as `Authorization: Bearer`, never in an address. Addresses
 * are relative (`v1/stats` from `/console`), so a collector behind a path prefix works.
 */

const TOKEN_KEY = 'kelisim-console-token';

/** The admin token of this tab, or `''`. */
export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return memoryToken;
  }
}

/** Where sessionStorage is blocked, the token lives in the page until it closes. */
let memoryToken = '';

/** @param {string} value `''` signs out. */
export function setToken(value) {
  memoryToken = value;
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // blocked: memoryToken holds it
  }
}

/** The admin token was refused: the console signs out. */
export class Unauthorized extends Error {}

/**
 * An admin request. Throws {@link Unauthorized} on 401 and an Error with the collector's
 * message on any other failure.
 * @param {string} path Relative to the collector's root, e.g. `v1/stats?from=…`.
 * @param {RequestInit} [init]
 * @returns {Promise<Response>}
 */
export async function request(path, init = {}) {
  const response = await fetch(new URL(path, new URL('./', location.href)), {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token()}` },
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401) throw new Unauthorized('401');
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      message = (await response.json()).message ?? message;
    } catch {
      // not JSON: the status says it
    }
    throw new Error(message);
  }
  return response;
}

/**
 * @param {string} path
 * @returns {Promise<any>}
 */
export async function json(path) {
  return (await request(path)).json();
}

/**
 * Saves a response as a file: the download goes through this page, so the token never
 * leaves the request header.
 * @param {Response} response
 * @param {string} name
 */
export async function save(response, name) {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
