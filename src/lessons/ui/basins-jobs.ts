import { largeHistogram, NUDGE, smallHistogram, type ScheduleKind } from './basins-presets';

/** The figure's computation, shared by the worker and the main-thread fallback (no React here). */
export interface BasinsJob { id: number; seed: number; lr: number; kind: ScheduleKind; noisy: boolean }

export interface BasinsResult {
  id: number;
  small: { same: number; meanLoss: number; startCounts: number[]; smallCounts: number[] };
  large: { counts: number[]; none: number; meanLoss: number };
  nudgedA: number;
  /** Runs whose end basin changes when every start moves by NUDGE. */
  moved: number;
  ms: number;
}

/** The three histograms of the figure: start basins, small-α ends, large-α ends (and their nudged twin). */
export function computeHistograms(job: BasinsJob): BasinsResult {
  const t0 = performance.now();
  const small = smallHistogram(job.seed);
  const large = largeHistogram(job.seed, job.lr, job.kind, job.noisy);
  const nudged = largeHistogram(job.seed, job.lr, job.kind, job.noisy, NUDGE);
  let moved = 0;
  for (let i = 0; i < large.basins.length; i++) if (large.basins[i] !== nudged.basins[i]) moved++;
  return {
    id: job.id,
    small: { same: small.same, meanLoss: small.meanLoss, startCounts: small.startCounts.counts, smallCounts: small.smallCounts.counts },
    large: { counts: large.counts.counts, none: large.counts.none, meanLoss: large.meanLoss },
    nudgedA: nudged.counts.counts[0]!,
    moved,
    ms: performance.now() - t0,
  };
}
