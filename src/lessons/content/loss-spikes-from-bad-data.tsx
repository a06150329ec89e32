import { EVENT, describeNonFinite } from '../../engine';
import type { Experiment, Grade, Lesson } from '../types';
import { SpikeBody } from '../ui/spike-body';
import { questionRun } from '../ui/spike-facts';
import { DESTROYS, NAN_FILTER, NAN_STEP, OUTLIERS, RECOVERS, SKIP_RULE, STEP } from '../ui/spike-presets';

export const experiments: Experiment[] = [
  { id: 'outliers', label: `Rosenbrock, GD: clean vs a ×${RECOVERS} and a ×${DESTROYS} outlier at step ${STEP}`, doc: () => OUTLIERS },
  { id: 'skip', label: `the ×${DESTROYS} outlier without and with the 10× skip rule`, doc: () => SKIP_RULE },
  { id: 'nan', label: `a NaN batch at step ${NAN_STEP}: skip rule alone vs skip rule + isfinite filter`, doc: () => NAN_FILTER },
];

const CHOICES = {
  skipped: 'the rule skips it and the run goes on, one step late',
  stops: `it passes the rule and the run stops: NaN at step ${NAN_STEP}`,
  recovers: 'the loss spikes, then recovers',
} as const;
type Choice = keyof typeof CHOICES;

/** The engine's answer: run the question's spec and read off what happened at the NaN step. */
export function questionTruth(): Choice {
  const r = questionRun();
  if (r.nonFinite) return 'stops';
  return (r.events![NAN_STEP]! & EVENT.skipped) !== 0 ? 'skipped' : 'recovers';
}

function grade(answer: string): Grade {
  const r = questionRun();
  const truth = questionTruth();
  return {
    correct: answer === truth,
    truth: r.nonFinite
      ? `The engine says it stops: ${describeNonFinite(r.nonFinite)}, with the skip rule on.`
      : `The engine says: ${CHOICES[truth]}.`,
    explanation: `The rule skips when ‖g‖ > 10 × its running average. The NaN batch’s ‖g‖ is NaN, and every comparison with NaN is false, so it is never “too large”: the update goes ahead and writes NaN into w (and into any optimizer state). Only an explicit isfinite check catches it — the second run in the lab has one, skips step ${NAN_STEP} and finishes as the clean run one step late.`,
  };
}

export const lesson: Lesson = {
  slug: 'loss-spikes-from-bad-data',
  title: 'Loss spikes from bad data',
  claim: 'One bad batch is one oversized step: the loss spikes and recovers if the step lands where the surface is gentle enough (λmax < 2/α) and the run is destroyed where it is steep; a NaN or Inf never recovers but poisons the weights and the optimizer state, so skip batches whose gradient norm exceeds 10× its running average and check isfinite explicitly (NaN passes every comparison).',
  Body: SpikeBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `Same Rosenbrock run. The skip rule is on (skip when ‖g‖ > 10× its running average), with no other check. A batch holding a NaN arrives at step ${NAN_STEP}. What happens?`,
    options: (Object.keys(CHOICES) as Choice[]).map((value) => ({ value, label: CHOICES[value] })),
    experiment: 'nan',
    grade,
  },
  takeaway: 'A spike from a bad batch is a single step of α·c·‖g‖: it heals where it lands on gentle ground (λmax < 2/α) and blows up where the surface is steep. NaN and Inf do not heal: they poison w and the optimizer state. Skip steps whose ‖g‖ exceeds 10× its running average, add an explicit isfinite check (NaN passes every comparison), and filter the data upstream; a skipped batch costs exactly one step.',
  oneMinute: (
    <p>
      A loss spike in a healthy run is usually one bad batch — garbage text, a corrupt record — whose gradient is orders
      of magnitude too large, so one update throws the weights far away. If they land where the loss is still smooth
      (curvature under 2/α) the loss comes back within some steps; if they land somewhere steep, every next step
      overshoots more and the run diverges. A NaN or Inf in a batch is worse: IEEE arithmetic propagates it into the
      weights and into Adam’s moments, so the run is dead from that step. In practice I log the gradient norm and skip
      the update when it is more than about 10× its running average, check <code>torch.isfinite</code> on the loss and
      gradient norm explicitly (a NaN fails every comparison, so the ratio test misses it), keep gradient clipping on,
      and filter the data and record which samples were in skipped batches. A skipped batch costs exactly one step.
    </p>
  ),
};
