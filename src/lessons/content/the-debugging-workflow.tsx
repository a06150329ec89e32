import { FORMATS, simulate } from '../../engine';
import { FP16_MAX, read, type Symptom } from '../../engine/analysis/doctor';
import { fmt } from '../../ui/format';
import type { Grade, Lesson } from '../types';
import { DoctorBody } from '../ui/doctor-body';
import { experiments } from '../ui/doctor-experiments';
import { SYMPTOM_WORDS } from '../ui/doctor-guide';
import { QUESTION_CASE, SLUG } from '../ui/doctor-presets';

export { experiments };

export type Outcome = 'nan' | 'spike' | 'healthy' | 'other';

/** Maps what the engine reads on the BF16 rerun to the question's answers. */
export function outcomeOf(symptom: Symptom): Outcome {
  return symptom === 'nan' || symptom === 'blowup' ? 'nan' : symptom === 'spike' || symptom === 'healthy' ? symptom : 'other';
}

/** The question's runs: the FP16 case and its BF16 twin, with what the engine reads on each. */
export function questionFacts() {
  const c = QUESTION_CASE;
  const r16 = simulate(c.spec);
  const rb = simulate(c.fix);
  const s = c.spec.badBatch!.step;
  return { c, s, r16, rb, fp16: read(r16), bf16: read(rb) };
}

const ANSWERS: Record<Exclude<Outcome, 'other'>, string> = {
  nan: 'It still dies: NaN or ∞ at the same step',
  spike: 'It survives, but the loss spikes at that step and then recovers',
  healthy: 'It trains normally: the large batch does no harm',
};

function grade(answer: string): Grade {
  const { c, s, r16, rb, bf16 } = questionFacts();
  const truth = outcomeOf(bf16.symptom);
  const o = c.spec.optimizer;
  const lambdaMax = c.spec.surface.kind === 'quadratic' ? Math.max(...c.spec.surface.eigenvalues) : NaN;
  const scale = c.spec.badBatch!.scale;
  return {
    correct: answer === truth,
    truth: `The engine reads the BF16 run as: ${SYMPTOM_WORDS[bf16.symptom]} (final loss / first = ${fmt(bf16.ratio)}). At step ${s} its ‖g‖ is ${fmt(rb.gradNorm[s]!)}; in FP16 the same step ${r16.nonFinite ? `stops the run: ${r16.nonFinite.what} = ${fmt(r16.nonFinite.value)}` : 'survives'}.`,
    explanation: `FP16’s largest value is ${FP16_MAX}; BF16 keeps FP32’s 8 exponent bits, so its largest is ${fmt(FORMATS.bf16.max)} and that gradient, of norm ${fmt(rb.gradNorm[s]!)}, is merely rounded to 8 significant bits. The step that batch asks for is still a stable one: α·c·λmax = ${fmt(o.lr)}·${fmt(scale)}·${fmt(lambdaMax)} = ${fmt(o.lr * scale * lambdaMax)} < 2, so it shrinks the error in every direction (the loss goes from ${fmt(rb.loss[s]!)} to ${fmt(rb.loss[s + 1]!)}). The NaN came from the format, not from the data or α.`,
  };
}

export const lesson: Lesson = {
  slug: SLUG,
  title: 'The debugging workflow',
  claim: 'A bad loss curve is a symptom: check the learning rate first, then the gradient norms, then the loss values, and each symptom narrows to a few causes, each with a fix that removes it.',
  Body: DoctorBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `The training doctor’s FP16 case: loss values in the thousands, and at step ${QUESTION_CASE.spec.badBatch!.step} a batch whose gradient is ${fmt(QUESTION_CASE.spec.badBatch!.scale)}× the usual turns the run to NaN. Rerun it with the same data and α, computed in BF16 instead of FP16. What does the loss do?`,
    options: (Object.keys(ANSWERS) as (keyof typeof ANSWERS)[]).map((value) => ({ value, label: ANSWERS[value] })),
    experiment: 'question',
    grade,
  },
  takeaway: 'Work from the symptom, in order: α first (an LR finder shows where the loss turns up; warmup if only the start is too steep), then ‖g‖ (a one-step jump means one bad batch or a cliff: skip or clip), then the values themselves (near 65504 means FP16 overflow; ordinary values before a NaN mean bad data).',
  oneMinute: (
    <p>
      I read the curve first. If the loss climbs steadily to infinity, α is too high: I run an LR finder, sweeping α up
      until the loss turns, and pick well below the turn; if it only blows up in the first steps, I add warmup. If it
      zig-zags without progress, α is a bit too high for where it is trying to settle, or the valley is narrow: lower α,
      add momentum. If it is slow, it is usually ill-conditioning: momentum or Adam, and normalised inputs. A single
      spike that recovers comes with a spike in the gradient norm — one bad batch: skip updates whose norm is ten times
      the running average, clip at 1.0, and filter the data. A NaN out of nowhere: if the numbers were near 65504 it is
      FP16 overflow, so BF16 or loss scaling; otherwise a NaN or Inf in the data, so check batches with isfinite and
      fix the preprocessing.
    </p>
  ),
};
