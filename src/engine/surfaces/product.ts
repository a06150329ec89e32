import type { ProductSpec } from '../spec/types';
import { Surface2D, type Minimum, type ViewBox } from './surface';

/**
 * f(x, y) = F(u) with u = x·y and F(u) = (u^p − t)² / (2p), p ∈ {1, 2}:
 *   F′(u) = (u^p − t)·u^(p−1)        F″(u) = p·u^(2p−2) + (p − 1)(u^p − t)·u^(p−2)
 *   ∇f = F′(u)·(y, x)                ∇²f = F″(u)·(y, x)(y, x)ᵀ + F′(u)·[[0, 1], [1, 0]]
 * On the minima (F′ = 0) the Hessian is F″·(y, x)(y, x)ᵀ: sharpness F″(u)·(x² + y²).
 */
export class Product extends Surface2D {
  readonly spec: ProductSpec;
  readonly viewBox: ViewBox;
  readonly minima: readonly Minimum[];
  private readonly t: number;
  private readonly p: 1 | 2;

  constructor(spec: ProductSpec) {
    super();
    this.spec = spec;
    this.t = spec.target;
    this.p = spec.power;
    // Balanced minima: x = ±y with (x·y)^p = t, i.e. |x| = |y| = t^(1/(2p)).
    const r = spec.target ** (1 / (2 * spec.power));
    const pts: [number, number][] = spec.power === 1 ? [[r, r], [-r, -r]] : [[r, r], [-r, -r], [r, -r], [-r, r]];
    this.minima = pts.map(([x, y]) => ({ x, y, value: 0 }));
    const half = Math.max(2.5, 2 * r + 1);
    this.viewBox = { xMin: -half, xMax: half, yMin: -half, yMax: half };
  }

  value(x: number, y: number): number {
    const u = x * y;
    const r = (this.p === 1 ? u : u * u) - this.t;
    return (r * r) / (2 * this.p);
  }

  /** F′(u). */
  private slope(u: number): number {
    return this.p === 1 ? u - this.t : (u * u - this.t) * u;
  }

  gradient(x: number, y: number, out: Float64Array): void {
    const d = this.slope(x * y);
    out[0] = d * y;
    out[1] = d * x;
  }

  override valueAndGrad(w: Float64Array, g: Float64Array): number {
    const x = w[0]!;
    const y = w[1]!;
    const u = x * y;
    const r = (this.p === 1 ? u : u * u) - this.t;
    const d = this.p === 1 ? r : r * u;
    g[0] = d * y;
    g[1] = d * x;
    return (r * r) / (2 * this.p);
  }

  hessian(x: number, y: number, out: Float64Array): void {
    const u = x * y;
    const d = this.slope(u);
    const c = this.p === 1 ? 1 : 3 * u * u - this.t; // F″(u)
    out[0] = c * y * y;
    out[1] = c * x * y + d;
    out[2] = c * x * x;
  }
}
