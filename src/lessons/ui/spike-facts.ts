import { simulate, type BadBatchSpec, type GuardSpec, type SimResult } from '../../engine';
import { guardOutcome, skipThreshold, spikeReport, type GuardOutcome, type SpikeReport } from '../../engine/analysis/spike-outlier';
import { DESTROYS, NAN_STEP, RECOVERS, SKIP, SKIP_AND_FILTER, STEP, nonFinite, outlier, runSpec } from './spike-presets';

/** Everything the outlier figure shows for one (step, scale): three runs and what the engine says about them. */
export interface OutlierFacts {
  clean: SimResult;
  bad: SimResult;
  guarded: SimResult;
  report: SpikeReport;
  guard: GuardOutcome;
  /** 10 × the running average of ‖g‖ before the bad step, in the guarded run. */
  threshold: number;
}

let cleanRun: SimResult | null = null;
/** The clean run (no bad batch, no guard), computed once. */
export function clean(): SimResult {
  return (cleanRun ??= simulate(runSpec(null)));
}

export function outlierFacts(step: number, scale: number): OutlierFacts {
  const badSpec = runSpec(outlier(step, scale));
  const guardSpec = runSpec(outlier(step, scale), SKIP);
  const bad = simulate(badSpec);
  const guarded = simulate(guardSpec);
  return {
    clean: clean(),
    bad,
    guarded,
    report: spikeReport(badSpec, bad),
    guard: guardOutcome(guardSpec, guarded, clean()),
    threshold: skipThreshold(guarded, SKIP, step),
  };
}

/** The bad batches the fixes table tries, in its row order. */
export const TABLE_BATCHES: { id: string; label: string; batch: BadBatchSpec }[] = [
  { id: 'small', label: `outlier ×${RECOVERS}`, batch: outlier(STEP, RECOVERS) },
  { id: 'big', label: `outlier ×${DESTROYS}`, batch: outlier(STEP, DESTROYS) },
  { id: 'nan', label: 'NaN batch', batch: nonFinite(STEP, 'nan') },
  { id: 'inf', label: 'Inf batch', batch: nonFinite(STEP, 'inf') },
];

/** The guards the fixes table tries, in its column order. */
export const TABLE_GUARDS: { id: string; label: string; guard: GuardSpec | null }[] = [
  { id: 'none', label: 'no guard', guard: null },
  { id: 'skip', label: 'skip rule (10× average)', guard: SKIP },
  { id: 'filter', label: 'skip rule + isfinite filter', guard: SKIP_AND_FILTER },
];

/** What happened to one run of the table, in the engine's words. */
export type CellOutcome =
  | { kind: 'skipped'; lateBy1: number }
  | { kind: 'stopped'; step: number; value: number }
  | { kind: 'recovered'; ratio: number; after: number | null };

export function cellOutcome(batch: BadBatchSpec, guard: GuardSpec | null): CellOutcome {
  const spec = runSpec(batch, guard);
  const r = simulate(spec);
  const g = guardOutcome(spec, r, clean());
  if (r.nonFinite) return { kind: 'stopped', step: r.nonFinite.step, value: r.nonFinite.value };
  if (g.skipped) return { kind: 'skipped', lateBy1: g.lateBy1 ?? NaN };
  const rep = spikeReport(spec, r);
  return { kind: 'recovered', ratio: rep.ratio, after: rep.recoveredAfter };
}

/** The question's run: the skip rule alone, a NaN batch at step 40. */
export function questionRun(): SimResult {
  return simulate(runSpec(nonFinite(NAN_STEP, 'nan'), SKIP));
}
