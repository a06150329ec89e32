import { classifyRun, createSurface, curvatureAt, simulate } from '../../engine';
import { pathLimits } from '../../engine/analysis/warmup-path';
import { fmt } from '../../ui/format';
import { specOf } from '../preset';
import type { Experiment, Grade, Lesson } from '../types';
import { WarmupBody } from '../ui/warmup-body';
import {
  BOWL_CROSSOVER, BOWL_NOISE, NOISY_STEP, PEAK_LR, QUESTION, QUESTION_WARMUP, VALLEY, VALLEY_START, VALLEY_STEPS,
  WARMUP_COSINE,
} from '../ui/warmup-presets';

const valley = createSurface(VALLEY);
const startLimit = 2 / curvatureAt(valley, VALLEY_START[0], VALLEY_START[1]).lambdaMax;
const where = `(${fmt(VALLEY_START[0])}, ${fmt(VALLEY_START[1])})`;

export const experiments: Experiment[] = [
  { id: 'noisy-step', label: `noisy bowl (B = ${BOWL_NOISE.batchSize}): α = 0.8 α* and 1.2 α*, α* = ${fmt(BOWL_CROSSOVER)}`, doc: () => NOISY_STEP },
  { id: 'warmup-cosine', label: `Rosenbrock from ${where}: warmup + cosine decay vs cold start, peak α = ${fmt(PEAK_LR)}`, doc: () => WARMUP_COSINE },
  { id: 'question', label: `${QUESTION_WARMUP}-step linear warmup vs cold start, peak α = ${fmt(PEAK_LR)}`, doc: () => QUESTION },
];

export type Outcome = 'during' | 'after' | 'survives';

/** What the engine says the question's warmup run does, with the numbers that explain it. */
export function questionOutcome() {
  const spec = specOf(QUESTION, 0);
  const r = simulate(spec);
  const regime = classifyRun(valley, r);
  const limits = pathLimits(valley, r);
  const end = r.stoppedAt ?? r.length - 1;
  const outcome: Outcome = regime !== 'diverging' ? 'survives' : end < QUESTION_WARMUP ? 'during' : 'after';
  const cold = simulate(specOf(QUESTION, 1));
  return { r, regime, limits, outcome, cold };
}

const WORDS: Record<Outcome, string> = {
  during: 'blows up during the warmup',
  after: 'survives the warmup, then blows up at the peak α',
  survives: 'survives and heads into the minimum',
};

function grade(answer: string): Grade {
  const { r, limits, outcome, cold } = questionOutcome();
  const peakAt = QUESTION_WARMUP - 1; // (k+1)/W reaches 1 at k = W − 1
  const x = r.w[2 * peakAt]!, y = r.w[2 * peakAt + 1]!;
  const n = r.length - 1;
  const coldStop = cold.nonFinite ? `the cold start goes non-finite at step ${cold.nonFinite.step}` : 'the cold start survives too';
  const path = limits.firstAbove === null
    ? `Along the whole run α(k) stays below the local limit 2/λmax(wₖ): at most ${fmt(limits.maxRatio)} of it, at step ${limits.maxAt}.`
    : `α(k) first passes the local limit 2/λmax(wₖ) at step ${limits.firstAbove}, by ×${fmt(limits.ratio[limits.firstAbove]!)}.`;
  return {
    correct: answer === outcome,
    truth: `The engine says it ${WORDS[outcome]}${outcome === 'survives' ? ` (loss ${fmt(r.loss[0]!)} → ${fmt(r.loss[n]!)} at (${fmt(r.w[2 * n]!)}, ${fmt(r.w[2 * n + 1]!)}))` : ''}; ${coldStop}.`,
    explanation: `Step 0 uses α = ${fmt(r.lr[0]!)}, under the start’s limit ${fmt(startLimit)}, and the gradient there is so large that even small steps carry the iterate down out of the steep region. When α reaches its peak at step ${peakAt}, the iterate is at (${fmt(x)}, ${fmt(y)}), where 2/λmax = ${fmt(limits.limit[peakAt]!)}. ${path}`,
  };
}

export const lesson: Lesson = {
  slug: 'warmup',
  title: 'Warmup',
  claim: 'A step’s benefit grows like α and its harm like α², so small early steps are safe; warming up lets a run reach flatter ground before the step size peaks, and a peak α that blows up a cold start can then train.',
  Body: WarmupBody,
  experiments,
  question: {
    kind: 'choice',
    prompt: `Same start ${where}, same peak α = ${fmt(PEAK_LR)}: ${fmt(PEAK_LR / startLimit)}× the start’s limit 2/λmax, and the cold start diverges. With only ${QUESTION_WARMUP} steps of linear warmup (out of ${VALLEY_STEPS}), what does GD do?`,
    options: [
      { value: 'during', label: 'It blows up during the warmup, like the cold start' },
      { value: 'after', label: `It survives the ${QUESTION_WARMUP} warmup steps, then blows up once α reaches the peak` },
      { value: 'survives', label: 'It survives and heads into the minimum' },
    ],
    experiment: 'question',
    grade,
  },
  takeaway: 'Warmup is not about the minimum’s curvature but the start’s: keep α(k) under the local 2/λmax along the path, and let the early, tiny-α steps (whose α² cost is negligible) move the model somewhere flatter before the step size peaks.',
  oneMinute: (
    <p>
      Expand the loss to second order: one SGD step changes it on average by −α‖∇f‖² + (α²/2)(∇fᵀH∇f + tr(HΣ)). The
      gain is linear in α, the cost from curvature and gradient noise is quadratic, so small steps are safe and the net
      turns positive at α* = 2‖∇f‖²/(∇fᵀH∇f + tr(HΣ)). Early in training the curvature is often high and the gradients
      noisy, so α* is small and the local stability limit 2/λmax is low. Warmup ramps α linearly from near zero,
      typically over the first 1–5 % of the steps, so the model settles into a flatter, stable region before the step
      size peaks; a cosine decay then shrinks α again, which cuts the noise term near the end. Without warmup, a peak
      rate that is fine later can blow up the first steps. In large-model training it sits alongside gradient clipping,
      pre-LN and BF16 on the standard stability checklist.
    </p>
  ),
};
