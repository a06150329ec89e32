import { simulate, type RunSpec, type SimResult } from '../../engine';
import { edgeSummary, flowLandingSharpness, type EdgeSummary } from '../../engine/analysis/eos-landing';
import { sharpnessTrace, type SharpnessTrace } from '../../engine/analysis/sharpness';
import { specOf } from '../preset';
import { ADAM, EDGE, P1, PRODUCT, QUESTION, START } from './eos-presets';

/** Everything the lesson prints about one run, computed by the engine. */
export interface Traced {
  spec: RunSpec;
  sim: SimResult;
  trace: SharpnessTrace;
  sum: EdgeSummary;
}

export function traced(spec: RunSpec): Traced {
  const sim = simulate(spec);
  const trace = sharpnessTrace(sim, [{ at: 0, spec }]);
  return { spec, sim, trace, sum: edgeSummary(trace, sim) };
}

/** The edge preset's run at another α (the figure's slider). */
export function edgeRun(lr: number): Traced {
  const s = specOf(EDGE);
  return traced({ ...s, optimizer: { ...s.optimizer, lr } });
}

/** Where gradient flow from the start lands: 2√((x0² − y0²)² + 4). */
export const FLOW = flowLandingSharpness(PRODUCT, START);

/** The sharpness GD ends at after the preset's steps, for each α of a grid. */
export function landingCurve(lrs: readonly number[]): { lr: number; end: number; stopped: boolean }[] {
  return lrs.map((lr) => {
    const t = edgeRun(lr);
    return { lr, end: t.sum.end, stopped: t.sim.stoppedAt !== null };
  });
}

export const LANDING_LRS: readonly number[] = Array.from({ length: 31 }, (_, i) => Math.round((0.05 + 0.01 * i) * 1000) / 1000);

/** Two-step subsequences of the loss: the number of k ≥ 2 with loss[k + 2] ≥ loss[k] (0: it falls every two steps). */
export function twoStepRises(sim: SimResult): number {
  let n = 0;
  for (let k = 2; k + 2 < sim.length; k++) if (!(sim.loss[k + 2]! < sim.loss[k]!)) n++;
  return n;
}

/** The Adam run: where its preconditioned sharpness first crosses 38/α, and the loss jump around it. */
export function adamFacts() {
  const adam = traced(specOf(ADAM, 0));
  const gd = traced(specOf(ADAM, 1));
  const { trace, sim } = adam;
  const ratio = (k: number) => trace.sharpness[k]! / trace.threshold[k]!;
  let cross = -1;
  for (let k = 0; k < trace.length; k++) if (ratio(k) >= 1) { cross = k; break; }
  let before = Infinity, after = 0;
  for (let k = Math.max(0, cross - 20); k < cross; k++) before = Math.min(before, sim.loss[k]!);
  for (let k = cross; k >= 0 && k < Math.min(sim.length, cross + 60); k++) after = Math.max(after, sim.loss[k]!);
  let lo = Infinity, hi = -Infinity;
  const from = adam.sum.settledStep;
  for (let k = Math.max(0, from); k < trace.length; k++) { lo = Math.min(lo, ratio(k)); hi = Math.max(hi, ratio(k)); }
  // The same run with torch's default β2 = 0.999: how far its rise gets in the same steps.
  const slowSpec = specOf(ADAM, 0);
  const slow = traced({ ...slowSpec, optimizer: { ...slowSpec.optimizer, betas: [0.9, 0.999] } as RunSpec['optimizer'] });
  let slowPeak = 0;
  for (let k = 0; k < slow.trace.length; k++) slowPeak = Math.max(slowPeak, slow.trace.sharpness[k]! / slow.trace.threshold[k]!);
  return { adam, gd, cross, before, after, band: [lo, hi] as const, startRatio: ratio(0), slowPeak };
}

/** The question: GD at α = 0.25 from the same start. */
export function questionFacts() {
  const q = traced(specOf(QUESTION));
  const edge = 2 / q.spec.optimizer.lr;
  const diverged = q.sim.stoppedAt !== null;
  const answer = diverged ? 'diverges' : Math.abs(q.sum.end - FLOW) < Math.abs(q.sum.end - edge) ? 'flow' : 'edge';
  return { q, edge, answer: answer as 'diverges' | 'flow' | 'edge' };
}

/** p = 1, ½(xy − 1)², from the same start: sharp from the first step. */
export function p1Facts(): Traced {
  return traced(specOf(P1));
}
