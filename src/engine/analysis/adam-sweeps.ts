/**
 * The measured side of the lesson "Adam and adaptive steps": engine runs swept over the angle of a
 * valley, over α on a bowl, and with the two kinds of weight decay. Pure: figures and tests share it.
 */
import { simulate, type SimResult } from '../run';
import type { QuadraticSpec, RunSpec, Vec2 } from '../spec/types';
import { createSurface } from '../surfaces';
import { classifyRun } from './classify';
import type { Regime } from './regime';
import { gdOptimal, stepsToReduce } from './stability';
import { decayedMinimum, distanceAt, largestStep, plainSpec, secondMomentRoot } from './adam-steps';

/* ---- rotating an ill-conditioned valley ---- */

/** The valley λ = 1 and κ, its axes turned by θ; the start, (2, 1) in the eigenbasis, turns with it. */
export const ROTATION = { kappa: 100, lr: 0.03, shrink: 1e-4, eigenStart: [2, 1] as Vec2, steps: 5000 } as const;

export function rotatedValley(deg: number, kappa: number = ROTATION.kappa): QuadraticSpec {
  return { kind: 'quadratic', eigenvalues: [1, kappa], angle: (deg * Math.PI) / 180, center: [0, 0] };
}

/** a·v₁ + b·v₂ with the spec's eigenvectors v₁ = (cos θ, −sin θ), v₂ = (sin θ, cos θ). */
export function rotatedStart(deg: number, [a, b]: Vec2 = ROTATION.eigenStart): Vec2 {
  const t = (deg * Math.PI) / 180;
  return [a * Math.cos(t) + b * Math.sin(t), -a * Math.sin(t) + b * Math.cos(t)];
}

/** The first k with ‖wₖ − c‖ ≤ shrink·‖w₀ − c‖, or null if the run never gets there. */
export function firstWithin(r: SimResult, c: Vec2, shrink: number): number | null {
  const d0 = distanceAt(r, 0, c);
  for (let k = 0; k < r.length; k++) if (distanceAt(r, k, c) <= shrink * d0) return k;
  return null;
}

export interface RotationRow {
  deg: number;
  /** Adam at ROTATION.lr: steps until within `shrink` of the start distance (engine). */
  adam: number | null;
  /** GD at its best α* = 2/(1 + κ) (engine). */
  gd: number | null;
}

export function rotationRow(deg: number, kappa: number = ROTATION.kappa): RotationRow {
  const surface = rotatedValley(deg, kappa);
  const start = rotatedStart(deg);
  const { lr, steps, shrink } = ROTATION;
  const adam = simulate(plainSpec(surface, start, steps, { kind: 'adam', lr }));
  const gd = simulate(plainSpec(surface, start, steps, { kind: 'sgd', lr: gdOptimal(1, kappa).lr }));
  return { deg, adam: firstWithin(adam, [0, 0], shrink), gd: firstWithin(gd, [0, 0], shrink) };
}

/** GD at α* shrinks both eigen-components by (κ − 1)/(κ + 1) per step, so the count is ⌈ln shrink / ln ρ⌉. */
export function gdClosedCount(kappa: number = ROTATION.kappa): number {
  return stepsToReduce(gdOptimal(1, kappa).rate, ROTATION.shrink);
}

/* ---- too large an α on a bowl ---- */

/** The bowl of the first lessons: λ = 1 and 10 turned 30°, so 2/λmax = 0.2. */
export const BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6, center: [0, 0] };
export const BOWL_START: Vec2 = [-2, 1.5];
export const HOVER_ALPHAS = [0.03, 0.1, 0.3, 1, 3] as const;
/** Long enough for the smallest α to reach its late-time hover. */
export const HOVER_STEPS = 20000;

/** The largest distance to c over the last quarter of a run. */
export function lateDistance(r: SimResult, c: Vec2): number {
  let m = 0;
  for (let k = Math.floor((3 * (r.length - 1)) / 4); k < r.length; k++) m = Math.max(m, distanceAt(r, k, c));
  return m;
}

export type Verdict = 'diverges' | 'converges' | 'hovers';

export interface Fate {
  regime: Regime;
  /** Step where the run went non-finite, or null. */
  stoppedAt: number | null;
  /** Largest distance to the minimum over the last quarter (of the steps it took). */
  late: number;
  start: number;
  verdict: Verdict;
  /** The largest single-coordinate step. */
  largest: number;
}

/**
 * What a run on a quadratic did: diverges (non-finite, or the classifier says diverging), converges
 * (the last quarter stays within 10⁻⁶ of the start distance), or hovers (bounded, but not that close).
 */
export function fate(spec: RunSpec): Fate {
  const r = simulate(spec);
  const c = (spec.surface as QuadraticSpec).center;
  const regime = classifyRun(createSurface(spec.surface), r);
  const late = lateDistance(r, c);
  const start = distanceAt(r, 0, c);
  const verdict: Verdict = r.nonFinite || regime === 'diverging' ? 'diverges' : late <= 1e-6 * start ? 'converges' : 'hovers';
  return { regime, stoppedAt: r.stoppedAt, late, start, verdict, largest: largestStep(r) };
}

export interface HoverRow {
  lr: number;
  adam: Fate;
  gd: Fate;
}

export function hoverRow(lr: number, steps: number = HOVER_STEPS): HoverRow {
  return {
    lr,
    adam: fate(plainSpec(BOWL, BOWL_START, steps, { kind: 'adam', lr })),
    gd: fate(plainSpec(BOWL, BOWL_START, steps, { kind: 'sgd', lr })),
  };
}

/* ---- L2 in Adam against AdamW's decoupled decay ---- */

/** An axis-aligned bowl whose minimum c = (2, 1) is away from the origin the decay pulls toward. */
export const DECAY = {
  surface: { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [2, 1] } as QuadraticSpec,
  start: [-1, -1] as Vec2,
  wd: 0.5,
  lr: 0.05,
  gdLr: 0.1,
  steps: 3000,
} as const;

export interface DecayEnds {
  l2Closed: Vec2;
  gd: Vec2;
  adam: Vec2;
  adamw: Vec2;
  /** √v̂ of the AdamW run at its last step, per coordinate. */
  root: Vec2;
  /** (H + wd·diag(√v̂ + ε))⁻¹Hc with that √v̂: where AdamW's decay balances its step. */
  adamwPredicted: Vec2;
}

/** End points of GD + L2, Adam + L2 and AdamW, from the three runs' specs (noise-free, unclipped). */
export function decayEnds(gd: RunSpec, adam: RunSpec, adamw: RunSpec): DecayEnds {
  const end = (spec: RunSpec): [Vec2, SimResult] => {
    const r = simulate(spec);
    const k = r.length - 1;
    return [[r.w[2 * k]!, r.w[2 * k + 1]!], r];
  };
  const surface = adamw.surface as QuadraticSpec;
  const o = adamw.optimizer as { weightDecay: number; eps: number };
  const [w, r] = end(adamw);
  const root = secondMomentRoot(adamw, r, r.length - 1);
  const wd = (gd.optimizer as { weightDecay: number }).weightDecay;
  return {
    l2Closed: decayedMinimum(surface, [wd, wd]),
    gd: end(gd)[0],
    adam: end(adam)[0],
    adamw: w,
    root,
    adamwPredicted: decayedMinimum(surface, [o.weightDecay * (root[0] + o.eps), o.weightDecay * (root[1] + o.eps)]),
  };
}
