import type { SimResult } from '../run';
import type { Surface } from '../surfaces';
import { symmetricEigen2 } from './eigen';
import type { Regime } from './regime';

export type Axes = readonly (readonly [number, number])[];

/**
 * Classifies a finished trajectory from its record (any surface, any optimizer):
 *  - diverging:   it stopped on a non-finite value, or its gradient norm ended more than twice
 *                 as large as anything seen in the first half of the run, or ended above that
 *                 and still growing (the last quarter's peak 5 % above the quarter before);
 *  - oscillating: the iterate reverses along some axis — its step projected on the axis changes
 *                 sign (it overshoots and comes back: a zig-zag or a spiral);
 *  - monotone:    otherwise.
 * `axes` are the directions to watch, e.g. the Hessian's eigenvectors at the end point (see
 * classifyRun). Without axes, a reversal is two successive steps pointing in opposite directions.
 * Steps smaller than 1e-9 of the largest one, or at the level of rounding, are ignored, so a run
 * that has converged to machine precision is not called oscillating for its last ulps.
 */
export function classifyTrajectory(r: SimResult, axes?: Axes): Regime {
  if (r.nonFinite) return 'diverging';
  const n = r.length;
  if (n < 2) return 'monotone';
  let earlyMax = 0;
  const half = Math.max(1, Math.floor(n / 2));
  for (let k = 0; k < half; k++) earlyMax = Math.max(earlyMax, r.gradNorm[k]!);
  const end = r.gradNorm[n - 1]!;
  if (n >= 4 && end > 2 * earlyMax) return 'diverging';
  if (n >= 8 && end > earlyMax) {
    const q = Math.floor(n / 4);
    if (peak(r.gradNorm, n - q, n) > 1.05 * peak(r.gradNorm, n - 2 * q, n - q)) return 'diverging';
  }
  return reverses(r, axes) ? 'oscillating' : 'monotone';
}

function peak(a: Float64Array, from: number, to: number): number {
  let m = 0;
  for (let k = from; k < to; k++) m = Math.max(m, a[k]!);
  return m;
}

/** Classifies a run on a surface, watching the eigendirections of the Hessian at its end point. */
export function classifyRun(surface: Surface, r: SimResult): Regime {
  const k = r.length - 1;
  const h = new Float64Array(3);
  surface.hessian(r.w[r.dim * k]!, r.w[r.dim * k + 1]!, h);
  const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
  const axes = Number.isFinite(e.lambdaMax + e.lambdaMin) ? [e.vMax, e.vMin] : undefined;
  return classifyTrajectory(r, axes);
}

function reverses(r: SimResult, axes: Axes | undefined): boolean {
  const { w, dim, length: n } = r;
  const step = (k: number, i: number) => w[dim * (k + 1) + i]! - w[dim * k + i]!;
  let maxStep = 0;
  for (let k = 0; k + 1 < n; k++) {
    let s = 0;
    for (let i = 0; i < dim; i++) s += step(k, i) ** 2;
    maxStep = Math.max(maxStep, Math.sqrt(s));
  }
  if (maxStep === 0) return false;
  const floor = (k: number) => {
    let scale = 0;
    for (let i = 0; i < dim; i++) scale = Math.max(scale, Math.abs(w[dim * (k + 1) + i]!));
    return Math.max(1e-9 * maxStep, 1e-12 * (1 + scale));
  };
  if (axes) {
    for (const [ax, ay] of axes) {
      let last = 0;
      for (let k = 0; k + 1 < n; k++) {
        const d = step(k, 0) * ax + step(k, 1) * ay;
        if (Math.abs(d) <= floor(k)) continue;
        if (last !== 0 && Math.sign(d) !== last) return true;
        last = Math.sign(d);
      }
    }
    return false;
  }
  let prev = -1;
  for (let k = 0; k + 1 < n; k++) {
    let size = 0;
    for (let i = 0; i < dim; i++) size += step(k, i) ** 2;
    if (Math.sqrt(size) <= floor(k)) {
      prev = -1;
      continue;
    }
    if (prev >= 0) {
      let dot = 0;
      for (let i = 0; i < dim; i++) dot += step(prev, i) * step(k, i);
      if (dot < 0) return true;
    }
    prev = k;
  }
  return false;
}
