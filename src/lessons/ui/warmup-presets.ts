import { createSurface, type NoiseSpec, type QuadraticSpec, type RosenbrockSpec, type ScheduleSpec, type Vec2 } from '../../engine';
import { crossoverLr, stepTerms } from '../../engine/analysis/warmup-expected-change';
import { preset, specOf } from '../preset';

/*
 * The warmup lesson's presets. Warmup vs cold start: Rosenbrock (a = 1, b = 100) from (−2, −1),
 * below the valley, where λmax of the Hessian is about 5300; at the minimum (1, 1) it is about
 * 1000. The peak rate sits between the two limits: above 2/λmax at the start, below it at the
 * minimum. Noisy step: a bowl near its minimum with small batches, where the noise term of the
 * expected change dominates.
 */

export const VALLEY: RosenbrockSpec = { kind: 'rosenbrock', a: 1, b: 100 };
export const VALLEY_START: Vec2 = [-2, -1];
export const PEAK_LR = 1.6e-3;
export const VALLEY_STEPS = 3000;
/** Linear warmup over 100 steps, then cosine decay to 0.1 × the peak at the last step. */
export const COSINE: Extract<ScheduleSpec, { kind: 'warmupCosine' }> = { kind: 'warmupCosine', warmupSteps: 100, totalSteps: VALLEY_STEPS, minFactor: 0.1 };
/** The question's schedule: a much shorter linear warmup, no decay. */
export const QUESTION_WARMUP = 10;
export const SHORT: Extract<ScheduleSpec, { kind: 'linearWarmup' }> = { kind: 'linearWarmup', warmupSteps: QUESTION_WARMUP };

const VALLEY_VIEW = { box: { xMin: -2.5, xMax: 2, yMin: -1.5, yMax: 3 }, speed: 60 };

/** A warmup run (run 1) and its cold-start twin (run 2): same surface, start, peak α and steps. */
function withColdTwin(schedule: ScheduleSpec) {
  return preset({
    surface: VALLEY, start: VALLEY_START, steps: VALLEY_STEPS, view: VALLEY_VIEW,
    runs: [{ optimizer: { kind: 'sgd', lr: PEAK_LR }, schedule }, { optimizer: { kind: 'sgd', lr: PEAK_LR } }],
  });
}

export const WARMUP_COSINE = withColdTwin(COSINE);
export const QUESTION = withColdTwin(SHORT);
export const warmSpec = specOf(WARMUP_COSINE, 0);
export const coldSpec = specOf(WARMUP_COSINE, 1);

export const BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6, center: [0, 0] };
export const BOWL_START: Vec2 = [0.5, -0.3];
export const BOWL_NOISE: NoiseSpec = { batchSize: 2, std: 1 };
/** The crossover α of the first step from BOWL_START, computed by the engine's helper. */
export const BOWL_CROSSOVER = crossoverLr(stepTerms(createSurface(BOWL), BOWL_START[0], BOWL_START[1], BOWL_NOISE));

/** Two runs on the noisy bowl with the same noise draws: α = 0.8 α* and 1.2 α*. */
export const NOISY_STEP = preset({
  surface: BOWL, start: BOWL_START, steps: 200,
  runs: [0.8, 1.2].map((m) => ({ optimizer: { kind: 'sgd' as const, lr: m * BOWL_CROSSOVER }, noise: BOWL_NOISE, seed: 0 })),
});
