/// <reference types="node" />

/** Latency percentiles of one run of a query set, in milliseconds. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles: p95 of 300 samples is the 285th smallest. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const sum = sorted.reduce((total, x) => total + x, 0);
  return {
    count: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

/** Runs `fn` and returns its result with the wall time it took, in milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Collects garbage (when the process runs with --expose-gc) and returns the heap in use, in bytes. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Relative change from `first` to `second`, e.g. 0.12 for +12 %. */
export function relativeChange(first: number, second: number): number {
  return first === 0 ? 0 : (second - first) / first;
}
