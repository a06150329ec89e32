import type { OptimizerSpec, AdamSpec } from '../spec/types';
import type { Optimizer } from './optimizer';

/**
 * torch.optim.Adam and AdamW, per parameter i, at step t = 1, 2, …:
 *   AdamW only:  p = p·(1 − lr·wd)                 (decoupled decay, before the step)
 *   Adam only:   g = g + wd·p                       (L2 added to the gradient)
 *   m = β1·m + (1 − β1)·g
 *   v = β2·v + (1 − β2)·g²        (amsgrad: v̂max = max(v̂max, v) and use it below)
 *   p = p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + eps)
 * eps is added after the bias correction, as torch does.
 */
export class Adam implements Optimizer {
  steps = 0;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly vMax: Float64Array;
  private readonly decoupled: boolean;

  constructor(public hp: AdamSpec, dim: number) {
    this.m = new Float64Array(dim);
    this.v = new Float64Array(dim);
    this.vMax = new Float64Array(dim);
    this.decoupled = hp.kind === 'adamw';
  }

  configure(hp: OptimizerSpec): void {
    if (hp.kind === this.hp.kind) this.hp = hp as AdamSpec;
  }

  reset(): void {
    this.steps = 0;
    this.m.fill(0);
    this.v.fill(0);
    this.vMax.fill(0);
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const { betas, eps, weightDecay: wd, amsgrad } = this.hp;
    const b1 = betas[0];
    const b2 = betas[1];
    const t = ++this.steps;
    const bc1 = 1 - b1 ** t;
    const bc2Sqrt = Math.sqrt(1 - b2 ** t);
    const stepSize = lr / bc1;
    const { m, v, vMax } = this;
    const decay = 1 - lr * wd;
    for (let i = 0; i < p.length; i++) {
      let gi = g[i]!;
      if (wd !== 0) {
        if (this.decoupled) p[i] = p[i]! * decay;
        else gi = gi + wd * p[i]!;
      }
      const mi = m[i]! * b1 + (1 - b1) * gi;
      const vi = v[i]! * b2 + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      let second = vi;
      if (amsgrad) {
        second = Math.max(vMax[i]!, vi);
        vMax[i] = second;
      }
      const denom = Math.sqrt(second) / bc2Sqrt + eps;
      p[i] = p[i]! + (-stepSize * mi) / denom;
    }
  }
}
