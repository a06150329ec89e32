import type { NoiseSpec } from '../spec/types';
import type { Surface } from '../surfaces';

/**
 * The expected change of the loss over one noisy SGD step w₁ = w₀ − α g̃, g̃ = ∇f(w₀) + ξ,
 * E[ξ] = 0, Cov ξ = Σ. For f quadratic with Hessian H (Taylor to second order otherwise):
 *
 *   E[f(w₁)] − f(w₀) = −α ‖∇f‖² + (α²/2) (∇fᵀH∇f + tr(HΣ))
 *
 * The engine's noise (run.ts) adds σ/√B · N(0, 1) to each coordinate, so Σ = (σ²/B) I and
 * tr(HΣ) = (σ²/B) tr H.
 */
export interface StepTerms {
  /** ‖∇f‖²: what the linear (useful) term is made of. */
  gradSq: number;
  /** ∇fᵀH∇f: the curvature the mean step runs into. */
  gHg: number;
  /** tr(HΣ): the curvature the noise runs into. */
  trHSigma: number;
}

/** Per-coordinate variance of the engine's gradient noise, σ²/B (0 without noise). */
export function noiseVariance(noise: NoiseSpec | null): number {
  return noise ? (noise.std * noise.std) / noise.batchSize : 0;
}

/** The three numbers the expected change is built from, at (x, y) on a 2D surface. */
export function stepTerms(surface: Surface, x: number, y: number, noise: NoiseSpec | null): StepTerms {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  surface.gradient(x, y, g);
  surface.hessian(x, y, h);
  const [gx, gy] = [g[0]!, g[1]!];
  const [hxx, hxy, hyy] = [h[0]!, h[1]!, h[2]!];
  return {
    gradSq: gx * gx + gy * gy,
    gHg: gx * (hxx * gx + hxy * gy) + gy * (hxy * gx + hyy * gy),
    trHSigma: noiseVariance(noise) * (hxx + hyy),
  };
}

export interface ExpectedChange {
  /** α‖∇f‖²: how much the step lowers the loss to first order. */
  gain: number;
  /** (α²/2)(∇fᵀH∇f + tr(HΣ)): how much curvature and noise give back. */
  cost: number;
  /** (α²/2)∇fᵀH∇f: the cost without the noise term. */
  costMean: number;
  /** cost − gain: E[f(w₁)] − f(w₀); negative means the step helps on average. */
  net: number;
}

export function expectedChange(t: StepTerms, lr: number): ExpectedChange {
  const gain = lr * t.gradSq;
  const cost = 0.5 * lr * lr * (t.gHg + t.trHSigma);
  return { gain, cost, costMean: 0.5 * lr * lr * t.gHg, net: cost - gain };
}

/**
 * The α where the expected change turns positive: 2‖∇f‖² / (∇fᵀH∇f + tr(HΣ)). Infinity when the
 * quadratic coefficient is not positive (no crossover: flat or negative curvature), 0 at a
 * stationary point with positive curvature (every step costs).
 */
export function crossoverLr(t: StepTerms): number {
  const c = t.gHg + t.trHSigma;
  if (!(c > 0)) return Infinity;
  return (2 * t.gradSq) / c;
}
