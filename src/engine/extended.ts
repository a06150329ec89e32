import { CLIP_EPS, norm2, settings } from './loops';
import { roundTo } from './precision';
import { nonFiniteAt, recordPoint, type NonFinite, type Run, type SimResult } from './run';
import { scheduleFactor } from './schedule';
import type { RunSpec } from './spec/types';

/*
 * The stepping loop for runs with training-loop extras: a bad batch, guards in front of the step
 * (skip-batch rule, non-finite filter) and reduced precision with dynamic loss scaling. Runs without
 * them never come here (they take loops.ts's fast loops). Per step k, in this order:
 *   1. f, g = loss and gradient at w_k (float64); gradient noise; the bad batch at its step.
 *   2. Precision: loss ← round_compute(f); g ← round_params(round_compute(g·S) / S), S the loss scale.
 *   3. ‖g‖ (torch's global 2-norm; ∞ or NaN when g is).
 *   4. Loss scaling: a non-finite g skips the step (GradScaler.step) and S ← S·backoff; otherwise
 *      after growthInterval clean steps in a row S ← S·growth (GradScaler.update).
 *   5. Guards: skip when g or the loss is non-finite (filter), or when ‖g‖ > factor × the running
 *      average of accepted norms. NaN compares false, so the ratio rule alone lets a NaN through.
 *   6. Unless skipped: clip_grad_norm_, optimizer.step, then w rounded to the params format.
 * A skipped step leaves w and the optimizer state as they were; the record marks it in `events`.
 */

/** Bit flags in SimResult.events. */
export const EVENT = { badBatch: 1, skipped: 2, overflow: 4 } as const;

/** Whether a spec needs the extended loop. */
export function hasExtras(spec: RunSpec): boolean {
  return spec.badBatch !== null || spec.guard !== null || spec.precision !== null;
}

/** What the extended loop carries from step to step (on the Run, so `continue` keeps it). */
export class LoopState {
  /** Running average of accepted ‖g‖ (NaN until the first accepted step). */
  avgNorm = NaN;
  /** The loss scale S (1 without loss scaling). */
  scale = 1;
  /** Clean steps since the scale last changed. */
  tracker = 0;

  constructor(spec: RunSpec) {
    this.adopt(spec, null);
  }

  /** Takes a (re)configured spec: loss scaling switched on starts from its init scale. */
  adopt(spec: RunSpec, old: RunSpec | null): void {
    const ls = spec.precision?.lossScale ?? null;
    if (!ls) {
      this.scale = 1;
      this.tracker = 0;
    } else if (!old?.precision?.lossScale) {
      this.scale = ls.init;
      this.tracker = 0;
    }
  }
}

export function extendedLoop(run: Run, out: SimResult, until: number): NonFinite | null {
  const { objective, optimizer, w, g, loop } = run;
  const n = w.length;
  const spec = run.spec;
  const { base, schedule, constant, noiseStd, maxNorm } = settings(spec);
  const bad = spec.badBatch;
  const guard = spec.guard;
  const prec = spec.precision;
  const ls = prec?.lossScale ?? null;
  const { events, lossScale } = out;
  for (let k = run.k; ; k++) {
    const f = objective.valueAndGrad(w, g);
    if (noiseStd !== 0) run.addNoise(g, noiseStd);
    let ev = 0;
    if (bad && k === bad.step) {
      ev |= EVENT.badBatch;
      const v = bad.kind === 'nan' ? NaN : Infinity;
      for (let i = 0; i < n; i++) g[i] = bad.kind === 'outlier' ? g[i]! * bad.scale : v;
    }
    const S = loop.scale;
    let loss_k = f;
    if (prec) {
      loss_k = roundTo(prec.compute, f);
      for (let i = 0; i < n; i++) g[i] = roundTo(prec.params, roundTo(prec.compute, g[i]! * S) / S);
    }
    const norm = norm2(g);
    const lr_k = constant ? base : base * scheduleFactor(schedule, k);
    let check = recordPoint(out, k, w, loss_k, norm, lr_k);
    if (lossScale) lossScale[k] = S;

    const finiteG = Number.isFinite(norm);
    let skip = false;
    if (ls && !finiteG) {
      skip = true;
      ev |= EVENT.overflow;
    } else if (guard) {
      if (guard.skipNonFinite && (!finiteG || !Number.isFinite(loss_k))) skip = true;
      else if (guard.skipFactor > 0 && norm > guard.skipFactor * loop.avgNorm) skip = true;
      if (!skip && finiteG) loop.avgNorm = Number.isNaN(loop.avgNorm) ? norm : guard.beta * loop.avgNorm + (1 - guard.beta) * norm;
    }
    if (skip) ev |= EVENT.skipped;
    if (events) events[k] = ev;
    // A skipped non-finite gradient is caught, not a failure: it stays out of the check.
    if (!skip) check += norm * 0;
    if (!Number.isFinite(check) || k >= until) {
      run.k = k;
      out.length = k + 1;
      return Number.isFinite(check) ? null : nonFiniteAt(k, w, loss_k, g, norm, lr_k);
    }
    if (ls) {
      if (!finiteG) {
        loop.scale = S * ls.backoffFactor;
        loop.tracker = 0;
      } else if (++loop.tracker === ls.growthInterval) {
        loop.scale = S * ls.growthFactor;
        loop.tracker = 0;
      }
    }
    if (skip) continue;
    if (maxNorm !== 0) {
      const coef = maxNorm / (norm + CLIP_EPS);
      if (coef < 1) for (let i = 0; i < n; i++) g[i] = g[i]! * coef;
    }
    optimizer.step(w, g, lr_k);
    if (prec) for (let i = 0; i < n; i++) w[i] = roundTo(prec.params, w[i]!);
  }
}
