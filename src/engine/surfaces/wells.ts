import type { Well, WellsSpec } from '../spec/types';
import { findMinima } from './newton';
import { Surface2D, type Minimum, type ViewBox } from './surface';

/**
 * f = q‖w‖²/2 − Σᵢ dᵢ·exp(−‖w − mᵢ‖² / (2 sᵢ²)): Gaussian wells of different depths cut into a
 * shallow bowl, so there are several basins and only one global minimum.
 */
export class Wells extends Surface2D {
  readonly spec: WellsSpec;
  readonly viewBox: ViewBox;
  readonly minima: readonly Minimum[];
  private readonly q: number;
  /** Per well: x, y, depth, 1/s². Flat for speed. */
  private readonly w: Float64Array;

  constructor(spec: WellsSpec) {
    super();
    this.spec = spec;
    this.q = spec.bowl;
    this.w = new Float64Array(spec.wells.length * 4);
    spec.wells.forEach((well: Well, i) => {
      this.w.set([well.center[0], well.center[1], well.depth, 1 / (well.width * well.width)], i * 4);
    });
    let half = 1;
    for (const well of spec.wells) {
      half = Math.max(half, Math.abs(well.center[0]) + 2.5 * well.width, Math.abs(well.center[1]) + 2.5 * well.width);
    }
    half = Math.ceil(half);
    this.viewBox = { xMin: -half, xMax: half, yMin: -half, yMax: half };
    const guesses: [number, number][] = spec.wells.map((well) => [well.center[0], well.center[1]]);
    guesses.push([0, 0]);
    this.minima = findMinima(this, guesses, 0.2);
  }

  value(x: number, y: number): number {
    let f = 0.5 * this.q * (x * x + y * y);
    const w = this.w;
    for (let i = 0; i < w.length; i += 4) {
      const dx = x - w[i]!;
      const dy = y - w[i + 1]!;
      f -= w[i + 2]! * Math.exp(-0.5 * (dx * dx + dy * dy) * w[i + 3]!);
    }
    return f;
  }

  gradient(x: number, y: number, out: Float64Array): void {
    let gx = this.q * x;
    let gy = this.q * y;
    const w = this.w;
    for (let i = 0; i < w.length; i += 4) {
      const dx = x - w[i]!;
      const dy = y - w[i + 1]!;
      const k = w[i + 3]!;
      const e = w[i + 2]! * Math.exp(-0.5 * (dx * dx + dy * dy) * k) * k;
      gx += e * dx;
      gy += e * dy;
    }
    out[0] = gx;
    out[1] = gy;
  }

  /** Value and gradient in one pass over the wells (each exponential computed once). */
  override valueAndGrad(p: Float64Array, out: Float64Array): number {
    const x = p[0]!;
    const y = p[1]!;
    let f = 0.5 * this.q * (x * x + y * y);
    let gx = this.q * x;
    let gy = this.q * y;
    const w = this.w;
    for (let i = 0; i < w.length; i += 4) {
      const dx = x - w[i]!;
      const dy = y - w[i + 1]!;
      const k = w[i + 3]!;
      const scaled = w[i + 2]! * Math.exp(-0.5 * (dx * dx + dy * dy) * k);
      f -= scaled;
      const e = scaled * k;
      gx += e * dx;
      gy += e * dy;
    }
    out[0] = gx;
    out[1] = gy;
    return f;
  }

  hessian(x: number, y: number, out: Float64Array): void {
    let hxx = this.q;
    let hxy = 0;
    let hyy = this.q;
    const w = this.w;
    for (let i = 0; i < w.length; i += 4) {
      const dx = x - w[i]!;
      const dy = y - w[i + 1]!;
      const k = w[i + 3]!;
      const e = w[i + 2]! * Math.exp(-0.5 * (dx * dx + dy * dy) * k) * k;
      hxx += e * (1 - dx * dx * k);
      hxy -= e * dx * dy * k;
      hyy += e * (1 - dy * dy * k);
    }
    out[0] = hxx;
    out[1] = hxy;
    out[2] = hyy;
  }
}
