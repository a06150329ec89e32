/**
 * The stability boundary found by experiment, not by formula: run the engine, let the trajectory
 * classifier say whether the run blew up, and bisect on the learning rate. Nothing here uses the
 * closed forms of stability.ts, so tests can hold one against the other.
 */
import { simulate, type SimResult } from '../run';
import type { RunSpec } from '../spec/types';
import { createSurface, type Surface } from '../surfaces';
import { classifyRun } from './classify';

export interface BoundSearchOptions {
  /** Steps per trial run: more steps resolve α closer to the edge (≈ 0.1/steps relative). */
  steps?: number;
  /** Stop when the bracket is this narrow relative to its upper end. */
  relTol?: number;
  /** Give up after this many trial runs. */
  maxTrials?: number;
}

export interface BoundSearch {
  /**
   * The middle of the final bracket: the largest α that still converges, to within what `steps`
   * can resolve (a run growing by less than about 1 + 1/steps per step looks bounded).
   */
  lr: number;
  /** The largest α tried that did not blow up, and the smallest that did. */
  stable: number;
  unstable: number;
  /** Trial runs made, and steps in each. */
  trials: number;
  steps: number;
}

/** The spec with another learning rate and step count. */
export function withLr(spec: RunSpec, lr: number, steps = spec.steps): RunSpec {
  return { ...spec, steps, optimizer: { ...spec.optimizer, lr } };
}

/** True when the engine's classifier calls the run at this α diverging. */
export function divergesAt(spec: RunSpec, lr: number, steps: number, surface: Surface = createSurface(spec.surface)): boolean {
  const r = simulate(withLr(spec, lr, steps), surface);
  return classifyRun(surface, r) === 'diverging';
}

/**
 * Bisection over α: double from the spec's own α until a run diverges, halve until one converges,
 * then split the bracket until it is relTol wide. Throws if no divergence is found (e.g. a surface
 * with no curvature), since then there is no boundary to report.
 */
export function largestStableLr(spec: RunSpec, opts: BoundSearchOptions = {}): BoundSearch {
  const steps = opts.steps ?? 20_000;
  const relTol = opts.relTol ?? 1e-6;
  const maxTrials = opts.maxTrials ?? 200;
  const surface = createSurface(spec.surface);
  let trials = 0;
  const diverges = (lr: number) => {
    trials++;
    return divergesAt(spec, lr, steps, surface);
  };
  let hi = spec.optimizer.lr > 0 ? spec.optimizer.lr : 1;
  let lo = 0;
  if (diverges(hi)) {
    lo = hi / 2;
    while (diverges(lo)) {
      hi = lo;
      lo /= 2;
      if (trials > maxTrials) throw new Error('no learning rate converged');
    }
  } else {
    lo = hi;
    hi *= 2;
    while (!diverges(hi)) {
      lo = hi;
      hi *= 2;
      if (trials > maxTrials) throw new Error('no learning rate diverged');
    }
  }
  while (hi - lo > relTol * hi && trials < maxTrials) {
    const mid = 0.5 * (lo + hi);
    if (diverges(mid)) hi = mid;
    else lo = mid;
  }
  return { lr: 0.5 * (lo + hi), stable: lo, unstable: hi, trials, steps };
}

/**
 * The per-step factor by which a run's error shrinks (or grows), read off its gradient norms:
 * (‖g_N‖/‖g_m‖)^(1/(N−m)) from step m (default: half way) to step N, the last one whose norm is
 * finite and within 10^±150 of the start's (so neither overflow nor underflow blurs it). On a
 * quadratic ‖g‖ = ‖H(w − c)‖, so once the slowest direction rules this is the error's rate.
 */
export function measuredRate(r: SimResult, from?: number): number {
  const g0 = r.gradNorm[0]!;
  let last = 0;
  while (last + 1 < r.length) {
    const g = r.gradNorm[last + 1]!;
    if (!(g <= g0 * 1e150 && g >= g0 * 1e-150)) break;
    last++;
  }
  const m = from ?? Math.floor(last / 2);
  if (last <= m) return last === r.length - 1 ? NaN : r.gradNorm[last + 1]! < g0 ? 0 : Infinity;
  const a = r.gradNorm[m]!;
  const b = r.gradNorm[last]!;
  return (b / a) ** (1 / (last - m));
}

/** The first step k at which ‖w_k − c‖ ≤ factor·‖w_0 − c‖; Infinity if the run never gets there. */
export function stepsToShrink(r: SimResult, center: readonly [number, number], factor: number): number {
  const dist = (k: number) => Math.hypot(r.w[r.dim * k]! - center[0], r.w[r.dim * k + 1]! - center[1]);
  const target = factor * dist(0);
  for (let k = 0; k < r.length; k++) if (dist(k) <= target) return k;
  return Infinity;
}
