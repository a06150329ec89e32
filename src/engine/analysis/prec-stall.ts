import { FORMATS, type Precision } from '../precision';
import type { SimResult } from '../run';
import { binade, ulp } from './prec-formats';

/*
 * Stagnation in a low-precision parameter format. A GD step on f = ½λ(w − c)² moves w by
 * α·λ·|w − c|; once that is at most half the gap between w and its neighbour, w + step rounds back
 * to w (a tie goes to the even neighbour) and w never moves again:
 *     α·λ·|w − c| ≤ ulp(w)/2   ⇔   |w − c| ≤ ulp(w) / (2αλ).
 * The gap ulp(w) depends on the binade of w, so the stall distance is relative to |w|.
 */

/** ulp(w)/(2αλ) with ulp taken in the binade of w: the distance below which a step is rounded away. */
export function stallDistance(format: Precision, lr: number, lambda: number, w: number): number {
  return ulp(format, w) / (2 * lr * lambda);
}

/**
 * Where a run approaching c > start ≥ 0 from below first meets the stall set: the smallest w in
 * [start, c) with α·λ·(c − w) ≤ ulp(w)/2, scanning the binades upward. Returns c if there is none.
 */
export function stallThreshold(format: Precision, lr: number, lambda: number, c: number, start: number): number {
  const emin = Math.log2(FORMATS[format].minNormal);
  for (let e = emin; e <= binade(c); e++) {
    const lo = Math.max(e === emin ? 0 : 2 ** e, start);
    const hi = Math.min(2 ** (e + 1), c);
    if (lo >= hi) continue;
    const t = c - stallDistance(format, lr, lambda, 2 ** e);
    if (t < hi) return Math.max(t, lo);
  }
  return c;
}

/** Coordinate i's final value in a run and the first step from which it never changed. */
export function stallOf(r: SimResult, i: number): { step: number; value: number } {
  const d = r.dim;
  const last = r.length - 1;
  const value = r.w[d * last + i]!;
  let step = last;
  while (step > 0 && r.w[d * (step - 1) + i] === value) step--;
  return { step, value };
}
