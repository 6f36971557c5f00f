/**
 * Preloaded into the bot by the hostile-corpus bench (`node --require loop-probe.js dist/index.js`): the
 * bot's own event-loop delay, read and reset over the IPC channel, so each message's block is measured
 * where it happens. Not part of MeetNow.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
process.on('message', (message: unknown) => {
  if (message !== 'read') return;
  process.send?.({ maxMs: histogram.max / 1e6 });
  histogram.reset();
});
// The channel must not keep the bot alive when it is told to stop.
process.channel?.unref();
