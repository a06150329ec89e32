import type { SimResult } from '../run';
import type { ViewBox } from '../surfaces';

/** torch.nn.utils.clip_grad_norm_'s scale: min(1, maxNorm/(‖g‖ + 1e-6)). */
export function clipCoef(norm: number, maxNorm: number): number {
  return Math.min(1, maxNorm / (norm + 1e-6));
}

/** Length of every step of a recorded run: ‖w_{k+1} − w_k‖ for k = 0 … length − 2. */
export function stepLengths(r: SimResult): Float64Array {
  const n = r.dim;
  const out = new Float64Array(Math.max(0, r.length - 1));
  for (let k = 0; k < out.length; k++) {
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const d = r.w[n * (k + 1) + i]! - r.w[n * k + i]!;
      sq += d * d;
    }
    out[k] = Math.sqrt(sq);
  }
  return out;
}

/** The longest single step of a run: its length, the step k it was taken from, and ‖g_k‖ there. */
export interface LongestStep {
  length: number;
  step: number;
  gradNorm: number;
  from: [number, number];
  to: [number, number];
}

export function longestStep(r: SimResult): LongestStep {
  const lens = stepLengths(r);
  let at = 0;
  for (let k = 1; k < lens.length; k++) if (lens[k]! > lens[at]!) at = k;
  const p = (k: number): [number, number] => [r.w[r.dim * k]!, r.w[r.dim * k + 1]!];
  return { length: lens[at] ?? 0, step: at, gradNorm: r.gradNorm[at] ?? 0, from: p(at), to: p(Math.min(at + 1, r.length - 1)) };
}

/** Whether the run ever leaves the view box, and the farthest distance from the origin it reaches. */
export function escapes(r: SimResult, box: ViewBox): { left: boolean; farthest: number } {
  let left = false;
  let farthest = 0;
  for (let k = 0; k < r.length; k++) {
    const x = r.w[r.dim * k]!;
    const y = r.w[r.dim * k + 1]!;
    if (x < box.xMin || x > box.xMax || y < box.yMin || y > box.yMax) left = true;
    farthest = Math.max(farthest, Math.hypot(x, y));
  }
  return { left, farthest };
}
