/**
 * A per-client budget of events (not requests): one batch of 50 costs 50, one of 1 costs 1,
 * so a client cannot send more by batching differently. A token bucket per key: full at
 * `events`, refilled continuously at `events` per `windowMs`.
 */
export class EventRateLimiter {
  /**
   * @param {{ events: number, windowMs: number, now?: () => number }} options
   *   `now` is injected for tests; default `Date.now`.
   */
  constructor({ events, windowMs, now = Date.now }) {
    if (!(events > 0) || !(windowMs > 0)) throw new RangeError('rate limit needs events > 0 and windowMs > 0');
    this.capacity = events;
    this.perMs = events / windowMs;
    this.now = now;
    /** @type {Map<string, { tokens: number, at: number }>} */
    this.buckets = new Map();
  }

  /**
   * Takes `cost` events from the key's budget when it has them.
   * A cost above the whole budget is charged as the whole budget, so a large batch can
   * always pass once the bucket is full instead of being refused forever.
   * @param {string} key
   * @param {number} cost
   * @returns {{ allowed: true } | { allowed: false, retryAfterSeconds: number }}
   */
  take(key, cost) {
    const now = this.now();
    const need = Math.min(Math.max(cost, 1), this.capacity);
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= need) {
      bucket.tokens -= need;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((need - bucket.tokens) / this.perMs / 1000)) };
  }

  /** @private @param {string} key @param {number} now */
  refilled(key, now) {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= 10_000) this.forgetFull(now);
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  /** Drops the buckets that have refilled: they hold nothing a new bucket would not. @private @param {number} now */
  forgetFull(now) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
  }
}
