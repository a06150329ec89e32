import type { SimResult } from '../run';
import type { AdamSpec, OptimizerSpec, RunSpec } from '../spec/types';
import { createSurface, type Surface } from '../surfaces';
import { CLIP_EPS, norm2 } from '../loops';
import { boundary, type Method } from './stability';

/**
 * The sharpness along a run: λmax of the Hessian at every recorded point w_k, next to the largest
 * sharpness the optimizer's step at α(k) can stand (Cohen et al. 2021: GD's 2/α; Cohen et al. 2022:
 * heavy ball's (2+2β)/α and, for Adam, the *preconditioned* sharpness λmax(P⁻¹H) against
 * (2+2β1)/((1−β1)α), 38/α for β1 = 0.9).
 *
 * Adam's preconditioner is P_t = (1 − β1ᵗ)·diag(√v̂_t + ε), the matrix torch's step divides the first
 * moment by (w ← w − α·P⁻¹m), as Cohen et al. (2022) write it; the factor 1 − β1ᵗ is the first
 * moment's bias correction and is within 1% of 1 after 44 steps. v̂ is not read from the optimizer
 * (its state is private): it is rebuilt from the record, with g_k = ∇f(w_k) recomputed at each
 * recorded point, clipped as the run clipped, plus Adam's L2 term. That is exact for runs without
 * gradient noise, bad batches, guards or reduced precision; for those the preconditioned sharpness
 * is unknown (NaN). Pure: no DOM.
 */

/** The larger eigenvalue of the symmetric [[a, b], [b, c]] (symmetricEigen2's λmax, without the vectors). */
export function lambdaMax2(a: number, b: number, c: number): number {
  return 0.5 * (a + c) + Math.hypot(0.5 * (a - c), b);
}

/** λmax(∇²f(x, y)), using `scratch` (length 3) for the Hessian. */
export function sharpnessAt(surface: Surface, x: number, y: number, scratch = new Float64Array(3)): number {
  surface.hessian(x, y, scratch);
  return lambdaMax2(scratch[0]!, scratch[1]!, scratch[2]!);
}

/** λmax(P⁻¹H) for diagonal P > 0: the eigenvalues of P^(−½)·H·P^(−½), which is symmetric. */
export function preconditionedLambdaMax(h00: number, h01: number, h11: number, p0: number, p1: number): number {
  return lambdaMax2(h00 / p0, h01 / Math.sqrt(p0 * p1), h11 / p1);
}

export interface SharpnessRule {
  /** c in "sharpness < c/α": 2 for GD, 2(1+β) for heavy ball, (2+2β1)/(1−β1) for Adam. */
  factor: number;
  /** The threshold as text: "2/α", "2(1+β)/α", "38/α", … */
  formula: string;
  /** Whether the sharpness compared is λmax(P⁻¹H) (Adam) rather than λmax(H). */
  preconditioned: boolean;
}

const short = (x: number) => String(Number(x.toPrecision(4)));

/** The edge-of-stability threshold for an optimizer; null for RMSprop and Adagrad (not modelled here). */
export function sharpnessRule(o: OptimizerSpec): SharpnessRule | null {
  if (o.kind === 'sgd') {
    const method: Method = o.momentum === 0 ? 'gd' : o.nesterov ? 'nesterov' : 'heavyBall';
    // torch feeds (1 − τ)·g into the momentum buffer: heavy ball's limit scales by 1/(1 − τ).
    const damp = method === 'heavyBall' ? 1 - o.dampening : 1;
    const factor = boundary(method, 1, o.momentum) / damp;
    const formula = method === 'gd' ? '2/α' : method === 'heavyBall' ? '2(1+β)/α' : '2(1+β)/((1+2β)α)';
    return { factor, formula, preconditioned: false };
  }
  if (o.kind === 'adam' || o.kind === 'adamw') {
    const b1 = o.betas[0];
    const factor = (2 + 2 * b1) / (1 - b1);
    return { factor, formula: `${short(factor)}/α`, preconditioned: true };
  }
  return null;
}

/** A stretch of a run's settings: history[0] from step 0, each later one from its `at`. */
export interface SpecSegment {
  at: number;
  spec: RunSpec;
}

export interface SharpnessTrace {
  /** Points covered: the record's length, less the last point when the run stopped (it is non-finite). */
  length: number;
  /** Per point k: λmax(H(w_k) + wd·I), or λmax(P_k⁻¹(H(w_k) + wd·I)) for Adam; NaN where unknown. */
  sharpness: Float64Array;
  /** Per point k: the rule's threshold factor/α(k); NaN when the optimizer has none or α(k) ≤ 0. */
  threshold: Float64Array;
  /** The rule in force at the last point (null: no threshold for this optimizer). */
  rule: SharpnessRule | null;
}

/** Adam's reconstruction: per point k, the first moment m_k and P_k (interleaved, 2 per point). */
export interface AdamReplay {
  m: Float64Array;
  p: Float64Array;
  /** Per point: whether m and P are known (an Adam step without noise or other extras). */
  known: Uint8Array;
}

function supported(spec: RunSpec): boolean {
  return !spec.noise && !spec.badBatch && !spec.guard && !spec.precision;
}

const isAdam = (o: OptimizerSpec): o is AdamSpec => o.kind === 'adam' || o.kind === 'adamw';

/** The segment index in force at each step, walking forward. */
function segmentAt(segments: readonly SpecSegment[], k: number, from: number): number {
  let i = from;
  while (i + 1 < segments.length && segments[i + 1]!.at <= k) i++;
  return i;
}

/** Surfaces by spec text, so a history that keeps its surface builds it once. */
function surfaceCache(first?: Surface): (spec: RunSpec) => Surface {
  let key = first ? JSON.stringify(first.spec) : '';
  let surf = first ?? null;
  return (spec) => {
    const k = JSON.stringify(spec.surface);
    if (!surf || k !== key) [key, surf] = [k, createSurface(spec.surface)];
    return surf;
  };
}

/**
 * Rebuilds Adam's m and P along a recorded run, as torch's Adam/AdamW would have them after the
 * step at each point (t = its step count): g ← ∇f(w_k) (clipped as clip_grad_norm_ does, plus
 * wd·w_k for Adam's L2), m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g² (AMSGrad: the running max), and
 * P = (1 − β1ᵗ)·(√v/√(1 − β2ᵗ) + ε). A change of optimizer kind restarts the state, as Run does.
 */
export function adamReplay(sim: SimResult, segments: readonly SpecSegment[], surface?: Surface): AdamReplay {
  const n = sim.length;
  const m = new Float64Array(2 * n).fill(NaN);
  const p = new Float64Array(2 * n).fill(NaN);
  const known = new Uint8Array(n);
  const surfaceFor = surfaceCache(surface);
  const g = new Float64Array(2);
  const mm = new Float64Array(2), v = new Float64Array(2), vMax = new Float64Array(2);
  let t = 0;
  let ok = true;
  let kind: OptimizerSpec['kind'] | null = null;
  let seg = -1;
  let spec = segments[0]!.spec;
  let surf = surfaceFor(spec);
  for (let k = 0; k < n; k++) {
    const next = segmentAt(segments, k, Math.max(0, seg));
    if (next !== seg) {
      seg = next;
      spec = segments[seg]!.spec;
      surf = surfaceFor(spec);
    }
    const o = spec.optimizer;
    if (o.kind !== kind) {
      kind = o.kind;
      t = 0;
      ok = true;
      mm.fill(0); v.fill(0); vMax.fill(0);
    }
    if (!isAdam(o)) continue;
    if (!supported(spec)) ok = false;
    if (!ok) continue;
    const x = sim.w[2 * k]!, y = sim.w[2 * k + 1]!;
    surf.gradient(x, y, g);
    if (spec.clip) {
      const coef = spec.clip.maxNorm / (norm2(g) + CLIP_EPS);
      if (coef < 1) { g[0] = g[0]! * coef; g[1] = g[1]! * coef; }
    }
    const [b1, b2] = o.betas;
    t++;
    const bc1 = 1 - b1 ** t;
    const bc2Sqrt = Math.sqrt(1 - b2 ** t);
    for (let i = 0; i < 2; i++) {
      let gi = g[i]!;
      if (o.kind === 'adam' && o.weightDecay !== 0) gi += o.weightDecay * sim.w[2 * k + i]!;
      mm[i] = mm[i]! * b1 + (1 - b1) * gi;
      v[i] = v[i]! * b2 + (1 - b2) * gi * gi;
      const second = o.amsgrad ? (vMax[i] = Math.max(vMax[i]!, v[i]!)) : v[i]!;
      m[2 * k + i] = mm[i]!;
      p[2 * k + i] = bc1 * (Math.sqrt(second) / bc2Sqrt + o.eps);
    }
    known[k] = 1;
  }
  return { m, p, known };
}

/**
 * The sharpness the run's optimizer faces at every recorded point, and its threshold at α(k).
 * `segments` is the run's history (one segment for a plain run); `surface` may be passed to reuse one.
 */
export function sharpnessTrace(sim: SimResult, segments: readonly SpecSegment[], surface?: Surface): SharpnessTrace {
  const n = sim.stoppedAt === null ? sim.length : Math.min(sim.length, sim.stoppedAt);
  const sharpness = new Float64Array(n).fill(NaN);
  const threshold = new Float64Array(n).fill(NaN);
  const surfaceFor = surfaceCache(surface);
  const h = new Float64Array(3);
  const adam = segments.some((s) => isAdam(s.spec.optimizer)) ? adamReplay(sim, segments, surface) : null;
  for (let i = 0; i < segments.length; i++) {
    const spec = segments[i]!.spec;
    const from = Math.max(0, segments[i]!.at);
    const to = Math.min(n, i + 1 < segments.length ? segments[i + 1]!.at : n);
    const o = spec.optimizer;
    const rule = sharpnessRule(o);
    const surf = surfaceFor(spec);
    const wd = o.kind === 'sgd' || o.kind === 'adam' ? o.weightDecay : 0;
    const pre = isAdam(o);
    for (let k = from; k < to; k++) {
      const lr = sim.lr[k]!;
      if (rule && lr > 0) threshold[k] = rule.factor / lr;
      surf.hessian(sim.w[2 * k]!, sim.w[2 * k + 1]!, h);
      const a = h[0]! + wd, b = h[1]!, c = h[2]! + wd;
      if (!pre) sharpness[k] = lambdaMax2(a, b, c);
      else if (adam && adam.known[k]) sharpness[k] = preconditionedLambdaMax(a, b, c, adam.p[2 * k]!, adam.p[2 * k + 1]!);
    }
  }
  const last = segments[segments.length - 1]!.spec.optimizer;
  return { length: n, sharpness, threshold, rule: sharpnessRule(last) };
}

/** Where a trace sits against its threshold from `from` on: the largest |s/threshold − 1| per point and over 2-point means. */
export function bandAfter(trace: Pick<SharpnessTrace, 'sharpness' | 'threshold' | 'length'>, from: number): { perStep: number; pairMean: number } {
  let perStep = 0;
  let pairMean = 0;
  const { sharpness: s, threshold: c } = trace;
  for (let k = from; k < trace.length; k++) {
    perStep = Math.max(perStep, Math.abs(s[k]! / c[k]! - 1));
    if (k + 1 < trace.length) pairMean = Math.max(pairMean, Math.abs((s[k]! / c[k]! + s[k + 1]! / c[k + 1]!) / 2 - 1));
  }
  return { perStep, pairMean };
}

/** First point whose sharpness is within `tol` of its threshold (per point, or as a 2-point mean); −1 if none. */
export function firstWithin(trace: Pick<SharpnessTrace, 'sharpness' | 'threshold' | 'length'>, tol: number, pairMean = false): number {
  const { sharpness: s, threshold: c } = trace;
  for (let k = 0; k + (pairMean ? 1 : 0) < trace.length; k++) {
    const r = pairMean ? (s[k]! / c[k]! + s[k + 1]! / c[k + 1]!) / 2 : s[k]! / c[k]!;
    if (Math.abs(r - 1) <= tol) return k;
  }
  return -1;
}
