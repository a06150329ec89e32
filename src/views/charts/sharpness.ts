import { sharpnessTrace, type SharpnessTrace } from '../../engine/analysis/sharpness';
import type { RunResult } from '../../state/compute';
import { num, runName } from './labels';

/** Pure parts of the sharpness chart: traces cached per run result, and the chart's words. */

const TRACES = new WeakMap<object, SharpnessTrace>();

/**
 * The run's sharpness trace, computed once per simulation: the result cache hands back the same
 * `sim` object for a run that did not change, so dragging one run's α recomputes only that run.
 */
export function traceOf(r: Pick<RunResult, 'sim' | 'history'>): SharpnessTrace {
  let t = TRACES.get(r.sim);
  if (!t) TRACES.set(r.sim, (t = sharpnessTrace(r.sim, r.history)));
  return t;
}

export interface TraceFacts {
  /** Last finite sharpness, its step, and the largest finite one (NaN when there is none). */
  end: number;
  endStep: number;
  peak: number;
  start: number;
  /** Threshold at the last finite point. */
  threshold: number;
  /** First step from which every later finite point stays within 10% of the threshold (−1: none). */
  settled: number;
}

export function traceFacts(t: SharpnessTrace): TraceFacts {
  let end = NaN, endStep = -1, peak = NaN, start = NaN, threshold = NaN, settled = -1;
  for (let k = 0; k < t.length; k++) {
    const v = t.sharpness[k]!;
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(start)) start = v;
    if (!(v <= peak)) peak = v;
    end = v;
    endStep = k;
    if (Number.isFinite(t.threshold[k]!)) threshold = t.threshold[k]!;
  }
  for (let k = endStep; k >= 0; k--) {
    const r = t.sharpness[k]! / t.threshold[k]!;
    if (Number.isFinite(r) && Math.abs(r - 1) <= 0.1) settled = k;
    else break;
  }
  return { end, endStep, peak, start, threshold, settled };
}

/** "2/α = 10" or "38/α = 380" for the run's rule at its last point; null without a rule. */
export function thresholdLabel(t: SharpnessTrace, f: TraceFacts): string | null {
  return t.rule && Number.isFinite(f.threshold) ? `${t.rule.formula} = ${num(f.threshold)}` : null;
}

/** One run in words, for the chart's accessible name. Never prints NaN or Infinity. */
export function traceStory(r: Pick<RunResult, 'index' | 'spec' | 'sim'>, t: SharpnessTrace, f: TraceFacts): string {
  const name = runName(r);
  const what = t.rule?.preconditioned ? 'preconditioned sharpness λmax(P⁻¹H)' : 'sharpness λmax(H)';
  if (f.endStep < 0) {
    return t.rule?.preconditioned
      ? `${name}: ${what} unknown (its gradients carry noise or other extras the record does not keep)`
      : `${name}: no finite sharpness`;
  }
  const stop = r.sim.stoppedAt !== null ? `, until the run stopped at step ${r.sim.stoppedAt}` : '';
  let text = `${name}: ${what} from ${num(f.start)} to ${num(f.end)} at step ${f.endStep}${stop}, peak ${num(f.peak)}`;
  const label = thresholdLabel(t, f);
  if (!label) return `${text}; no threshold for this optimizer`;
  text += `; threshold ${label}`;
  if (f.settled >= 0) text += `, within 10% of it from step ${f.settled}`;
  else text += f.end < f.threshold ? `, ending ${num(100 * (1 - f.end / f.threshold), 2)}% below it` : `, ending at ${num(f.end / f.threshold, 2)}× it`;
  return text;
}
