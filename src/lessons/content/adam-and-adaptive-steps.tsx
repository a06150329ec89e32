import { fmtPlain, fmtSig } from '../../ui/format';
import { specOf } from '../preset';
import type { Grade, Lesson } from '../types';
import { AdamBody } from '../ui/adam-body';
import { fateText, questionData } from '../ui/adam-data';
import { experiments, QUESTION_DOC, QUESTION_LR } from '../ui/adam-presets';
import type { Verdict } from '../../engine/analysis/adam-sweeps';

export { experiments };

const LAMBDA_MAX = Math.max(...(specOf(QUESTION_DOC).surface as { eigenvalues: [number, number] }).eigenvalues);

const WORDS: Record<Verdict, string> = {
  diverges: 'diverge',
  converges: 'converge to the minimum',
  hovers: 'hover near the minimum without settling',
};

/** Grades a prediction against the engine's Adam run at α = 0.5 (with GD at the same α beside it). */
export function grade(answer: string): Grade {
  const { adam, gd } = questionData();
  return {
    correct: answer === adam.verdict,
    truth: `The engine’s Adam run will ${WORDS[adam.verdict]}: over its last quarter it stays within ${fmtPlain(adam.late)} of the minimum (${fmtPlain(adam.late / QUESTION_LR, 2)}α; it started ${fmtPlain(adam.start)} away), never closer for good.`,
    explanation:
      `α = ${QUESTION_LR} is ${fmtPlain((QUESTION_LR * LAMBDA_MAX) / 2, 2)} × 2/λmax, so GD at the same α multiplies its steep error by |1 − αλmax| = ${fmtPlain(Math.abs(1 - QUESTION_LR * LAMBDA_MAX))} per step, and its run shows it: ${fateText(gd)}. `
      + `Adam’s steps stay near α per coordinate (its largest was ${fmtSig(adam.largest / QUESTION_LR, 3)}α), so it cannot blow up; but its effective step α/√v̂ grows whenever it closes in, so it keeps being thrown back out — the regime the classifier calls ${adam.regime}.`,
  };
}

export const lesson: Lesson = {
  slug: 'adam-and-adaptive-steps',
  title: 'Adam and adaptive steps',
  claim: 'Adam divides each coordinate’s step by the root of that coordinate’s mean squared gradient, so every coordinate moves about α per step: that undoes ill-conditioning only when the valley lies along the coordinate axes, keeps too large an α from diverging but not from hovering, and changes what weight decay does — which is why AdamW decouples it.',
  Body: AdamBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `Adam with α = ${QUESTION_LR} on the bowl of the first lessons (λ = 1 and ${LAMBDA_MAX}, so 2/λmax = ${fmtPlain(2 / LAMBDA_MAX)}), for ${QUESTION_DOC.steps} steps: what happens?`,
    options: [
      { value: 'diverges', label: 'it diverges, like GD at this α' },
      { value: 'converges', label: 'it converges to the minimum' },
      { value: 'hovers', label: 'it hovers near the minimum without settling' },
    ],
    experiment: 'question',
    grade,
  },
  takeaway: 'Adam’s steps are about α per coordinate whatever the gradient’s size: the first is exactly α·g/(|g| + ε). That per-coordinate scale cancels curvature along the axes but not across them, bounds the step so a large α hovers at a distance ∝ α instead of diverging, and divides L2 decay by √v̂ — use AdamW to decay every weight at the same rate α·wd.',
  oneMinute: (
    <p>
      Adam keeps per-parameter running means of the gradient (m, β₁) and of its square (v, β₂), bias-corrects them and steps
      α·m̂/(√v̂ + ε). That is a per-coordinate learning rate: the update is invariant to rescaling any one parameter’s gradient,
      so the first step is α·sign(g) and every step is about α per coordinate. It fixes ill-conditioning only along the axes —
      a diagonal preconditioner cannot undo a rotated Hessian — and with a large α it does not diverge like SGD but hovers at a
      distance proportional to α, because √v̂ shrinks as it converges and the effective step grows; decay the learning rate to
      settle. L2 inside Adam gets divided by √v̂, so weights with large gradients are barely regularised; AdamW applies the decay
      directly, w ← w(1 − α·wd), which is why it is the default for transformers.
    </p>
  ),
};
