/**
 * A tiny static file server for the package test and the benchmark: files by path from
 * mounted folders, plus pages held in memory, on 127.0.0.1 at a port the OS picks. It
 * records every request, so a caller can say which files a page fetched and from where,
 * and gzips text the way a CDN would, so transfer sizes compare with `npm run size`. With
 * `http2`, it speaks HTTP/2 over TLS as a CDN does, every file of a page on one connection.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/**
 * @typedef {object} StaticServer
 * @property {string} url e.g. http://127.0.0.1:40123 (https: with `http2`)
 * @property {Array<{ path: string, status: number, bytes: number }>} requests every request so far, in order
 * @property {(path: string, html: string) => void} page serves `html` at `path` from now on
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ mounts?: Record<string, string>, pages?: Record<string, string>, gzip?: boolean, cors?: boolean | ((path: string) => boolean), http2?: boolean }} options
 *   `mounts`: URL prefix ("/cdn/kelisim@1.0.0/") → folder; `pages`: path → HTML; `cors`: whether a
 *   response carries `Access-Control-Allow-Origin: *` (default: every one), or for which paths,
 *   to play a CDN that sends it on some files or none; `http2`: HTTP/2 over TLS (and HTTP/1.1
 *   over TLS for a client without it) with a certificate for 127.0.0.1 made by openssl, which
 *   the browser must be told to accept (`--ignore-certificate-errors`).
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer({ mounts = {}, pages = {}, gzip = true, cors = true, http2 = false } = {}) {
  const requests = [];
  const memory = new Map(Object.entries(pages));
  const zipped = new Map();

  /** The file a URL path names inside one of the mounts, never outside it. */
  const resolveFile = (path) => {
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(folder, path.slice(prefix.length)));
      if (file === normalize(folder) || file.startsWith(normalize(folder) + sep)) return file;
    }
    return null;
  };

  const load = async (path) => {
    if (memory.has(path)) return { body: Buffer.from(memory.get(path)), type: TYPES['.html'] };
    const file = resolveFile(path);
    if (!file || !(await stat(file).catch(() => null))?.isFile()) return null;
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream', file };
  };

  const handle = async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const found = await load(path).catch(() => null);
    if (!found) {
      requests.push({ path, status: 404, bytes: 0 });
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let { body } = found;
    const headers = { 'content-type': found.type, 'cache-control': 'no-store' };
    if (typeof cors === 'function' ? cors(path) : cors) headers['access-control-allow-origin'] = '*';
    if (gzip && COMPRESSIBLE.test(found.type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const key = found.file ?? `page:${path}`;
      if (!zipped.has(key) || !found.file) zipped.set(key, gzipSync(body, { level: 9 }));
      body = zipped.get(key);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    requests.push({ path, status: 200, bytes: body.length });
    response.writeHead(200, { ...headers, 'content-length': body.length }).end(request.method === 'HEAD' ? undefined : body);
  };
  const server = http2 ? createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, handle) : createServer(handle);
  // An HTTP/2 server has no closeAllConnections(): close() destroys its sessions one by one.
  const sessions = new Set();
  if (http2) server.on('session', (session) => (sessions.add(session), session.once('close', () => sessions.delete(session))));

  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `${http2 ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    page: (path, html) => memory.set(path, html),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        if (http2) for (const session of sessions) session.destroy();
        else server.closeAllConnections();
      }),
  };
}

/** A key and a certificate for 127.0.0.1, made once per process by openssl: for a browser told to accept it. */
let certificate;
function selfSignedCertificate() {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'kelisim-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
