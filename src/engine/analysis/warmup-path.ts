import type { SimResult } from '../run';
import type { Surface } from '../surfaces';
import { curvatureAt } from './report';

/**
 * The local stability limit along a recorded run: 2/λmax of the Hessian at each iterate w_k, set
 * against the rate α(k) that step k used. Plain GD is locally stable at step k while
 * α(k) < 2/λmax(w_k); the lab's schedule strip draws one such limit, measured at the minimum.
 */
export interface PathLimits {
  /** 2/λmax(w_k) per recorded point: Infinity where λmax ≤ 0, NaN where w_k is not finite. */
  limit: Float64Array;
  /** α(k)·λmax(w_k)/2 per point: above 1 means step k is past the local limit. */
  ratio: Float64Array;
  /** First step taken whose α(k) is above the local limit, or null (steps taken: all records but the last). */
  firstAbove: number | null;
  /** Steps whose α(k) is above the local limit. */
  stepsAbove: number;
  /** The largest finite ratio over the steps taken and the step where it occurs. */
  maxRatio: number;
  maxAt: number;
}

export function pathLimits(surface: Surface, r: SimResult): PathLimits {
  const n = r.length;
  const limit = new Float64Array(n);
  const ratio = new Float64Array(n);
  let firstAbove: number | null = null;
  let stepsAbove = 0;
  let maxRatio = -Infinity;
  let maxAt = 0;
  for (let k = 0; k < n; k++) {
    const x = r.w[r.dim * k]!;
    const y = r.w[r.dim * k + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      limit[k] = NaN;
      ratio[k] = NaN;
      continue;
    }
    const lmax = curvatureAt(surface, x, y).lambdaMax;
    limit[k] = lmax > 0 ? 2 / lmax : Infinity;
    const q = lmax > 0 ? (r.lr[k]! * lmax) / 2 : 0;
    ratio[k] = q;
    if (k === n - 1) continue; // the last record holds the rate of a step not taken
    if (q > 1) {
      stepsAbove++;
      if (firstAbove === null) firstAbove = k;
    }
    if (Number.isFinite(q) && q > maxRatio) {
      maxRatio = q;
      maxAt = k;
    }
  }
  return { limit, ratio, firstAbove, stepsAbove, maxRatio, maxAt };
}
