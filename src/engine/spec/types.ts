/**
 * The run spec: one serialisable JSON object that describes a run.
 * The same object is the URL share state, the export format and a lesson preset.
 * Field names follow torch.optim (camelCased) so torch users recognise them.
 *
 * `RunSpecInput` is what a user may write (optional fields may be omitted);
 * `RunSpec` is the normalised form the engine runs, every default filled in.
 */

export type Vec2 = [number, number];

export interface QuadraticSpec {
  kind: 'quadratic';
  /** λ1, λ2: curvature along the eigenvectors (cos θ, −sin θ) and (sin θ, cos θ). Any sign. */
  eigenvalues: Vec2;
  /** θ in radians: H = R(θ)ᵀ diag(λ1, λ2) R(θ). */
  angle: number;
  /** The minimiser c (the stationary point). */
  center: Vec2;
}

export interface RosenbrockSpec {
  kind: 'rosenbrock';
  a: number;
  b: number;
}

/** ½‖w‖² plus a smoothed step of the given height: a cliff face at x = position. */
export interface CliffSpec {
  kind: 'cliff';
  height: number;
  steepness: number;
  position: number;
}

export interface Well {
  center: Vec2;
  depth: number;
  width: number;
}

/** A bowl q‖w‖²/2 with Gaussian wells cut into it: several minima of different depth. */
export interface WellsSpec {
  kind: 'wells';
  bowl: number;
  wells: Well[];
}

export type SurfaceSpec = QuadraticSpec | RosenbrockSpec | CliffSpec | WellsSpec;
export type SurfaceKind = SurfaceSpec['kind'];

export interface SgdSpec {
  kind: 'sgd';
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}

export interface AdamSpec {
  kind: 'adam' | 'adamw';
  lr: number;
  betas: Vec2;
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
}

export interface RmspropSpec {
  kind: 'rmsprop';
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
  weightDecay: number;
}

export interface AdagradSpec {
  kind: 'adagrad';
  lr: number;
  lrDecay: number;
  initialAccumulatorValue: number;
  eps: number;
  weightDecay: number;
}

export type OptimizerSpec = SgdSpec | AdamSpec | RmspropSpec | AdagradSpec;
export type OptimizerKind = OptimizerSpec['kind'];

export type ScheduleSpec =
  | { kind: 'constant' }
  | { kind: 'linearWarmup'; warmupSteps: number }
  | { kind: 'warmupCosine'; warmupSteps: number; totalSteps: number; minFactor: number }
  | { kind: 'step'; stepSize: number; gamma: number };
export type ScheduleKind = ScheduleSpec['kind'];

export interface ClipSpec {
  /** torch.nn.utils.clip_grad_norm_(params, max_norm): global 2-norm. */
  maxNorm: number;
}

export interface NoiseSpec {
  /** Mini-batch size B: the noise added to the gradient has variance std²/B per coordinate. */
  batchSize: number;
  /** Per-example gradient noise standard deviation σ (default 1). */
  std: number;
}

export interface RunSpec {
  surface: SurfaceSpec;
  optimizer: OptimizerSpec;
  schedule: ScheduleSpec;
  clip: ClipSpec | null;
  noise: NoiseSpec | null;
  start: Vec2;
  steps: number;
  seed: number;
}

/** Largest number of steps one run may ask for (memory: 5 float64 per step). */
export const MAX_STEPS = 10_000_000;
