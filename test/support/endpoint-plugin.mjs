/**
 * A real HTTP endpoint on the test server's loopback port, for transport tests: each test
 * uses its own bucket, scripts the answers (`[500, 200]`: fail once, then succeed), and
 * reads back what arrived. Nothing is stubbed in the browser: `fetch` goes over the wire.
 *
 *   PUT  /__endpoint/<bucket>/script  {"statuses":[500,200], "retryAfter": 1, "delayMs": 0}
 *   POST /__endpoint/<bucket>          the endpoint under test (answers per script, then 200)
 *   GET  /__endpoint/<bucket>/log       {"requests": n, "events": [...], "statuses": [...]}
 */
const buckets = new Map();

function bucket(name) {
  if (!buckets.has(name)) buckets.set(name, { script: [], retryAfter: null, delayMs: 0, requests: 0, events: [], statuses: [], contentTypes: [] });
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
      Object.assign(b, { script: body.statuses ?? [], retryAfter: body.retryAfter ?? null, delayMs: body.delayMs ?? 0 });
      ctx.body = { ok: true };
      return;
    }
    if (match[2] === '/log') {
      ctx.body = { requests: b.requests, events: b.events, statuses: b.statuses, contentTypes: b.contentTypes };
      return;
    }
    if (ctx.method !== 'POST') return next();
    const text = await readBody(ctx.req);
    b.requests++;
    b.contentTypes.push(ctx.get('content-type'));
    if (b.delayMs) await new Promise((resolve) => setTimeout(resolve, b.delayMs));
    const status = b.script.length ? b.script.shift() : 200;
    b.statuses.push(status);
    if (status >= 200 && status < 300) {
      const { events } = JSON.parse(text);
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
