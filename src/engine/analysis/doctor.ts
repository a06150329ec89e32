import type { RunSpec } from '../spec/types';
import {
  badBatch, fp16Overflow, illConditioned, lrBitHigh, lrTooHigh, lrTooLow, nanBatch, noWarmup, type Cause, type Drawn,
} from './doctor-cases';
import type { Symptom } from './doctor-diagnose';
import { Draw } from './doctor-draw';

export { diagnose, read, DIAGNOSE, SYMPTOMS, type Reading, type Symptom } from './doctor-diagnose';
export { FP16_MAX, type Cause } from './doctor-cases';

/*
 * The training doctor: a seed draws a hidden configuration — one cause of trouble from the course
 * notes, with its surface, α, step and so on drawn from ranges where that cause reliably shows its
 * symptom — together with the symptom it claims, an explanation and a spec that fixes it. The same
 * seed always gives the same case (the engine's seeded xoshiro128**), so a case can be shared by link.
 */

export interface DoctorCase {
  seed: number;
  cause: Cause;
  /** The run the learner is shown (a full, valid run spec). */
  spec: RunSpec;
  /** What the run shows on a dashboard: `diagnose(simulate(spec))` returns it. */
  symptom: Symptom;
  explanation: string;
  /** The same run with the cure applied: `diagnose(simulate(fix))` no longer returns `symptom`. */
  fix: RunSpec;
  fixLabel: string;
}

export interface CauseInfo {
  cause: Cause;
  /** The cause in a few words, as a choice for the learner. */
  label: string;
  symptom: Symptom;
  /** Which step of the debugging workflow finds it. */
  check: 'lr' | 'grad' | 'loss';
}

/** The causes, in the order the workflow checks them. */
export const CAUSES: readonly CauseInfo[] = [
  { cause: 'lr-too-high', label: 'α far too high', symptom: 'blowup', check: 'lr' },
  { cause: 'lr-bit-high', label: 'α a bit too high for the minimum', symptom: 'zigzag', check: 'lr' },
  { cause: 'no-warmup', label: 'no warmup (a steep start)', symptom: 'blowup', check: 'lr' },
  { cause: 'lr-too-low', label: 'α far too low', symptom: 'flatline', check: 'lr' },
  { cause: 'ill-conditioned', label: 'ill-conditioning, no momentum', symptom: 'slow', check: 'lr' },
  { cause: 'bad-batch', label: 'an outlier batch (bad data)', symptom: 'spike', check: 'grad' },
  { cause: 'fp16-overflow', label: 'FP16 overflow', symptom: 'nan', check: 'loss' },
  { cause: 'nan-batch', label: 'a NaN/Inf in the data', symptom: 'nan', check: 'loss' },
];

const DRAW: Record<Cause, (d: Draw) => Drawn> = {
  'lr-too-high': lrTooHigh,
  'lr-bit-high': lrBitHigh,
  'no-warmup': noWarmup,
  'lr-too-low': lrTooLow,
  'ill-conditioned': illConditioned,
  'bad-batch': badBatch,
  'fp16-overflow': fp16Overflow,
  'nan-batch': nanBatch,
};

/** Largest seed (seeds are whole numbers 0 … 2³² − 1, like a run spec's). */
export const MAX_SEED = 2 ** 32 - 1;

/** The case a seed draws: the cause first (uniformly), then its settings, from the same stream. */
export function doctorCase(seed: number): DoctorCase {
  const s = Math.trunc(Math.abs(seed)) % (MAX_SEED + 1);
  const d = new Draw(s);
  const cause = d.pick(CAUSES).cause;
  return { seed: s, cause, ...DRAW[cause](d) };
}

/**
 * The case of a given cause drawn from a seed (for the lesson's presets and the tests): the same
 * stream as doctorCase, with the cause forced, so caseOf(doctorCase(s).cause, s) is doctorCase(s).
 */
export function caseOf(cause: Cause, seed: number): DoctorCase {
  const d = new Draw(seed);
  d.pick(CAUSES);
  return { seed, cause, ...DRAW[cause](d) };
}
