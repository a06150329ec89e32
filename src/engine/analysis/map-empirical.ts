/**
 * The empirical stability map: every cell actually run for K steps on the quadratic, in tight loops
 * that perform torch's own operations in torch's order (tests/engine/stability-map-loops.test.ts
 * checks them bit for bit against the engine's Sgd and Adam classes).
 *
 * Cell value: the error's per-step factor measured on its envelope, (M₂/M₁)^(1/(K − H)) with
 * H = ⌊K/2⌋, M₁ = max ‖e_k‖ over k ≤ H (the start included) and M₂ = max ‖e_k‖ over H < k ≤ K.
 * Peaks rather than the last step, so neither the phase of an oscillation nor a large first step
 * (momentum's buffer starts as the first gradient, so step 1 is a plain GD step) passes for growth.
 * Early exit: once ‖e_k‖ leaves [10⁻¹⁰⁰, 10¹⁰⁰]·‖e_0‖ the run has clearly blown up or converged,
 * and the value is (‖e_k‖/‖e_0‖)^(1/k); +∞ when a value went non-finite. Above 1 the error grows.
 *
 * SGD (plain, heavy ball, Nesterov, with dampening and weight decay) is linear with the same
 * scalar coefficients for every parameter, so it commutes with rotations: it runs in the Hessian's
 * eigenbasis, where H is diagonal, from e_0 = (1, 1) — one unit along each eigenvector. Adam acts
 * per coordinate, so it runs in the plane's own coordinates with the full H from the spec's start.
 */
import { adamRow, adamTables, type AdamRow, type AdamTables } from './map-adam';
import { BAND_HI, BAND_LO, envelopeValue, exitValue, halfOf } from './map-rate';
import { alphaAt, assertMapSpec, rowProblem, type MapSpec } from './stability-map';

export { adamRow, adamTables, type AdamRow, type AdamTables, type RowEnds } from './map-adam';
export { halfOf } from './map-rate';

/** After a cell: the step it stopped at and its final parameters (for tests). */
export interface CellEnd {
  step: number;
  p: [number, number];
}

function record(end: CellEnd | undefined, k: number, p1: number, p2: number): void {
  if (!end) return;
  end.step = k;
  end.p[0] = p1;
  end.p[1] = p2;
}

export interface SgdCell {
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
  /** The two curvatures (H = diag(l1, l2)). */
  l1: number;
  l2: number;
}

/**
 * torch.optim.SGD on f = ½(l1·p1² + l2·p2²) from p = (1, 1) for `steps` steps, per parameter:
 *   d = g + wd·p;  b = d (first step) or μ·b + (1 − τ)·d;  d = nesterov ? d + μ·b : b;  p = p + (−lr)·d
 * (no buffer at all when μ = 0). Returns the cell value described above.
 */
export function sgdCell(c: SgdCell, steps: number, end?: CellEnd): number {
  const { lr, momentum: mu, nesterov, weightDecay: wd, l1, l2 } = c;
  const keep = 1 - c.dampening;
  const nlr = -lr;
  let p1 = 1;
  let p2 = 1;
  let b1 = 0;
  let b2 = 0;
  const n0 = 2;
  const hi = n0 * BAND_HI;
  const lo = n0 * BAND_LO;
  const half = halfOf(steps);
  let m1 = n0;
  let m2 = 0;
  for (let k = 1; k <= steps; k++) {
    let d1 = l1 * p1;
    let d2 = l2 * p2;
    if (wd !== 0) {
      d1 = d1 + wd * p1;
      d2 = d2 + wd * p2;
    }
    if (mu !== 0) {
      if (k === 1) {
        b1 = d1;
        b2 = d2;
      } else {
        b1 = b1 * mu + keep * d1;
        b2 = b2 * mu + keep * d2;
      }
      if (nesterov) {
        d1 = d1 + mu * b1;
        d2 = d2 + mu * b2;
      } else {
        d1 = b1;
        d2 = b2;
      }
    }
    p1 = p1 + nlr * d1;
    p2 = p2 + nlr * d2;
    const n2 = p1 * p1 + p2 * p2;
    if (!(n2 <= hi && n2 >= lo)) {
      record(end, k, p1, p2);
      return exitValue(n2, n0, k);
    }
    if (k <= half) m1 = n2 > m1 ? n2 : m1;
    else m2 = n2 > m2 ? n2 : m2;
  }
  record(end, steps, p1, p2);
  return envelopeValue(m1, m2, steps);
}

/** The Hessian entries of a row's quadratic: λmax along vMax, λmin across it. */
export function hessianOf(lambdaMax: number, lambdaMin: number, v: readonly [number, number]): { hxx: number; hxy: number; hyy: number } {
  const [c, s] = v;
  return { hxx: lambdaMax * c * c + lambdaMin * s * s, hxy: (lambdaMax - lambdaMin) * c * s, hyy: lambdaMax * s * s + lambdaMin * c * c };
}

/** Per-row state the cells share (Adam's bias-correction tables depend on β1 only). */
export class RowFiller {
  private tables: AdamTables | null = null;
  private tablesFor = NaN;
  /** α of every column. */
  private readonly lrs: Float64Array;

  constructor(readonly spec: MapSpec) {
    assertMapSpec(spec);
    this.lrs = new Float64Array(spec.nx);
    for (let i = 0; i < spec.nx; i++) this.lrs[i] = alphaAt(spec, i);
  }

  /** Fills `out` (length nx) with row j's empirical values. */
  fill(j: number, out: Float64Array): void {
    const s = this.spec;
    if (!(Number.isInteger(j) && j >= 0 && j < s.ny)) throw new Error(`row ${j} outside 0 … ${s.ny - 1}`);
    if (out.length !== s.nx) throw new Error(`row buffer holds ${out.length} cells, the map has ${s.nx} columns`);
    const row = rowProblem(s, j);
    if (s.family === 'adam') {
      if (this.tablesFor !== row.beta) {
        this.tables = adamTables(row.beta, s.beta2, s.steps);
        this.tablesFor = row.beta;
      }
      const h = hessianOf(row.lambdaMax, row.lambdaMin, s.vMax);
      const c: AdamRow = { beta1: row.beta, beta2: s.beta2, eps: s.eps, amsgrad: s.amsgrad, ...h, x0: s.start[0], y0: s.start[1] };
      adamRow(c, this.lrs, this.tables!, s.steps, out);
      return;
    }
    const cell: SgdCell = {
      lr: 0, momentum: row.beta, dampening: s.dampening, nesterov: s.family === 'nesterov' && row.beta !== 0,
      weightDecay: s.weightDecay, l1: row.lambdaMax, l2: row.lambdaMin,
    };
    for (let i = 0; i < s.nx; i++) {
      cell.lr = this.lrs[i]!;
      out[i] = sgdCell(cell, s.steps);
    }
  }
}

/** The whole empirical map at once (tests, headless use); the worker fills it row by row instead. */
export function empiricalMap(s: MapSpec): Float64Array {
  const filler = new RowFiller(s);
  const out = new Float64Array(s.nx * s.ny);
  for (let j = 0; j < s.ny; j++) filler.fill(j, out.subarray(j * s.nx, (j + 1) * s.nx));
  return out;
}
