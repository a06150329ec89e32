import type { QuadraticSpec, RunSpec } from '../../engine';
import { CAUSES, caseOf, type Cause, type DoctorCase } from '../../engine/analysis/doctor';
import type { LabDoc } from '../../state/doc';
import { preset, type RunPreset } from '../preset';

export const SLUG = 'the-debugging-workflow';

/** The case shown when the address names none. */
export const DEFAULT_SEED = 1;

/** One fixed case per cause for the workflow's buttons (any seed works; these are the guide's examples). */
export const SHOWCASE: Record<Cause, number> = {
  'lr-too-high': 1,
  'lr-bit-high': 1,
  'no-warmup': 1,
  'lr-too-low': 1,
  'ill-conditioned': 1,
  'bad-batch': 1,
  'fp16-overflow': 1,
  'nan-batch': 1,
};

export const showcase = (cause: Cause): DoctorCase => caseOf(cause, SHOWCASE[cause]);

function runOf(s: RunSpec): RunPreset {
  return {
    optimizer: s.optimizer, schedule: s.schedule, clip: s.clip, noise: s.noise,
    badBatch: s.badBatch, guard: s.guard, precision: s.precision, seed: s.seed,
  };
}

/** Playback fast enough that a long run finishes in about 10–25 s. */
function speedFor(steps: number): number {
  return steps <= 300 ? 30 : steps <= 600 ? 60 : 240;
}

/** A case in the lab: its run alone, or (withFix) run 1 the case and run 2 the same run with the fix. */
export function caseDoc(c: DoctorCase, withFix = true): LabDoc {
  return preset({
    surface: c.spec.surface, start: c.spec.start, steps: c.spec.steps,
    runs: withFix ? [runOf(c.spec), runOf(c.fix)] : [runOf(c.spec)],
    view: { speed: speedFor(c.spec.steps) },
  });
}

/**
 * The LR finder (fastai's lr_find): an exponential sweep of α over a short run on a bowl with
 * λmax = 10, with mini-batch noise (B = 32) as a real sweep has. The loss falls while α is small
 * and turns up soon after α passes 2/λmax = 0.2.
 */
export const FINDER_BOWL: QuadraticSpec = { kind: 'quadratic', eigenvalues: [1, 10], angle: Math.PI / 6, center: [0, 0] };
export const FINDER_START_LR = 1e-4;
export const FINDER_STEPS = 150;
/** α grows ×10 every 30 steps: from 10⁻⁴ at step 0 to 10 at step 150. */
export const FINDER_GAMMA = Number((10 ** (1 / 30)).toFixed(6));
export const FINDER_NOISE = { batchSize: 32, std: 1 };
export const LR_FINDER = preset({
  surface: FINDER_BOWL, start: [-2, 1.5], steps: FINDER_STEPS,
  runs: [{ optimizer: { kind: 'sgd', lr: FINDER_START_LR }, schedule: { kind: 'exponential', gamma: FINDER_GAMMA }, noise: FINDER_NOISE, seed: 0 }],
});

/** The question's case: the FP16 showcase, and the same run computed in BF16. */
export const QUESTION_CASE = showcase('fp16-overflow');
export const QUESTION = caseDoc(QUESTION_CASE);

export const causeLabel = (cause: Cause): string => CAUSES.find((c) => c.cause === cause)!.label;
