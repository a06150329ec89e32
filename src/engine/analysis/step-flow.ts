/**
 * Gradient flow ẇ = −∇f(w) on a quadratic, and gradient descent read as its explicit-Euler
 * discretisation: GD's k-th iterate approximates the flow at time t = kα.
 */
import { OPTIMIZER_DEFAULTS, PLAIN_LOOP } from '../spec/defaults';
import type { QuadraticSpec, RunSpec, Vec2 } from '../spec/types';
import { simulate } from '../run';

/**
 * The flow in closed form: w(t) = c + e^{−Ht}(w₀ − c) = c + Σᵢ e^{−λᵢt}⟨vᵢ, w₀ − c⟩vᵢ, with the
 * spec's eigenvectors v₁ = (cos θ, −sin θ), v₂ = (sin θ, cos θ).
 */
export function quadraticFlow(s: QuadraticSpec, start: Vec2, t: number): Vec2 {
  const c = Math.cos(s.angle);
  const sn = Math.sin(s.angle);
  const ex = start[0] - s.center[0];
  const ey = start[1] - s.center[1];
  const a1 = (c * ex - sn * ey) * Math.exp(-s.eigenvalues[0] * t);
  const a2 = (sn * ex + c * ey) * Math.exp(-s.eigenvalues[1] * t);
  return [s.center[0] + a1 * c + a2 * sn, s.center[1] - a1 * sn + a2 * c];
}

/** The flow sampled at n + 1 evenly spaced times from 0 to `horizon` (for drawing). */
export function flowPath(s: QuadraticSpec, start: Vec2, horizon: number, n = 200): Vec2[] {
  return Array.from({ length: n + 1 }, (_, i) => quadraticFlow(s, start, (horizon * i) / n));
}

export interface EulerComparison {
  lr: number;
  /** GD's iterates w₀ … w_K from the engine, K = ⌊horizon/α⌋ (fewer if the run overflowed). */
  gd: Vec2[];
  /** The flow at the matching times t = kα. */
  flow: Vec2[];
  /** max over k of ‖w_k − w(kα)‖ (∞ if the run overflowed), and the k where it occurs. */
  maxGap: number;
  atStep: number;
}

/** Plain GD at step α, run by the engine, compared with the flow at t = kα up to `horizon`. */
export function compareWithFlow(s: QuadraticSpec, lr: number, start: Vec2, horizon: number): EulerComparison {
  const steps = Math.floor(horizon / lr + 1e-9);
  const spec: RunSpec = {
    ...PLAIN_LOOP, surface: s, optimizer: { kind: 'sgd', ...OPTIMIZER_DEFAULTS.sgd, lr }, start, steps,
  };
  const r = simulate(spec);
  const gd: Vec2[] = [];
  const flow: Vec2[] = [];
  let maxGap = r.nonFinite ? Infinity : 0;
  let atStep = r.nonFinite ? r.nonFinite.step : 0;
  for (let k = 0; k < r.length; k++) {
    const w: Vec2 = [r.w[2 * k]!, r.w[2 * k + 1]!];
    const f = quadraticFlow(s, start, k * lr);
    gd.push(w);
    flow.push(f);
    const gap = Math.hypot(w[0] - f[0], w[1] - f[1]);
    if (gap > maxGap) [maxGap, atStep] = [gap, k];
  }
  return { lr, gd, flow, maxGap, atStep };
}
