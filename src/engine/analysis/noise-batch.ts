/**
 * Mini-batch gradient noise: the engine adds N(0, σ²/B) per coordinate to the gradient (run.ts,
 * loops.ts). These helpers draw such gradients with the engine's own Run (so its seeded Gaussian),
 * measure the cosine similarity of independent pairs, and give the SGD noise floor on a quadratic.
 */
import { Run, simulate } from '../run';
import type { QuadraticSpec, RunSpec, Vec2 } from '../spec/types';
import { OPTIMIZER_DEFAULTS, PLAIN_LOOP } from '../spec/defaults';

/** A run spec that stands still at w (α = 0) and only draws noisy gradients there. */
export function probeSpec(surface: QuadraticSpec, w: Vec2, std: number, batchSize: number, seed: number, steps = 1): RunSpec {
  return {
    ...PLAIN_LOOP, surface, start: w, steps, seed,
    optimizer: { kind: 'sgd', ...OPTIMIZER_DEFAULTS.sgd, lr: 0 },
    noise: { batchSize, std },
  };
}

/** Draws n noisy gradients g(w) + ξ at w from one seeded engine Run: [gx0, gy0, gx1, gy1, …]. */
export function noisyGradients(surface: QuadraticSpec, w: Vec2, std: number, batchSize: number, seed: number, n: number): Float64Array {
  const run = new Run(probeSpec(surface, w, std, batchSize, seed));
  const out = new Float64Array(2 * n);
  const s = std / Math.sqrt(batchSize);
  for (let i = 0; i < n; i++) {
    run.objective.valueAndGrad(run.w, run.g);
    run.addNoise(run.g, s);
    out[2 * i] = run.g[0]!;
    out[2 * i + 1] = run.g[1]!;
  }
  return out;
}

export function cosine(ax: number, ay: number, bx: number, by: number): number {
  return (ax * bx + ay * by) / Math.sqrt((ax * ax + ay * ay) * (bx * bx + by * by));
}

/**
 * Ratio-of-expectations approximation of E[cos(g̃₁, g̃₂)] for g̃ᵢ = g + ξᵢ, ξᵢ ~ N(0, (σ²/B)I) in d
 * dimensions: E[g̃₁·g̃₂] / E‖g̃‖² = ‖g‖² / (‖g‖² + dσ²/B).
 */
export function predictedCosine(gradSq: number, std: number, batchSize: number, dim = 2): number {
  return gradSq / (gradSq + (dim * std * std) / batchSize);
}

/** Mean cosine similarity over `pairs` independent pairs of engine-drawn noisy gradients. */
export function measuredCosine(surface: QuadraticSpec, w: Vec2, std: number, batchSize: number, pairs: number, seed = 1): number {
  const g = noisyGradients(surface, w, std, batchSize, seed, 2 * pairs);
  let sum = 0;
  for (let i = 0; i < pairs; i++) sum += cosine(g[4 * i]!, g[4 * i + 1]!, g[4 * i + 2]!, g[4 * i + 3]!);
  return sum / pairs;
}

/**
 * Stationary expected loss of SGD on f = ½Σλᵢeᵢ² with isotropic gradient noise of variance s² per
 * coordinate: eᵢ ← (1 − αλᵢ)eᵢ − αξᵢ gives Var eᵢ = α²s²/(1 − (1 − αλᵢ)²) = αs²/(λᵢ(2 − αλᵢ)), so
 * E[f] = Σ ½λᵢ Var eᵢ = Σ αs²/(2(2 − αλᵢ)). Infinity when a direction is unstable (αλᵢ ≥ 2).
 */
export function noiseFloor(eigenvalues: readonly number[], lr: number, std: number, batchSize: number): number {
  const s2 = (std * std) / batchSize;
  let f = 0;
  for (const l of eigenvalues) {
    if (lr * l <= 0 || lr * l >= 2) return Infinity;
    f += (0.5 * l * lr * lr * s2) / (1 - (1 - lr * l) ** 2);
  }
  return f;
}

/** The engine's time-averaged loss after `burn` steps of a (long, seeded) noisy run. */
export function measuredFloor(spec: RunSpec, burn: number): number {
  const r = simulate(spec);
  let sum = 0;
  for (let k = burn; k < r.length; k++) sum += r.loss[k]!;
  return sum / (r.length - burn);
}
