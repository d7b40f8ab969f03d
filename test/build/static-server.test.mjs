// The static server of the benchmark and the package test (scripts/static-server.mjs) with
// `http2`: it must speak HTTP/2 over TLS, gzip as over HTTP/1.1, and close its sessions.
import assert from 'node:assert/strict';
import { connect } from 'node:http2';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { startStaticServer } from '../../scripts/static-server.mjs';

test('http2: serves a page over HTTP/2 with TLS, gzipped, and close() ends the open session', async () => {
  const html = '<!doctype html><title>A page</title><p>Hello over HTTP/2.</p>'.repeat(20);
  const server = await startStaticServer({ pages: { '/page.html': html }, http2: true });
  assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  // The certificate is made for this run: this client accepts it as the bench's Chromium does.
  const session = connect(server.url, { rejectUnauthorized: false });
  try {
    const { headers, body } = await new Promise((resolve, reject) => {
      const stream = session.request({ ':path': '/page.html', 'accept-encoding': 'gzip' });
      const chunks = [];
      let headers;
      stream.on('response', (h) => (headers = h));
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => resolve({ headers, body: Buffer.concat(chunks) }));
      stream.on('error', reject);
    });
    assert.equal(session.alpnProtocol, 'h2');
    assert.equal(headers[':status'], 200);
    assert.equal(headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(body).toString(), html);
    assert.deepEqual(server.requests, [{ path: '/page.html', status: 200, bytes: body.length }]);
  } finally {
    const closed = new Promise((resolve) => session.once('close', resolve));
    await server.close();
    await closed;
  }
});
