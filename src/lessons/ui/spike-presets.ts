import { GUARD_DEFAULTS, type BadBatchSpec, type GuardSpec, type QuadraticSpec, type RosenbrockSpec, type RunSpec, type Vec2 } from '../../engine';
import { optimizer, preset, specOf, type RunPreset } from '../preset';

/** The lesson's training run: plain GD on Rosenbrock from the lab's default start, α = 10⁻³ (λmax at the minimum ≈ 1002, so 2/α = 2000 is stable there). */
export const ROSEN: RosenbrockSpec = { kind: 'rosenbrock', a: 1, b: 100 };
export const START: Vec2 = [-1.5, 2];
export const LR = 1e-3;
export const STEPS = 1500;

/** The outlier figure's defaults: a bad batch at step 300 that spikes and recovers, and a bigger one that destroys the run. */
export const STEP = 300;
export const RECOVERS = 3000;
export const DESTROYS = 10000;
/** Outlier multipliers the figure's slider offers. */
export const SCALES = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000] as const;
/** Where the figure's step slider may put the bad batch. */
export const STEP_RANGE = { min: 10, max: 1200, step: 10 } as const;

/** The NaN batch of the question and the filter experiment. */
export const NAN_STEP = 40;

/** The notes' skip-batch rule (10× the running average of ‖g‖), with and without the explicit isfinite filter. */
export const SKIP: GuardSpec = { ...GUARD_DEFAULTS, skipNonFinite: false };
export const SKIP_AND_FILTER: GuardSpec = { ...GUARD_DEFAULTS, skipNonFinite: true };

export const outlier = (step: number, scale: number): BadBatchSpec => ({ step, kind: 'outlier', scale });
export const nonFinite = (step: number, kind: 'nan' | 'inf'): BadBatchSpec => ({ step, kind, scale: 100 });

const sgd = { kind: 'sgd' as const, lr: LR };
const doc = (runs: RunPreset[]) => preset({ surface: ROSEN, start: START, steps: STEPS, runs });

/** Clean run, an outlier that is survived, and a bigger one that is not. */
export const OUTLIERS = doc([
  { optimizer: sgd },
  { optimizer: sgd, badBatch: outlier(STEP, RECOVERS) },
  { optimizer: sgd, badBatch: outlier(STEP, DESTROYS) },
]);

/** The destroying outlier without and with the skip rule. */
export const SKIP_RULE = doc([
  { optimizer: sgd, badBatch: outlier(STEP, DESTROYS) },
  { optimizer: sgd, badBatch: outlier(STEP, DESTROYS), guard: SKIP },
]);

/** A NaN batch at step 40 under the skip rule alone, and with the isfinite filter too (the question's experiment). */
export const NAN_FILTER = doc([
  { optimizer: sgd, badBatch: nonFinite(NAN_STEP, 'nan'), guard: SKIP },
  { optimizer: sgd, badBatch: nonFinite(NAN_STEP, 'nan'), guard: SKIP_AND_FILTER },
]);

/** The clean run's spec with a bad batch and a guard (the figures' live runs). */
export function runSpec(badBatch: BadBatchSpec | null, guard: GuardSpec | null = null, optimizer: RunSpec['optimizer'] = specOf(OUTLIERS, 0).optimizer): RunSpec {
  return { ...specOf(OUTLIERS, 0), optimizer, badBatch, guard };
}

/** The optimizers the NaN table offers: plain SGD keeps no state, momentum keeps a buffer, Adam keeps m and v. */
export const POISON_OPTIMIZERS = [
  { id: 'sgd', label: `SGD, α = ${LR}`, spec: optimizer({ kind: 'sgd', lr: LR }) },
  { id: 'momentum', label: `SGD with momentum 0.9, α = ${LR}`, spec: optimizer({ kind: 'sgd', lr: LR, momentum: 0.9 }) },
  { id: 'adam', label: 'Adam, α = 0.01', spec: optimizer({ kind: 'adam', lr: 0.01 }) },
] as const;

/** The convex contrast: a ×100 outlier at step 30 of GD (α = 0.05) on the bowl λ = (1, 10). */
export const BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] };
export const BOWL_CASE = { lr: 0.05, step: 30, scale: 100, steps: 200, start: [-2, 1.5] as Vec2 } as const;

export function bowlSpec(): RunSpec {
  return specOf(preset({
    surface: BOWL, start: BOWL_CASE.start, steps: BOWL_CASE.steps,
    runs: [{ optimizer: { kind: 'sgd', lr: BOWL_CASE.lr }, badBatch: outlier(BOWL_CASE.step, BOWL_CASE.scale) }],
  }));
}
