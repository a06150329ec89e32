import type { Adagrad, Adam, Rmsprop, Sgd } from './optimizers';
import type { NonFinite, Run, SimResult } from './run';
import { scheduleFactor } from './schedule';
import type { RunSpec } from './spec/types';

/*
 * Run.advance's stepping loops for two parameters (every surface), one per optimizer class. The
 * four loops are the same text on purpose: each is its own function with its own type feedback, so
 * its `o.step` call has a single target and TurboFan inlines it along with the surface's
 * valueAndGrad. (One shared loop sees four step methods at that call; their bytecode exceeds
 * TurboFan's inlining budget, so none is inlined and every step is a real call with a boxed rate.)
 * The body is Run.advanceAny's with n = 2 written out: the same float operations in the same order,
 * with the rare paths (noise, clipping, the overflow-safe norm, schedules, naming what went
 * non-finite) behind branches and calls that a plain run never takes. Keep the loops this small:
 * everything inlined into one loop shares a budget of about 900 bytes of bytecode.
 */

export const CLIP_EPS = 1e-6; // torch.nn.utils.clip_grad_norm_: coef = max_norm / (total_norm + 1e-6)

/** What a stepping loop reads from the spec, once per advance. */
export function settings(spec: RunSpec) {
  return {
    base: spec.optimizer.lr,
    schedule: spec.schedule,
    constant: spec.schedule.kind === 'constant',
    noiseStd: spec.noise ? spec.noise.std / Math.sqrt(spec.noise.batchSize) : 0,
    maxNorm: spec.clip ? spec.clip.maxNorm : 0,
  };
}

/** ‖g‖₂ as torch computes it, rescaled only when the plain sum of squares would overflow. */
export function norm2(g: Float64Array): number {
  let sq = 0;
  for (let i = 0; i < g.length; i++) sq += g[i]! * g[i]!;
  if (sq !== Infinity) return Math.sqrt(sq);
  let big = 0;
  for (let i = 0; i < g.length; i++) big = Math.max(big, Math.abs(g[i]!));
  if (big === Infinity) return Infinity;
  sq = 0;
  for (let i = 0; i < g.length; i++) sq += (g[i]! / big) ** 2;
  return big * Math.sqrt(sq);
}

/** torch.nn.utils.clip_grad_norm_ on g, given ‖g‖. */
function clip(g: Float64Array, maxNorm: number, norm: number): void {
  const coef = maxNorm / (norm + CLIP_EPS);
  if (coef < 1) for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
}

export function sgdLoop(run: Run, o: Sgd, out: SimResult, until: number): NonFinite | null {
  const { objective, w, g } = run;
  const { base, schedule, constant, noiseStd, maxNorm } = settings(run.spec);
  const { w: ws, loss, gradNorm, lr } = out;
  for (let k = run.k; ; k++) {
    const f = objective.valueAndGrad(w, g);
    if (noiseStd !== 0) run.addNoise(g, noiseStd);
    const g0 = g[0]!, g1 = g[1]!, sq = g0 * g0 + g1 * g1; // = (0 + g0²) + g1², advanceAny's sum
    const norm = sq === Infinity ? norm2(g) : Math.sqrt(sq);
    const lr_k = constant ? base : base * scheduleFactor(schedule, k);
    const w0 = w[0]!, w1 = w[1]!;
    ws[2 * k] = w0; ws[2 * k + 1] = w1; loss[k] = f; gradNorm[k] = norm; lr[k] = lr_k;
    if (!Number.isFinite(f * 0 + norm * 0 + lr_k * 0 + w0 * 0 + w1 * 0) || k >= until) return run.stopAt(out, k);
    if (maxNorm !== 0) clip(g, maxNorm, norm);
    o.step(w, g, lr_k);
  }
}

export function adamLoop(run: Run, o: Adam, out: SimResult, until: number): NonFinite | null {
  const { objective, w, g } = run;
  const { base, schedule, constant, noiseStd, maxNorm } = settings(run.spec);
  const { w: ws, loss, gradNorm, lr } = out;
  for (let k = run.k; ; k++) {
    const f = objective.valueAndGrad(w, g);
    if (noiseStd !== 0) run.addNoise(g, noiseStd);
    const g0 = g[0]!, g1 = g[1]!, sq = g0 * g0 + g1 * g1;
    const norm = sq === Infinity ? norm2(g) : Math.sqrt(sq);
    const lr_k = constant ? base : base * scheduleFactor(schedule, k);
    const w0 = w[0]!, w1 = w[1]!;
    ws[2 * k] = w0; ws[2 * k + 1] = w1; loss[k] = f; gradNorm[k] = norm; lr[k] = lr_k;
    if (!Number.isFinite(f * 0 + norm * 0 + lr_k * 0 + w0 * 0 + w1 * 0) || k >= until) return run.stopAt(out, k);
    if (maxNorm !== 0) clip(g, maxNorm, norm);
    o.step(w, g, lr_k);
  }
}

export function rmspropLoop(run: Run, o: Rmsprop, out: SimResult, until: number): NonFinite | null {
  const { objective, w, g } = run;
  const { base, schedule, constant, noiseStd, maxNorm } = settings(run.spec);
  const { w: ws, loss, gradNorm, lr } = out;
  for (let k = run.k; ; k++) {
    const f = objective.valueAndGrad(w, g);
    if (noiseStd !== 0) run.addNoise(g, noiseStd);
    const g0 = g[0]!, g1 = g[1]!, sq = g0 * g0 + g1 * g1;
    const norm = sq === Infinity ? norm2(g) : Math.sqrt(sq);
    const lr_k = constant ? base : base * scheduleFactor(schedule, k);
    const w0 = w[0]!, w1 = w[1]!;
    ws[2 * k] = w0; ws[2 * k + 1] = w1; loss[k] = f; gradNorm[k] = norm; lr[k] = lr_k;
    if (!Number.isFinite(f * 0 + norm * 0 + lr_k * 0 + w0 * 0 + w1 * 0) || k >= until) return run.stopAt(out, k);
    if (maxNorm !== 0) clip(g, maxNorm, norm);
    o.step(w, g, lr_k);
  }
}

export function adagradLoop(run: Run, o: Adagrad, out: SimResult, until: number): NonFinite | null {
  const { objective, w, g } = run;
  const { base, schedule, constant, noiseStd, maxNorm } = settings(run.spec);
  const { w: ws, loss, gradNorm, lr } = out;
  for (let k = run.k; ; k++) {
    const f = objective.valueAndGrad(w, g);
    if (noiseStd !== 0) run.addNoise(g, noiseStd);
    const g0 = g[0]!, g1 = g[1]!, sq = g0 * g0 + g1 * g1;
    const norm = sq === Infinity ? norm2(g) : Math.sqrt(sq);
    const lr_k = constant ? base : base * scheduleFactor(schedule, k);
    const w0 = w[0]!, w1 = w[1]!;
    ws[2 * k] = w0; ws[2 * k + 1] = w1; loss[k] = f; gradNorm[k] = norm; lr[k] = lr_k;
    if (!Number.isFinite(f * 0 + norm * 0 + lr_k * 0 + w0 * 0 + w1 * 0) || k >= until) return run.stopAt(out, k);
    if (maxNorm !== 0) clip(g, maxNorm, norm);
    o.step(w, g, lr_k);
  }
}
