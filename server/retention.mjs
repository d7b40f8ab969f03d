/**
 * `KELISIM_RETENTION_DAYS` (SPEC §10 r2): receipts received longer ago than that are
 * deleted, once when the collector starts and then every day, each sweep logged with its
 * count. Several collectors on one database may all sweep: deleting what is already gone
 * deletes nothing. The texts archive and erasure records are kept: words are the site's
 * own, not a visitor's, and an erasure record must outlive what it erased.
 */
import { errorForLog } from './app.mjs';

/** How often the sweep runs after the first one at start. */
export const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Registers the sweep on the app: first once the app is ready, then daily until it closes.
 * @param {import('fastify').FastifyInstance} app
 * @param {{ store: import('./store/index.mjs').ReceiptStore, retentionDays: number, now: () => Date }} options
 */
export function sweepOnSchedule(app, { store, retentionDays, now }) {
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timer;
  const sweep = async () => {
    const before = new Date(now().getTime() - retentionDays * 24 * 60 * 60 * 1000);
    try {
      const deleted = await store.sweep(before);
      app.log.info(
        { retention: { days: retentionDays, before: before.toISOString(), deleted } },
        `retention: deleted ${deleted} receipt(s) received before ${before.toISOString()}`,
      );
    } catch (error) {
      app.log.error({ error: errorForLog(error) }, 'retention: the sweep failed; it runs again in a day');
    }
  };
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
