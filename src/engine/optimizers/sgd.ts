import type { OptimizerSpec, SgdSpec } from '../spec/types';
import type { Optimizer } from './optimizer';

/**
 * torch.optim.SGD, per parameter i:
 *   d = g + wd·p                                  (weight decay as L2)
 *   b = d                      on the first step  (the buffer starts as the first gradient)
 *   b = μ·b + (1 − τ)·d        afterwards         (τ = dampening)
 *   d = d + μ·b  if nesterov,  else d = b         (when μ ≠ 0)
 *   p = p − lr·d
 */
export class Sgd implements Optimizer {
  steps = 0;
  private readonly buf: Float64Array;

  constructor(public hp: SgdSpec, dim: number) {
    this.buf = new Float64Array(dim);
  }

  configure(hp: OptimizerSpec): void {
    if (hp.kind === this.hp.kind) this.hp = hp as SgdSpec;
  }

  reset(): void {
    this.steps = 0;
    this.buf.fill(0);
  }

  step(p: Float64Array, g: Float64Array, lr: number): void {
    const first = this.steps === 0;
    // Two parameters (every surface) without a loop: an inner loop's overhead is a large part of
    // a step this small.
    if (p.length === 2) {
      this.update(p, g, lr, first, 0);
      this.update(p, g, lr, first, 1);
    } else {
      for (let i = 0; i < p.length; i++) this.update(p, g, lr, first, i);
    }
    this.steps++;
  }

  /** The update of parameter i. */
  private update(p: Float64Array, g: Float64Array, lr: number, first: boolean, i: number): void {
    const { momentum: mu, dampening, nesterov, weightDecay: wd } = this.hp;
    let d = g[i]!;
    if (wd !== 0) d = d + wd * p[i]!;
    if (mu !== 0) {
      const b = first ? d : this.buf[i]! * mu + (1 - dampening) * d;
      this.buf[i] = b;
      d = nesterov ? d + mu * b : b;
    }
    p[i] = p[i]! + -lr * d;
  }
}
