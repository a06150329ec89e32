import { classifyRun } from './analysis/classify';
import { predictRegime, type Regime } from './analysis/regime';
import { describeNonFinite, type SimResult } from './run';
import type { RunSpec } from './spec/types';
import type { Surface } from './surfaces';

/** The JSON form of a run (what `npm run simulate` prints). Non-finite numbers become null. */
export interface RunJson {
  w: ([number | null, number | null])[];
  loss: (number | null)[];
  lr: (number | null)[];
  gradNorm: (number | null)[];
  stoppedAt: number | null;
  stopReason: string | null;
  regime: Regime;
  predictedRegime: Regime | null;
  /** Runs with training-loop extras: per step, the EVENT flags (1 bad batch, 2 skipped, 4 overflow). */
  events?: number[];
  /** Runs with training-loop extras: the loss scale in force at each step. */
  lossScale?: number[];
}

const fin = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function toJson(spec: RunSpec, surface: Surface, r: SimResult): RunJson {
  const w: [number | null, number | null][] = [];
  for (let k = 0; k < r.length; k++) w.push([fin(r.w[r.dim * k]!), fin(r.w[r.dim * k + 1]!)]);
  return {
    w,
    loss: Array.from(r.loss, fin),
    lr: Array.from(r.lr, fin),
    gradNorm: Array.from(r.gradNorm, fin),
    stoppedAt: r.stoppedAt,
    stopReason: r.nonFinite ? describeNonFinite(r.nonFinite) : null,
    regime: classifyRun(surface, r),
    predictedRegime: predictRegime(spec)?.regime ?? null,
    ...(r.events ? { events: Array.from(r.events) } : {}),
    ...(r.lossScale ? { lossScale: Array.from(r.lossScale) } : {}),
  };
}
