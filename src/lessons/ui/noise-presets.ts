import { noiseFloor, probeSpec } from '../../engine/analysis/noise-batch';
import type { QuadraticSpec, RunSpec, Vec2 } from '../../engine';
import { optimizer, preset } from '../preset';

/** f = ½(λ₁x² + λ₂y²), λ = 1 and 10: the floor's sum has one term per direction. */
export const BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: 0, center: [0, 0] };
export const EIGS = BOWL.eigenvalues;

/** The cosine figure: a point where ‖∇f‖ = 1, per-example noise σ = 2 (so ‖g‖²/σ² = 1/4). */
export const COS_POINT: Vec2 = [0.6, 0.08];
export const COS_STD = 2;
export const COS_PAIRS = 3000;
export const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** The noise-floor figure and question: σ = 1, two batch sizes, several α below 2/λmax = 0.2. */
export const FLOOR_STD = 1;
export const B_SMALL = 4;
export const B_LARGE = 16;
export const FLOOR_LRS = [0.03, 0.06, 0.09, 0.12, 0.15];
export const FLOOR_STEPS = 40000;
export const FLOOR_BURN = 1000;
export const QUESTION_LR = 0.1;

/** A long run from the minimum (burn-in still discarded) for measuring the floor. */
export function floorSpec(lr: number, batchSize: number, steps = FLOOR_STEPS, seed = 11): RunSpec {
  return { ...probeSpec(BOWL, [0, 0], FLOOR_STD, batchSize, seed, steps), optimizer: optimizer({ kind: 'sgd', lr }) };
}

export const theoryFloor = (lr: number, b: number) => noiseFloor(EIGS, lr, FLOOR_STD, b);

const START: Vec2 = [-2, 1.5];
const noise = (b: number) => ({ batchSize: b, std: FLOOR_STD });

export const BATCH_PAIR = preset({
  surface: BOWL, start: START, steps: 400,
  runs: [
    { optimizer: { kind: 'sgd', lr: QUESTION_LR }, noise: noise(B_SMALL), seed: 1 },
    { optimizer: { kind: 'sgd', lr: QUESTION_LR }, noise: noise(B_LARGE), seed: 2 },
  ],
});

export const LR_PAIR = preset({
  surface: BOWL, start: START, steps: 400,
  runs: [
    { optimizer: { kind: 'sgd', lr: 0.05 }, noise: noise(B_SMALL), seed: 1 },
    { optimizer: { kind: 'sgd', lr: 0.15 }, noise: noise(B_SMALL), seed: 2 },
  ],
});
