/**
 * Learning-rate actions shared by the α slider and the keyboard shortcut ([ and ]): both go
 * through the store's updateRun, so the slider, the URL and every view stay in step.
 */
import type { OptimizerSpec } from '../../engine';
import type { Lab } from '../../state/store';
import { LR_SCALE, roundSig, scaleLr } from '../../ui/lr-scale';

/** One keyboard nudge: 10^0.05 ≈ ×1.122 (25 slider steps; 20 nudges per decade). */
export const LR_NUDGE = 10 ** 0.05;

/** The optimizer with a new α (same kind, every other hyperparameter kept). */
export function withLr(optimizer: OptimizerSpec, lr: number): OptimizerSpec {
  return { ...optimizer, lr };
}

/** Sets run `runId`'s α. Non-finite or negative values are ignored (the spec needs α ≥ 0). */
export function setLr(lab: Lab, runId: string, lr: number): void {
  if (!Number.isFinite(lr) || lr < 0) return;
  const run = lab.store.getState().doc.runs.find((r) => r.id === runId);
  if (!run || run.optimizer.lr === lr) return;
  lab.updateRun(runId, { optimizer: withLr(run.optimizer, lr) });
}

/**
 * Multiplies run `runId`'s α by `factor` (e.g. LR_NUDGE or 1/LR_NUDGE), clamped to the slider's
 * range [10⁻⁴, 10] and rounded to 4 significant digits like a slider value. Returns the new α,
 * or null when there is no such run.
 */
export function nudgeLr(lab: Lab, runId: string, factor: number = LR_NUDGE): number | null {
  const run = lab.store.getState().doc.runs.find((r) => r.id === runId);
  if (!run || !(factor > 0) || !Number.isFinite(factor)) return null;
  const next = scaleLr(run.optimizer.lr, factor);
  setLr(lab, runId, next);
  return next;
}

/** The slider's α range, for callers that want to clamp themselves. */
export const LR_RANGE = { min: roundSig(10 ** LR_SCALE.min), max: roundSig(10 ** LR_SCALE.max) } as const;
