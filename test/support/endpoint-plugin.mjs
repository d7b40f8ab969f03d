/**
 * A real HTTP endpoint on the test server's loopback port, for transport tests: each test
 * uses its own bucket, scripts the answers (`[500, 200]`: fail once, then succeed), and
 * reads back what arrived. Nothing is stubbed in the browser: `fetch` goes over the wire.
 *
 *   PUT  /__endpoint/<bucket>/script  {"statuses":[500,200], "retryAfter": 1, "delayMs": 0, "maxBytes": 65536,
 *                                      "archive": true, "held": [hash], "textsStatuses": [503], "refuseFields": ["noticeShownAt"]}
 *   POST /__endpoint/<bucket>          the endpoint under test (answers per script, then 200;
 *   POST /__endpoint/<bucket>/events   413 for a body longer than `maxBytes`, as the collector does)
 *   POST /__endpoint/<bucket>/texts    the texts archive beside it (answers per `textsStatuses`, then 200)
 *   GET  /__endpoint/<bucket>/log       {"requests": n, "events": [...], "statuses": [...], "contentTypes": [...],
 *                                        "bodies": [...], "batches": [[eventId, ...], ...], "texts": [...], "textsStatuses": [...]}
 *
 * `events` holds each delivered event once (the collector deduplicates by eventId); `batches`
 * holds the eventIds of every request as received, whatever the answer, so a test can count
 * batch sizes and duplicates; `bodies` the raw request bodies; `texts` every upload's body.
 *
 * Without `archive` the endpoint answers as a collector that keeps no words (1.0: no
 * `missingTexts`). With it, it answers `missingTexts` for the batch's hashes it does not
 * hold (`held`, plus every upload it answered 2xx). `refuseFields` makes it an older
 * collector: an event with such a field is refused with the collector's 400.
 */
const buckets = new Map();

function bucket(name) {
  if (!buckets.has(name)) {
    buckets.set(name, {
      script: [],
      retryAfter: null,
      delayMs: 0,
      maxBytes: null,
      requests: 0,
      events: [],
      statuses: [],
      contentTypes: [],
      bodies: [],
      batches: [],
      archive: false,
      held: new Set(),
      textsScript: [],
      texts: [],
      textsStatuses: [],
      refuseFields: [],
    });
  }
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
    const match = /^\/__endpoint\/([\w-]+)(\/script|\/log|\/events|\/texts)?$/.exec(ctx.path);
    if (!match) return next();
    const b = bucket(match[1]);
    if (match[2] === '/script' && ctx.method === 'PUT') {
      const body = JSON.parse(await readBody(ctx.req));
      Object.assign(b, {
        script: body.statuses ?? [],
        retryAfter: body.retryAfter ?? null,
        delayMs: body.delayMs ?? 0,
        maxBytes: body.maxBytes ?? null,
        archive: body.archive ?? false,
        held: new Set(body.held ?? []),
        textsScript: body.textsStatuses ?? [],
        refuseFields: body.refuseFields ?? [],
      });
      ctx.body = { ok: true };
      return;
    }
    if (match[2] === '/log') {
      const { requests, events, statuses, contentTypes, bodies, batches, texts, textsStatuses } = b;
      ctx.body = { requests, events, statuses, contentTypes, bodies, batches, texts, textsStatuses };
      return;
    }
    if (ctx.method !== 'POST') return next();
    if (match[2] === '/texts') {
      const upload = JSON.parse(await readBody(ctx.req));
      b.texts.push(upload);
      const status = b.textsScript.length ? b.textsScript.shift() : 200;
      b.textsStatuses.push(status);
      if (status >= 200 && status < 300) {
        ctx.body = { stored: !b.held.has(upload.textsHash) };
        b.held.add(upload.textsHash);
      } else ctx.body = { error: `scripted ${status}` };
      ctx.status = status;
      return;
    }
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
    // An older collector refuses a field it does not know, naming the event and the field.
    const refused = parsed?.events?.findIndex?.((event) => b.refuseFields.some((field) => field in event)) ?? -1;
    const status = tooLarge ? 413 : refused >= 0 ? 400 : b.script.length ? b.script.shift() : 200;
    b.statuses.push(status);
    if (refused >= 0 && !tooLarge) {
      const field = b.refuseFields.find((f) => f in parsed.events[refused]);
      ctx.body = {
        statusCode: 400,
        error: 'Bad Request',
        event: refused,
        field,
        message: `event ${refused}: field "${field}" is not part of the event protocol`,
      };
    } else if (status >= 200 && status < 300) {
      const { events } = parsed;
      const fresh = events.filter((event) => !b.events.some((known) => known.eventId === event.eventId));
      b.events.push(...fresh);
      ctx.body = { accepted: fresh.length, duplicates: events.length - fresh.length };
      if (b.archive)
        ctx.body.missingTexts = [...new Set(events.flatMap((event) => (event.textsHash ? [event.textsHash] : [])))].filter(
          (hash) => !b.held.has(hash),
        );
    } else {
      if (status === 429 && b.retryAfter != null) ctx.set('Retry-After', String(b.retryAfter));
      ctx.body = { error: `scripted ${status}` };
    }
    ctx.status = status;
  };
}
