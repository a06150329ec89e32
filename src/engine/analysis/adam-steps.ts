/**
 * Closed forms for the lesson "Adam and adaptive steps": Adam's first step, the bound on any of its
 * steps, its second moment replayed along a recorded run, and the end points of weight decay on a
 * quadratic. Pure: the lesson's figures and its tests both call these.
 */
import { simulate, type SimResult } from '../run';
import { OPTIMIZER_DEFAULTS, PLAIN_LOOP } from '../spec/defaults';
import type { AdamSpec, OptimizerSpec, QuadraticSpec, RunSpec, SurfaceSpec, Vec2 } from '../spec/types';
import { createSurface } from '../surfaces';

/** A noise-free, unclipped run at a constant rate with torch's defaults for the fields not given. */
export function plainSpec(surface: SurfaceSpec, start: Vec2, steps: number, o: Partial<OptimizerSpec> & { kind: OptimizerSpec['kind'] }): RunSpec {
  const optimizer = { ...OPTIMIZER_DEFAULTS[o.kind], ...o } as OptimizerSpec;
  return { ...PLAIN_LOOP, surface, start, steps, optimizer };
}

/** Euclidean distance from point k of a run to c. */
export function distanceAt(r: SimResult, k: number, c: Vec2): number {
  return Math.hypot(r.w[2 * k]! - c[0], r.w[2 * k + 1]! - c[1]);
}

export interface FirstStep {
  /** The gradient at the start, g₀. */
  g: Vec2;
  /** w₁ − w₀ as the engine took it. */
  engine: Vec2;
  /** −α·g/(|g| + ε) per coordinate: the first step in closed form. */
  formula: Vec2;
  /** −α·sign(g): the same with ε dropped. */
  sign: Vec2;
  /** −α·g: what plain gradient descent at the same α would do. */
  gd: Vec2;
}

/**
 * Adam's first step. At t = 1, m = (1 − β1)g and v = (1 − β2)g², so the bias corrections give
 * m̂ = g and v̂ = g² exactly, whatever the betas: the step is −α·g/(|g| + ε) per coordinate.
 * (For an Adam/AdamW spec without weight decay, noise or clipping.)
 */
export function firstStep(spec: RunSpec): FirstStep {
  const o = spec.optimizer as AdamSpec;
  const surface = createSurface(spec.surface);
  const g = new Float64Array(2);
  surface.gradient(spec.start[0], spec.start[1], g);
  const r = simulate({ ...spec, steps: 1 });
  const per = (f: (gi: number, i: number) => number): Vec2 => [f(g[0]!, 0), f(g[1]!, 1)];
  return {
    g: per((gi) => gi),
    engine: per((_, i) => r.w[2 + i]! - r.w[i]!),
    formula: per((gi) => (-o.lr * gi) / (Math.abs(gi) + o.eps)),
    sign: per((gi) => -o.lr * Math.sign(gi)),
    gd: per((gi) => -o.lr * gi),
  };
}

/**
 * The largest |m̂ₜ/√v̂ₜ| any gradient sequence can produce at step t, so every coordinate of Adam's
 * step t is at most α times this. By Cauchy–Schwarz, with r = β1²/β2:
 *   |mₜ| ≤ (1 − β1) Σ β1ⁱ|gₜ₋ᵢ| ≤ (1 − β1) √(Σ rⁱ) · √(vₜ/(1 − β2)),
 * and the bias corrections turn that into
 *   Bₜ = (1 − β1)√(1 − β2ᵗ) / ((1 − β1ᵗ)√(1 − β2)) · √((1 − rᵗ)/(1 − r)).
 * B₁ = 1 (the first step is at most α); t = Infinity gives the limit (1 − β1)/√((1 − β2)(1 − r)).
 * The bound is attained by gradients that shrink by β2/β1 per step.
 */
export function stepBound(betas: Vec2, t: number): number {
  const [b1, b2] = betas;
  const r = (b1 * b1) / b2;
  const sum = r === 1 ? t : (1 - r ** t) / (1 - r);
  const bias = Number.isFinite(t) ? Math.sqrt(1 - b2 ** t) / (1 - b1 ** t) : 1;
  return ((1 - b1) / Math.sqrt(1 - b2)) * bias * Math.sqrt(sum);
}

/** The largest |w_{k+1,i} − w_{k,i}| over a run's steps and coordinates. */
export function largestStep(r: SimResult): number {
  let m = 0;
  for (let k = 0; k + 1 < r.length; k++) {
    for (let i = 0; i < r.dim; i++) m = Math.max(m, Math.abs(r.w[r.dim * (k + 1) + i]! - r.w[r.dim * k + i]!));
  }
  return m;
}

/**
 * √v̂ₖ per coordinate after k steps of an Adam/AdamW run, replayed from its recorded points: step t
 * used g = ∇f(w_{t−1}) (plus wd·w_{t−1} for Adam's L2, not for AdamW) and v ← β2·v + (1 − β2)g²,
 * then v̂ = v/(1 − β2ᵏ). (Noise-free, unclipped runs.)
 */
export function secondMomentRoot(spec: RunSpec, r: SimResult, k: number): Vec2 {
  const o = spec.optimizer as AdamSpec;
  const b2 = o.betas[1];
  const surface = createSurface(spec.surface);
  const g = new Float64Array(2);
  const v = [0, 0];
  for (let t = 1; t <= k; t++) {
    const x = r.w[2 * (t - 1)]!;
    const y = r.w[2 * (t - 1) + 1]!;
    surface.gradient(x, y, g);
    if (o.kind === 'adam' && o.weightDecay !== 0) {
      g[0] = g[0]! + o.weightDecay * x;
      g[1] = g[1]! + o.weightDecay * y;
    }
    for (let i = 0; i < 2; i++) v[i] = b2 * v[i]! + (1 - b2) * g[i]! * g[i]!;
  }
  const bc = 1 - b2 ** k;
  return [Math.sqrt(v[0]! / bc), Math.sqrt(v[1]! / bc)];
}

/**
 * The minimiser of ½(w−c)ᵀH(w−c) + ½ wᵀ diag(d) w: solves (H + diag(d)) w = Hc. With d = (wd, wd)
 * it is the L2-regularised minimum (H + wd·I)⁻¹Hc; with d = wd·(√v̂ + ε) it is where AdamW's decoupled
 * decay balances its normalised step, wd·w = −m̂/(√v̂ + ε) with m̂ = ∇f(w), for that √v̂.
 */
export function decayedMinimum(surface: QuadraticSpec, d: Vec2): Vec2 {
  const q = createSurface(surface);
  const h = new Float64Array(3);
  q.hessian(0, 0, h);
  const [hxx, hxy, hyy] = [h[0]!, h[1]!, h[2]!];
  const [cx, cy] = surface.center;
  const bx = hxx * cx + hxy * cy;
  const by = hxy * cx + hyy * cy;
  const a = hxx + d[0];
  const dd = hyy + d[1];
  const det = a * dd - hxy * hxy;
  return [(dd * bx - hxy * by) / det, (a * by - hxy * bx) / det];
}
