/**
 * Timing helpers for the page side of bench/highlight-bench.ts (bundled with it by esbuild): marks
 * the trace can see, a forced frame, and the page's own long-task observer.
 */
import { MARK_PREFIX } from './highlight-trace.ts';

/** Long-task entries are queued after their task ends: give the last ones time to arrive. */
const LONG_TASK_DELIVERY_MS = 100;

/** The frame after the work: `renderMs` from its rAF callback to the task after it (style, layout, paint). */
export interface FrameTiming {
  renderMs: number;
  /** The same for a frame with nothing to do, just before the work: the floor of `renderMs`. */
  idleRenderMs: number;
  /** From the end of the work to the task after the frame (includes waiting for the frame). */
  waitMs: number;
}

export interface LongTasks {
  /** Longest task the `longtask` observer saw during the measurement (only tasks over 50 ms are reported). */
  longestMs: number;
  count: number;
}

/** Waits for the next frame to be rendered: resolves in the first task after it. */
export async function forcedFrame(idleRenderMs = 0): Promise<FrameTiming> {
  const workEnded = performance.now();
  let rendering = 0;
  await new Promise<void>((resolve) => requestAnimationFrame(() => {
    rendering = performance.now();
    setTimeout(resolve);
  }));
  const after = performance.now();
  return { renderMs: after - rendering, idleRenderMs, waitMs: after - workEnded };
}

/** A user-timing mark the trace shows with the thread time at that moment; returns the wall time. */
export function stamp(name: string): number {
  performance.mark(MARK_PREFIX + name);
  return performance.now();
}

export function nextTask(delayMs = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, delayMs));
}

/** Starts watching long tasks; the returned function stops and reports those since `since`. */
export function watchLongTasks(): (since: number) => Promise<LongTasks> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  return async (since) => {
    await nextTask(LONG_TASK_DELIVERY_MS);
    entries.push(...observer.takeRecords());
    observer.disconnect();
    const mine = entries.filter((entry) => entry.startTime + entry.duration > since);
    return { longestMs: Math.max(0, ...mine.map((entry) => entry.duration)), count: mine.length };
  };
}
