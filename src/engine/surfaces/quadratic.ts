import type { QuadraticSpec } from '../spec/types';
import { boxAround, Surface2D, type Minimum, type ViewBox } from './surface';

/**
 * f(w) = ½ (w−c)ᵀ H (w−c),  H = R(θ)ᵀ diag(λ1, λ2) R(θ),  R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]].
 * Eigenvectors: (cos θ, −sin θ) for λ1 and (sin θ, cos θ) for λ2.
 */
export class Quadratic extends Surface2D {
  readonly spec: QuadraticSpec;
  readonly hxx: number;
  readonly hxy: number;
  readonly hyy: number;
  readonly viewBox: ViewBox;
  readonly minima: readonly Minimum[];
  private readonly cx: number;
  private readonly cy: number;

  constructor(spec: QuadraticSpec) {
    super();
    this.spec = spec;
    const [l1, l2] = spec.eigenvalues;
    const c = Math.cos(spec.angle);
    const s = Math.sin(spec.angle);
    this.hxx = l1 * c * c + l2 * s * s;
    this.hxy = (l2 - l1) * c * s;
    this.hyy = l1 * s * s + l2 * c * c;
    [this.cx, this.cy] = spec.center;
    this.viewBox = boxAround(this.cx, this.cy, 3);
    this.minima = l1 >= 0 && l2 >= 0 ? [{ x: this.cx, y: this.cy, value: 0 }] : [];
  }

  /** Unit eigenvectors paired with their eigenvalues, exactly as the spec defines them. */
  eigen(): { values: [number, number]; vectors: [[number, number], [number, number]] } {
    const c = Math.cos(this.spec.angle);
    const s = Math.sin(this.spec.angle);
    return { values: [this.spec.eigenvalues[0], this.spec.eigenvalues[1]], vectors: [[c, -s], [s, c]] };
  }

  value(x: number, y: number): number {
    const dx = x - this.cx;
    const dy = y - this.cy;
    return 0.5 * dx * (this.hxx * dx + this.hxy * dy) + 0.5 * dy * (this.hxy * dx + this.hyy * dy);
  }

  gradient(x: number, y: number, out: Float64Array): void {
    const dx = x - this.cx;
    const dy = y - this.cy;
    out[0] = this.hxx * dx + this.hxy * dy;
    out[1] = this.hxy * dx + this.hyy * dy;
  }

  hessian(_x: number, _y: number, out: Float64Array): void {
    out[0] = this.hxx;
    out[1] = this.hxy;
    out[2] = this.hyy;
  }

  override valueAndGrad(w: Float64Array, g: Float64Array): number {
    const dx = w[0]! - this.cx;
    const dy = w[1]! - this.cy;
    const gx = this.hxx * dx + this.hxy * dy;
    const gy = this.hxy * dx + this.hyy * dy;
    g[0] = gx;
    g[1] = gy;
    // Halve before multiplying, so the loss overflows only when ½·eᵀHe itself exceeds float64.
    return 0.5 * dx * gx + 0.5 * dy * gy;
  }
}
