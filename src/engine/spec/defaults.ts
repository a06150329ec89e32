import type { OptimizerKind, RunSpec, SurfaceKind, Vec2, Well } from './types';

/** torch.optim defaults (torch ≥ 2.x for SGD's lr, which 1.x required). */
export const OPTIMIZER_DEFAULTS = {
  sgd: { lr: 1e-3, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
  adam: { lr: 1e-3, betas: [0.9, 0.999] as Vec2, eps: 1e-8, weightDecay: 0, amsgrad: false },
  adamw: { lr: 1e-3, betas: [0.9, 0.999] as Vec2, eps: 1e-8, weightDecay: 1e-2, amsgrad: false },
  rmsprop: { lr: 1e-2, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 },
  adagrad: { lr: 1e-2, lrDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, weightDecay: 0 },
} as const satisfies Record<OptimizerKind, object>;

export const DEFAULT_WELLS: readonly Well[] = [
  { center: [2, 1], depth: 2, width: 0.8 },
  { center: [-2, 1.5], depth: 1.2, width: 0.7 },
  { center: [0, -2], depth: 1, width: 0.6 },
];

export const SURFACE_DEFAULTS = {
  quadratic: { eigenvalues: [1, 10] as Vec2, angle: 0, center: [0, 0] as Vec2 },
  rosenbrock: { a: 1, b: 100 },
  cliff: { height: 10, steepness: 50, position: 1 },
  wells: { bowl: 0.1, wells: DEFAULT_WELLS },
  product: { target: 1, power: 2 as 1 | 2 },
} as const satisfies Record<SurfaceKind, object>;

/** Where a run starts when the spec names no start point. */
export const DEFAULT_START: Record<SurfaceKind, Vec2> = {
  quadratic: [-2, 1.5],
  rosenbrock: [-1.5, 2],
  cliff: [2.5, 0.5],
  wells: [-0.5, 0.5],
  product: [2.25, 0.1],
};

export const DEFAULT_STEPS = 200;

/**
 * Everything of a run spec besides surface, optimizer, start and steps, for a plain run: constant
 * rate, no clipping, noise or training-loop extras, seed 0. Spread it into a spec literal, so a
 * field added to the spec later is added here once.
 */
export const PLAIN_LOOP = {
  schedule: { kind: 'constant' },
  clip: null,
  noise: null,
  badBatch: null,
  guard: null,
  precision: null,
  seed: 0,
} as const satisfies Omit<RunSpec, 'surface' | 'optimizer' | 'start' | 'steps'>;
export const DEFAULT_NOISE_STD = 1;
/** torch.optim.lr_scheduler.StepLR's default gamma. */
export const DEFAULT_STEP_GAMMA = 0.1;

/** torch.cuda.amp.GradScaler's defaults: init_scale 2¹⁶, growth_factor 2, backoff_factor 0.5, growth_interval 2000. */
export const LOSS_SCALE_DEFAULTS = { init: 65536, growthFactor: 2, backoffFactor: 0.5, growthInterval: 2000 } as const;
/** The notes' skip-batch rule: skip the update when ‖g‖ exceeds 10× its running average. */
export const GUARD_DEFAULTS = { skipFactor: 10, beta: 0.9, skipNonFinite: false } as const;
export const DEFAULT_OUTLIER_SCALE = 100;
