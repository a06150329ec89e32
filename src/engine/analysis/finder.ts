import { simulate, type SimResult } from '../run';
import type { RunSpec } from '../spec/types';

/**
 * The learning-rate finder as fastai's `Learner.lr_find` runs it: a short run whose rate grows
 * exponentially from startLr towards endLr, recording the loss of each mini-batch smoothed by a
 * debiased EMA, stopped early once that smoothed loss passes divFactor × its best value.
 */
export interface FinderSettings {
  startLr: number;
  endLr: number;
  /** Iterations of the sweep: iteration i = 0 … numIt − 1 uses startLr·(endLr/startLr)^(i/numIt). */
  numIt: number;
  /** The Recorder's smoothing (AvgSmoothLoss's beta). */
  beta: number;
  /** stop_div: stop once the smoothed loss exceeds divFactor × the best smoothed loss so far. */
  divFactor: number;
}

/** fastai's defaults: lr_find(start_lr=1e-7, end_lr=10, num_it=100, stop_div=True), beta 0.98, 4×. */
export const FASTAI_FINDER: FinderSettings = { startLr: 1e-7, endLr: 10, numIt: 100, beta: 0.98, divFactor: 4 };

/** fastai's sweep (SchedExp at pct = i/numIt): startLr·(endLr/startLr)^(i/numIt). */
export function sweepLr(i: number, s: Pick<FinderSettings, 'startLr' | 'endLr' | 'numIt'>): number {
  return s.startLr * (s.endLr / s.startLr) ** (i / s.numIt);
}

/** The ExponentialLR γ that reproduces the sweep from base lr = startLr: γ = (endLr/startLr)^(1/numIt). */
export function sweepGamma(s: Pick<FinderSettings, 'startLr' | 'endLr' | 'numIt'>): number {
  return (s.endLr / s.startLr) ** (1 / s.numIt);
}

/**
 * The run spec of the sweep: `base`'s surface, start, noise and seed, plain SGD from lr = startLr
 * with the exponential schedule, numIt steps (one more point than the sweep records is harmless).
 */
export function finderSpec(base: RunSpec, s: FinderSettings = FASTAI_FINDER): RunSpec {
  return {
    ...base,
    optimizer: { kind: 'sgd', lr: s.startLr, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
    schedule: { kind: 'exponential', gamma: sweepGamma(s) },
    clip: null,
    steps: s.numIt,
  };
}

/** The Recorder's smoothed loss: avg ← β·avg + (1−β)·loss from avg = 0, reported as avg/(1 − β^(i+1)). */
export function smoothLosses(loss: ArrayLike<number>, beta: number): Float64Array {
  const out = new Float64Array(loss.length);
  let avg = 0;
  for (let i = 0; i < loss.length; i++) {
    avg = beta * avg + (1 - beta) * loss[i]!;
    out[i] = avg / (1 - beta ** (i + 1));
  }
  return out;
}

export type StopReason = 'diverged' | 'nonFinite' | 'finished';

export interface Sweep {
  /** Per recorded iteration: the rate it used, its raw mini-batch loss and the smoothed loss. */
  lrs: number[];
  raw: number[];
  smooth: number[];
  /** Why the sweep ended, and at which iteration (the last recorded one; for nonFinite, the first unrecorded). */
  reason: StopReason;
  stopIndex: number;
  /** The best smoothed loss and its iteration. */
  best: number;
  bestIndex: number;
}

/**
 * Records a sweep from a loss series (loss[i] = the loss of iteration i, computed before its step).
 * Iteration i is recorded, then best is updated, then the divergence test stops the sweep (so the
 * point that tripped it is the last recorded one, as fastai's Recorder keeps it). A non-finite
 * loss stops the sweep without being recorded.
 */
export function recordSweep(lossOf: (i: number) => number, lrOf: (i: number) => number, s: FinderSettings): Sweep {
  const lrs: number[] = [], raw: number[] = [], smooth: number[] = [];
  let avg = 0, best = Infinity, bestIndex = -1;
  for (let i = 0; i < s.numIt; i++) {
    const loss = lossOf(i);
    if (!Number.isFinite(loss)) return { lrs, raw, smooth, reason: 'nonFinite', stopIndex: i, best, bestIndex };
    avg = s.beta * avg + (1 - s.beta) * loss;
    const sm = avg / (1 - s.beta ** (i + 1));
    if (!Number.isFinite(sm)) return { lrs, raw, smooth, reason: 'nonFinite', stopIndex: i, best, bestIndex };
    lrs.push(lrOf(i));
    raw.push(loss);
    smooth.push(sm);
    if (sm < best) { best = sm; bestIndex = i; }
    if (sm > s.divFactor * best) return { lrs, raw, smooth, reason: 'diverged', stopIndex: i, best, bestIndex };
  }
  return { lrs, raw, smooth, reason: 'finished', stopIndex: s.numIt - 1, best, bestIndex };
}

/** Runs the sweep in the engine: the losses and rates are the engine's own record of finderSpec(base). */
export function lrFind(base: RunSpec, s: FinderSettings = FASTAI_FINDER): Sweep & { record: SimResult } {
  const record = simulate(finderSpec(base, s));
  const sweep = recordSweep((i) => (i < record.length ? record.loss[i]! : NaN), (i) => record.lr[i]!, s);
  return { ...sweep, record };
}

export interface Suggestion {
  lr: number;
  /** The iteration (index into the sweep) the rule picked. */
  index: number;
}

/** 'minimum': the rate at the lowest loss, divided by 10 (fastai's `minimum`). */
export function suggestMinimum(lrs: readonly number[], losses: readonly number[]): Suggestion {
  let k = 0;
  for (let i = 1; i < losses.length; i++) if (losses[i]! < losses[k]!) k = i;
  return { lr: lrs[k]! / 10, index: k };
}

/** 'steep': the rate at the start of the steepest fall, min over i of (Lᵢ₊₁ − Lᵢ)/(ln αᵢ₊₁ − ln αᵢ) (fastai's `steep`). */
export function suggestSteep(lrs: readonly number[], losses: readonly number[]): Suggestion {
  let k = 0, slope = Infinity;
  for (let i = 0; i + 1 < losses.length; i++) {
    const d = (losses[i + 1]! - losses[i]!) / (Math.log(lrs[i + 1]!) - Math.log(lrs[i]!));
    if (d < slope) { slope = d; k = i; }
  }
  return { lr: lrs[k]!, index: k };
}

/**
 * Both suggestions on the smoothed losses, trimmed as lr_find trims them before suggesting:
 * the first ⌊numIt/10⌋ and the last 5 recorded iterations are left out. Indices refer to the sweep.
 */
export function suggest(sweep: Sweep, numIt: number, skipEnd = 5): { minimum: Suggestion; steep: Suggestion } | null {
  const from = Math.floor(numIt / 10);
  const to = sweep.smooth.length - skipEnd;
  if (to - from < 2) return null;
  const lrs = sweep.lrs.slice(from, to), losses = sweep.smooth.slice(from, to);
  const m = suggestMinimum(lrs, losses), st = suggestSteep(lrs, losses);
  return { minimum: { lr: m.lr, index: m.index + from }, steep: { lr: st.lr, index: st.index + from } };
}
