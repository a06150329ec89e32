import { fmt } from '../../ui/format';
import type { Experiment, Grade, Lesson } from '../types';
import { FinderBody } from '../ui/finder-body';
import { finderFacts, GAMMA, KAPPA, LAMBDA, STOP_CHOICES, stopBand, suggestedDoc, sweepDoc } from '../ui/finder-presets';

export const experiments: Experiment[] = [
  { id: 'sweep', label: `LR sweep 10⁻⁷ → 10 over 100 steps on a quadratic with λmax = ${LAMBDA}`, doc: () => sweepDoc() },
  { id: 'noisy', label: `the same sweep with mini-batch noise (B = 16)`, doc: () => sweepDoc(LAMBDA, KAPPA, true) },
  { id: 'suggested', label: 'constant α at min/10, at steep, and at the rate where the sweep stopped', doc: suggestedDoc },
];

function grade(answer: string): Grade {
  const f = finderFacts();
  const truth = stopBand(f.stop.ratio);
  return {
    correct: answer === truth,
    truth: `The engine’s sweep stops at α = ${fmt(f.stop.lr)}, ${fmt(f.stop.ratio)} × 2/λmax (2/λmax = ${fmt(f.boundary)}).`,
    explanation: `Below 2/λmax nothing can grow, so the stop cannot come first. Past it the sharp direction’s error, which had shrunk to ${fmt(f.depth)} of its start, grows by |1 − αλmax| per step; it needs ${f.stepsPast} steps to make the smoothed loss pass 4× its best, and α grows by γ = ${fmt(GAMMA, 4)} at every one of them: γ^${f.stepsPast} = ${fmt(GAMMA ** f.stepsPast)}.`,
  };
}

export const lesson: Lesson = {
  slug: 'the-learning-rate-finder',
  title: 'The learning-rate finder',
  claim: 'An LR finder sweeps α exponentially in one short run and watches the smoothed loss; the loss can only grow once α passes 2/λmax, but the blow-up shows several times later, so the finder’s stop point overstates the stable limit and its suggestions (minimum/10, steepest fall) sit well below it.',
  Body: FinderBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `A quadratic with λmax = ${LAMBDA} (so 2/λmax = ${fmt(2 / LAMBDA)}), κ = ${KAPPA}, no noise. fastai’s finder sweeps α from 10⁻⁷ to 10 in 100 steps and stops once the smoothed loss exceeds 4× its best. Where does it stop?`,
    options: (Object.keys(STOP_CHOICES) as (keyof typeof STOP_CHOICES)[]).map((value) => ({ value, label: STOP_CHOICES[value] })),
    experiment: 'sweep',
    grade,
  },
  takeaway: 'The LR finder’s blow-up point is an overestimate of the largest stable α (here several × 2/λmax); use a rate well below it — minimum/10 or the steepest-descent point — and check it, especially when the problem is ill-conditioned.',
  oneMinute: (
    <p>
      The LR range test (Leslie Smith; fastai’s lr_find) trains for about a hundred mini-batches while multiplying the
      learning rate by a constant factor each step, from 10⁻⁷ to 10, and plots the smoothed loss against the rate on a
      log axis. The loss is flat while the rate is too small to matter, falls once it is useful, and shoots up when the
      rate is too large; the run stops once the smoothed loss is four times its best. You pick a rate on the falling part:
      the steepest point, or the minimum divided by ten. The blow-up is not the stability limit: on a quadratic nothing
      grows before 2/λmax, but the unstable direction needs many steps to show while the rate keeps climbing, so the loss
      explodes several times past it. And the rules read the loss, not the curvature, so on an ill-conditioned problem the
      steepest point can already be unstable — treat the suggestion as a starting point and check it with a short run.
    </p>
  ),
};
