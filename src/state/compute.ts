import {
  allocateResult, classifyRun, hasExtras, trimResult, createSurface, Run, stabilityReport, type Regime, type RunSpec, type SimResult,
  type StabilityReport, type Surface, type NonFinite,
} from '../engine';

/** A run's settings over time: history[0] applies from step 0, each later entry from its `at`. */
export interface Segment {
  at: number;
  spec: RunSpec;
}

export interface RunResult {
  id: string;
  index: number;
  /** The settings in force now (the last segment). */
  spec: RunSpec;
  history: Segment[];
  sim: SimResult;
  nonFinite: NonFinite | null;
  report: StabilityReport;
  /** The closed-form prediction where one exists (exact at the boundary), else what the trajectory did. */
  regime: Regime;
  /** What the trajectory itself did (classifyRun). */
  observed: Regime;
}

/** Runs a history: the first segment from the start, each later one from its step, state carried over. */
export function simulateHistory(history: readonly Segment[], surface?: Surface): SimResult {
  const first = history[0]!;
  const steps = first.spec.steps;
  const out = allocateResult(steps, 2, history.some((s) => hasExtras(s.spec)));
  const run = new Run(first.spec, surface);
  let bad: NonFinite | null = null;
  for (let i = 0; i < history.length && !bad; i++) {
    const seg = history[i]!;
    if (i > 0) run.reconfigure(seg.spec);
    const until = Math.min(steps, history[i + 1]?.at ?? steps);
    bad = run.advance(out, until);
  }
  return trimResult(out, bad);
}

/**
 * Recomputes only what changed: a run whose history serialises the same as last time keeps its
 * result. The surface object is shared by all runs of the same surface spec.
 */
export class ResultCache {
  private byId = new Map<string, { key: string; result: RunResult }>();
  private surfaceKey = '';
  private surfaceObj: Surface | null = null;

  surfaceFor(spec: RunSpec): Surface {
    const key = JSON.stringify(spec.surface);
    if (key !== this.surfaceKey || !this.surfaceObj) {
      this.surfaceKey = key;
      this.surfaceObj = createSurface(spec.surface);
    }
    return this.surfaceObj;
  }

  compute(id: string, index: number, history: Segment[]): RunResult {
    const key = JSON.stringify(history);
    const hit = this.byId.get(id);
    if (hit && hit.key === key) {
      if (hit.result.index !== index) hit.result = { ...hit.result, index };
      return hit.result;
    }
    const spec = history[history.length - 1]!.spec;
    const surface = this.surfaceFor(spec);
    const sim = simulateHistory(history, surface);
    const report = stabilityReport(spec, surface);
    const observed = classifyRun(surface, sim);
    // A prediction for a run that was changed mid-way describes only its last segment.
    const regime = history.length === 1 && report.prediction ? report.prediction.regime : observed;
    const result: RunResult = { id, index, spec, history, sim, nonFinite: sim.nonFinite, report, regime, observed };
    this.byId.set(id, { key, result });
    return result;
  }

  forget(keep: ReadonlySet<string>): void {
    for (const id of this.byId.keys()) if (!keep.has(id)) this.byId.delete(id);
  }
}
