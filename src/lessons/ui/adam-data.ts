import { OPTIMIZER_DEFAULTS } from '../../engine';
import { firstStep, stepBound } from '../../engine/analysis/adam-steps';
import { decayEnds, fate, type Fate, gdClosedCount, HOVER_ALPHAS, hoverRow, ROTATION, rotationRow } from '../../engine/analysis/adam-sweeps';
import { fmt } from '../../ui/format';
import { specOf } from '../preset';
import { DECAY_DOC, FIRST_DOC, QUESTION_DOC } from './adam-presets';

/** The angles of the rotation sweep, in degrees. */
export const DEGREES = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45] as const;

/** Computes once on first use: every number is the same on every render. */
function once<T>(f: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}

export const firstStepData = once(() => firstStep(specOf(FIRST_DOC, 0)));

export const rotationData = once(() => ({
  rows: DEGREES.map((d) => rotationRow(d)),
  /** The round bowl (κ = 1) at θ = 0: Adam's count there is the axis-aligned valley's. */
  round: rotationRow(0, 1).adam,
  gdClosed: gdClosedCount(ROTATION.kappa),
}));

export const hoverData = once(() => HOVER_ALPHAS.map((lr) => hoverRow(lr)));

export const questionData = once(() => ({ adam: fate(specOf(QUESTION_DOC, 0)), gd: fate(specOf(QUESTION_DOC, 1)) }));

/** Run 1 is Adam + L2, run 2 AdamW, run 3 GD + L2. */
export const decayData = once(() => decayEnds(specOf(DECAY_DOC, 2), specOf(DECAY_DOC, 0), specOf(DECAY_DOC, 1)));

/** The bound on any coordinate of any Adam step, over α, with torch's betas (t → ∞). */
export const B_INF = stepBound(OPTIMIZER_DEFAULTS.adam.betas, Infinity);

/** A run's fate in words: where it went non-finite, or how far from the minimum it ended up. */
export function fateText(f: Fate): string {
  if (f.stoppedAt !== null) return `∞ at step ${f.stoppedAt}`;
  if (f.verdict === 'diverges') return 'diverging';
  return f.verdict === 'converges' ? `settles (${fmt(f.late, 2)})` : `hovers at ${fmt(f.late)}`;
}
