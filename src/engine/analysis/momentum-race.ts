/**
 * Numbers for the lesson "Ill-conditioning and momentum": gradient descent against heavy ball in a
 * valley of condition number κ, counted three ways — from the rate alone (⌈ln ε / ln ρ⌉), from the
 * exact closed-form error (which, for heavy ball at Polyak's tuning, carries a factor linear in k)
 * and by running the engine. Pure: the figures and the tests both call these.
 */
import { simulate, type SimResult } from '../run';
import { OPTIMIZER_DEFAULTS, PLAIN_LOOP } from '../spec/defaults';
import type { QuadraticSpec, RunSpec, Vec2 } from '../spec/types';
import { gdOptimal, heavyBallOptimal, stepsToReduce } from './stability';

/** The race's target: the distance to the minimum shrinks to this fraction of where it started. */
export const SHRINK = 1e-3;
/** Far along the flat floor of the valley, a little way up its steep wall. */
export const VALLEY_START: Vec2 = [-2.5, 0.3];

/** The valley ½(λmin x² + λmax y²) with λmin = 1 and λmax = κ: flat along x, steep along y. */
export function valley(kappa: number): QuadraticSpec {
  return { kind: 'quadratic', eigenvalues: [1, kappa], angle: 0, center: [0, 0] };
}

/** torch.optim.SGD at α with momentum β (heavy ball, or Nesterov), no noise, no clipping. */
export function sgdSpec(surface: QuadraticSpec, lr: number, momentum: number, steps: number, start: Vec2 = VALLEY_START, nesterov = false): RunSpec {
  return {
    ...PLAIN_LOOP, surface, start, steps,
    optimizer: { kind: 'sgd', ...OPTIMIZER_DEFAULTS.sgd, lr, momentum, nesterov },
  };
}

/**
 * e_k / e_0 along one eigendirection of curvature λ, in closed form, for torch's heavy ball
 * (β = 0: plain GD). With h = αλ: e_{k+1} = (1 + β − h) e_k − β e_{k−1}, and torch's buffer
 * starting as the first gradient gives e_1 = (1 − h) e_0. With the roots z1, z2 of
 * z² − (1 + β − h) z + β:
 *   distinct   e_k = (z1ᵏ (e_1 − z2) − z2ᵏ (e_1 − z1)) / (z1 − z2)
 *   complex    e_k = rᵏ (cos kθ + (e_1 − r cos θ)/(r sin θ) · sin kθ),  z = r e^{±iθ}
 *   double     e_k = zᵏ (1 + k (e_1/z − 1))   ← the polynomial factor
 */
export function modeError(lr: number, lambda: number, beta: number, k: number): number {
  const h = lr * lambda;
  const e1 = 1 - h;
  if (k === 0) return 1;
  if (beta === 0) return e1 ** k;
  const T = 1 + beta - h;
  const disc = T * T - 4 * beta;
  if (Math.abs(disc) <= 1e-12 * Math.max(1, T * T)) {
    const z = T / 2;
    return z ** k * (1 + k * (e1 / z - 1));
  }
  if (disc > 0) {
    const s = Math.sqrt(disc);
    const z1 = T >= 0 ? 0.5 * (T + s) : 0.5 * (T - s);
    const z2 = beta / z1;
    return (z1 ** k * (e1 - z2) - z2 ** k * (e1 - z1)) / (z1 - z2);
  }
  const r = Math.sqrt(beta);
  const theta = Math.atan2(0.5 * Math.sqrt(-disc), 0.5 * T);
  return r ** k * (Math.cos(k * theta) + ((e1 - r * Math.cos(theta)) / (r * Math.sin(theta))) * Math.sin(k * theta));
}

/** The start's error along the valley's eigendirections (flat, steep). */
export function components(s: QuadraticSpec, start: Vec2): Vec2 {
  const c = Math.cos(s.angle);
  const sn = Math.sin(s.angle);
  const ex = start[0] - s.center[0];
  const ey = start[1] - s.center[1];
  return [c * ex - sn * ey, sn * ex + c * ey];
}

/** ‖w_k − c‖ / ‖w_0 − c‖ from the closed form, for k = 0 … horizon. */
export function exactDistances(s: QuadraticSpec, start: Vec2, lr: number, beta: number, horizon: number): Float64Array {
  const [a, b] = components(s, start);
  const d0 = Math.hypot(a, b);
  const out = new Float64Array(horizon + 1);
  for (let k = 0; k <= horizon; k++) out[k] = Math.hypot(a * modeError(lr, s.eigenvalues[0], beta, k), b * modeError(lr, s.eigenvalues[1], beta, k)) / d0;
  return out;
}

/** ‖w_k − c‖ / ‖w_0 − c‖ from an engine run. */
export function distances(r: SimResult, center: Vec2): Float64Array {
  const out = new Float64Array(r.length);
  const d0 = Math.hypot(r.w[0]! - center[0], r.w[1]! - center[1]);
  for (let k = 0; k < r.length; k++) out[k] = Math.hypot(r.w[2 * k]! - center[0], r.w[2 * k + 1]! - center[1]) / d0;
  return out;
}

/**
 * The first k after which the relative distance stays at or below `factor` for every recorded
 * step (Infinity if the last recorded step is still above it: the run was too short to tell).
 */
export function stepsToStayBelow(rel: ArrayLike<number>, factor = SHRINK): number {
  const n = rel.length;
  if (n === 0 || !(rel[n - 1]! <= factor)) return Infinity;
  let k = n - 1;
  while (k > 0 && rel[k - 1]! <= factor) k--;
  return k;
}

/**
 * The per-step factor read off a run: the peak distance over the window ending at `to` against
 * the peak over the window ending at `from`, to the power 1/(to − from). Peaks, so an error that
 * spirals (complex roots) is measured by its envelope.
 */
export function measuredRate(rel: ArrayLike<number>, from: number, to: number, span = 20): number {
  const peak = (end: number) => {
    let m = 0;
    for (let k = Math.max(0, end - span + 1); k <= end; k++) m = Math.max(m, rel[k]!);
    return m;
  };
  return (peak(to) / peak(from)) ** (1 / (to - from));
}

export interface Contender {
  lr: number;
  momentum: number;
  /** Per-step factor of the worst direction: (κ − 1)/(κ + 1) or (√κ − 1)/(√κ + 1). */
  rate: number;
  /** ⌈ln ε / ln rate⌉: the count the rate alone predicts. */
  rateCount: number;
  /** From the exact closed-form error (polynomial factor included). */
  exactCount: number;
  /** By running the engine. */
  measured: number;
  /** The engine's relative distances, step by step. */
  rel: Float64Array;
}

function contender(s: QuadraticSpec, start: Vec2, lr: number, momentum: number, rate: number, factor: number): Contender {
  const rateCount = stepsToReduce(rate, factor);
  // GD's distance only ever shrinks here; heavy ball's polynomial factor needs room past rateCount.
  const horizon = momentum === 0 ? rateCount + 50 : 3 * rateCount + 100;
  const exactCount = stepsToStayBelow(exactDistances(s, start, lr, momentum, horizon), factor);
  const rel = distances(simulate(sgdSpec(s, lr, momentum, horizon, start)), s.center);
  return { lr, momentum, rate, rateCount, exactCount, measured: stepsToStayBelow(rel, factor), rel };
}

/** GD at its best α against heavy ball at Polyak's tuning, in the valley of condition number κ. */
export function race(kappa: number, start: Vec2 = VALLEY_START, factor = SHRINK): { gd: Contender; hb: Contender } {
  const s = valley(kappa);
  const g = gdOptimal(1, kappa);
  const h = heavyBallOptimal(1, kappa);
  return { gd: contender(s, start, g.lr, 0, g.rate, factor), hb: contender(s, start, h.lr, h.momentum, h.rate, factor) };
}
