import type { OptimizerSpec, RmspropSpec } from '../spec/types';
import type { Optimizer } from './optimizer';

/**
 * torch.optim.RMSprop, per parameter i:
 *   g = g + wd·p
 *   s = α·s + (1 − α)·g²
 *   centered: ḡ = α·ḡ + (1 − α)·g,  a = √(s − ḡ²) + eps;  else a = √s + eps   (eps outside the root)
 *   momentum μ > 0: b = μ·b + g/a,  p = p − lr·b;   else p = p − lr·g/a
 */
export class Rmsprop implements Optimizer {
  steps = 0;
  private readonly sq: Float64Array;
  private readonly avg: Float64Array;
  private readonly buf: Float64Array;

  constructor(public hp: RmspropSpec, dim: number) {
    this.sq = new Float64Array(dim);
    this.avg = new Float64Array(dim);
    this.buf = new Float64Array(dim);
  }

  configure(hp: OptimizerSpec): void {
    if (hp.kind === this.hp.kind) this.hp = hp as RmspropSpec;
  }

  reset(): void {
    this.steps = 0;
    this.sq.fill(0);
    this.avg.fill(0);
    this.buf.fill(0);
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { alpha, eps, momentum, centered, weightDecay: wd } = this.hp;
    const { sq, avg, buf } = this;
    for (let i = 0; i < p.length; i++) {
      let gi = g[i]!;
      if (wd !== 0) gi = gi + wd * p[i]!;
      const s = sq[i]! * alpha + (1 - alpha) * gi * gi;
      sq[i] = s;
      let a: number;
      if (centered) {
        const ga = avg[i]! * alpha + (1 - alpha) * gi;
        avg[i] = ga;
        a = Math.sqrt(s + -1 * ga * ga) + eps;
      } else {
        a = Math.sqrt(s) + eps;
      }
      if (momentum > 0) {
        const b = buf[i]! * momentum + gi / a;
        buf[i] = b;
        p[i] = p[i]! + -lr * b;
      } else {
        p[i] = p[i]! + (-lr * gi) / a;
      }
    }
    this.steps++;
  }
}
