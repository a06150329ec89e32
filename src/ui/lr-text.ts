/**
 * What the α slider says: the stability boundary for this optimizer and the slider's
 * aria-valuetext ("α = 0.019, 0.95 × 2/λmax, stable"). Pure, so it can be tested to the digit.
 */
import type { Method, OptimizerSpec, StabilityReport } from '../engine';
import { fmtPlain } from './format';

export type LrBoundKind = 'bound' | 'adaptive' | 'noCurvature' | 'none';

export interface LrBound {
  kind: LrBoundKind;
  method: Method | null;
  /** The largest stable α (NaN unless kind is 'bound'). */
  alpha: number;
  /** α / boundary: < 1 stable, > 1 unstable (NaN unless kind is 'bound'). */
  ratio: number;
  /** The bound's formula in plain text: 2/λmax, 2(1+β)/λmax, … */
  formula: string;
  /** The fastest α for this spectrum (GD; heavy ball with β*), or null. */
  optimal: number | null;
  /** Polyak's β* that goes with `optimal` for heavy ball, else null. */
  optimalBeta: number | null;
  /** λmax the bound uses: the curvature plus SGD's weight decay. */
  lambdaMax: number;
  lambdaMin: number;
  beta: number;
  dampening: number;
}

export const FORMULAS = {
  gd: '2/λmax',
  heavyBall: '2(1+β)/λmax',
  heavyBallDamped: '2(1+β)/((1−τ)λmax)',
  nesterov: '2(1+β)/((1+2β)λmax)',
} as const;

/**
 * The boundary the slider marks. It is report.boundary, except for heavy ball with dampening
 * τ ≠ 0: torch's buffer then takes (1 − τ)·g, so the iteration is heavy ball at α(1 − τ) and
 * the bound on α itself is report.boundary / (1 − τ).
 */
export function lrBound(report: StabilityReport, optimizer: OptimizerSpec): LrBound {
  const wd = optimizer.kind === 'sgd' ? optimizer.weightDecay : 0;
  const lambdaMax = report.curvature.lambdaMax + wd;
  const lambdaMin = report.curvature.lambdaMin + wd;
  const beta = report.momentum;
  const dampening = optimizer.kind === 'sgd' && report.method === 'heavyBall' ? optimizer.dampening : 0;
  const base = { method: report.method, lambdaMax, lambdaMin, beta, dampening, alpha: NaN, ratio: NaN, optimal: null, optimalBeta: null };
  if (!report.method) return { ...base, kind: 'adaptive', formula: '' };
  const formula = report.method === 'gd' ? FORMULAS.gd
    : report.method === 'nesterov' ? FORMULAS.nesterov
    : dampening !== 0 ? FORMULAS.heavyBallDamped : FORMULAS.heavyBall;
  if (!(lambdaMax > 0)) return { ...base, kind: 'noCurvature', formula };
  if (!(dampening < 1)) return { ...base, kind: 'none', formula };
  // The engine's report already includes dampening's 1/(1 − τ).
  const alpha = report.boundary;
  const optimal = report.optimalLr;
  return { ...base, kind: 'bound', formula, alpha, ratio: report.lr / alpha, optimal, optimalBeta: report.optimalMomentum };
}

export type Side = 'stable' | 'unstable' | 'on the boundary';

export function sideOf(ratio: number): Side {
  if (ratio < 1) return 'stable';
  return ratio > 1 ? 'unstable' : 'on the boundary';
}

/**
 * α relative to the boundary with 3 significant digits, more when needed so that a ratio
 * that is not exactly 1 never reads "1": 0.95, 0.998, 1.002, 1.0004.
 */
export function ratioText(ratio: number): string {
  if (!Number.isFinite(ratio)) return fmtPlain(ratio);
  let digits = 3;
  while (digits < 12 && ratio !== 1 && Number(ratio.toPrecision(digits)) === 1) digits++;
  return fmtPlain(ratio, digits);
}

/** α as the lab prints it: up to 4 significant digits (the slider keeps 4), shortest form: 0.0001, 0.2004. */
export function lrText(lr: number): string {
  if (!Number.isFinite(lr)) return fmtPlain(lr);
  return String(Number(lr.toPrecision(4)));
}

/**
 * The slider's aria-valuetext:
 *   "α = 0.019, 0.95 × 2/λmax, stable"
 *   "α = 0.05, 0.139 × 2(1+β)/λmax, stable"           (momentum)
 *   "α = 0.001, Adam: no closed-form bound"           (adaptive optimizers)
 */
export function lrValueText(lr: number, bound: LrBound, optimizerName: string): string {
  const a = `α = ${lrText(lr)}`;
  switch (bound.kind) {
    case 'adaptive':
      return `${a}, ${optimizerName}: no closed-form bound`;
    case 'noCurvature':
      return `${a}, no bound: λmax = ${fmtPlain(bound.lambdaMax, 4)} is not positive`;
    case 'none':
      return `${a}, no bound: dampening ${fmtPlain(bound.dampening, 4)} ≥ 1`;
    case 'bound': {
      const ratio = lr / bound.alpha;
      const side = sideOf(ratio);
      const saddle = bound.lambdaMin < 0 && side === 'stable' ? ' for λmax; λmin < 0 still escapes' : '';
      return `${a}, ${ratioText(ratio)} × ${bound.formula}, ${side}${saddle}`;
    }
  }
}

/** The small readout under the slider: "α·λmax = 1.90" (null without a bound or a positive λmax). */
export function lrLambdaText(lr: number, bound: LrBound): string | null {
  if (bound.kind === 'adaptive' || !(bound.lambdaMax > 0)) return null;
  const x = lr * bound.lambdaMax;
  if (!Number.isFinite(x)) return null;
  // Keep the product apart from the bound's own value in these units (2 for GD).
  const ref = bound.kind === 'bound' ? bound.alpha * bound.lambdaMax : x;
  let digits = 3;
  while (digits < 12 && x !== ref && Number(x.toPrecision(digits)) === Number(ref.toPrecision(digits))) digits++;
  return `α·λmax = ${Number(x.toPrecision(digits)).toFixed(decimals(x, digits))}`;
}

function decimals(x: number, digits: number): number {
  if (x === 0) return 0;
  return Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
}
