/**
 * A real HTTP endpoint on the test server's loopback port, for transport tests: each test
 * uses its own bucket, scripts the answers (`[500, 200]`: fail once, then succeed), and
 * reads back what arrived. Nothing is stubbed in the browser: `fetch` goes over the wire.
 *
 *   PUT  /__endpoint/<bucket>/script  {"statuses":[500,200], "retryAfter": 1, "delayMs": 0, "maxBytes": 65536}
 *   POST /__endpoint/<bucket>          the endpoint under test (answers per script, then 200;
 *                                      413 for a body longer than `maxBytes`, as the collector does)
 *   GET  /__endpoint/<bucket>/log       {"requests": n, "events": [...], "statuses": [...], "contentTypes": [...],
 *                                        "bodies": [...], "batches": [[eventId, ...], ...]}
 *
 * `events` holds each delivered event once (the collector deduplicates by eventId); `batches`
 * holds the eventIds of every request as received, whatever the answer, so a test can count
 * batch sizes and duplicates; `bodies` the raw request bodies.
 */
const buckets = new Map();

function bucket(name) {
  if (!buckets.has(name)) buckets.set(name, { script: [], retryAfter: null, delayMs: 0, maxBytes: null, requests: 0, events: [], statuses: [], contentTypes: [], bodies: [], batches: [] });
  return buckets.get(name);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Koa middleware for @web/test-runner's dev server. */
export function endpointMiddleware() {
  return async function endpoint(ctx, next) {
    const match = /^\/__endpoint\/([\w-]+)(\/script|\/log)?$/.exec(ctx.path);
    if (!match) return next();
    const b = bucket(match[1]);
    if (match[2] === '/script' && ctx.method === 'PUT') {
      const body = JSON.parse(await readBody(ctx.req));
      Object.assign(b, { script: body.statuses ?? [], retryAfter: body.retryAfter ?? null, delayMs: body.delayMs ?? 0, maxBytes: body.maxBytes ?? null });
      ctx.body = { ok: true };
      return;
    }
    if (match[2] === '/log') {
      const { requests, events, statuses, contentTypes, bodies, batches } = b;
      ctx.body = { requests, events, statuses, contentTypes, bodies, batches };
      return;
    }
    if (ctx.method !== 'POST') return next();
    const text = await readBody(ctx.req);
    b.requests++;
    b.contentTypes.push(ctx.get('content-type'));
    b.bodies.push(text);
    let parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // recorded as an empty batch; the scripted answer decides
    }
    b.batches.push(Array.isArray(parsed?.events) ? parsed.events.map((event) => event?.eventId) : []);
    if (b.delayMs) await new Promise((resolve) => setTimeout(resolve, b.delayMs));
    const tooLarge = b.maxBytes != null && Buffer.byteLength(text) > b.maxBytes;
    const status = tooLarge ? 413 : b.script.length ? b.script.shift() : 200;
    b.statuses.push(status);
    if (status >= 200 && status < 300) {
      const { events } = parsed;
      const fresh = events.filter((event) => !b.events.some((known) => known.eventId === event.eventId));
      b.events.push(...fresh);
      ctx.body = { accepted: fresh.length, duplicates: events.length - fresh.length };
    } else {
      if (status === 429 && b.retryAfter != null) ctx.set('Retry-After', String(b.retryAfter));
      ctx.body = { error: `scripted ${status}` };
    }
    ctx.status = status;
  };
}
