import type { RosenbrockSpec } from '../spec/types';
import { Surface2D, type Minimum, type ViewBox } from './surface';

/** f = (a − x)² + b (y − x²)²: a curved valley with its minimum at (a, a²). */
export class Rosenbrock extends Surface2D {
  readonly spec: RosenbrockSpec;
  readonly viewBox: ViewBox;
  readonly minima: readonly Minimum[];
  private readonly a: number;
  private readonly b: number;

  constructor(spec: RosenbrockSpec) {
    super();
    this.spec = spec;
    this.a = spec.a;
    this.b = spec.b;
    const a = spec.a;
    const half = Math.max(2, Math.abs(a) + 1);
    this.viewBox = { xMin: -half, xMax: half, yMin: Math.min(-1, a * a - 2), yMax: Math.max(3, a * a + 1) };
    this.minima = [{ x: a, y: a * a, value: 0 }];
  }

  value(x: number, y: number): number {
    const u = this.a - x;
    const v = y - x * x;
    return u * u + this.b * v * v;
  }

  gradient(x: number, y: number, out: Float64Array): void {
    const v = y - x * x;
    out[0] = -2 * (this.a - x) - 4 * this.b * x * v;
    out[1] = 2 * this.b * v;
  }

  override valueAndGrad(w: Float64Array, g: Float64Array): number {
    const x = w[0]!;
    const u = this.a - x;
    const v = w[1]! - x * x;
    g[0] = -2 * u - 4 * this.b * x * v;
    g[1] = 2 * this.b * v;
    return u * u + this.b * v * v;
  }

  hessian(x: number, y: number, out: Float64Array): void {
    out[0] = 2 - 4 * this.b * (y - x * x) + 8 * this.b * x * x;
    out[1] = -4 * this.b * x;
    out[2] = 2 * this.b;
  }
}
