import type { RunSpec } from '../spec/types';
import type { Surface } from '../surfaces';
import { Quadratic } from '../surfaces';
import { conditionNumber, symmetricEigen2 } from './eigen';
import { methodOf, predictRegime, type Prediction } from './regime';
import { boundary, gdOptimal, heavyBallOptimal, type Method } from './stability';

/** Curvature the lab reasons with: exact for a quadratic, else the Hessian at a point. */
export interface Curvature {
  lambdaMax: number;
  lambdaMin: number;
  vMax: [number, number];
  vMin: [number, number];
  kappa: number;
  /** Where it was measured. */
  at: [number, number];
}

export function curvatureAt(surface: Surface, x: number, y: number): Curvature {
  if (surface instanceof Quadratic) {
    const { values, vectors } = surface.eigen();
    const i = values[0] >= values[1] ? 0 : 1;
    const [lambdaMax, lambdaMin] = [values[i]!, values[1 - i]!];
    return { lambdaMax, lambdaMin, vMax: vectors[i]!, vMin: vectors[1 - i]!, kappa: conditionNumber(lambdaMax, lambdaMin), at: [x, y] };
  }
  const h = new Float64Array(3);
  surface.hessian(x, y, h);
  const e = symmetricEigen2(h[0]!, h[1]!, h[2]!);
  return { ...e, kappa: conditionNumber(e.lambdaMax, e.lambdaMin), at: [x, y] };
}

/** The curvature at the surface's lowest minimum (its centre for a quadratic; the start if it has none). */
export function referenceCurvature(surface: Surface, start: readonly [number, number]): Curvature {
  const m = surface.minima[0];
  return m ? curvatureAt(surface, m.x, m.y) : curvatureAt(surface, start[0], start[1]);
}

/** Everything the lab says about one run's step size against the curvature. */
export interface StabilityReport {
  curvature: Curvature;
  /** gd / heavyBall / nesterov for SGD; null for adaptive optimizers (no closed-form boundary). */
  method: Method | null;
  lr: number;
  momentum: number;
  /** Largest stable α for this method at this curvature (∞ when λmax ≤ 0), dampening included. */
  boundary: number;
  /** The α (and β, for heavy ball) that converge fastest on a quadratic with this spectrum. */
  optimalLr: number | null;
  optimalMomentum: number | null;
  /** α·λmax, the step in units of the curvature. */
  lrTimesLambdaMax: number;
  /** α relative to the boundary: < 1 stable, > 1 unstable. */
  ratio: number;
  prediction: Prediction | null;
}

export function stabilityReport(spec: RunSpec, surface: Surface): StabilityReport {
  const curvature = referenceCurvature(surface, spec.start);
  const method = methodOf(spec);
  const o = spec.optimizer;
  const momentum = o.kind === 'sgd' ? o.momentum : 0;
  const wd = o.kind === 'sgd' ? o.weightDecay : 0;
  const lmax = curvature.lambdaMax + wd;
  const lmin = curvature.lambdaMin + wd;
  // Heavy ball with dampening τ steps by α(1 − τ) in effect, so its limits on α scale by 1/(1 − τ).
  const damp = method === 'heavyBall' && o.kind === 'sgd' ? 1 / (1 - o.dampening) : 1;
  const bound = method ? boundary(method, lmax, momentum) * damp : NaN;
  let optimalLr: number | null = null;
  let optimalMomentum: number | null = null;
  if (lmin > 0 && method === 'heavyBall') {
    const opt = heavyBallOptimal(lmin, lmax);
    optimalLr = opt.lr * damp;
    optimalMomentum = opt.momentum;
  } else if (lmin > 0 && method === 'gd') {
    optimalLr = gdOptimal(lmin, lmax).lr;
  }
  return {
    curvature, method, lr: o.lr, momentum, boundary: bound, optimalLr, optimalMomentum,
    lrTimesLambdaMax: o.lr * lmax, ratio: o.lr / bound, prediction: predictRegime(spec),
  };
}
