/** Timing and allocation helpers for scripts/bench.ts. */
import { GCProfiler } from 'node:v8';

/** Wall time of fn() in milliseconds (process.hrtime.bigint, ns resolution). */
export function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;
/** True when node runs with --expose-gc (the bench script passes it through tsx). */
export const hasGc = typeof gc === 'function';

/**
 * Bytes fn() allocates on the JS heap: heap growth across the call plus whatever the garbage
 * collections during it freed (v8.GCProfiler reports used heap before and after each one), so
 * scavenges in the middle do not hide allocation. Typed-array backing stores are off-heap and
 * are not counted, which is why the caller preallocates them.
 */
export function heapBytesAllocated(fn: () => void): number {
  gc?.();
  const profiler = new GCProfiler();
  profiler.start();
  const before = process.memoryUsage().heapUsed;
  fn();
  const after = process.memoryUsage().heapUsed;
  let freed = 0;
  for (const s of profiler.stop().statistics) {
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  }
  return after - before + freed;
}

/** |a − b| relative to the larger magnitude (0 when equal, including both 0). */
export function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
