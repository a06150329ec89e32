import type { CliffSpec } from '../spec/types';
import { findMinima } from './newton';
import { Surface2D, type Minimum, type ViewBox } from './surface';

/** σ(t) = 1/(1+e^−t), written so that neither branch overflows. */
function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/**
 * f = ½(x² + y²) + h·σ(s(x − x0)): a bowl with a plateau of height h on the far side of a
 * cliff face at x = x0. On the face the gradient reaches h·s/4, so one unclipped step there
 * throws the iterate far away (the exploding-gradient cliff of Pascanu et al., 2013).
 */
export class Cliff extends Surface2D {
  readonly spec: CliffSpec;
  readonly viewBox: ViewBox;
  readonly minima: readonly Minimum[];
  private readonly h: number;
  private readonly s: number;
  private readonly x0: number;

  constructor(spec: CliffSpec) {
    super();
    this.spec = spec;
    this.h = spec.height;
    this.s = spec.steepness;
    this.x0 = spec.position;
    const half = Math.max(3, Math.abs(this.x0) + 2);
    this.viewBox = { xMin: -half, xMax: half, yMin: -half * 0.75, yMax: half * 0.75 };
    this.minima = findMinima(this, [[0, 0], [this.x0 + 1, 0], [this.x0 - 1, 0]], 0.25);
  }

  value(x: number, y: number): number {
    return 0.5 * (x * x + y * y) + this.h * sigmoid(this.s * (x - this.x0));
  }

  gradient(x: number, y: number, out: Float64Array): void {
    const p = sigmoid(this.s * (x - this.x0));
    out[0] = x + this.h * this.s * p * (1 - p);
    out[1] = y;
  }

  override valueAndGrad(w: Float64Array, g: Float64Array): number {
    const x = w[0]!;
    const y = w[1]!;
    const p = sigmoid(this.s * (x - this.x0));
    g[0] = x + this.h * this.s * p * (1 - p);
    g[1] = y;
    return 0.5 * (x * x + y * y) + this.h * p;
  }

  hessian(x: number, _y: number, out: Float64Array): void {
    const p = sigmoid(this.s * (x - this.x0));
    out[0] = 1 + this.h * this.s * this.s * p * (1 - p) * (1 - 2 * p);
    out[1] = 0;
    out[2] = 1;
  }
}
