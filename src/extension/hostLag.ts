/**
 * How long the extension host's event loop was blocked while a piece of work ran (the longest delay of a timer that
 * should fire every 10 ms): a comparison must leave the host responsive, its heavy parts being in the worker.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Runs `work` and measures the longest event-loop delay meanwhile, in milliseconds. */
export async function withHostLag<T>(work: () => Promise<T>): Promise<{ value: T; maxLagMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const value = await work();
    return { value, maxLagMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}
