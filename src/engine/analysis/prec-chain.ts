import { createOptimizer } from '../optimizers';
import { roundTo } from '../precision';
import { scheduleFactor } from '../schedule';
import type { RunSpec } from '../spec/types';
import { createSurface } from '../surfaces';

/*
 * What happens after the first non-finite value. The engine's runner stops there (the record is
 * meaningless afterwards); this helper keeps stepping with the same operations, in the same order
 * as the extended loop (gradient, bad batch, rounding to the formats, optimizer step, parameters
 * rounded), so a lesson can show an Inf turning into a NaN. Only specs without loss scaling,
 * guards, clipping or noise: those would change the arithmetic this helper replays.
 */

export interface ChainStep {
  step: number;
  /** w_k, the parameters before step k. */
  w: number[];
  /** The loss at w_k, in the compute format. */
  loss: number;
  /** The gradient step k uses, after the bad batch and rounding. */
  grad: number[];
  lr: number;
}

export type Kind = 'finite' | '+inf' | '-inf' | 'nan';

export function kindOf(v: number): Kind {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return '+inf';
  if (v === -Infinity) return '-inf';
  return 'finite';
}

/** Steps 0 … steps of a run, never stopping at a non-finite value. */
export function chainRun(spec: RunSpec, steps = spec.steps): ChainStep[] {
  if (spec.noise || spec.clip || spec.guard || spec.precision?.lossScale) {
    throw new Error('chainRun replays only runs without noise, clipping, guards or loss scaling');
  }
  const surface = createSurface(spec.surface);
  const optimizer = createOptimizer(spec.optimizer, surface.dim);
  const prec = spec.precision;
  const bad = spec.badBatch;
  const params = (v: number) => (prec ? roundTo(prec.params, v) : v);
  const compute = (v: number) => (prec ? roundTo(prec.compute, v) : v);
  const w = Float64Array.from(spec.start, params);
  const g = new Float64Array(surface.dim);
  const out: ChainStep[] = [];
  for (let k = 0; k <= steps; k++) {
    const f = surface.valueAndGrad(w, g);
    if (bad && k === bad.step) {
      for (let i = 0; i < g.length; i++) g[i] = bad.kind === 'outlier' ? g[i]! * bad.scale : bad.kind === 'nan' ? NaN : Infinity;
    }
    for (let i = 0; i < g.length; i++) g[i] = params(compute(g[i]!));
    const lr = spec.optimizer.lr * scheduleFactor(spec.schedule, k);
    out.push({ step: k, w: Array.from(w), loss: compute(f), grad: Array.from(g), lr });
    if (k === steps) break;
    optimizer.step(w, g, lr);
    for (let i = 0; i < w.length; i++) w[i] = params(w[i]!);
  }
  return out;
}

export interface ChainSummary {
  /** First step with a non-finite loss or gradient component (the engine stops here). */
  firstNonFinite: number | null;
  /** First step whose parameters hold ±∞. */
  firstInfParam: number | null;
  /** First step with a NaN anywhere (parameters, loss or gradient). */
  firstNaN: number | null;
  /** First step whose parameters are all NaN. */
  allNaN: number | null;
}

const any = (vs: number[], p: (v: number) => boolean) => vs.some(p);

export function summarize(chain: ChainStep[]): ChainSummary {
  const find = (p: (s: ChainStep) => boolean) => chain.find(p)?.step ?? null;
  const inf = (v: number) => v === Infinity || v === -Infinity;
  return {
    firstNonFinite: find((s) => !Number.isFinite(s.loss) || any(s.grad, (v) => !Number.isFinite(v)) || any(s.w, (v) => !Number.isFinite(v))),
    firstInfParam: find((s) => any(s.w, inf)),
    firstNaN: find((s) => Number.isNaN(s.loss) || any([...s.w, ...s.grad], Number.isNaN)),
    allNaN: find((s) => s.w.every(Number.isNaN)),
  };
}
