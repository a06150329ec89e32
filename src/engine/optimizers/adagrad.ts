import type { OptimizerSpec, AdagradSpec } from '../spec/types';
import type { Optimizer } from './optimizer';

/**
 * torch.optim.Adagrad, per parameter i, at step t = 1, 2, …:
 *   g = g + wd·p
 *   clr = lr / (1 + (t − 1)·lr_decay)
 *   s = s + g²              (s starts at initial_accumulator_value)
 *   p = p − clr·g / (√s + eps)
 */
export class Adagrad implements Optimizer {
  steps = 0;
  private readonly sum: Float64Array;

  constructor(public hp: AdagradSpec, dim: number) {
    this.sum = new Float64Array(dim).fill(hp.initialAccumulatorValue);
  }

  configure(hp: OptimizerSpec): void {
    if (hp.kind === this.hp.kind) this.hp = hp as AdagradSpec;
  }

  reset(): void {
    this.steps = 0;
    this.sum.fill(this.hp.initialAccumulatorValue);
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { lrDecay, eps, weightDecay: wd } = this.hp;
    const t = ++this.steps;
    const clr = lr / (1 + (t - 1) * lrDecay);
    const sum = this.sum;
    for (let i = 0; i < p.length; i++) {
      let gi = g[i]!;
      if (wd !== 0) gi = gi + wd * p[i]!;
      const s = sum[i]! + 1 * gi * gi;
      sum[i] = s;
      p[i] = p[i]! + (-clr * gi) / (Math.sqrt(s) + eps);
    }
  }
}
