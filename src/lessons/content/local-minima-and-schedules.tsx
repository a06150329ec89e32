import { fmt } from '../../ui/format';
import type { Experiment, Grade, Lesson } from '../types';
import { BasinsBody } from '../ui/basins-body';
import { BIG_LR, deepestShares, noisyDoc, pairDoc, schedulesDoc, SHARE_CHOICES, shareBand, SMALL_LR, STARTS, STEPS } from '../ui/basins-presets';

export const experiments: Experiment[] = [
  { id: 'pair', label: `wells: α = ${SMALL_LR} constant vs α₀ = ${BIG_LR} with cosine annealing, same start`, doc: pairDoc },
  { id: 'schedules', label: `wells: α₀ = ${BIG_LR} with cosine, warm restarts, and no schedule`, doc: schedulesDoc },
  { id: 'noisy', label: `wells: α₀ = ${BIG_LR} with cosine annealing and gradient noise`, doc: noisyDoc },
];

function grade(answer: string): Grade {
  const { start, large } = deepestShares();
  const truth = shareBand(start, large);
  return {
    correct: answer === truth,
    truth: `The engine: ${fmt(100 * large, 3)}% of the annealed runs end in A, against ${fmt(100 * start, 3)}% of the starts in A’s basin.`,
    explanation: `At α₀ = ${BIG_LR}, above every well’s 2/λmax, no minimum can hold a resting iterate, so runs bounce between basins; the cosine brings α down, and the basin a run is in when α becomes too small to leave decides where it ends. On this surface that is most often A, the deepest and widest well — a measured tendency, not a guarantee: the rest still end in B or C.`,
  };
}

export const lesson: Lesson = {
  slug: 'local-minima-and-schedules',
  title: 'Local minima and schedules',
  claim: 'With a small constant learning rate, gradient descent settles in the basin it starts in; a large learning rate annealed to zero (cosine, or warm restarts) explores first and settles later, and on the wells surface it ends in the deepest minimum much more often than its starts lie in that basin.',
  Body: BasinsBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `${STARTS} random starts on the wells surface. Each runs ${STEPS} steps of GD with α₀ = ${BIG_LR} annealed to 0 by a cosine. Compared with the share of starts that lie in the deepest well’s basin (A), how often do the runs end in A?`,
    options: (Object.keys(SHARE_CHOICES) as (keyof typeof SHARE_CHOICES)[]).map((value) => ({ value, label: SHARE_CHOICES[value] })),
    experiment: 'pair',
    grade,
  },
  takeaway: 'A small constant α stays in the basin it starts in; a large α decayed to zero explores first and chooses its minimum during the decay — on this surface it reaches the deepest well far more often, but a schedule raises the odds, it does not guarantee the global minimum.',
  oneMinute: (
    <p>
      Gradient descent with a small step follows the gradient flow, so it ends in the minimum whose basin contains the
      starting point. A step larger than 2/λmax of a minimum cannot settle there: the iterate bounces out of sharp or
      narrow minima and wanders between basins. Schedules exploit this: start with a large learning rate to explore, then
      anneal it (cosine decay) so the run settles; warm restarts (SGDR) raise the rate again periodically to escape the
      minimum found and settle anew. On a toy surface with wells of different depth, cosine annealing from a large rate
      ends in the deepest well much more often than a small constant rate does — a change in the odds, not a guarantee,
      and in real networks the preference is usually discussed as one for wide, flat minima.
    </p>
  ),
};
