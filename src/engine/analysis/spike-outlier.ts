import { EVENT } from '../extended';
import { simulate, type SimResult } from '../run';
import type { BadBatchSpec, GuardSpec, RunSpec } from '../spec/types';
import { createSurface, type Surface } from '../surfaces';
import { symmetricEigen2 } from './eigen';

/*
 * What one bad batch does to a run: the spike it causes, whether and when the loss comes back, where
 * the outlier's step lands and how sharp the surface is there, and what a guarded twin does with it.
 * Every number comes from simulate(); nothing here steps the optimizer itself.
 */

/** λmax of the surface's Hessian at w (NaN when w is not finite). */
export function lambdaMaxAt(surface: Surface, w: readonly [number, number]): number {
  if (!Number.isFinite(w[0]) || !Number.isFinite(w[1])) return NaN;
  const h = new Float64Array(3);
  surface.hessian(w[0], w[1], h);
  return symmetricEigen2(h[0]!, h[1]!, h[2]!).lambdaMax;
}

/** Point k of a recorded 2-D run. */
export function pointAt(r: SimResult, k: number): [number, number] {
  return [r.w[r.dim * k]!, r.w[r.dim * k + 1]!];
}

export interface SpikeReport {
  /** The bad batch's step s. */
  step: number;
  /** f(w_s): the loss just before the bad update. */
  before: number;
  /** f(w_{s+1}): the loss right after it (NaN when the run stopped at s). */
  after: number;
  /** after / before. */
  ratio: number;
  /** ‖g_s‖ as recorded (the bad batch's gradient norm) and the length of the bad step. */
  badNorm: number;
  jump: number;
  /** Where the bad step lands and λmax of the Hessian there; limit = 2/α (at step s's rate). */
  landing: [number, number] | null;
  landingLambda: number;
  limit: number;
  /** Steps after s until the loss is back at or below f(w_s) (null: never, within the run). */
  recoveredAfter: number | null;
  /** The step where the run went non-finite (null: it finished). */
  stoppedAt: number | null;
  /** The final loss of the run (NaN when it stopped). */
  endLoss: number;
}

/** The spike report of a run whose spec has a bad batch at step s (the run itself is simulated here). */
export function spikeReport(spec: RunSpec, r: SimResult = simulate(spec)): SpikeReport {
  const s = spec.badBatch?.step ?? 0;
  const before = s < r.length ? r.loss[s]! : NaN;
  const has = s + 1 < r.length;
  const landing = has ? pointAt(r, s + 1) : null;
  let recoveredAfter: number | null = null;
  for (let k = s + 1; k < r.length; k++) {
    if (r.loss[k]! <= before) {
      recoveredAfter = k - s;
      break;
    }
  }
  const from = s < r.length ? pointAt(r, s) : ([NaN, NaN] as [number, number]);
  const jump = landing ? Math.hypot(landing[0] - from[0], landing[1] - from[1]) : NaN;
  const after = has ? r.loss[s + 1]! : NaN;
  return {
    step: s,
    before,
    after,
    ratio: after / before,
    badNorm: s < r.length ? r.gradNorm[s]! : NaN,
    jump,
    landing,
    landingLambda: landing ? lambdaMaxAt(createSurface(spec.surface), landing) : NaN,
    limit: 2 / (s < r.length ? r.lr[s]! : spec.optimizer.lr),
    recoveredAfter,
    stoppedAt: r.stoppedAt,
    endLoss: r.stoppedAt === null ? r.loss[r.length - 1]! : NaN,
  };
}

/** λmax at each point from step `from` to the end of a recorded run (NaN where w is not finite). */
export function lambdaPath(spec: RunSpec, r: SimResult, from: number): number[] {
  const surface = createSurface(spec.surface);
  const out: number[] = [];
  for (let k = from; k < r.length; k++) out.push(lambdaMaxAt(surface, pointAt(r, k)));
  return out;
}

/** A spec with a different bad batch and guard (the rest unchanged). */
export function withBatch(spec: RunSpec, badBatch: BadBatchSpec | null, guard: GuardSpec | null = spec.guard): RunSpec {
  return { ...spec, badBatch, guard };
}

/** How a guarded run treated its bad batch, compared with the clean run (same spec, no bad batch, no guard). */
export interface GuardOutcome {
  /** Whether the guard skipped step s. */
  skipped: boolean;
  /** Steps skipped in the whole run. */
  skips: number;
  stoppedAt: number | null;
  /**
   * Largest |w_k − w_clean,k−1| over k = s+1 … end, per coordinate: 0 means that from step s + 1 on
   * the guarded run is exactly the clean run one step late (null when the run stopped before s + 1).
   */
  lateBy1: number | null;
}

export function guardOutcome(spec: RunSpec, r: SimResult = simulate(spec), clean: SimResult = simulate(withBatch(spec, null, null))): GuardOutcome {
  const s = spec.badBatch?.step ?? 0;
  const ev = r.events;
  let skips = 0;
  if (ev) for (let k = 0; k < r.length; k++) if ((ev[k]! & EVENT.skipped) !== 0) skips++;
  const skipped = ev !== null && s < r.length && (ev[s]! & EVENT.skipped) !== 0;
  let lateBy1: number | null = null;
  if (r.stoppedAt === null && s + 1 < r.length) {
    lateBy1 = 0;
    for (let k = s + 1; k < r.length && k - 1 < clean.length; k++) {
      for (let i = 0; i < r.dim; i++) lateBy1 = Math.max(lateBy1, Math.abs(r.w[r.dim * k + i]! - clean.w[r.dim * (k - 1) + i]!));
    }
  }
  return { skipped, skips, stoppedAt: r.stoppedAt, lateBy1 };
}

/**
 * The skip rule's threshold at step s: factor × the running average of the ‖g‖ accepted before s
 * (avg ← β·avg + (1 − β)·‖g‖, started at the first accepted norm), recomputed from a guarded run's record.
 */
export function skipThreshold(r: SimResult, guard: GuardSpec, s: number): number {
  let avg = NaN;
  for (let k = 0; k < s && k < r.length; k++) {
    const n = r.gradNorm[k]!;
    const skipped = r.events !== null && (r.events[k]! & EVENT.skipped) !== 0;
    if (skipped || !Number.isFinite(n)) continue;
    avg = Number.isNaN(avg) ? n : guard.beta * avg + (1 - guard.beta) * n;
  }
  return guard.skipFactor * avg;
}

/**
 * GD on a convex quadratic whose loss is dominated by one direction of curvature λ: an outlier ×c
 * multiplies that error by (1 − αcλ) once, then ordinary steps shrink it by |1 − αλ| each. The loss
 * jumps by (1 − αcλ)² and is back at its pre-spike level 1 + ⌈ln|1 − αcλ| / −ln|1 − αλ|⌉ steps
 * after the bad batch (the bad step, then the steps that undo it).
 */
export function bowlForecast(lr: number, scale: number, lambda: number): { ratio: number; recoveredAfter: number } {
  const kick = Math.abs(1 - lr * scale * lambda);
  const shrink = Math.abs(1 - lr * lambda);
  return { ratio: kick * kick, recoveredAfter: 1 + Math.max(0, Math.ceil(Math.log(kick) / -Math.log(shrink))) };
}
