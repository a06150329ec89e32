import { createSurface, SURFACE_DEFAULTS, simulate, type NoiseSpec, type RunSpec, type ScheduleSpec, type Vec2, type WellsSpec } from '../../engine';
import { basinOf, endBasins, endPoint, histogram, sameBasinFraction, seededStarts, startBasins } from '../../engine/analysis/basins';
import { preset, specOf } from '../preset';

/** The lab's default wells surface: three Gaussian wells of depth 2, 1.2 and 1 in a bowl q = 0.1. */
export const WELLS: WellsSpec = { kind: 'wells', bowl: SURFACE_DEFAULTS.wells.bowl, wells: SURFACE_DEFAULTS.wells.wells.map((w) => ({ ...w, center: [...w.center] as Vec2 })) };
export const SURFACE = createSurface(WELLS);
/** Basin names, lowest minimum first (the surface lists its minima lowest first). */
export const NAMES = ['A', 'B', 'C'] as const;
export const STEPS = 500;
export const SMALL_LR = 0.1;
export const BIG_LR = 2.5;
export const PEAKS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5] as const;
export const STARTS = 500;
export const SEED = 1;
/** Per-coordinate gradient noise σ/√B = 0.5 for the noisy variant. */
export const NOISE: NoiseSpec = { batchSize: 1, std: 0.5 };
/** How far the chaos check moves every start. */
export const NUDGE = 1e-12;

export type ScheduleKind = 'cosine' | 'restarts' | 'constant';
export const SCHEDULE_LABELS: Record<ScheduleKind, string> = {
  cosine: `cosine annealing to 0 over ${STEPS} steps`,
  restarts: `cosine with warm restarts, 4 cycles of ${STEPS / 4} steps`,
  constant: 'constant (no schedule)',
};

export function scheduleOf(kind: ScheduleKind): ScheduleSpec {
  if (kind === 'cosine') return { kind: 'warmupCosine', warmupSteps: 0, totalSteps: STEPS, minFactor: 0 };
  if (kind === 'restarts') return { kind: 'cosineRestarts', t0: STEPS / 4, tMult: 1, minFactor: 0 };
  return { kind: 'constant' };
}

/** Plain SGD on the wells from `start` (the histogram swaps the start and the noise seed per run). */
export function wellsSpec(lr: number, kind: ScheduleKind, noisy = false, start: Vec2 = [0, 0]): RunSpec {
  return specOf(preset({ surface: WELLS, start, steps: STEPS, runs: [{ optimizer: { kind: 'sgd', lr }, schedule: scheduleOf(kind), noise: noisy ? NOISE : null }] }));
}

export function startsFor(seed: number): Vec2[] {
  return seededStarts(SURFACE.viewBox, STARTS, seed);
}

/** Start basins and the small-α runs' end basins for one seed of starts. */
export function smallHistogram(seed = SEED) {
  const starts = startsFor(seed);
  const start = startBasins(SURFACE, starts);
  const loss = new Float64Array(STARTS);
  const small = endBasins(SURFACE, wellsSpec(SMALL_LR, 'constant'), starts, undefined, loss);
  return { starts, start, small, meanLoss: loss.reduce((a, b) => a + b, 0) / STARTS, same: sameBasinFraction(start, small), startCounts: histogram(start, 3), smallCounts: histogram(small, 3) };
}

/** End basins of the large-α runs under a schedule; `nudge` moves every start by (+nudge, −nudge). */
export function largeHistogram(seed = SEED, lr = BIG_LR, kind: ScheduleKind = 'cosine', noisy = false, nudge = 0) {
  const loss = new Float64Array(STARTS);
  const starts = startsFor(seed).map(([x, y]): Vec2 => [x + nudge, y - nudge]);
  const basins = endBasins(SURFACE, wellsSpec(lr, kind, noisy), starts, undefined, loss);
  return { basins, counts: histogram(basins, 3), meanLoss: loss.reduce((a, b) => a + b, 0) / STARTS };
}

/** The share of starts (and of annealed ends) in the deepest basin, for the question. */
export function deepestShares(seed = SEED, lr = BIG_LR, kind: ScheduleKind = 'cosine', noisy = false) {
  const s = smallHistogram(seed);
  const l = largeHistogram(seed, lr, kind, noisy);
  return { start: s.startCounts.counts[0]! / STARTS, large: l.counts.counts[0]! / STARTS };
}

/** Index of the first of the default seed's starts outside A's basin whose annealed run ends in A. */
export function demoIndex(): number {
  const starts = startsFor(SEED);
  const big = wellsSpec(BIG_LR, 'cosine');
  for (let i = 0; i < starts.length; i++) {
    if (basinOf(SURFACE, starts[i]!) === 0) continue;
    if (basinOf(SURFACE, endPoint(simulate({ ...big, start: starts[i]! }))) === 0) return i;
  }
  return 0;
}

export const demoStart = (): Vec2 => startsFor(SEED)[demoIndex()]!;

const sgd = (lr: number) => ({ kind: 'sgd' as const, lr });

export const pairDoc = () => preset({
  surface: WELLS, start: demoStart(), steps: STEPS,
  runs: [{ optimizer: sgd(SMALL_LR) }, { optimizer: sgd(BIG_LR), schedule: scheduleOf('cosine') }],
});

export const schedulesDoc = () => preset({
  surface: WELLS, start: demoStart(), steps: STEPS,
  runs: [
    { optimizer: sgd(BIG_LR), schedule: scheduleOf('cosine') },
    { optimizer: sgd(BIG_LR), schedule: scheduleOf('restarts') },
    { optimizer: sgd(BIG_LR), schedule: scheduleOf('constant') },
  ],
});

export const noisyDoc = () => preset({
  surface: WELLS, start: demoStart(), steps: STEPS,
  runs: [{ optimizer: sgd(BIG_LR), schedule: scheduleOf('cosine'), noise: NOISE, seed: 1 }],
});

/** The question's options: how the annealed runs' share of A compares with the starts' share. */
export const SHARE_CHOICES = {
  more: 'clearly more often than they start there (over 10 points more)',
  same: 'about as often as they start there (within 10 points)',
  fewer: 'clearly less often (over 10 points fewer)',
} as const;

export function shareBand(start: number, large: number): keyof typeof SHARE_CHOICES {
  return large > start + 0.1 ? 'more' : large < start - 0.1 ? 'fewer' : 'same';
}
