import { fmt } from '../../ui/format';
import type { Experiment, Grade, Lesson } from '../types';
import { EosBody } from '../ui/eos-body';
import { FLOW, questionFacts } from '../ui/eos-facts';
import { ADAM, ADAM_BETAS, ADAM_LR, EDGE, EDGE_LR, P1, QUESTION, QUESTION_LR, RATES, RATES_DOC, SMALL_LR, SMALL_VS_EDGE } from '../ui/eos-presets';

export const experiments: Experiment[] = [
  { id: 'edge', label: `((xy)² − 1)²/4: GD α = ${EDGE_LR}, sharpness climbs to 2/α = ${2 / EDGE_LR}`, doc: () => EDGE },
  { id: 'small-vs-edge', label: `same start, α = ${SMALL_LR} (stable) vs α = ${EDGE_LR} (at the edge)`, doc: () => SMALL_VS_EDGE },
  { id: 'rates', label: `three step sizes, α = ${RATES.join(', ')}: each sharpness settles at its own limit`, doc: () => RATES_DOC },
  { id: 'question', label: `the question: GD α = ${QUESTION_LR} (2/α = ${2 / QUESTION_LR})`, doc: () => QUESTION },
  { id: 'adam', label: `bowl λ = 1, 10: Adam α = ${ADAM_LR}, β = (${ADAM_BETAS.join(', ')}) vs GD; preconditioned sharpness vs 38/α`, doc: () => ADAM },
  { id: 'p1', label: `½(xy − 1)²: GD α = ${EDGE_LR}, no sharpening`, doc: () => P1 },
];

const CHOICES = {
  diverges: 'it diverges: the valley point it heads for is sharper than 2/α',
  flow: `it lands where a small step would, at sharpness ≈ ${fmt(FLOW)}`,
  edge: `it bounces across the valley, slides to flatter ground and settles just below 2/α = ${2 / QUESTION_LR}`,
} as const;

function grade(answer: string): Grade {
  const { q, edge, answer: truth } = questionFacts();
  const said = truth === 'diverges'
    ? `it overflowed at step ${q.sim.stoppedAt}`
    : `its sharpness ends at ${fmt(q.sum.end)} (${fmt(q.sum.end / edge, 3)} × 2/α), against ${fmt(FLOW)} for gradient flow`;
  return {
    correct: answer === truth,
    truth: `The engine says ${truth === 'edge' ? 'it settles at the edge' : truth === 'flow' ? 'it lands where gradient flow does' : 'it diverges'}: ${said}.`,
    explanation: `The valley point below the start has sharpness ${fmt(FLOW)}, above 2/α = ${fmt(edge)}, so the run starts to flip across the valley (its sharpness peaks at ${fmt(q.sum.peak)}). Each flip multiplies x² − y² by 1 − α²F′², sliding the run toward the balanced, flatter minima until the sharpness is back under 2/α. The loss rose on ${q.sum.rises} of ${q.sim.length - 1} steps and still fell from ${fmt(q.sum.lossStart)} to ${fmt(q.sum.lossEnd)}; step by step the sharpness is within 10% of 2/α from step ${q.sum.settledStep}.`,
  };
}

export const lesson: Lesson = {
  slug: 'the-edge-of-stability',
  title: 'The edge of stability',
  claim: 'With a fixed step size, gradient descent on a curved loss drives the sharpness λmax up until it reaches 2/α and then holds it there, oscillating yet still lowering the loss; Adam does the same with its preconditioned sharpness against 38/α.',
  Body: EosBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `Same surface and start, GD at α = ${QUESTION_LR}: 2/α = ${2 / QUESTION_LR}, below the ${fmt(FLOW)} of the valley point a small step would land on. What happens?`,
    options: (Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((value) => ({ value, label: CHOICES[value] })),
    experiment: 'question',
    grade,
  },
  takeaway: 'The sharpness is not fixed: training at step size α pushes it up to 2/α (38/α for Adam’s preconditioned sharpness) and keeps it there by self-stabilising, so a loss that wiggles while still falling is normal, and the step size decides how sharp a minimum training can end in: a smaller α allows a sharper one.',
  oneMinute: (
    <p>
      The classical condition for gradient descent is α &lt; 2/λmax, where λmax, the sharpness, is the largest Hessian
      eigenvalue. In neural networks the sharpness changes during training: Cohen et al. (2021) found that full-batch GD
      first sharpens progressively until λmax reaches 2/α, then stays at that “edge of stability” instead of diverging. The
      dynamics oscillate along the sharpest direction, the loss falls non-monotonically, and the oscillation itself
      pushes the weights toward flatter regions — self-stabilisation, which Damian et al. (2023) explain through the third
      derivative. So the learning rate effectively chooses how sharp a minimum training can end in. Adam has the same
      behaviour with the preconditioned sharpness λmax(P⁻¹H) against (2 + 2β1)/((1 − β1)α), about 38/α (Cohen et al.,
      2022): as v̂ shrinks the effective curvature grows until it hits that line, which is one source of Adam’s loss spikes.
    </p>
  ),
};
