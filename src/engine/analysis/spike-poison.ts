import { CLIP_EPS, norm2, settings } from '../loops';
import { createOptimizer } from '../optimizers';
import { Gaussian } from '../random';
import { scheduleFactor } from '../schedule';
import type { OptimizerSpec, RunSpec } from '../spec/types';
import { createSurface } from '../surfaces';

/*
 * "A NaN poisons everything after it." The runner stops at the first non-finite value; this helper
 * keeps stepping past it, by hand (the engine's surface and optimizer, the runner's order: gradient,
 * noise, bad batch, clipping, step), and reports for each step which of w, the loss, the gradient and
 * the optimizer's state are still finite. Guards and reduced precision are not applied: this is the
 * unguarded float64 run.
 *
 * The optimizer classes keep their state private, so the state is followed by a shadow that applies
 * torch's own state recurrences (m, v for Adam; the momentum buffer for SGD; …) to the same gradients
 * the optimizer receives. Only whether each entry is finite is reported.
 */

/** How a value (or the worst entry of a vector) stands: NaN outranks ±∞. */
export type Health = 'finite' | 'NaN' | '+∞' | '−∞';

export function health(values: ArrayLike<number>): Health {
  let out: Health = 'finite';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) out = '+∞';
    else if (v === -Infinity && out === 'finite') out = '−∞';
  }
  return out;
}

/** One optimizer state tensor by its torch name. */
export interface StateEntry {
  name: string;
  health: Health;
}

export interface PoisonRow {
  step: number;
  /** Step k's inputs: w_k, f(w_k) and the gradient the optimizer receives (after noise, bad batch, clipping). */
  w: Health;
  loss: Health;
  g: Health;
  /** The optimizer's state after step k's update (empty for plain SGD, which keeps none). */
  state: StateEntry[];
}

export interface PoisonTrace {
  /** The first step with a non-finite w, loss or gradient (what simulate() reports as stoppedAt); null if none. */
  entered: number | null;
  rows: PoisonRow[];
}

/** torch's state recurrences for one optimizer, fed the same (p, g) as optimizer.step, before it runs. */
export class StateShadow {
  readonly names: string[];
  private readonly t: Float64Array[];
  private steps = 0;

  constructor(private readonly hp: OptimizerSpec, dim: number) {
    const names: string[] = [];
    if (hp.kind === 'sgd' && hp.momentum !== 0) names.push('momentum_buffer');
    if (hp.kind === 'adam' || hp.kind === 'adamw') names.push('exp_avg', 'exp_avg_sq', ...(hp.amsgrad ? ['max_exp_avg_sq'] : []));
    if (hp.kind === 'rmsprop') names.push('square_avg', ...(hp.centered ? ['grad_avg'] : []), ...(hp.momentum > 0 ? ['momentum_buffer'] : []));
    if (hp.kind === 'adagrad') names.push('sum');
    this.names = names;
    this.t = names.map(() => new Float64Array(dim).fill(hp.kind === 'adagrad' ? hp.initialAccumulatorValue : 0));
  }

  /** The state tensor of that torch name (a copy), or undefined. */
  value(name: string): Float64Array | undefined {
    const i = this.names.indexOf(name);
    return i < 0 ? undefined : Float64Array.from(this.t[i]!);
  }

  entries(): StateEntry[] {
    return this.names.map((name, i) => ({ name, health: health(this.t[i]!) }));
  }

  update(p: Float64Array, g: Float64Array): void {
    const hp = this.hp;
    const first = this.steps++ === 0;
    for (let i = 0; i < p.length; i++) {
      const coupled = hp.kind !== 'adamw' && hp.weightDecay !== 0;
      const gi = coupled ? g[i]! + hp.weightDecay * p[i]! : g[i]!;
      if (hp.kind === 'sgd') {
        const b = this.t[0];
        if (b) b[i] = first ? gi : hp.momentum * b[i]! + (1 - hp.dampening) * gi;
      } else if (hp.kind === 'adam' || hp.kind === 'adamw') {
        const [m, v, vMax] = this.t as [Float64Array, Float64Array, Float64Array?];
        m[i] = hp.betas[0] * m[i]! + (1 - hp.betas[0]) * gi;
        v[i] = hp.betas[1] * v[i]! + (1 - hp.betas[1]) * gi * gi;
        if (vMax) vMax[i] = Math.max(vMax[i]!, v[i]!);
      } else if (hp.kind === 'rmsprop') {
        const sq = this.t[0]!;
        sq[i] = hp.alpha * sq[i]! + (1 - hp.alpha) * gi * gi;
        let a = Math.sqrt(sq[i]!) + hp.eps;
        let j = 1;
        if (hp.centered) {
          const avg = this.t[j++]!;
          avg[i] = hp.alpha * avg[i]! + (1 - hp.alpha) * gi;
          a = Math.sqrt(sq[i]! - avg[i]! * avg[i]!) + hp.eps;
        }
        if (hp.momentum > 0) {
          const buf = this.t[j]!;
          buf[i] = hp.momentum * buf[i]! + gi / a;
        }
      } else {
        const sum = this.t[0]!;
        sum[i] = sum[i]! + gi * gi;
      }
    }
  }
}

/**
 * Steps the spec's run by hand from its start to `after` steps past the first non-finite value and
 * reports the rows from `before` steps before it (no rows when nothing goes non-finite in spec.steps).
 */
export function poisonTrace(spec: RunSpec, after = 3, before = 1): PoisonTrace {
  const surface = createSurface(spec.surface);
  const optimizer = createOptimizer(spec.optimizer, surface.dim);
  const shadow = new StateShadow(spec.optimizer, surface.dim);
  const { base, schedule, constant, noiseStd, maxNorm } = settings(spec);
  const rng = new Gaussian(spec.seed);
  const bad = spec.badBatch;
  const w = Float64Array.from(spec.start);
  const g = new Float64Array(surface.dim);
  const all: PoisonRow[] = [];
  let entered: number | null = null;
  let last = spec.steps;
  for (let k = 0; k <= last; k++) {
    const f = surface.valueAndGrad(w, g);
    if (noiseStd !== 0) for (let i = 0; i < g.length; i++) g[i] = g[i]! + noiseStd * rng.normal();
    if (bad && k === bad.step) for (let i = 0; i < g.length; i++) g[i] = bad.kind === 'outlier' ? g[i]! * bad.scale : bad.kind === 'nan' ? NaN : Infinity;
    const wH = health(w);
    const lossH = health([f]);
    const rawH = health(g);
    if (entered === null && (wH !== 'finite' || lossH !== 'finite' || rawH !== 'finite')) {
      entered = k;
      last = Math.min(spec.steps, k + after);
    }
    if (maxNorm !== 0) {
      const coef = maxNorm / (norm2(g) + CLIP_EPS);
      if (coef < 1) for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
    }
    const gH = health(g);
    shadow.update(w, g);
    optimizer.step(w, g, constant ? base : base * scheduleFactor(schedule, k));
    all.push({ step: k, w: wH, loss: lossH, g: gH, state: shadow.entries() });
  }
  return { entered, rows: entered === null ? [] : all.slice(Math.max(0, entered - before)) };
}
