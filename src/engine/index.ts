/**
 * Overshoot's engine: pure float64 math, no React, D3, zustand or DOM. Runs in Node, the browser
 * and workers. The UI talks to it through these few functions.
 */
export * from './spec/types';
export { parseRunSpec, parseRunSpecJson, formatErrors, type ParseResult, type SpecError } from './spec/parse';
export { OPTIMIZER_DEFAULTS, SURFACE_DEFAULTS, DEFAULT_START, LOSS_SCALE_DEFAULTS, GUARD_DEFAULTS, PLAIN_LOOP } from './spec/defaults';
export { createSurface, Quadratic, Rosenbrock, Cliff, Wells, Product } from './surfaces';
export type { Minimum, Objective, Surface, ViewBox } from './surfaces';
export { createOptimizer, type Optimizer } from './optimizers';
export { scheduleFactor } from './schedule';
export { Gaussian } from './random';
export { EVENT, hasExtras } from './extended';
export { roundTo, FORMATS, type Precision } from './precision';
export { Run, simulate, allocateResult, trimResult, describeNonFinite, type SimResult, type NonFinite, type NonFiniteKind } from './run';
export { symmetricEigen2, conditionNumber, type Eigen2 } from './analysis/eigen';
export * from './analysis/stability';
export { predictRegime, methodOf, type Regime, type Prediction, type ModeReport } from './analysis/regime';
export { classifyTrajectory, classifyRun, type Axes } from './analysis/classify';
export { gdIterate } from './analysis/closed-form';
export { toJson, type RunJson } from './serialize';
export { curvatureAt, referenceCurvature, stabilityReport, type Curvature, type StabilityReport } from './analysis/report';
