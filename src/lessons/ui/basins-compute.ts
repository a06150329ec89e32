import { useEffect, useRef, useState } from 'react';
import type { ScheduleKind } from './basins-presets';
import { computeHistograms, type BasinsJob, type BasinsResult } from './basins-jobs';

/**
 * The histograms for the current settings, computed in a Web Worker (one per mounted figure,
 * terminated on unmount); a newer request supersedes an older one. null until the first arrives.
 * Without Worker support (tests, old browsers) it computes on the main thread after render.
 */
export function useBasinsHistograms(seed: number, lr: number, kind: ScheduleKind, noisy: boolean): BasinsResult | null {
  const [result, setResult] = useState<BasinsResult | null>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const w = new Worker(new URL('./basins.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<BasinsResult>) => {
      if (e.data.id === latest.current) setResult(e.data);
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);
  useEffect(() => {
    const job: BasinsJob = { id: ++latest.current, seed, lr, kind, noisy };
    if (worker.current) worker.current.postMessage(job);
    else setResult(computeHistograms(job));
  }, [seed, lr, kind, noisy]);
  return result;
}
