import type { CliffSpec } from '../../engine';
import { preset } from '../preset';

/** f = ½‖w‖² + h·σ(s(x − x0)) with h = 10, s = 50, x0 = 1: the face's gradient peaks at h·s/4 = 125. */
export const CLIFF: CliffSpec = { kind: 'cliff', height: 10, steepness: 50, position: 1 };
export const START: [number, number] = [2, 1];
export const LR = 0.09;
export const STEPS = 120;
/** The max-norm LLM recipes use (clip_grad_norm_(params, 1.0)). */
export const MAX_NORM = 1;
/** The loose threshold the question asks about. */
export const LOOSE = 20;

const sgd = { kind: 'sgd' as const, lr: LR };

export const SIDE_BY_SIDE = preset({
  surface: CLIFF, start: START, steps: STEPS,
  runs: [{ optimizer: sgd }, { optimizer: sgd, clip: { maxNorm: MAX_NORM } }],
});
export const UNCLIPPED = preset({ surface: CLIFF, start: START, steps: STEPS, runs: [{ optimizer: sgd }] });
export const QUESTION = preset({ surface: CLIFF, start: START, steps: STEPS, runs: [{ optimizer: sgd, clip: { maxNorm: LOOSE } }] });
