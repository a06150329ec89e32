import { measuredFloor } from '../../engine/analysis/noise-batch';
import { fmt } from '../../ui/format';
import type { Experiment, Grade, Lesson } from '../types';
import { NoiseBody } from '../ui/noise-body';
import { B_LARGE, B_SMALL, BATCH_PAIR, FLOOR_BURN, LR_PAIR, QUESTION_LR, floorSpec, theoryFloor } from '../ui/noise-presets';

export const experiments: Experiment[] = [
  { id: 'batch', label: `α = ${QUESTION_LR}, B = ${B_SMALL} vs B = ${B_LARGE}`, doc: () => BATCH_PAIR },
  { id: 'lr', label: `B = ${B_SMALL}, α = 0.05 vs α = 0.15`, doc: () => LR_PAIR },
];

/** Steps of the long runs the question is graded with. */
export const QUESTION_STEPS = 100000;

/** The engine's floor ratio B = 4 over B = 16 at the question's α, with both floors. */
export function floorRatio() {
  const small = measuredFloor(floorSpec(QUESTION_LR, B_SMALL, QUESTION_STEPS, 21), FLOOR_BURN);
  const large = measuredFloor(floorSpec(QUESTION_LR, B_LARGE, QUESTION_STEPS, 22), FLOOR_BURN);
  return { small, large, ratio: small / large };
}

function grade(answer: number): Grade {
  const { small, large, ratio } = floorRatio();
  return {
    correct: Number.isFinite(answer) && Math.abs(answer - ratio) <= 0.1 * ratio,
    truth: `The engine measures floors of ${fmt(small)} (B = ${B_SMALL}) and ${fmt(large)} (B = ${B_LARGE}): B = ${B_LARGE} divides the floor by ${fmt(ratio)}.`,
    explanation: `The floor is Σ ασ²/(2B(2 − αλᵢ)) (${fmt(theoryFloor(QUESTION_LR, B_SMALL))} and ${fmt(theoryFloor(QUESTION_LR, B_LARGE))}): α is unchanged, so only the 1/B factor moves, and ×${B_LARGE / B_SMALL} in B divides it by ${B_LARGE / B_SMALL}. The engine’s ratio differs from ${B_LARGE / B_SMALL} only by the sampling error of two finite runs (${QUESTION_STEPS.toLocaleString('en-US')} steps each); answers within 10 % count.`,
  };
}

export const lesson: Lesson = {
  slug: 'gradient-noise-and-batch-size',
  title: 'Gradient noise and batch size',
  claim: 'A mini-batch gradient is the true gradient plus noise whose variance falls as 1/B: larger batches give mini-batch gradients that agree in direction, and SGD at a constant α hovers at a noise floor that grows with α and shrinks as 1/B.',
  Body: NoiseBody,
  experiments,
  question: {
    kind: 'number',
    prompt: `Same bowl, same α = ${QUESTION_LR}, the batch size quadrupled from ${B_SMALL} to ${B_LARGE}. The noise floor (the loss SGD hovers at) is divided by how much?`,
    unit: '×',
    experiment: 'batch',
    grade,
  },
  takeaway: 'Gradient noise has variance σ²/B: quadrupling the batch halves its standard deviation and divides the SGD noise floor by four; a smaller α lowers the floor too, so decay α (or grow B) to get below it.',
  oneMinute: (
    <p>
      A mini-batch gradient is an unbiased estimate of the full gradient whose covariance scales as 1/B, so its
      standard deviation falls only as 1/√B. With small batches two mini-batch gradients can point in quite different
      directions; their cosine similarity rises towards 1 as B grows, roughly like ‖g‖²/(‖g‖² + dσ²/B). Near a minimum
      the true gradient vanishes but the noise does not, so constant-rate SGD keeps bouncing: on a quadratic the
      stationary loss is Σ ασ²/(2B(2 − αλᵢ)), proportional to α/B when αλ is small. That is why the learning rate and
      batch size are tuned together (the linear scaling rule keeps α/B fixed), why large-batch training is steadier,
      and why decaying the learning rate at the end lowers the final loss.
    </p>
  ),
};
