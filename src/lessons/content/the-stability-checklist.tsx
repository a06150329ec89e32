import { simulate } from '../../engine';
import { fmt } from '../../ui/format';
import { specOf } from '../preset';
import { PEAK_LR, VALLEY_STEPS, WARMUP_COSINE } from '../ui/warmup-presets';
import type { Experiment, Grade, Lesson } from '../types';
import { DECAY_DOC } from '../ui/adam-presets';
import { BAD_SCALE, OVERFLOW } from '../ui/prec-presets';
import { ChecklistBody } from '../ui/checklist-body';
import { CLIFF_LR, CLIFF_PAIR, CLIP_NORM, FIXES, MILD_CUT, QUESTION_DOC, questionData, type Fix } from '../ui/checklist-presets';

export const experiments: Experiment[] = [
  { id: 'bf16', label: `Precision: a ${BAD_SCALE}× bad batch overflows FP16 to ∞ while BF16 survives (from “Precision: FP32, FP16, BF16”)`, doc: () => OVERFLOW },
  { id: 'adamw', label: 'Optimizer: Adam + L2, AdamW and GD + L2 with the same weight decay (from “Adam and adaptive steps”)', doc: () => DECAY_DOC },
  { id: 'clip', label: `Clipping: GD at α = ${CLIFF_LR} on a cliff, clipped at ‖g‖ ≤ ${CLIP_NORM} and unclipped`, doc: () => CLIFF_PAIR },
  { id: 'warmup', label: `Warmup: warmup + cosine decay against a cold start, peak α = ${PEAK_LR} (from “Warmup”)`, doc: () => WARMUP_COSINE },
  { id: 'question', label: 'The question: the cold start and five fixes, side by side', doc: () => QUESTION_DOC },
];

/** Where the question's cold start overflows, as the engine computes it. */
const coldStop = simulate(specOf(QUESTION_DOC, 0)).nonFinite;

const labelOf = (v: Fix) => FIXES.find((f) => f.value === v)!.label;

function grade(answer: string): Grade {
  const { base, fixes } = questionData();
  const chosen = fixes[answer as Fix];
  const fate = (v: Fix) => {
    const o = fixes[v];
    return o.survives ? `${labelOf(v).split(',')[0]}: survives, loss ${fmt(o.endLoss)}` : `${labelOf(v).split(',')[0]}: overflows at step ${o.r.nonFinite?.step ?? '?'}`;
  };
  const working = FIXES.filter((f) => fixes[f.value].survives).map((f) => f.value);
  const stop = base.r.nonFinite ? `the cold start overflows at step ${base.r.nonFinite.step}` : 'the cold start survives';
  return {
    correct: chosen !== undefined && chosen.survives,
    truth: chosen === undefined
      ? 'That is not one of the options.'
      : `The engine says that fix ${chosen.survives ? `rescues the run (loss ${fmt(base.r.loss[0]!)} → ${fmt(chosen.endLoss)} after ${base.spec.steps} steps)` : `does not: the run still overflows at step ${chosen.r.nonFinite?.step ?? '?'}`}; ${stop}.`,
    explanation: `${FIXES.map((f) => fate(f.value)).join('; ')}. ${working.length} of ${FIXES.length} fixes work. `
      + 'Clipping and warmup keep the peak α for the rest of the run; a 10× lower α pays for the first few steps with a slower run everywhere'
      + `${fixes.tenth.endLoss > fixes.warmup.endLoss ? ` (loss ${fmt(fixes.tenth.endLoss)} against ${fmt(fixes.warmup.endLoss)} with warmup)` : ''}. `
      + (fixes.mild.survives ? '' : `A ${MILD_CUT}× cut is not enough: the start needs α under its own 2/λmax. `)
      + (fixes.decay.survives ? '' : 'Weight decay does not shorten the step, so it cannot stop the blow-up.'),
  };
}

export const lesson: Lesson = {
  slug: 'the-stability-checklist',
  title: 'The stability checklist',
  claim: 'Five defaults — Pre-LN, BF16, AdamW, clipping at norm 1.0 and a short warmup — each removes one cause of divergence, and four of them can be watched working in the lab.',
  Body: ChecklistBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `Plain GD at a large peak α = ${PEAK_LR} with no warmup hits ${coldStop ? `∞ at step ${coldStop.step}` : 'trouble'} on the Rosenbrock valley. Which of these fixes lets the same ${VALLEY_STEPS}-step run survive? (More than one may; pick the one you would try.)`,
    options: FIXES,
    experiment: 'question',
    grade,
  },
  takeaway: 'Check the learning rate first, the gradient norms second, the data last; clipping caps each step at α·c, warmup keeps early steps small while the α² cost is high, and AdamW keeps decay out of the adaptive step.',
  oneMinute: (
    <p>
      My stability defaults: pre-LN transformers, because LayerNorm before each block keeps the residual path clean and gradients
      well scaled in deep stacks; BF16 rather than FP16, because it keeps FP32’s exponent range so activations and gradients
      do not overflow; AdamW, because decoupled weight decay regularises every weight the same instead of being rescaled by
      Adam’s second moment; gradient clipping at global norm 1.0, which caps every step at α times the threshold so one bad
      batch cannot throw the weights away; and linear warmup over 1–5 % of the steps, because early on the curvature is high
      and a step’s damage grows like α², so small steps get the model to flatter ground before the peak rate. When a run
      still spikes I check the learning rate first, then gradient norms, then the loss and the data pipeline.
    </p>
  ),
};
