/**
 * Adam's cells of the empirical map: torch.optim.Adam's operations in torch's order (checked bit for
 * bit against the engine's Adam class in tests/engine/stability-map-loops.test.ts).
 */
import { BAND_HI, BAND_LO, envelopeValue, exitValue, halfOf } from './map-rate';

/** Adam's bias corrections for t = 1 … steps, computed exactly as the Adam class does. */
export interface AdamTables {
  /** 1 − β1ᵗ at index t. */
  bc1: Float64Array;
  /** √(1 − β2ᵗ) at index t. */
  bc2Sqrt: Float64Array;
}

export function adamTables(beta1: number, beta2: number, steps: number): AdamTables {
  const bc1 = new Float64Array(steps + 1);
  const bc2Sqrt = new Float64Array(steps + 1);
  for (let t = 1; t <= steps; t++) {
    bc1[t] = 1 - beta1 ** t;
    bc2Sqrt[t] = Math.sqrt(1 - beta2 ** t);
  }
  return { bc1, bc2Sqrt };
}

export interface AdamRow {
  beta1: number;
  beta2: number;
  eps: number;
  amsgrad: boolean;
  /** H = [[hxx, hxy], [hxy, hyy]], minimum at 0. */
  hxx: number;
  hxy: number;
  hyy: number;
  /** Start point (the error w0 − c). */
  x0: number;
  y0: number;
}

/** After a row: each cell's stop step and final parameters (for tests). */
export interface RowEnds {
  step: Float64Array;
  x: Float64Array;
  y: Float64Array;
}

/**
 * torch.optim.Adam (weight decay 0) on f = ½ pᵀHp, one cell per learning rate in `lrs`, per
 * parameter at step t:
 *   m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;  (amsgrad: v̂ = max(v̂, v))
 *   p = p + (−lr/(1 − β1ᵗ))·m / (√v/√(1 − β2ᵗ) + eps)
 * Steps run across the row (all cells at step t, then t + 1): the cells' independent dependency
 * chains overlap in the CPU, which is about twice as fast as one cell at a time.
 */
export function adamRow(c: AdamRow, lrs: Float64Array, tables: AdamTables, steps: number, out: Float64Array, ends?: RowEnds): void {
  const n = lrs.length;
  const { beta1: b1, beta2: b2, eps, amsgrad, hxx, hxy, hyy, x0, y0 } = c;
  const { bc1, bc2Sqrt } = tables;
  if (bc1.length <= steps) throw new Error(`adamRow: tables cover ${bc1.length - 1} steps, ${steps} asked`);
  if (out.length !== n) throw new Error(`adamRow: ${out.length} outputs for ${n} cells`);
  const X = new Float64Array(n).fill(x0);
  const Y = new Float64Array(n).fill(y0);
  const MX = new Float64Array(n);
  const MY = new Float64Array(n);
  const VX = new Float64Array(n);
  const VY = new Float64Array(n);
  const AX = new Float64Array(n);
  const AY = new Float64Array(n);
  const live = new Int32Array(n);
  // The largest ‖e‖² so far in the current half; M₁ once the second half starts.
  const M = new Float64Array(n);
  const M1 = new Float64Array(n);
  const half = halfOf(steps);
  const n0 = x0 * x0 + y0 * y0;
  const hi = n0 * BAND_HI;
  const lo = n0 * BAND_LO;
  const c1 = 1 - b1;
  const c2 = 1 - b2;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    M[i] = n0;
    if (n0 > 0) live[nl++] = i;
    else out[i] = 1;
  }
  const stop = (i: number, t: number, x: number, y: number, value: number) => {
    out[i] = value;
    if (ends) {
      ends.step[i] = t;
      ends.x[i] = x;
      ends.y[i] = y;
    }
  };
  for (let t = 1; t <= steps && nl > 0; t++) {
    if (t === half + 1) {
      M1.set(M);
      M.fill(0);
    }
    const bc = bc1[t]!;
    const s2 = bc2Sqrt[t]!;
    let w = 0;
    for (let q = 0; q < nl; q++) {
      const i = live[q]!;
      const x = X[i]!;
      const y = Y[i]!;
      const gx = hxx * x + hxy * y;
      const gy = hxy * x + hyy * y;
      const stepSize = lrs[i]! / bc;
      const mx = MX[i]! * b1 + c1 * gx;
      const my = MY[i]! * b1 + c1 * gy;
      const vx = VX[i]! * b2 + c2 * gx * gx;
      const vy = VY[i]! * b2 + c2 * gy * gy;
      MX[i] = mx;
      MY[i] = my;
      VX[i] = vx;
      VY[i] = vy;
      let sx = vx;
      let sy = vy;
      if (amsgrad) {
        sx = AX[i] = Math.max(AX[i]!, vx);
        sy = AY[i] = Math.max(AY[i]!, vy);
      }
      const nx = x + (-stepSize * mx) / (Math.sqrt(sx) / s2 + eps);
      const ny = y + (-stepSize * my) / (Math.sqrt(sy) / s2 + eps);
      X[i] = nx;
      Y[i] = ny;
      const n2 = nx * nx + ny * ny;
      if (n2 <= hi && n2 >= lo) {
        live[w++] = i;
        if (n2 > M[i]!) M[i] = n2;
      } else {
        stop(i, t, nx, ny, exitValue(n2, n0, t));
      }
    }
    nl = w;
  }
  for (let q = 0; q < nl; q++) {
    const i = live[q]!;
    stop(i, steps, X[i]!, Y[i]!, envelopeValue(M1[i]!, M[i]!, steps));
  }
}
