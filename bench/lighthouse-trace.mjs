/**
 * Lighthouse's Trace gatherer, with the trace mended as soon as it is collected: current
 * Chromium names the frame reporter `args.frame_reporter` where Lighthouse 12 reads
 * `args.chrome_frame_reporter`, and the LCP-element and layout-shift gatherers fail
 * without it. Used in place of the built-in one by bench/lighthouse.mjs.
 */
import Trace from 'lighthouse/core/gather/gatherers/trace.js';

export default class MendedTrace extends Trace {
  async stopSensitiveInstrumentation(context) {
    await super.stopSensitiveInstrumentation(context);
    for (const event of this._trace?.traceEvents ?? []) {
      if (event.args?.frame_reporter && !event.args.chrome_frame_reporter) event.args.chrome_frame_reporter = event.args.frame_reporter;
    }
  }
}
