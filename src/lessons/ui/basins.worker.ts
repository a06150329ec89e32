/// <reference lib="webworker" />
// The basin histograms (1500 runs of 500 steps) off the main thread: a lesson page stays responsive.
import { type BasinsJob, computeHistograms } from './basins-jobs';

self.onmessage = (e: MessageEvent<BasinsJob>) => {
  const result = computeHistograms(e.data);
  (self as unknown as Worker).postMessage(result);
};
