import { ulp } from '../../engine/analysis/prec-formats';
import { fmt } from '../../ui/format';
import type { Experiment, Grade, Lesson } from '../types';
import { PrecBody } from '../ui/prec-body';
import { pow2 } from '../ui/prec-chart';
import { stallFacts } from '../ui/prec-facts';
import {
  BAD_SCALE, BAD_STEP, DEMO_INTERVAL, OVERFLOW, QUESTION, QUESTION_CENTER, SCALER, STALL, STALL_CENTER, STALL_LR, UNDERFLOW,
} from '../ui/prec-presets';

export const experiments: Experiment[] = [
  { id: 'overflow', label: `Overflow: a ${BAD_SCALE}× bad batch at step ${BAD_STEP} in FP16, BF16 and float64`, doc: () => OVERFLOW },
  { id: 'underflow', label: 'Underflow: tiny gradients in FP16 without and with GradScaler, and in BF16', doc: () => UNDERFLOW },
  { id: 'scaler', label: `Dynamic loss scaling on a noisy FP16 run (growthInterval ${DEMO_INTERVAL})`, doc: () => SCALER },
  { id: 'stall', label: `Stagnation: pure BF16, FP32 master weights and FP32 (minimum at ${STALL_CENTER})`, doc: () => STALL },
  { id: 'question', label: `The question: the same three runs with the minimum at ${QUESTION_CENTER}`, doc: () => QUESTION },
];

/** Answers within this fraction of the engine's stall distance count as right. */
export const TOLERANCE = 0.1;

function grade(answer: number): Grade {
  const f = stallFacts(QUESTION_CENTER);
  const near = stallFacts(STALL_CENTER);
  const gap = ulp('bf16', f.stall.value);
  return {
    correct: Number.isFinite(answer) && Math.abs(answer - f.distance) <= TOLERANCE * f.distance,
    truth: `The engine’s BF16 weight stops at x = ${fmt(f.stall.value, 5)}, ${fmt(f.distance, 5)} short of ${QUESTION_CENTER}, from step ${f.stall.step} on.`,
    explanation: `It stops in [${2 ** Math.floor(Math.log2(f.stall.value))}, ${2 ** (Math.floor(Math.log2(f.stall.value)) + 1)}), where BF16’s gap between neighbours is ${pow2(Math.log2(gap))} = ${fmt(gap)}, `
      + `so the rule gives ${fmt(gap)}/(2·${STALL_LR}) = ${fmt(f.predicted, 5)} — against ${fmt(near.distance, 5)} with the minimum at ${STALL_CENTER}. `
      + 'The gap is relative to the weight, so a weight twice as large stalls twice as far away. '
      + `FP32 master weights end ${fmt(f.masterEnd)} from the minimum. Answers within ${100 * TOLERANCE} % count.`,
  };
}

export const lesson: Lesson = {
  slug: 'precision-fp32-fp16-bf16',
  title: 'Precision: FP32, FP16, BF16',
  claim: 'FP16 has precision but little range: past its largest value 65504 (from 65520 up) numbers become ∞, and the updates that follow turn ∞ into NaN; gradients at or below 2⁻²⁵ become 0 unless the loss is scaled. BF16 has FP32’s range but only 8 significand bits: updates smaller than half an ulp of the weight are lost, unless the weights are kept in FP32.',
  Body: PrecBody,
  experiments,
  question: {
    kind: 'number',
    prompt: `Pure BF16 again, α = ${STALL_LR}, λ = 1, from 0 — but the minimum is at ${QUESTION_CENTER} instead of ${STALL_CENTER}. How far from ${QUESTION_CENTER} does the weight x stop moving?`,
    unit: `|x − ${QUESTION_CENTER}|`,
    experiment: 'question',
    grade,
  },
  takeaway: 'FP16 overflows past its largest value 65504 (∞, then NaN) and flushes gradients at or below 2⁻²⁵ to zero, so it needs dynamic loss scaling; BF16 has FP32’s range and needs none, but its 8-bit significand drops updates below half an ulp of the weight, so keep FP32 master weights.',
  oneMinute: (
    <p>
      FP32 has 8 exponent bits and a 24-bit significand. FP16 keeps 11 significand bits but only 5 exponent bits, so its largest
      value is 65504 and gradients at or below 2⁻²⁵ ≈ 3×10⁻⁸ vanish; an overflowing gradient puts ∞ into the weights, and the update
      after that turns it into NaN (∞ − ∞). Mixed precision in FP16 therefore needs loss scaling: multiply the loss by S so the gradients land in range, unscale
      before the step, and let GradScaler halve S and skip the step on overflow and double it after 2000 clean steps. BF16 keeps
      FP32’s 8 exponent bits, so it has the same range and needs no scaling — that is why large models train in it — but with 8
      significand bits an update smaller than half an ulp of the weight (about 0.2–0.4 % of it) is rounded away and training
      stalls. So the weights and optimizer state stay in FP32 as master copies, and only the forward and backward passes run in 16 bits.
    </p>
  ),
};
