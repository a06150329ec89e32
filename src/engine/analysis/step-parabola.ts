/**
 * The 1D parabola f(x) = ½·λx², run by the engine as the round bowl f = ½λ‖w‖² started on the
 * x axis (its y component is zero and stays zero), so every number is the engine's own.
 * Closed form for comparison: x_k = (1 − αλ)ᵏ x₀.
 */
import { OPTIMIZER_DEFAULTS, PLAIN_LOOP } from '../spec/defaults';
import type { QuadraticSpec, RunSpec } from '../spec/types';
import { simulate } from '../run';
import { createSurface } from '../surfaces';
import { classifyRun } from './classify';
import { predictRegime, type Regime } from './regime';

/** f = ½λ‖w‖²: along the x axis this is the parabola ½λx². */
export function parabolaSurface(lambda: number): QuadraticSpec {
  return { kind: 'quadratic', eigenvalues: [lambda, lambda], angle: 0, center: [0, 0] };
}

/** Plain gradient descent at step α on the parabola, from x₀, for `steps` steps. */
export function parabolaSpec(lambda: number, lr: number, x0: number, steps: number): RunSpec {
  return { ...PLAIN_LOOP, surface: parabolaSurface(lambda), optimizer: { kind: 'sgd', ...OPTIMIZER_DEFAULTS.sgd, lr }, start: [x0, 0], steps };
}

export interface ParabolaRun {
  /** x₀, x₁, … as the engine computed them (fewer than steps + 1 if the run overflowed). */
  x: number[];
  /** The closed-form prediction of the regime. */
  predicted: Regime;
  /** The engine's classifier, reading the trajectory itself. */
  observed: Regime;
}

/** Runs GD on the parabola through the engine and classifies the result both ways. */
export function parabolaRun(lambda: number, lr: number, x0: number, steps: number): ParabolaRun {
  const spec = parabolaSpec(lambda, lr, x0, steps);
  const r = simulate(spec);
  const x: number[] = [];
  for (let k = 0; k < r.length; k++) x.push(r.w[r.dim * k]!);
  const predicted = predictRegime(spec)!.regime;
  const observed = classifyRun(createSurface(spec.surface), r);
  return { x, predicted, observed };
}

/**
 * The largest α in [lo, hi] for which `holds(α)` is true, by bisection: holds(lo) must be true
 * and holds(hi) false, and `holds` must switch once. Returns the last α known to hold.
 */
export function largestLrWhere(holds: (lr: number) => boolean, lo: number, hi: number, iterations = 60): number {
  if (!holds(lo) || holds(hi)) throw new Error('largestLrWhere: need holds(lo) and not holds(hi)');
  for (let i = 0; i < iterations && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (holds(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
