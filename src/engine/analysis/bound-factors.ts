/**
 * Numbers for the lesson "The boundary α < 2/λmax": gradient descent's per-direction factors
 * |1 − αλ| side by side with what the engine measures when it actually runs, and the steps the
 * best α needs at each conditioning. Pure: the figures and tests both call these.
 */
import { simulate } from '../run';
import { OPTIMIZER_DEFAULTS, PLAIN_LOOP } from '../spec/defaults';
import type { QuadraticSpec, RunSpec, Vec2 } from '../spec/types';
import { measuredRate, stepsToShrink } from './bound-search';
import { gdOptimal, modeFactor, stepsToReduce } from './stability';

/** A start with a component along both eigendirections for every angle the lessons use. */
export const PROBE_START: Vec2 = [1, 1];

/** Plain gradient descent at α on a quadratic, from `start`, for `steps` steps. */
export function gdSpec(surface: QuadraticSpec, lr: number, steps: number, start: Vec2 = PROBE_START): RunSpec {
  return {
    ...PLAIN_LOOP, surface, start, steps,
    optimizer: { kind: 'sgd', ...OPTIMIZER_DEFAULTS.sgd, lr },
  };
}

/** The bowl ½(w − c)ᵀH(w − c) with curvatures λmin and λmax, centred at 0 (rotated by `angle`). */
export function bowl(lambdaMin: number, lambdaMax: number, angle = 0.5): QuadraticSpec {
  return { kind: 'quadratic', eigenvalues: [lambdaMin, lambdaMax], angle, center: [0, 0] };
}

/** |1 − αλ| for each curvature, and the worst of them: GD's rate at α. */
export function factors(lr: number, lambdaMin: number, lambdaMax: number): { slow: number; steep: number; worst: number } {
  const slow = modeFactor('gd', lr, lambdaMin).rho;
  const steep = modeFactor('gd', lr, lambdaMax).rho;
  return { slow, steep, worst: Math.max(slow, steep) };
}

export interface FactorPoint {
  lr: number;
  slow: number;
  steep: number;
  worst: number;
}

/** The two "V" curves sampled at n + 1 points from α = 0 to α = lrMax, plus their kinks and α*. */
export function factorCurves(lambdaMin: number, lambdaMax: number, lrMax: number, n = 200): FactorPoint[] {
  const at = new Set<number>();
  for (let i = 0; i <= n; i++) at.add((lrMax * i) / n);
  for (const lr of [1 / lambdaMax, 1 / lambdaMin, 2 / (lambdaMin + lambdaMax)]) if (lr <= lrMax) at.add(lr);
  return [...at].sort((a, b) => a - b).map((lr) => ({ lr, ...factors(lr, lambdaMin, lambdaMax) }));
}

export interface RateProbe {
  lr: number;
  /** Per-step factor the engine measured from its run. */
  measured: number;
  /** The closed form max |1 − αλᵢ|. */
  predicted: number;
}

/**
 * Runs GD on the bowl at each α and measures its rate from the trajectory (measuredRate reads it
 * before the numbers overflow or underflow, so runs that blow up or converge fast are fine).
 */
export function probeRates(lambdaMin: number, lambdaMax: number, lrs: readonly number[], steps = 2000): RateProbe[] {
  const s = bowl(lambdaMin, lambdaMax);
  return lrs.map((lr) => ({ lr, measured: measuredRate(simulate(gdSpec(s, lr, steps))), predicted: factors(lr, lambdaMin, lambdaMax).worst }));
}

/** The default factor a row of the table shrinks the error by. */
export const SHRINK = 1e-3;

export interface KappaRow {
  kappa: number;
  /** α* = 2/(λmin + λmax) and the rate (κ − 1)/(κ + 1) it gives, for λ = 1 and κ. */
  lr: number;
  rate: number;
  /** The rate the engine measured at α*. */
  measuredRate: number;
  /** ⌈ln factor / ln rate⌉. */
  closedForm: number;
  /** (κ/2)·ln(1/factor): the large-κ estimate. */
  estimate: number;
  /** The first step at which the engine's run is within factor of its start distance. */
  measured: number;
}

/** One row of the "steps to shrink the error by 10⁻³" table: closed form beside an engine run. */
export function kappaRow(kappa: number, factor = SHRINK): KappaRow {
  const { lr, rate } = gdOptimal(1, kappa);
  const closedForm = stepsToReduce(rate, factor);
  const s = bowl(1, kappa);
  const r = simulate(gdSpec(s, lr, closedForm + 20));
  return {
    kappa, lr, rate, closedForm,
    measuredRate: measuredRate(r, 0),
    estimate: (kappa / 2) * Math.log(1 / factor),
    measured: stepsToShrink(r, s.center, factor),
  };
}
