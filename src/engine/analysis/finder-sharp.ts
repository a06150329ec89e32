import type { SimResult } from '../run';
import type { QuadraticSpec } from '../spec/types';
import { symmetricEigen2 } from './eigen';

/**
 * The sharp direction during an LR sweep on a quadratic f = ½(w−c)ᵀH(w−c): its error
 * e_k = (w_k − c)·v_max obeys e_{k+1} = (1 − α_k λmax)·e_k, so |e| shrinks while α_k < 2/λmax and
 * grows once α_k > 2/λmax. These read that off the engine's record.
 */
export function sharpAxis(q: QuadraticSpec): { lambda: number; v: [number, number] } {
  const [l1, l2] = q.eigenvalues;
  const c = Math.cos(q.angle), s = Math.sin(q.angle);
  // H = R(θ)ᵀ diag(λ1, λ2) R(θ) with R(θ) = [[c, −s], [s, c]].
  const a = l1 * c * c + l2 * s * s, b = (l2 - l1) * c * s, d = l1 * s * s + l2 * c * c;
  const e = symmetricEigen2(a, b, d);
  return { lambda: e.lambdaMax, v: e.vMax };
}

/** ½λmax·e_k² at each recorded point: the sharp direction's part of the loss. */
export function sharpLoss(q: QuadraticSpec, r: SimResult): Float64Array {
  const { lambda, v } = sharpAxis(q);
  const out = new Float64Array(r.length);
  for (let k = 0; k < r.length; k++) {
    const e = (r.w[2 * k]! - q.center[0]) * v[0] + (r.w[2 * k + 1]! - q.center[1]) * v[1];
    out[k] = 0.5 * lambda * e * e;
  }
  return out;
}

/** The first step whose rate is past 2/λ (null if none): from there on |1 − α_k λ| > 1. */
export function firstPast(lrs: ArrayLike<number>, lambda: number): number | null {
  for (let k = 0; k < lrs.length; k++) if (lrs[k]! * lambda > 2) return k;
  return null;
}
