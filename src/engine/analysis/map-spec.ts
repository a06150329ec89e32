/**
 * From a run to its stability map: which family (heavy ball, Nesterov, Adam), the quadratic the map
 * is drawn for (the surface itself, or its curvature at the lowest minimum for other surfaces), the
 * run's own point on the map, and how a point on the map becomes the run's α and β.
 */
import type { OptimizerSpec, RunSpec } from '../spec/types';
import { createSurface } from '../surfaces';
import { referenceCurvature } from './report';
import { lambdaUnit, MAP_DEFAULTS, type MapFamily, type MapKind, type MapSpec } from './stability-map';

export type MapSource = { ok: true; spec: MapSpec; notes: string[] } | { ok: false; reason: string };

export function familyOf(o: OptimizerSpec): MapFamily | null {
  if (o.kind === 'sgd') return o.nesterov ? 'nesterov' : 'heavyBall';
  if (o.kind === 'adam' || o.kind === 'adamw') return 'adam';
  return null;
}

/** The momentum the map's y axis means for this optimizer: SGD's momentum or Adam's β1. */
export function momentumOf(o: OptimizerSpec): number {
  if (o.kind === 'sgd') return o.momentum;
  if (o.kind === 'adam' || o.kind === 'adamw') return o.betas[0];
  return 0;
}

export interface MapSize {
  nx?: number;
  ny?: number;
  steps?: number;
}

/** The map of `kind` for a run, or why there is none. */
export function mapSpecFor(run: RunSpec, kind: MapKind, size: MapSize = {}): MapSource {
  const o = run.optimizer;
  const family = familyOf(o);
  if (!family) return { ok: false, reason: `The map covers SGD (with or without momentum) and Adam; this run uses ${o.kind === 'rmsprop' ? 'RMSprop' : 'Adagrad'}.` };
  const notes: string[] = [];
  const surface = createSurface(run.surface);
  const curv = referenceCurvature(surface, run.start);
  if (run.surface.kind !== 'quadratic') notes.push(`This surface is not a quadratic: the map is for its curvature at (${curv.at.map((v) => Number(v.toPrecision(3))).join(', ')}).`);
  if (!(curv.lambdaMax > 0) || !Number.isFinite(curv.lambdaMax)) return { ok: false, reason: 'The map is drawn in units of 1/λmax, and this surface has no positive curvature there.' };
  if (run.schedule.kind !== 'constant' || run.noise || run.clip) notes.push('The map is for a constant α without noise or clipping; the run’s schedule, noise and clipping are left out.');
  const sgd = o.kind === 'sgd' ? o : null;
  const adam = o.kind === 'adam' || o.kind === 'adamw' ? o : null;
  if (adam && adam.weightDecay !== 0) notes.push('Adam’s map leaves weight decay out.');
  // Only what the map depends on goes in (see mapKey): SGD's rates do not depend on the start, and
  // the (α, β) map not on the run's β.
  let start: [number, number] = adam ? [run.start[0] - curv.at[0], run.start[1] - curv.at[1]] : [1, 1];
  if (!(Math.hypot(...start) > 0)) start = [1, 1];
  const beta = kind === 'alphaKappa' ? momentumOf(o) : 0;
  const spec: MapSpec = {
    kind, family,
    nx: size.nx ?? MAP_DEFAULTS.nx, ny: size.ny ?? MAP_DEFAULTS.ny, steps: size.steps ?? MAP_DEFAULTS.steps,
    alphaRange: [...MAP_DEFAULTS.alphaRange],
    yRange: kind === 'alphaBeta' ? [...MAP_DEFAULTS.betaRange] : [...MAP_DEFAULTS.kappaRange],
    lambdaMax: curv.lambdaMax, lambdaMin: curv.lambdaMin, vMax: curv.vMax, start,
    beta: Math.min(beta, MAP_DEFAULTS.betaRange[1]),
    dampening: sgd?.dampening ?? 0, weightDecay: sgd?.weightDecay ?? 0,
    beta2: adam?.betas[1] ?? 0.999, eps: adam?.eps ?? 1e-8, amsgrad: adam?.amsgrad ?? false,
  };
  return { ok: true, spec, notes };
}

/** The run's own point: (αλmax, β) on the (α, β) map, (αλmax, κ) on the (α, κ) map. */
export function runPoint(s: MapSpec, o: OptimizerSpec): { alphaUnits: number; y: number } {
  const lmin = s.lambdaMin + (s.family === 'adam' ? 0 : s.weightDecay);
  // κ is ∞ on a flat or saddle direction: the point is then off the (α, κ) map.
  const y = s.kind === 'alphaBeta' ? momentumOf(o) : lmin > 0 ? lambdaUnit(s) / lmin : Infinity;
  return { alphaUnits: o.lr * lambdaUnit(s), y };
}

/** A key that changes exactly when the empirical map would (α and β of the run are not in it). */
export function mapKey(s: MapSpec): string {
  return JSON.stringify(s);
}

/**
 * The optimizer with the map point's α and, on the (α, β) map, its β (SGD's momentum or Adam's
 * β1); every other hyperparameter kept. A plain-SGD run whose β leaves 0 becomes heavy ball.
 */
export function applyPoint(o: OptimizerSpec, lr: number, beta: number | null): OptimizerSpec {
  if (o.kind === 'sgd') return beta === null ? { ...o, lr } : { ...o, lr, momentum: beta, nesterov: o.nesterov && beta > 0 };
  if (o.kind === 'adam' || o.kind === 'adamw') return beta === null ? { ...o, lr } : { ...o, lr, betas: [beta, o.betas[1]] };
  return { ...o, lr };
}
