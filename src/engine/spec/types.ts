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

/**
 * A scalar factorisation toy, f(x, y) = ((x·y)^p − target)² / (2p) for power p = 1 or 2: a depth-2
 * "network" x·y fitting one number. Its minima fill the curve (x·y)^p = target, where the sharpness
 * (the Hessian's largest eigenvalue) grows with x² + y²: lowest at the balanced points |x| = |y|.
 * p = 2 is Zhu et al.'s (2023) minimal example of progressive sharpening and the edge of stability.
 */
export interface ProductSpec {
  kind: 'product';
  /** Positive. */
  target: number;
  power: 1 | 2;
}

export type SurfaceSpec = QuadraticSpec | RosenbrockSpec | CliffSpec | WellsSpec | ProductSpec;
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
  | { kind: 'step'; stepSize: number; gamma: number }
  /** torch's ExponentialLR: γ^k (an exponential sweep from the base rate, as an LR finder runs). */
  | { kind: 'exponential'; gamma: number }
  /** torch's CosineAnnealingWarmRestarts with eta_min = minFactor·lr: cycles of t0, t0·tMult, … steps. */
  | { kind: 'cosineRestarts'; t0: number; tMult: number; minFactor: number };
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

/**
 * A bad mini-batch at one step. 'outlier': its gradient is `scale` times the true one (mislabelled or
 * garbage data). 'nan' / 'inf': the batch holds a NaN / an Inf, so its gradient is NaN / +Inf.
 */
export interface BadBatchSpec {
  step: number;
  kind: 'outlier' | 'nan' | 'inf';
  /** The outlier's gradient multiplier (ignored for 'nan' and 'inf'). */
  scale: number;
}

/** Guards a training loop puts in front of optimizer.step(): a skipped batch leaves w and the optimizer state untouched. */
export interface GuardSpec {
  /** The skip-batch rule: skip when ‖g‖ > skipFactor × the running average of accepted ‖g‖ (0 = off). */
  skipFactor: number;
  /** Weight β of that running average: avg ← β·avg + (1 − β)·‖g‖, started at the first ‖g‖. */
  beta: number;
  /** Filtering: skip a batch whose loss or gradient is NaN or ±Inf (an explicit isfinite check). */
  skipNonFinite: boolean;
}

export type NumberFormat = 'fp64' | 'fp32' | 'fp16' | 'bf16';

/** torch.cuda.amp.GradScaler's dynamic loss scaling. */
export interface LossScaleSpec {
  init: number;
  growthFactor: number;
  backoffFactor: number;
  growthInterval: number;
}

/**
 * Reduced precision. The loss and the gradient are computed in `compute` (the gradient of the loss
 * times the loss scale S, rounded to `compute`, then divided by S and rounded to `params`); the
 * parameters are stored in `params` (rounded after every update). Optimizer state stays float64.
 */
export interface PrecisionSpec {
  params: NumberFormat;
  compute: NumberFormat;
  lossScale: LossScaleSpec | null;
}

export interface RunSpec {
  surface: SurfaceSpec;
  optimizer: OptimizerSpec;
  schedule: ScheduleSpec;
  clip: ClipSpec | null;
  noise: NoiseSpec | null;
  badBatch: BadBatchSpec | null;
  guard: GuardSpec | null;
  precision: PrecisionSpec | null;
  start: Vec2;
  steps: number;
  seed: number;
}

/** Largest number of steps one run may ask for (memory: 5 float64 per step). */
export const MAX_STEPS = 10_000_000;
